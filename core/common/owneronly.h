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
    // The directory holds files of others too (a --data-dir of $HOME or /tmp): it was left as it was, only
    // SkladHook's own files in it were restricted.
    bool shared = false;
};
// Makes SkladHook's own files directly in `dataDir` (settings.ini, skladhook.db and its companions, serve.lock)
// 0600, and the directory 0700 when it holds nothing else: a directory made by an older version or by hand. A
// directory that holds anything else is not SkladHook's to change: making $HOME or /tmp 0700, or every file in them
// 0600, would break the programs and people that use them.
Secured secure(const QString &dataDir);
// Whether a file directly in the data directory is one of SkladHook's own, by its name.
bool isOwnFile(const QString &fileName);

} // namespace OwnerOnly
