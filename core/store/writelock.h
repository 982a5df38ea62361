// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>

// An exclusive lock across processes (flock(2) on a file beside the database) held by a StoreWriter around each
// write transaction, its checkpoint and the closing of its connection. Any process may hold a StoreWriter (serve,
// the GUI, a CLI command logging what it did); with this lock at most one of them writes or checkpoints at a time,
// so Debian's SQLite 3.40 WAL-reset race (a commit resetting the WAL while another connection checkpoints) cannot
// happen. flock locks belong to an open file description: two WriteLocks exclude each other even in one process.
class WriteLock final
{
public:
    explicit WriteLock(QString path);
    ~WriteLock();
    WriteLock(const WriteLock &) = delete;
    WriteLock &operator=(const WriteLock &) = delete;

    // <databasePath>-lock
    static QString pathFor(const QString &databasePath);

    // Waits up to timeoutMs for the lock (0: one try). The error says who to look for.
    Result<Done, QString> acquire(int timeoutMs);
    void release();
    bool isHeld() const { return m_held; }

private:
    QString m_path;
    int m_fd = -1;
    bool m_held = false;
};
