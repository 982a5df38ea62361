// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logtext.h"
#include "queue/task.h"
#include "queue/taskqueue.h"
#include "service/service.h"

#include <QObject>

#include <memory>
#include <optional>

class Workspace;

// Queue administration, the same from both faces and whichever process serves: read the counts and the tasks, and
// retry, retry every dead task, or cancel. Each action is logged and announced, so the process that serves the data
// directory takes a retried task within a poll (not at its next worker run).
class QueueAdmin final : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = TaskQueue::Callback<T>;

    // `origin` ends each logged action: "from the command line", "from the desktop app".
    QueueAdmin(Workspace *workspace, QString origin, QObject *parent = nullptr);
    ~QueueAdmin() override;

    // The queue for read-only models (TaskListModel): actions go through this class.
    TaskQueue *queue() const { return m_queue.get(); }

    Result<QueueStats, QString> stats();
    Result<QList<Task>, QString> list(std::optional<TaskStatus> status, int limit = 200);
    Result<QList<Task>, QString> list(const TaskFilter &filter, int limit = 200);
    Result<std::optional<Task>, QString> task(qint64 id);
    Result<QList<TaskAttempt>, QString> attempts(qint64 taskId);
    // What a bulk action would change now, for its confirmation.
    Result<int, QString> countMatching(BulkAction action, const TaskFilter &filter);

    // False when the task is not in a state that allows it (or does not exist).
    void retry(qint64 id, Callback<bool> done);
    void retryDead(Callback<int> done);
    void cancel(qint64 id, Callback<bool> done);
    // Retries or cancels every task that matches (TaskQueue::applyToMatching); `done` gets how many changed.
    void applyToMatching(BulkAction action, const TaskFilter &filter, Callback<int> done);

    // Queues a fetch of these documents by id (what a comparison with MoySklad found missing, stale or extra): the
    // worker of whichever process serves fetches and applies them, and marks deleted those MoySklad no longer has.
    // `done` gets the number of documents queued.
    void refetch(const QHash<QString, QStringList> &idsByType, Callback<int> done);

    // Pauses or resumes processing for whichever process serves the data directory (it follows within a poll; the
    // receiver keeps answering and queueing). The state is a setting: it survives a restart.
    Result<Done, QString> setPaused(bool paused);
    bool isPaused() const;
    // What the serving process last said of its processing: "on", "no-token", "paused"; empty when no service has
    // run on this data directory.
    QString serviceProcessing() const;
    // Everything the serving process last said of itself (Service::readSnapshot); empty when none has run.
    ServiceSnapshot serviceSnapshot() const;

private:
    void finished(const LogText &message);

    Workspace *m_workspace = nullptr;
    QString m_origin;
    std::unique_ptr<TaskQueue> m_queue;
};
