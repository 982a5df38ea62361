// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "intake/delivery.h"
#include "queue/task.h"

#include <QAtomicInteger>
#include <QHash>
#include <QMutex>

class DiagnosticsLog;
class TaskQueue;
class Worker;

// The receiver's DeliverySink in front of the task queue: persist first (one task per event, each with the execution
// mode its hook has at that moment), answer second, then hand the immediate tasks to the worker. While processing
// is held (no API token yet, or a held queue), immediate tasks stay due and the worker takes them when it resumes.
class QueueSink final : public DeliverySink
{
public:
    QueueSink(TaskQueue *queue, Worker *worker, DiagnosticsLog *log);

    // Execution mode per "entity/ACTION"; hooks not listed are processed immediately. Thread-safe.
    void setModes(const QHash<QString, ExecutionMode> &modes);
    ExecutionMode modeOf(const QString &entityType, const QString &action) const;
    // Whether immediate tasks go to the worker right after the answer. Thread-safe.
    void setProcessing(bool enabled) { m_processing.storeRelease(enabled ? 1 : 0); }

    // Called on the receiver's thread.
    void persist(Delivery delivery, std::function<void(PersistOutcome)> done) override;

private:
    TaskQueue *m_queue = nullptr;
    Worker *m_worker = nullptr; // outlives the sink: the service stops the receiver and flushes the writer first
    DiagnosticsLog *m_log = nullptr;
    mutable QMutex m_modesMutex;
    QHash<QString, ExecutionMode> m_modes;
    QAtomicInteger<int> m_processing = 1;
};
