// SPDX-License-Identifier: GPL-3.0-or-later
#include "writelock.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

WriteLock::WriteLock(QString path)
    : m_path(std::move(path))
{}

WriteLock::~WriteLock()
{
    release();
    if (m_fd >= 0)
        ::close(m_fd);
}

QString WriteLock::pathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral("-lock");
}

Result<Done, QString> WriteLock::acquire(int timeoutMs)
{
    if (m_held)
        return Done{};
    if (m_fd < 0) {
        // Never deleted: removing a lock file another process may be waiting on would split the lock in two.
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd < 0)
            return QStringLiteral("cannot open the write lock %1: %2")
                .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
    }
    // flock has no timed wait: poll like SQLite's own busy handler, starting at 1 ms. Writes are short.
    QDeadlineTimer deadline(timeoutMs);
    unsigned long pauseMs = 1;
    for (;;) {
        if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0) {
            m_held = true;
            return Done{};
        }
        if (errno == EINTR)
            continue;
        if (errno != EWOULDBLOCK)
            return QStringLiteral("cannot lock %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        if (deadline.hasExpired())
            return QStringLiteral("the database is busy: another SkladHook process has been writing it for %1 ms")
                .arg(timeoutMs);
        QThread::msleep(std::min<unsigned long>(pauseMs, std::max<qint64>(deadline.remainingTime(), 1)));
        pauseMs = std::min<unsigned long>(pauseMs * 2, 20);
    }
}

void WriteLock::release()
{
    if (!m_held)
        return;
    ::flock(m_fd, LOCK_UN);
    m_held = false;
}
