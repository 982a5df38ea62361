// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// The data directory holds the shop's data and, after the explicit opt-in, secrets: it is the user's alone, whatever
// umask the process was started with.
namespace OwnerOnly {

// From now on this process creates files 0600 and directories 0700 (umask 077): the database and its WAL, the
// settings file, the lock file. Called first thing by both executables.
void restrictNewFiles();

struct Secured
{
    QStringList failed; // what could not be changed
    // The directory looks like a place others use too (it holds directories, has the sticky bit as /tmp does, or is
    // the user's home): it was left as it was.
    bool shared = false;
};
// Makes SkladHook's own files directly in `dataDir` (settings.ini, skladhook.db and its companions, serve.lock)
// 0600, and the directory 0700 unless it looks shared: a directory made by an older version or by hand. Other files
// in it are not SkladHook's to change, and neither is a shared directory: making $HOME or /tmp 0700, or every file in
// them 0600, would break the programs and people that use them.
Secured secure(const QString &dataDir);
// Whether a file directly in the data directory is one of SkladHook's own, by its name.
bool isOwnFile(const QString &fileName);

} // namespace OwnerOnly
