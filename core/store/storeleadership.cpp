// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/storeleadership.h"

#include "common/logcategories.h"
#include "store/database.h"
#include "store/storeurl.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// Any two numbers: the advisory lock the leader holds ("SkladHook", "periodic").
constexpr int lockNamespace = 0x534B4C48;
constexpr int periodicJobsLock = 1;
} // namespace

StoreLeadership::StoreLeadership(QString location)
    : m_location(std::move(location))
{
    static QAtomicInteger<int> counter;
    m_connection = QStringLiteral("skladhook-leadership-%1").arg(counter.fetchAndAddRelaxed(1));
}

StoreLeadership::~StoreLeadership()
{
    Database::close(m_connection); // the lock goes with the session
}

bool StoreLeadership::lead()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isValid() || !db.isOpen()) {
        m_held = false; // a new session holds nothing
        Database::close(m_connection);
        const auto url = StoreUrl::parse(m_location);
        const auto opened = url.ok() ? url.value().open(m_connection) : Result<QSqlDatabase, QString>(url.error());
        if (!opened.ok()) {
            qCWarning(lcStore) << "cannot reach the store to lead its periodic jobs:" << opened.error();
            return false;
        }
        db = opened.value();
    }
    if (m_held)
        return true;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1, %2)").arg(lockNamespace).arg(periodicJobsLock)) ||
        !query.next()) {
        qCWarning(lcStore) << "cannot ask for the lead of the periodic jobs:" << query.lastError().text();
        query = QSqlQuery();
        db = QSqlDatabase();
        Database::close(m_connection); // reconnects at the next try
        return false;
    }
    m_held = query.value(0).toBool();
    return m_held;
}
