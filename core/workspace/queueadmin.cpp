// SPDX-License-Identifier: GPL-3.0-or-later
#include "queueadmin.h"

#include "diagnostics/sqlitediagnosticslog.h"
#include "intake/delivery.h"
#include "service/service.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "workspace/workspace.h"

#include <QPointer>
#include <QUuid>

namespace {
const QString queueCategory = QStringLiteral("queue");
}

QueueAdmin::QueueAdmin(Workspace *workspace, QString origin, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_origin(std::move(origin))
{
    TaskQueue::Policy policy;
    policy.maxAttempts = workspace->settings().workerMaxAttempts();
    m_queue = std::make_unique<TaskQueue>(&workspace->writer(), policy, workspace->clock());
}

QueueAdmin::~QueueAdmin() = default;

Result<QueueStats, QString> QueueAdmin::stats()
{
    return m_queue->stats();
}

Result<QList<Task>, QString> QueueAdmin::list(std::optional<TaskStatus> status, int limit)
{
    return m_queue->list(status, limit);
}

Result<QList<Task>, QString> QueueAdmin::list(const TaskFilter &filter, int limit)
{
    return m_queue->list(filter, limit);
}

Result<std::optional<Task>, QString> QueueAdmin::task(qint64 id)
{
    return m_queue->task(id);
}

Result<QList<TaskAttempt>, QString> QueueAdmin::attempts(qint64 taskId)
{
    return m_queue->attempts(taskId);
}

Result<int, QString> QueueAdmin::countMatching(BulkAction action, const TaskFilter &filter)
{
    return m_queue->countMatching(action, filter);
}

void QueueAdmin::finished(const LogText &message)
{
    m_workspace->log().info(queueCategory, message);
    m_workspace->announce(ChangeTopic::Queue);
}

void QueueAdmin::refetch(const QHash<QString, QStringList> &idsByType, Callback<int> done)
{
    Delivery delivery;
    delivery.requestId = QStringLiteral("refetch-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    delivery.receivedAt = m_workspace->clock().utcNow();
    const QString api = m_workspace->apiUrl().toString();
    for (auto it = idsByType.cbegin(); it != idsByType.cend(); ++it) {
        for (const QString &id : it.value()) {
            // UPDATE: fetched by id like any change; an id MoySklad does not return is marked deleted.
            DeliveryEvent event;
            event.entityType = it.key();
            event.action = QStringLiteral("UPDATE");
            event.documentId = id;
            event.href = QStringLiteral("%1/entity/%2/%3").arg(api, it.key(), id);
            delivery.events.append(event);
        }
    }
    const int count = int(delivery.events.size());
    if (count == 0) {
        done(0);
        return;
    }
    QPointer<QueueAdmin> self(this);
    m_queue->enqueue(
        delivery, [](const QString &, const QString &) { return ExecutionMode::Queued; },
        [self, count, done](TaskQueue::Enqueued enqueued) {
            // On the writer's thread: back to this object's.
            QMetaObject::invokeMethod(
                self.data(),
                [self, count, done, enqueued] {
                    if (enqueued.outcome == PersistOutcome::Failed) {
                        done(QStringLiteral("the documents could not be queued"));
                        return;
                    }
                    self->finished(
                        LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 document(s) queued to be fetched again %2"), count,
                                self->m_origin));
                    done(count);
                },
                Qt::QueuedConnection);
        });
}

void QueueAdmin::retry(qint64 id, Callback<bool> done)
{
    m_queue->retry(id, [this, id, done](Result<bool, QString> result) {
        if (result.ok() && result.value())
            finished(LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 queued again %2"), id, m_origin));
        done(result);
    });
}

void QueueAdmin::retryDead(Callback<int> done)
{
    m_queue->retryDead([this, done](Result<int, QString> result) {
        // Logged even when nothing was dead: a person asked for it.
        if (result.ok())
            finished(
                LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 dead task(s) queued again %2"), result.value(), m_origin));
        done(result);
    });
}

void QueueAdmin::cancel(qint64 id, Callback<bool> done)
{
    m_queue->cancel(id, [this, id, done](Result<bool, QString> result) {
        if (result.ok() && result.value())
            finished(LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 cancelled %2"), id, m_origin));
        done(result);
    });
}

void QueueAdmin::applyToMatching(BulkAction action, const TaskFilter &filter, Callback<int> done)
{
    m_queue->applyToMatching(action, filter, [this, action, done](Result<int, QString> result) {
        if (result.ok())
            finished(action == BulkAction::Retry
                         ? LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 matching task(s) queued again %2"),
                                   result.value(), m_origin)
                         : LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 matching task(s) cancelled %2"), result.value(),
                                   m_origin));
        done(result);
    });
}

Result<Done, QString> QueueAdmin::setPaused(bool paused)
{
    if (paused == isPaused())
        return Done{};
    const auto set =
        m_workspace->settings().set(SettingKey::QueuePaused, paused ? QStringLiteral("on") : QStringLiteral("off"));
    if (!set.ok())
        return set.error();
    m_workspace->log().info(queueCategory,
                            paused ? LogText(QT_TRANSLATE_NOOP("LogMessage", "Processing paused %1"), m_origin)
                                   : LogText(QT_TRANSLATE_NOOP("LogMessage", "Processing resumed %1"), m_origin));
    return Done{};
}

bool QueueAdmin::isPaused() const
{
    return m_workspace->settings().queuePaused();
}

QString QueueAdmin::serviceProcessing() const
{
    return serviceSnapshot().processing;
}

ServiceSnapshot QueueAdmin::serviceSnapshot() const
{
    ReadConnection reader(m_workspace->storeLocation());
    return reader.isOpen() ? Service::readSnapshot(reader.db()) : ServiceSnapshot();
}
