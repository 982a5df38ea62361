// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/storeleadership.h"

#include "common/logcategories.h"

#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace {
// Any two numbers: the advisory lock the leader holds ("SkladHook", "periodic").
constexpr int lockNamespace = 0x534B4C48;
constexpr int periodicJobsLock = 1;
} // namespace

StoreLeadership::StoreLeadership(QString location)
    : m_connection(std::move(location), QStringLiteral("leadership"))
{}

bool StoreLeadership::lead()
{
    if (m_heldIn != 0 && m_heldIn == m_connection.session() && m_connection.isOpen())
        return true;
    std::optional<bool> held;
    {
        const auto opened = m_connection.open();
        if (!opened.ok()) {
            qCWarning(lcStore) << "cannot reach the store to lead its periodic jobs:" << opened.error();
            return false;
        }
        QSqlQuery query(opened.value());
        if (query.exec(
                QStringLiteral("SELECT pg_try_advisory_lock(%1, %2)").arg(lockNamespace).arg(periodicJobsLock)) &&
            query.next())
            held = query.value(0).toBool();
        else
            qCWarning(lcStore) << "cannot ask for the lead of the periodic jobs:" << query.lastError().text();
    }
    if (!held) {
        m_connection.close(); // reconnects at the next try
        return false;
    }
    m_heldIn = *held ? m_connection.session() : 0;
    return *held;
}
