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
    const QString requestId = delivery.requestId;
    const int events = int(delivery.events.size());
    m_queue->enqueue(
        delivery, [this](const QString &entity, const QString &action) { return modeOf(entity, action); },
        [this, done = std::move(done), requestId, events](TaskQueue::Enqueued enqueued) {
            // On the writer thread, right after COMMIT: answer first, then start the immediate work.
            done(enqueued.outcome);
            LogEntry entry;
            entry.category = QStringLiteral("queue");
            entry.requestId = requestId;
            const bool processing = m_processing.loadAcquire() != 0;
            switch (enqueued.outcome) {
            case PersistOutcome::Stored:
                entry.message = processing ? QStringLiteral("Queued %1 event(s), %2 to process now")
                                                 .arg(events)
                                                 .arg(enqueued.immediate.size())
                                           : QStringLiteral("Queued %1 event(s); processing is on hold").arg(events);
                break;
            case PersistOutcome::Duplicate:
                break; // a redelivery: the receiver counts it, no row
            case PersistOutcome::Failed:
                entry.level = LogLevel::Error;
                entry.message = QStringLiteral("The delivery could not be stored: MoySklad will retry");
                break;
            }
            if (m_log && !entry.message.isEmpty())
                m_log->write(entry);
            Worker *worker = m_worker;
            if (processing && !enqueued.immediate.isEmpty() && worker)
                QMetaObject::invokeMethod(worker, [worker, ids = enqueued.immediate] { worker->processNow(ids); });
        });
}
