// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/taskqueue.h"
#include "await.h"
#include "builders.h"
#include "fakeclock.h"
#include "qtmessagefailure.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QEventLoop>
#include <QScopedValueRollback>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <optional>

namespace {

using BoolResult = Result<bool, QString>;
using IntResult = Result<int, QString>;

using Builders::delivery;

class TaskQueueTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(writer.start().ok());
        policy.maxAttempts = 3;
        policy.leaseMs = 60000;
        policy.backoffBaseMs = 1000;
        queue = std::make_unique<TaskQueue>(&writer, policy, clock);
    }

    TaskQueue::Enqueued enqueue(const Delivery &d, ExecutionMode mode = ExecutionMode::Queued)
    {
        return awaitResult<TaskQueue::Enqueued>([&](auto done) {
            queue->enqueue(
                d, [mode](const QString &, const QString &) { return mode; }, done);
        });
    }

    QList<Task> claim(int limit = 100, const QList<qint64> &ids = {})
    {
        auto result = awaitResult<Result<QList<Task>, QString>>([&](auto done) { queue->claim(limit, ids, done); });
        EXPECT_TRUE(result.ok());
        return result.value();
    }

    bool complete(const Task &task)
    {
        return awaitResult<BoolResult>([&](auto done) { queue->complete(task, done); }).value();
    }

    bool fail(const Task &task, bool retryable = true)
    {
        return awaitResult<BoolResult>(
                   [&](auto done) { queue->fail(task, QStringLiteral("HTTP 500"), retryable, true, done); })
            .value();
    }

    QTemporaryDir dir;
    StoreWriter writer{Database::fileIn(dir.path())};
    FakeClock clock;
    TaskQueue::Policy policy;
    std::unique_ptr<TaskQueue> queue;
};

} // namespace

TEST_F(TaskQueueTest, ARequestIdDeliveredTwiceYieldsOneSetOfTasks)
{
    EXPECT_EQ(enqueue(delivery(QStringLiteral("r1"), 3)).outcome, PersistOutcome::Stored);
    EXPECT_EQ(enqueue(delivery(QStringLiteral("r1"), 3)).outcome, PersistOutcome::Duplicate);
    EXPECT_EQ(queue->stats().value().pending, 3);
}

// A SQLite store knows a redelivery from the writer's memory (RecentRequests), which a new queue reads from the table:
// a delivery stored before a restart is still known when MoySklad sends it again.
TEST_F(TaskQueueTest, ARedeliveryAfterARestartIsKnownFromTheStore)
{
    EXPECT_EQ(enqueue(delivery(QStringLiteral("before"), 2)).outcome, PersistOutcome::Stored);
    queue = std::make_unique<TaskQueue>(&writer, policy, clock); // a new process's queue: nothing in memory
    EXPECT_EQ(enqueue(delivery(QStringLiteral("before"), 2)).outcome, PersistOutcome::Duplicate);
    EXPECT_EQ(enqueue(delivery(QStringLiteral("after"), 1)).outcome, PersistOutcome::Stored);
    EXPECT_EQ(queue->stats().value().pending, 3);
}

// A delivery whose transaction did not commit was answered 503: MoySklad's retry must be stored, not taken for a
// redelivery of something the store never kept.
TEST_F(TaskQueueTest, ADeliveryWhoseTransactionFailedIsStoredWhenItComesAgain)
{
    auto holding = std::make_shared<std::atomic<bool>>(false);
    writer.submit([holding](QSqlDatabase &) -> Result<Done, QString> {
        *holding = true;
        QThread::msleep(200);
        return Done{};
    });
    ASSERT_TRUE(QTest::qWaitFor([holding] { return holding->load(); }, 5000));
    // Both queue behind the hold and share the next transaction, which the second job abandons (and the writer
    // warns of).
    QScopedValueRollback allow(allowQtWarnings(), true);
    std::optional<TaskQueue::Enqueued> first;
    queue->enqueue(
        delivery(QStringLiteral("lost"), 1), [](const QString &, const QString &) { return ExecutionMode::Queued; },
        [&first](TaskQueue::Enqueued enqueued) { first = enqueued; });
    writer.submit([](QSqlDatabase &) -> Result<Done, QString> { return QStringLiteral("database or disk is full"); },
                  {}, StoreWriter::Isolation::SharesTheTransaction);
    ASSERT_TRUE(QTest::qWaitFor([&first] { return first.has_value(); }, 5000));
    EXPECT_EQ(first->outcome, PersistOutcome::Failed);

    EXPECT_EQ(enqueue(delivery(QStringLiteral("lost"), 1)).outcome, PersistOutcome::Stored);
    EXPECT_EQ(queue->stats().value().pending, 1);
}

