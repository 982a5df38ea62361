// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queue/task.h"
#include "service/service.h"
#include "store/readconnection.h"
#include "store/serviceregistry.h"
#include "workspace/hookhealth.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

class Workspace;

// What the status bar, the tray and the queue tab show about the service of a data directory, the same whether it
// runs in this app or in `skladhook-cli serve`: the receiver's state in words, the queue's counts and the worker's
// last and next run. Read from the database (service_state, tasks) every couple of seconds and on every change the
// workspace reports.
class ServiceStatus final : public QObject
{
    Q_OBJECT

public:
    explicit ServiceStatus(Workspace *workspace, QObject *parent = nullptr);
    ~ServiceStatus() override;

    QString receiverText() const;
    QueueStats stats() const { return m_stats; }
    QDateTime lastWorkerRun() const { return m_snapshot.lastWorkerRun; }
    QDateTime nextWorkerRun() const { return m_snapshot.nextWorkerRun; }
    // Service::holdName() of what holds processing, "on" when nothing does; empty before any service ran.
    QString processing() const { return m_snapshot.processing; }
    // Valid while the serving process finds MoySklad unreachable (its circuit breaker is open): since when.
    QDateTime moyskladUnreachableSince() const { return m_snapshot.moyskladUnreachableSince; }
    // The last hook-health check of the serving process (this one or `serve`): which hooks of ours it found
    // disabled or removed, and whether it repaired them.
    const HookHealth::Snapshot &hookHealth() const { return m_hookHealth; }
    // Remote mode: the services of the shared store heard from lately (ServiceRegistry), by machine.
    const QList<ServiceRegistry::Entry> &services() const { return m_services; }
    // Those findings in words ("customerorder/UPDATE was disabled in MoySklad and enabled again"); empty when every
    // hook of ours was found working.
    QString hookHealthText() const;
    // The receiver cannot run, processing is held, or a hook of ours is off and not repaired: shown in red.
    bool needsAttention() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void changed();
    // The serving process found MoySklad unreachable at `since`, and now it answers again (the backlog drains).
    void outageEnded(const QDateTime &since, const QDateTime &until);

private:
    // The status line in remote mode: the store's server, its services, and what a machine lacks.
    QString remoteText() const;
    Workspace *m_workspace = nullptr;
    ReadConnection m_reader;
    QTimer m_timer;
    QueueStats m_stats;
    ServiceSnapshot m_snapshot;
    HookHealth::Snapshot m_hookHealth;
    QList<ServiceRegistry::Entry> m_services;
};
