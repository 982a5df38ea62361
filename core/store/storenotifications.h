// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storeconnection.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

// Immediate work announced by the other services of a shared PostgreSQL store (LISTEN/NOTIFY): the task ids of a
// delivery another service's receiver committed, so that a service that is free takes them at once instead of at its
// next tick — when the receiving service is busy, holds processing (no token on its machine), or died right after
// committing. On a connection of its own, on the thread that made it; one that is lost is opened again.
class StoreNotifications final : public QObject
{
    Q_OBJECT

public:
    // The channel the store's writers notify on (TaskQueue::enqueue, through SqlDialect::notifyImmediate).
    static QString channel();

    // `location`: a PostgreSQL URL (Database::isPostgres). Connects and listens at once.
    explicit StoreNotifications(QString location, QObject *parent = nullptr);

    bool isListening() const { return m_listening; }

Q_SIGNALS:
    // Tasks due now that another process enqueued; this process's own notifications are not reported.
    void immediateTasks(const QList<qint64> &ids);

private:
    void listen();

    StoreConnection m_connection;
    QTimer m_check; // reopens a lost connection
    bool m_listening = false;
};