TEST_F(TaskQueueTest, ModesDecideWhatIsProcessedAtOnce)
{
    EXPECT_EQ(enqueue(delivery(QStringLiteral("a"), 3), ExecutionMode::Immediate).immediate.size(), 3);
    EXPECT_EQ(enqueue(delivery(QStringLiteral("b"), 3), ExecutionMode::Queued).immediate.size(), 0);
    const auto mixed = enqueue(delivery(QStringLiteral("c"), 3), ExecutionMode::FirstImmediate);
    ASSERT_EQ(mixed.immediate.size(), 1);
    const auto first = queue->task(mixed.immediate.first()).value();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->eventIndex, 0);
}

TEST_F(TaskQueueTest, AStaleWorkerCannotCompleteATaskClaimedAgain)
{
    enqueue(delivery(QStringLiteral("r"), 1));
    const QList<Task> first = claim();
    ASSERT_EQ(first.size(), 1);
    EXPECT_TRUE(claim().isEmpty());    // leased
    clock.advance(policy.leaseMs + 1); // the first worker died: its lease expires
    const QList<Task> second = claim();
    ASSERT_EQ(second.size(), 1);
    EXPECT_GT(second[0].leaseToken, first[0].leaseToken);
    EXPECT_FALSE(complete(first[0]));
    EXPECT_TRUE(complete(second[0]));
    EXPECT_EQ(queue->stats().value().done, 1);
}

TEST_F(TaskQueueTest, FailuresBackOffThenGoDead)
{
    enqueue(delivery(QStringLiteral("r"), 1));
    for (int attempt = 1; attempt <= policy.maxAttempts; ++attempt) {
        QList<Task> tasks = claim();
        ASSERT_EQ(tasks.size(), 1) << attempt;
        EXPECT_EQ(tasks[0].attempts, attempt);
        ASSERT_TRUE(fail(tasks[0]));
        if (attempt < policy.maxAttempts) {
            EXPECT_EQ(queue->stats().value().retrying, 1);
            EXPECT_TRUE(claim().isEmpty()); // not due before its backoff
            clock.advance(qint64(policy.backoffBaseMs) << attempt);
        }
    }
    const QueueStats stats = queue->stats().value();
    EXPECT_EQ(stats.dead, 1);
    const Task dead = queue->list(TaskStatus::Dead).value().first();
    EXPECT_EQ(dead.lastError, QStringLiteral("HTTP 500"));

    EXPECT_EQ(awaitResult<IntResult>([&](auto done) { queue->retryDead(done); }).value(), 1);
    const QList<Task> again = claim();
    ASSERT_EQ(again.size(), 1);
    EXPECT_EQ(again[0].attempts, 1);
}

TEST_F(TaskQueueTest, AFinalErrorIsDeadAtOnceAndCancelStopsATask)
{
    enqueue(delivery(QStringLiteral("r"), 2));
    const QList<Task> tasks = claim(1);
    ASSERT_TRUE(fail(tasks[0], false));
    EXPECT_EQ(queue->stats().value().dead, 1);
    const qint64 other = queue->list(TaskStatus::Pending).value().first().id;
    EXPECT_TRUE(awaitResult<BoolResult>([&](auto done) { queue->cancel(other, done); }).value());
    EXPECT_TRUE(claim().isEmpty());
    EXPECT_TRUE(awaitResult<BoolResult>([&](auto done) { queue->retry(other, done); }).value());
    EXPECT_EQ(claim().size(), 1);
}

TEST_F(TaskQueueTest, TasksSurviveARestart)
{
    enqueue(delivery(QStringLiteral("r"), 5));
    ASSERT_EQ(claim(2).size(), 2); // claimed, then the process dies
    queue.reset();
    StoreWriter reopened(Database::fileIn(dir.path()));
    ASSERT_TRUE(reopened.start().ok());
    TaskQueue again(&reopened, policy, clock);
    clock.advance(policy.leaseMs + 1);
    auto claimed = awaitResult<Result<QList<Task>, QString>>([&](auto done) { again.claim(100, {}, done); });
    EXPECT_EQ(claimed.value().size(), 5);
}

