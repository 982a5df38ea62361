// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuesink.h"

#include "common/diagnosticslog.h"
#include "queue/taskqueue.h"
#include "queue/worker.h"

#include <QMetaObject>

QueueSink::QueueSink(TaskQueue *queue, Worker *worker, DiagnosticsLog *log)
    : m_queue(queue)
    , m_worker(worker)
    , m_log(log)
{}

void QueueSink::setModes(const QHash<QString, ExecutionMode> &modes)
{
    QMutexLocker locker(&m_modesMutex);
    m_modes = modes;
}

ExecutionMode QueueSink::modeOf(const QString &entityType, const QString &action) const
{
    QMutexLocker locker(&m_modesMutex);
    return m_modes.value(entityType + QLatin1Char('/') + action, ExecutionMode::Immediate);
}

void QueueSink::persist(Delivery delivery, std::function<void(PersistOutcome)> done)
{
    m_queue->enqueue(
        delivery, [this](const QString &entity, const QString &action) { return modeOf(entity, action); },
        [this, done = std::move(done), requestId = delivery.requestId](TaskQueue::Enqueued enqueued) {
            // On the writer thread, right after COMMIT: answer first, then start the immediate work. A stored
            // delivery writes no log row: its deliveries row and its tasks are the record (`queue deliveries`).
            done(enqueued.outcome);
            if (enqueued.outcome == PersistOutcome::Failed && m_log)
                m_log->write(
                    LogEntry::error(QStringLiteral("queue"),
                                    LogText(QT_TRANSLATE_NOOP("LogMessage",
                                                              "The delivery could not be stored: MoySklad will retry")))
                        .withRequestId(requestId));
            Worker *worker = m_worker;
            if (m_processing.loadAcquire() != 0 && !enqueued.immediate.isEmpty() && worker)
                QMetaObject::invokeMethod(worker, [worker, ids = enqueued.immediate] { worker->processNow(ids); });
        });
}
