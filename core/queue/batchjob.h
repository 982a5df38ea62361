// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "queue/task.h"
#include "queue/taskqueue.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

class DocumentProcessor;
class DocumentProcessors;

// One StoreWriter job that finishes a batch of claimed tasks of one entity type in the same savepoint as what their
// documents changed: the shop store and the queue never tell different stories, whatever moment the process dies at.
// A completing job applies the fetched documents, marks the given ids deleted and completes the tasks; if any of
// that fails, none of it stays and the tasks fail (retryable) in the same job instead. A failing job only fails them.
class BatchJob final
{
public:
    enum class Outcome {
        Done,           // completed
        Retrying,       // failed, to be retried
        Dead,           // failed for good
        ResultDropped,  // not completed: the task was claimed again since (its lease ended)
        FailureDropped, // not failed, for the same reason
    };
    struct Finished
    {
        Task task;
        Outcome outcome = Outcome::Done;
        QString error;                               // why it failed (Retrying, Dead, FailureDropped)
        TaskOutcome taskOutcome = TaskOutcome::None; // what a completed task did (Done)
    };

    // `documents` as MoySklad returned them for a request sent at `fetchedAt`; `deletedIds` the documents gone (DELETE
    // events, or ids asked for and not returned). Times come from `clock`, read now.
    static BatchJob completing(std::shared_ptr<const DocumentProcessors> processors, QString entityType,
                               QList<Task> tasks, QList<QJsonObject> documents, QStringList deletedIds,
                               QDateTime fetchedAt, const TaskQueue::Policy &policy, const Clock &clock);
    static BatchJob failing(QList<Task> tasks, TaskQueue::Failure failure, const TaskQueue::Policy &policy,
                            const Clock &clock);

    // Runs on the StoreWriter's connection, inside its transaction. An error means nothing of the batch was written
    // (the StoreWriter rolls the job back): the tasks stay claimed until their leases end.
    Result<QList<Finished>, QString> run(QSqlDatabase &db) const;
    const QList<Task> &tasks() const { return m_tasks; }

private:
    BatchJob() = default;
    Result<QList<Finished>, QString> complete(QSqlDatabase &db) const;
    Result<QList<Finished>, QString> fail(QSqlDatabase &db, const TaskQueue::Failure &failure) const;
    TaskQueue::Completion completionOf(const DocumentProcessor &processor, const Task &task) const;

    std::shared_ptr<const DocumentProcessors> m_processors; // null: a failing job
    QString m_entityType;
    QList<Task> m_tasks;
    QList<QJsonObject> m_documents;
    QStringList m_deletedIds;
    QDateTime m_fetchedAt;
    QDateTime m_at;
    TaskQueue::Failure m_failure;
    TaskQueue::Policy m_policy;
};