TEST_F(TaskQueueTest, ATaskThatCrashesTheProcessEveryTimeDiesAfterMaxAttemptsClaims)
{
    enqueue(delivery(QStringLiteral("poison"), 1));
    QSignalSpy abandoned(queue.get(), &TaskQueue::abandoned);
    // Each round: claimed (the attempt is spent there), then the process dies; the next start releases it at once.
    for (int round = 1; round <= policy.maxAttempts; ++round) {
        const QList<Task> tasks = claim();
        ASSERT_EQ(tasks.size(), 1) << "round " << round;
        EXPECT_EQ(tasks.first().attempts, round);
        EXPECT_EQ(awaitResult<IntResult>([&](auto done) { queue->releaseOrphans(done); }).value(), 1);
        const Task released = queue->task(tasks.first().id).value().value();
        EXPECT_EQ(released.status, TaskStatus::Pending);
        EXPECT_EQ(released.attempts, round); // a crash gives no attempt back
    }
    // Claimed maxAttempts times without an outcome: not taken again, dead, and said so.
    EXPECT_TRUE(claim().isEmpty());
    const QueueStats stats = queue->stats().value();
    EXPECT_EQ(stats.dead, 1);
    EXPECT_EQ(stats.pending + stats.running + stats.retrying, 0);
    ASSERT_EQ(abandoned.size(), 1);
    const auto tasks = abandoned.first().first().value<QList<Task>>();
    ASSERT_EQ(tasks.size(), 1);
    EXPECT_EQ(tasks.first().status, TaskStatus::Dead);
    const Task dead = queue->task(tasks.first().id).value().value();
    EXPECT_EQ(dead.lastError, TaskQueue::abandonedError(policy.maxAttempts));
    EXPECT_TRUE(dead.finishedAt.isValid());
}

TEST_F(TaskQueueTest, AFailureThatMustNotSpendAnAttemptGivesTheClaimsAttemptBack)
{
    enqueue(delivery(QStringLiteral("outage"), 1));
    // Far more rounds than maxAttempts: an outage, a 429 or a held token never kills a task.
    for (int round = 0; round < 3 * policy.maxAttempts; ++round) {
        const QList<Task> tasks = claim();
        ASSERT_EQ(tasks.size(), 1) << "round " << round;
        EXPECT_EQ(tasks.first().attempts, 1);
        TaskQueue::Failure failure{QStringLiteral("HTTP 503"), true, false, true};
        const auto failed = awaitResult<BoolResult>([&](auto done) {
            queue->fail(tasks.first(), failure.error, failure.retryable, failure.countAttempt, done);
        });
        ASSERT_TRUE(failed.value());
        EXPECT_EQ(queue->task(tasks.first().id).value().value().attempts, 0);
        clock.advance(60001); // a failure without an attempt waits a minute at most
    }
    EXPECT_EQ(queue->stats().value().dead, 0);
}

TEST_F(TaskQueueTest, DoneTasksArePrunedAfterTheRetentionPeriod)
{
    enqueue(delivery(QStringLiteral("old"), 2));
    const QList<Task> tasks = claim(1);
    ASSERT_TRUE(complete(tasks[0]));
    clock.advance(qint64(31) * 24 * 3600 * 1000);
    EXPECT_EQ(awaitResult<IntResult>([&](auto done) { queue->prune(30, done); }).value(), 1);
    const QueueStats stats = queue->stats().value();
    EXPECT_EQ(stats.done, 0);
    EXPECT_EQ(stats.pending, 1); // waiting work is never pruned
}

// Task ids follow the largest one in the table (schema 14 dropped AUTOINCREMENT): pruning keeps the newest task, so
// an id named in the log or an attempt is never handed out again, even when every finished task is old.
TEST_F(TaskQueueTest, PruningAllFinishedWorkNeverHandsAnIdOutAgain)
{
    enqueue(delivery(QStringLiteral("first"), 2));
    const QList<Task> tasks = claim(2);
    ASSERT_EQ(tasks.size(), 2);
    for (const Task &task : tasks)
        ASSERT_TRUE(complete(task));
    const qint64 newest = std::max(tasks[0].id, tasks[1].id);
    clock.advance(qint64(31) * 24 * 3600 * 1000);
    EXPECT_EQ(awaitResult<IntResult>([&](auto done) { queue->prune(30, done); }).value(), 1);
    EXPECT_TRUE(queue->task(newest).value().has_value());

    enqueue(delivery(QStringLiteral("second"), 1));
    const QList<Task> next = claim(1);
    ASSERT_EQ(next.size(), 1);
    EXPECT_GT(next[0].id, newest);
}

