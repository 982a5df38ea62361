// SPDX-License-Identifier: GPL-3.0-or-later
#include "readconnection.h"

#include "store/database.h"

#include <QAtomicInteger>
#include <QThread>

namespace {
QString nextReadConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("skladhook-read-%1").arg(counter.fetchAndAddRelaxed(1));
}
} // namespace

ReadConnection::ReadConnection(QString databasePath)
    : m_path(std::move(databasePath))
    , m_name(nextReadConnectionName())
    , m_thread(QThread::currentThread())
{
    open();
}

ReadConnection::~ReadConnection()
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "ReadConnection", "destroyed on another thread than its own");
    close();
}

bool ReadConnection::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

bool ReadConnection::ensureOpen()
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "ReadConnection", "used on another thread than its own");
    if (isOpen())
        return true;
    close();
    open();
    return isOpen();
}

QSqlDatabase &ReadConnection::db()
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "ReadConnection", "used on another thread than its own");
    return m_db;
}

void ReadConnection::open()
{
    m_error.clear();
    {
        auto opened = Database::open(m_path, m_name, true);
        if (opened.ok())
            m_db = opened.value();
        else
            m_error = opened.error();
    }
    // A failed open may have registered the name already: forget it, so the next attempt starts clean.
    if (!m_error.isEmpty())
        close();
}

void ReadConnection::close()
{
    if (m_db.isValid())
        m_db.close();
    // Our handle goes first: removeDatabase() warns about, and breaks, a connection that still has handles.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}
