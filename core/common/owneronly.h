// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The data directory holds the shop's data and, after the explicit opt-in, secrets: it is the user's alone, whatever
// umask the process was started with.
namespace OwnerOnly {

// From now on this process creates files 0600 and directories 0700 (umask 077): the database and its WAL, the
// settings file, the lock file. Called first thing by both executables.
void restrictNewFiles();
// Makes `dataDir` 0700 and every file directly in it 0600 (a directory made by an older version, or by hand).
// Returns what could not be changed, empty when all is well.
QStringList secure(const QString &dataDir);

} // namespace OwnerOnly