// A backlog of finished work is pruned a chunk per writer job: each job's savepoint journal (kept in memory) holds
// one chunk, and other writes commit between chunks. Every old row goes, every recent or waiting one stays.
TEST_F(TaskQueueTest, ALargeBacklogIsPrunedInChunksAndKeepsWhatIsRecentOrWaiting)
{
    const int old = StoreWriter::deleteChunkRows * 2 + 345;
    const QString longAgo = clock.utcNow().addDays(-40).toString(Qt::ISODateWithMs);
    const QString recently = clock.utcNow().addDays(-1).toString(Qt::ISODateWithMs);
    writer.submit([&](QSqlDatabase &db) -> Result<Done, QString> {
        QSqlQuery task(db);
        task.prepare(QStringLiteral(
            "INSERT INTO tasks (entity_type, action, document_id, request_id, event_index, mode, status, "
            "next_attempt_at, created_at, updated_at, finished_at) VALUES ('customerorder', 'UPDATE', ?, ?, 0, "
            "'queued', ?, ?, ?, ?, ?)"));
        QSqlQuery delivery(db);
        delivery.prepare(QStringLiteral("INSERT INTO deliveries (request_id, received_at, events) VALUES (?, ?, 1)"));
        QSqlQuery attempt(db);
        attempt.prepare(QStringLiteral("INSERT INTO task_attempts (task_id, attempt, started_at, finished_at, status, "
                                       "outcome) VALUES (?, 1, ?, ?, "
                                       "'done', 'applied')"));
        for (int i = 0; i < old + 3; ++i) {
            const bool recent = i >= old;
            const QString at = recent ? recently : longAgo;
            const QString status = i == old + 2 ? QStringLiteral("pending") : QStringLiteral("done");
            task.addBindValue(QStringLiteral("doc-%1").arg(i));
            task.addBindValue(QStringLiteral("req-%1").arg(i));
            task.addBindValue(status);
            for (int column = 0; column < 3; ++column)
                task.addBindValue(at);
            task.addBindValue(status == QLatin1String("done") ? QVariant(at) : QVariant());
            delivery.addBindValue(QStringLiteral("req-%1").arg(i));
            delivery.addBindValue(at);
            if (!task.exec() || !delivery.exec())
                return QString(task.lastError().text() + delivery.lastError().text());
            attempt.addBindValue(task.lastInsertId());
            attempt.addBindValue(at);
            attempt.addBindValue(at);
            if (!attempt.exec())
                return attempt.lastError().text();
        }
        return Done{};
    });
    writer.flush();
    const quint64 jobsBefore = writer.stats().jobs;

    const auto pruned = awaitResult<IntResult>([&](auto done) { queue->prune(30, done); });
    ASSERT_TRUE(pruned.ok()) << pruned.error().toStdString();
    EXPECT_EQ(pruned.value(), old);
    // Three chunks of tasks, three of attempts and three of deliveries (the last of each short).
    EXPECT_GE(writer.stats().jobs - jobsBefore, 9u);

    ReadConnection reader(Database::fileIn(dir.path()));
    const auto count = [&reader](const QString &sql) {
        QSqlQuery query(reader.db());
        return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
    };
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM tasks")), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM task_attempts")), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM deliveries")), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM tasks WHERE status = 'pending'")), 1);
}

