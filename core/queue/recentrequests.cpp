// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/recentrequests.h"

RecentRequests::RecentRequests(qsizetype capacity, qint64 windowMs)
    : m_capacity(capacity)
    , m_windowMs(windowMs)
{}

bool RecentRequests::contains(const QString &requestId) const
{
    return m_received.contains(requestId);
}

void RecentRequests::add(const QString &requestId, qint64 atMs)
{
    m_received.insert(requestId, atMs);
    m_order.emplace_back(requestId, atMs);
    while (!m_order.empty() && (m_order.front().second < atMs - m_windowMs || qsizetype(m_order.size()) > m_capacity)) {
        const auto &[id, at] = m_order.front();
        const auto it = m_received.constFind(id);
        if (it != m_received.cend() && it.value() == at)
            m_received.erase(it);
        m_order.pop_front();
    }
}

void RecentRequests::remove(const QString &requestId)
{
    m_received.remove(requestId); // its entry in m_order is stale now, and goes in its turn
}
