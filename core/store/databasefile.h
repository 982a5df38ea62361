// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QString>

// skladhook.db as a file: what is wrong with one that cannot be used, moving it aside (kept, never deleted), and
// copies of it (backup while the service runs, restore while it does not).
namespace DatabaseFile {

struct Problem final
{
    enum class Kind {
        None,         // usable (or absent: it will be created)
        NotADatabase, // not an SQLite file at all: garbage, truncated, encrypted
        Damaged,      // SQLite, but PRAGMA quick_check finds errors
        Foreign,      // a sound SQLite database of another program
        Newer,        // written by a newer SkladHook (schema above ours)
        Unreadable,   // cannot be opened: permissions, I/O
    };
    Kind kind = Kind::None;
    QString path;
    QString detail; // SQLite's own words ("file is not a database", quick_check's first finding…)

    bool ok() const { return kind == Kind::None; }
    // Moving aside and starting fresh is the cure (the file is kept): not for a newer schema or a read error.
    bool canMoveAside() const { return kind == Kind::NotADatabase || kind == Kind::Damaged || kind == Kind::Foreign; }
    // One sentence for people, naming the file and what to do.
    QString message() const;
    // What is wrong with it, without the advice (for a file that is not the store, such as a backup to restore).
    QString finding() const;
};

// Opens `path` read-only and checks it (PRAGMA quick_check: reads every page, so O(size); run it off the GUI thread
// for a large file).
Problem inspect(const QString &path);

// Where a file was moved (empty: there was none).
struct Moved final
{
    QString path;
};

// Renames the file and its -wal / -shm companions to "<path>.damaged-<UTC time>" (or ".replaced-…" for a sound file
// a restore replaces; "-2", "-3"… when that name is taken), and -wal / -shm of that; returns the new name of the main
// file. Nothing is deleted.
enum class Why { Damaged, Replaced };
Result<Moved, QString> moveAside(const QString &path, const QDateTime &nowUtc, Why why = Why::Damaged);

// A consistent copy of the live database into `target` (SQLite's VACUUM INTO on a read-only connection: a snapshot,
// safe while the service writes). `target` must not exist.
Result<Done, QString> backup(const QString &path, const QString &target);

// Puts the copy `source` in place of `path` after checking it is a sound SkladHook database no newer than this
// program; the current file, if any, is moved aside first. Returns where the previous file went (empty if none).
// The caller makes sure no process has the database open.
Result<Moved, QString> restore(const QString &source, const QString &path, const QDateTime &nowUtc);

} // namespace DatabaseFile