TEST(TaskQueueOwnership, ACallbackMayOwnTheQueueAndItsWriter)
{
    // The CLI keeps its writer and queue alive in the callback of its one call. Whatever the timing, they must be let
    // go of on this thread: a writer destroyed on its own thread cannot join itself (Qt aborts). A race: many rounds.
    QTemporaryDir dir;
    struct Owner
    {
        explicit Owner(const QString &path)
            : writer(path)
        {}
        StoreWriter writer;
        std::unique_ptr<TaskQueue> queue;
    };
    for (int round = 0; round < 100; ++round) {
        auto owner = std::make_shared<Owner>(Database::fileIn(dir.path()));
        ASSERT_TRUE(owner->writer.start().ok());
        owner->queue = std::make_unique<TaskQueue>(&owner->writer, TaskQueue::Policy{});
        std::weak_ptr<Owner> watch = owner;
        // Blocked in an event loop, as the CLI is: the posted callback runs the moment it arrives, which is what
        // lets this thread drop its reference before the writer's thread has dropped its own.
        QEventLoop loop;
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        bool called = false;
        owner->queue->retryDead([owner, &called, &loop](Result<int, QString>) {
            called = true;
            loop.quit();
        });
        owner.reset();
        loop.exec();
        ASSERT_TRUE(called) << "round " << round;
        ASSERT_TRUE(QTest::qWaitFor([&] { return watch.expired(); }, 5000)) << "round " << round;
    }
}

TEST_F(TaskQueueTest, AStoredDeliveryIsFoundWithItsHookPeerEventsAndTimes)
{
    // A stored delivery writes no log row: its deliveries row is the record `queue deliveries` shows.
    Delivery d = delivery(QStringLiteral("r-details"), 3);
    d.hookEntityType = QStringLiteral("customerorder");
    d.hookAction = QStringLiteral("UPDATE");
    d.peer = QStringLiteral("185.12.4.7");
    d.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 15, 0, 250), Qt::UTC);
    d.arrival.start();
    ASSERT_EQ(enqueue(d).outcome, PersistOutcome::Stored);
    ASSERT_EQ(enqueue(delivery(QStringLiteral("r-plain"), 1)).outcome, PersistOutcome::Stored);
    ASSERT_EQ(enqueue(d).outcome, PersistOutcome::Duplicate);

    const auto one = queue->deliveries(QStringLiteral("r-details"));
    ASSERT_TRUE(one.ok()) << one.error().toStdString();
    ASSERT_EQ(one.value().size(), 1);
    const DeliveryRecord &record = one.value().first();
    EXPECT_EQ(record.requestId, QStringLiteral("r-details"));
    EXPECT_EQ(record.hook, QStringLiteral("customerorder/UPDATE"));
    EXPECT_EQ(record.peer, QStringLiteral("185.12.4.7"));
    EXPECT_EQ(record.events, 3);
    EXPECT_EQ(record.receivedAt, d.receivedAt);
    EXPECT_GE(record.writtenUs, 0);
    EXPECT_LT(record.writtenUs, 60 * 1000 * 1000);

    const auto all = queue->deliveries();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all.value().size(), 2);
    const auto plain = std::find_if(all.value().begin(), all.value().end(),
                                    [](const DeliveryRecord &r) { return r.requestId == QStringLiteral("r-plain"); });
    ASSERT_NE(plain, all.value().end());
    EXPECT_TRUE(plain->hook.isEmpty());
    EXPECT_EQ(plain->writtenUs, -1); // no arrival measured
    EXPECT_TRUE(queue->deliveries(QStringLiteral("unknown")).value().isEmpty());
}

TEST_F(TaskQueueTest, EachAttemptIsKeptWithItsTimesHttpStatusAndError)
{
    enqueue(delivery(QStringLiteral("r"), 1));
    Task task = claim().first();
    clock.advance(1500);
    TaskQueue::Failure failure{QStringLiteral("MoySklad answered 503"), true, true};
    failure.httpStatus = 503;
    ASSERT_TRUE(awaitResult<BoolResult>([&](auto done) {
                    queue->fail(task, failure.error, failure.retryable, failure.countAttempt, done);
                }).value());
    clock.advance(60 * 60 * 1000);
    task = claim().first();
    clock.advance(250);
    ASSERT_TRUE(complete(task));

    const auto attempts = queue->attempts(task.id);
    ASSERT_TRUE(attempts.ok()) << attempts.error().toStdString();
    ASSERT_EQ(attempts.value().size(), 2);
    const TaskAttempt &first = attempts.value().at(0);
    EXPECT_EQ(first.attempt, 1);
    EXPECT_EQ(first.status, TaskStatus::Retrying);
    EXPECT_EQ(first.error, QStringLiteral("MoySklad answered 503"));
    EXPECT_EQ(first.durationMs(), 1500);
    const TaskAttempt &second = attempts.value().at(1);
    EXPECT_EQ(second.attempt, 2);
    EXPECT_EQ(second.status, TaskStatus::Done);
    EXPECT_EQ(second.outcome, TaskOutcome::Applied);
    EXPECT_TRUE(second.error.isEmpty());
    EXPECT_EQ(second.durationMs(), 250);
    EXPECT_EQ(queue->task(task.id).value()->outcome, TaskOutcome::Applied);
}

