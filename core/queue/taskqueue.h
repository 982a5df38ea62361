// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "intake/delivery.h"
#include "queue/task.h"
#include "store/readconnection.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>

class StoreWriter;

// The tasks table. Writes go through the StoreWriter (callbacks come back on this object's thread); reads use
// a read-only connection of this object's thread. Claims carry an expiring lease and a fencing token, so a crash
// at any moment neither loses nor strands a task, and a stale worker cannot complete a task claimed again since.
class TaskQueue final : public QObject
{
    Q_OBJECT

public:
    struct Policy
    {
        int maxAttempts = 8;
        int leaseMs = 5 * 60 * 1000;
        int backoffBaseMs = 30 * 1000; // exponential backoff with jitter: base * 2^(attempt-1), capped
        int backoffMaxMs = 60 * 60 * 1000;
    };
    // Why an attempt failed, and what that means for the task.
    struct Failure
    {
        QString error;
        bool retryable = true;    // false: dead at once
        bool countAttempt = true; // false: rescheduled without spending an attempt (rate limiting)
        // Due again at once rather than after a backoff: what failed was not the task but something the service
        // holds processing for (a refused token), so it is taken as soon as processing resumes.
        bool dueAtOnce = false;
        int httpStatus = 0; // MoySklad's answer, for the attempt's history; 0 when none
    };
    // What a completed attempt did, for the task and its history.
    struct Completion
    {
        TaskOutcome outcome = TaskOutcome::Applied;
        int httpStatus = 0; // 0: no request was needed (a deletion, a skipped event)
    };
    using ModeOf = std::function<ExecutionMode(const QString &entityType, const QString &action)>;
    template<typename T>
    using Callback = std::function<void(Result<T, QString>)>;

    struct Enqueued
    {
        PersistOutcome outcome = PersistOutcome::Stored;
        QList<qint64> immediate; // tasks to process right after the answer
    };

    TaskQueue(StoreWriter *writer, Policy policy, const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~TaskQueue() override;

    // Commits a delivery's events as tasks, or recognises a requestId seen before (no new work). `done` runs on the
    // StoreWriter thread right after COMMIT: the receiver answers from there.
    void enqueue(const Delivery &delivery, const ModeOf &modeOf, std::function<void(Enqueued)> done);

    // Claims up to `limit` due tasks (or exactly `ids`, when due), leased for policy.leaseMs. The attempt is spent
    // here, at the claim: a failure that must not spend one gives it back (Failure::countAttempt false). A due task
    // already claimed policy.maxAttempts times without an outcome (the process died processing it) is not claimed
    // but made dead, and announced through abandoned() before `done` runs.
    void claim(int limit, const QList<qint64> &ids, Callback<QList<Task>> done);
    // Finishes a claimed task. False when the claim is stale (the task was claimed again since).
    void complete(const Task &task, Callback<bool> done);
    // A failed attempt: retried with backoff, dead after maxAttempts or when not retryable. `countAttempt` false:
    // rescheduled without spending an attempt (rate limiting slows processing down, it never fails tasks).
    void fail(const Task &task, const QString &error, bool retryable, bool countAttempt, Callback<bool> done);

    // The same two inside a StoreWriter job, for jobs that finish tasks in the transaction that wrote their results.
    // Fencing: only the claim that holds the task (its lease_token, status running) changes it; false otherwise.
    // Each writes the attempt's row in task_attempts with the task's change.
    static Result<bool, QString> completeIn(QSqlDatabase &db, const Task &task, const QDateTime &at,
                                            const Completion &completion);
    static Result<bool, QString> failIn(QSqlDatabase &db, const Task &task, const Failure &failure,
                                        const Policy &policy, const QDateTime &at);
    // Whether failIn makes the task dead rather than retrying.
    static bool isFinal(const Task &task, const Failure &failure, const Policy &policy);

    void retry(qint64 id, Callback<bool> done); // dead, cancelled or retrying → pending now, attempts reset
    void retryDead(Callback<int> done);
    void cancel(qint64 id, Callback<bool> done); // pending, retrying or dead → cancelled
    // Every task that matches and that the action may change (retry: dead, cancelled or retrying; cancel: pending,
    // retrying or dead); `done` gets how many changed.
    void applyToMatching(BulkAction action, const TaskFilter &filter, Callback<int> done);
    // Done and cancelled tasks, and deliveries, older than retentionDays; `done` gets how many tasks went.
    void prune(int retentionDays, Callback<int> done);
    // Running tasks whose worker is gone (the process that held the data directory's lock crashed) become due now,
    // without waiting for their leases to expire. Only the lock holder may call this. They keep the attempt their
    // claim spent, so a task that crashes the process every time dies at its claim after maxAttempts restarts.
    void releaseOrphans(Callback<int> done);

    // The last_error of a task made dead by a claim after `attempts` claims without an outcome.
    static QString abandonedError(int attempts);

    // Reads (the queue's own read-only connection, opened once the database exists).
    Result<QueueStats, QString> stats();
    // The same from any read connection (a GUI attached to another process's database).
    static Result<QueueStats, QString> readStats(QSqlDatabase &db);
    Result<QList<Task>, QString> list(std::optional<TaskStatus> status, int limit = 200);
    // The newest tasks that match, at most `limit`.
    Result<QList<Task>, QString> list(const TaskFilter &filter, int limit = 200);
    // How many tasks applyToMatching() would change now: what a confirmation states.
    Result<int, QString> countMatching(BulkAction action, const TaskFilter &filter);
    // A task's attempts, oldest first.
    Result<QList<TaskAttempt>, QString> attempts(qint64 taskId);
    Result<std::optional<Task>, QString> task(qint64 id);
    // Stored deliveries, newest first; only the one with `requestId` when it is not empty.
    Result<QList<DeliveryRecord>, QString> deliveries(const QString &requestId = {}, int limit = 200);

    const Policy &policy() const { return m_policy; }
    void setPolicy(const Policy &policy) { m_policy = policy; }

Q_SIGNALS:
    // Tasks a claim made dead rather than take again (see claim()), on this object's thread.
    void abandoned(const QList<Task> &tasks);

private:
    QString now() const;
    // `done` as a callable for the writer's thread that answers on the queue's.
    template<typename T>
    std::function<void(Result<T, QString>)> onQueueThread(Callback<T> done);
    template<typename T>
    void run(std::function<Result<T, QString>(QSqlDatabase &)> job, Callback<T> done);

    StoreWriter *m_writer = nullptr;
    Policy m_policy;
    const Clock &m_clock;
    ReadConnection m_reader;
    // The writer's memory of the deliveries stored lately (a SQLite store's redelivery check), read from the table
    // by the first delivery's job. Only the writer's jobs touch it.
    struct Recent;
    std::shared_ptr<Recent> m_recent;
};
