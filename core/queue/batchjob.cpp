// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchjob.h"

#include "documents/documentprocessors.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

Result<Done, QString> exec(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return query.lastError().text();
    return Done{};
}

} // namespace

BatchJob BatchJob::completing(std::shared_ptr<const DocumentProcessors> processors, QString entityType,
                              QList<Task> tasks, QList<QJsonObject> documents, QStringList deletedIds,
                              QDateTime fetchedAt, const TaskQueue::Policy &policy, const Clock &clock)
{
    BatchJob job;
    job.m_processors = std::move(processors);
    job.m_entityType = std::move(entityType);
    job.m_tasks = std::move(tasks);
    job.m_documents = std::move(documents);
    job.m_deletedIds = std::move(deletedIds);
    job.m_fetchedAt = std::move(fetchedAt);
    job.m_policy = policy;
    job.m_at = clock.utcNow();
    return job;
}

BatchJob BatchJob::failing(QList<Task> tasks, TaskQueue::Failure failure, const TaskQueue::Policy &policy,
                           const Clock &clock)
{
    BatchJob job;
    job.m_tasks = std::move(tasks);
    job.m_failure = std::move(failure);
    job.m_policy = policy;
    job.m_at = clock.utcNow();
    return job;
}

Result<QList<BatchJob::Finished>, QString> BatchJob::run(QSqlDatabase &db) const
{
    if (!m_processors)
        return fail(db, m_failure);
    // A savepoint of its own inside the writer's: a failed apply takes the completions back with it, and the
    // failures recorded instead still commit with the rest of the writer's batch.
    auto begun = exec(db, QStringLiteral("SAVEPOINT batch"));
    if (!begun.ok())
        return begun.error();
    auto completed = complete(db);
    if (completed.ok()) {
        auto released = exec(db, QStringLiteral("RELEASE batch"));
        if (!released.ok())
            return released.error();
        return completed;
    }
    auto undone = exec(db, QStringLiteral("ROLLBACK TO batch"));
    if (undone.ok())
        undone = exec(db, QStringLiteral("RELEASE batch"));
    if (!undone.ok())
        return undone.error();
    return fail(db, TaskQueue::Failure{completed.error(), true, true});
}

Result<QList<BatchJob::Finished>, QString> BatchJob::complete(QSqlDatabase &db) const
{
    const DocumentProcessor *processor = m_processors->processorFor(m_entityType);
    if (!processor)
        return QStringLiteral("SkladHook does not process %1 documents").arg(m_entityType);
    // Completing first tells which claims still hold. A document is written only for a task whose claim holds: a
    // task claimed again since belongs to a newer pass that fetches the document again, and its answer is the one to
    // keep. Writing ours would be dropped by the `updated` guard at best; a deletion recorded from our stale answer
    // would outrank the newer pass's answer (fetched before it), so stale batches write nothing.
    QList<Finished> finished;
    QSet<QString> held;
    for (const Task &task : m_tasks) {
        const TaskQueue::Completion completion = completionOf(*processor, task);
        auto done = TaskQueue::completeIn(db, task, m_at, completion);
        if (!done.ok())
            return done.error();
        finished.append({task, done.value() ? Outcome::Done : Outcome::ResultDropped, {}, completion.outcome});
        if (done.value())
            held.insert(task.documentId);
    }
    for (const QJsonObject &document : m_documents) {
        const QString id = document.value(QLatin1String("id")).toString();
        // An answer without an id is applied anyway, so that its error fails the batch instead of vanishing.
        if (!id.isEmpty() && !held.contains(id))
            continue;
        auto applied = processor->apply(db, document, m_fetchedAt);
        if (!applied.ok())
            return applied.error();
    }
    for (const QString &id : m_deletedIds) {
        if (!held.contains(id))
            continue;
        auto marked = processor->markDeleted(db, id, m_at);
        if (!marked.ok())
            return marked.error();
    }
    return finished;
}

TaskQueue::Completion BatchJob::completionOf(const DocumentProcessor &processor, const Task &task) const
{
    switch (processor.handlingOf(task.action)) {
    case DocumentProcessor::Handling::Skip:
        return {TaskOutcome::Skipped, 0};
    case DocumentProcessor::Handling::MarkDeleted:
        return {TaskOutcome::Deleted, 0};
    case DocumentProcessor::Handling::Fetch:
        break;
    }
    // Asked for and not returned: MoySklad no longer has it.
    return {m_deletedIds.contains(task.documentId) ? TaskOutcome::Gone : TaskOutcome::Applied, 200};
}

Result<QList<BatchJob::Finished>, QString> BatchJob::fail(QSqlDatabase &db, const TaskQueue::Failure &failure) const
{
    QList<Finished> finished;
    for (const Task &task : m_tasks) {
        auto failed = TaskQueue::failIn(db, task, failure, m_policy, m_at);
        if (!failed.ok())
            return failed.error();
        const Outcome outcome = !failed.value()                               ? Outcome::FailureDropped
                                : TaskQueue::isFinal(task, failure, m_policy) ? Outcome::Dead
                                                                              : Outcome::Retrying;
        finished.append({task, outcome, failure.error});
    }
    return finished;
}
