// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/storeconnection.h"

#include "store/database.h"
#include "store/storeurl.h"

#include <QAtomicInteger>

StoreConnection::StoreConnection(QString location, const QString &purpose)
    : m_location(std::move(location))
{
    static QAtomicInteger<int> counter;
    m_name = QStringLiteral("skladhook-%1-%2").arg(purpose).arg(counter.fetchAndAddRelaxed(1));
}

StoreConnection::~StoreConnection()
{
    close();
}

Result<QSqlDatabase, QString> StoreConnection::open()
{
    if (isOpen())
        return database();
    close(); // a lost one is forgotten before its name is taken again
    const auto url = StoreUrl::parse(m_location);
    auto opened = url.ok() ? url.value().open(m_name) : Result<QSqlDatabase, QString>(url.error());
    if (opened.ok())
        ++m_session;
    return opened;
}

QSqlDatabase StoreConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool StoreConnection::isOpen() const
{
    return database().isOpen();
}

void StoreConnection::close()
{
    Database::close(m_name);
}
