// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <deque>
#include <utility>

// The request ids of the deliveries stored lately: how a store that one service writes (SQLite) recognises a
// redelivery. MoySklad sends an unanswered delivery again back to back, within seconds; its `deliveries` table has no
// unique index on the id, whose random keys cost every delivery a page of its own in each commit, the WAL and each
// checkpoint (issue 11: a sixth of a delivery's CPU). A store that several services write (PostgreSQL) keeps its
// unique key instead, as a redelivery may reach another service.
//
// Holds the ids of the last `windowMs`, at most `capacity` (the newest): beyond them a redelivery is stored again, its
// tasks fetching the same documents once more (which changes nothing), never lost. Not thread-safe: the writer's jobs
// alone use it.
class RecentRequests final
{
public:
    static constexpr qsizetype defaultCapacity = 100000;
    static constexpr qint64 defaultWindowMs = 3600 * 1000;

    explicit RecentRequests(qsizetype capacity = defaultCapacity, qint64 windowMs = defaultWindowMs);

    bool contains(const QString &requestId) const;
    // `atMs`: when it was received, ms since the epoch; ids come in the order they were received.
    void add(const QString &requestId, qint64 atMs);
    // A delivery whose transaction did not commit: its redelivery must be stored.
    void remove(const QString &requestId);
    qsizetype size() const { return m_received.size(); }

private:
    qsizetype m_capacity;
    qint64 m_windowMs;
    QHash<QString, qint64> m_received;              // id → when: the newest time an id was added
    std::deque<std::pair<QString, qint64>> m_order; // oldest first; an entry whose id was added again is stale
};