TEST_F(TaskQueueTest, AFilterFindsTasksByDocumentNumberIdHookAndErrorWords)
{
    enqueue(delivery(QStringLiteral("orders"), 3));
    enqueue(delivery(QStringLiteral("payments"), 2, QStringLiteral("paymentin"), QStringLiteral("CREATE")));
    // Order 1's number is in the shop store; the queue knows only its id.
    writer.submit(
        [](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("INSERT INTO orders (id, name) VALUES (?, '00042')"));
            query.addBindValue(Builders::documentId(1));
            if (!query.exec())
                return query.lastError().text();
            return Done{};
        },
        {});
    writer.flush();
    QList<Task> claimed = claim(1);
    ASSERT_EQ(claimed.size(), 1);
    ASSERT_TRUE(fail(claimed.first(), false)); // dead with "HTTP 500"

    const auto ids = [this](const TaskFilter &filter) {
        QList<qint64> found;
        for (const Task &task : queue->list(filter).value())
            found.append(task.id);
        return found;
    };
    const auto byNumber = queue->list(TaskFilter{{}, {}, QStringLiteral("0004")}).value();
    ASSERT_EQ(byNumber.size(), 1);
    EXPECT_EQ(byNumber.first().documentId, Builders::documentId(1));
    EXPECT_EQ(ids({{}, {}, Builders::documentId(1)}).size(), 2); // one order, one payment share the id
    EXPECT_EQ(ids({{}, QStringLiteral("paymentin/CREATE"), {}}).size(), 2);
    EXPECT_EQ(ids({{}, {}, QStringLiteral("http 5")}), QList<qint64>{claimed.first().id});
    EXPECT_EQ(ids({TaskStatus::Dead, {}, {}}), QList<qint64>{claimed.first().id});
    EXPECT_EQ(ids({TaskStatus::Pending, QStringLiteral("customerorder/UPDATE"), {}}).size(), 2);
    EXPECT_TRUE(ids({{}, {}, QString::number(claimed.first().id)}).contains(claimed.first().id));
    EXPECT_EQ(ids({{}, {}, QStringLiteral("payments")}).size(), 2); // the request id
    EXPECT_TRUE(ids({{}, {}, QStringLiteral("%")}).isEmpty());      // LIKE's wildcards are plain characters
}

TEST_F(TaskQueueTest, BulkRetryAndCancelChangeWhatMatchesAndTheCountSaysHowMany)
{
    enqueue(delivery(QStringLiteral("orders"), 3));
    enqueue(delivery(QStringLiteral("payments"), 2, QStringLiteral("paymentin"), QStringLiteral("CREATE")));
    const TaskFilter orders{{}, QStringLiteral("customerorder/UPDATE"), {}};
    EXPECT_EQ(queue->countMatching(BulkAction::Cancel, orders).value(), 3);
    EXPECT_EQ(queue->countMatching(BulkAction::Retry, orders).value(), 0); // nothing to retry among waiting tasks
    EXPECT_EQ(
        awaitResult<IntResult>([&](auto done) { queue->applyToMatching(BulkAction::Cancel, orders, done); }).value(),
        3);
    EXPECT_EQ(queue->stats().value().cancelled, 3);
    EXPECT_EQ(queue->stats().value().pending, 2); // the payments are untouched
    EXPECT_EQ(queue->countMatching(BulkAction::Retry, orders).value(), 3);
    const TaskFilter oneOrder{TaskStatus::Cancelled, {}, Builders::documentId(0)};
    EXPECT_EQ(queue->countMatching(BulkAction::Retry, oneOrder).value(), 1);
    EXPECT_EQ(
        awaitResult<IntResult>([&](auto done) { queue->applyToMatching(BulkAction::Retry, oneOrder, done); }).value(),
        1);
    EXPECT_EQ(queue->stats().value().pending, 3);
    EXPECT_EQ(queue->stats().value().cancelled, 2);
    // A status the action does not change matches nothing.
    EXPECT_EQ(queue->countMatching(BulkAction::Retry, TaskFilter{TaskStatus::Pending, {}, {}}).value(), 0);
}
