// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/worker.h"
#include "await.h"
#include "builders.h"
#include "common/diagnosticslog.h"
#include "fakemoysklad.h"
#include "moysklad/moyskladclient.h"
#include "queue/taskqueue.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/shopstore.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace {

using BoolResult = Result<bool, QString>;
using IntResult = Result<int, QString>;

using Builders::documentId;
const auto orderId = documentId;

// What the worker logs, to count its messages.
class CollectingLog final : public DiagnosticsLog
{
public:
    void write(LogEntry entry) override { m_messages.append(entry.message); }
    int count(const QString &text) const
    {
        return int(std::count_if(m_messages.cbegin(), m_messages.cend(),
                                 [&text](const QString &message) { return message.contains(text); }));
    }

private:
    QStringList m_messages;
};

class WorkerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        ASSERT_TRUE(writer.start().ok());
        ClientConfig config;
        config.baseUrl = fake.baseUrl();
        config.token = fake.token();
        config.backoffBaseMs = 10;
        client = std::make_unique<MoySkladClient>(config);
        queue = std::make_unique<TaskQueue>(&writer, TaskQueue::Policy{});
        Worker::Config workerConfig;
        workerConfig.importOrders = true;
        worker = std::make_unique<Worker>(queue.get(), client.get(), &writer, nullptr, workerConfig);
    }

    void seedOrder(int i, const QString &state = QStringLiteral("Новый"))
    {
        fake.seedDocument(QStringLiteral("customerorder"), Builders::customerOrder(orderId(i), 10000 + i, state));
    }

    void deliver(const QString &requestId, const QList<std::pair<QString, QString>> &events,
                 const QString &type = QStringLiteral("customerorder"))
    {
        QList<DeliveryEvent> list;
        for (const auto &[id, action] : events)
            list.append(Builders::deliveryEvent(type, action, id));
        const Delivery d = Builders::delivery(requestId, list);
        const auto result = awaitResult<TaskQueue::Enqueued>([&](auto done) {
            queue->enqueue(
                d, [](const QString &, const QString &) { return ExecutionMode::Queued; }, done);
        });
        ASSERT_EQ(result.outcome, PersistOutcome::Stored);
    }

    void runUntilIdle()
    {
        QSignalSpy finished(worker.get(), &Worker::runFinished);
        worker->runOnce();
        // runFinished comes once every outcome of the pass is committed.
        ASSERT_TRUE(QTest::qWaitFor([&] { return !worker->isBusy() && !finished.isEmpty(); }, 30000));
    }

    QList<ShopStore::Order> orders()
    {
        auto db = Database::open(Database::fileIn(dir.path()), QStringLiteral("orders-reader"), true);
        auto rows = ShopStore::orders(db.value());
        db = QString();
        Database::close(QStringLiteral("orders-reader"));
        return rows.value();
    }

    FakeMoySklad fake;
    QTemporaryDir dir;
    StoreWriter writer{Database::fileIn(dir.path())};
    std::unique_ptr<MoySkladClient> client;
    std::unique_ptr<TaskQueue> queue;
    std::unique_ptr<Worker> worker;
};

} // namespace

TEST_F(WorkerTest, AThousandEventsOnAHundredOrdersCostAtMostFifteenDocumentRequests)
{
    for (int i = 0; i < 100; ++i)
        seedOrder(i);
    // 100 deliveries of 10 events each; every order is touched 10 times.
    for (int d = 0; d < 100; ++d) {
        QList<std::pair<QString, QString>> events;
        for (int e = 0; e < 10; ++e)
            events.append({orderId((d * 10 + e) % 100), QStringLiteral("UPDATE")});
        deliver(QStringLiteral("req-%1").arg(d), events);
    }
    EXPECT_EQ(queue->stats().value().pending, 1000);
    Worker::Config config;
    config.batchSize = 1000;
    config.importOrders = true;
    worker->setConfig(config);
    runUntilIdle();
    const QueueStats stats = queue->stats().value();
    EXPECT_EQ(stats.done, 1000);
    EXPECT_EQ(stats.pending + stats.retrying + stats.dead + stats.running, 0);
    const QList<ShopStore::Order> stored = orders();
    ASSERT_EQ(stored.size(), 100);
    EXPECT_EQ(stored[7].state, QStringLiteral("Новый"));
    EXPECT_EQ(stored[7].sum, 10007);
    EXPECT_LE(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")), 15);
}

TEST_F(WorkerTest, DeletionsAndVanishedDocumentsAreMarkedDeletedAndFinal)
{
    seedOrder(1);
    deliver(QStringLiteral("r1"), {{orderId(1), QStringLiteral("UPDATE")}, {orderId(2), QStringLiteral("UPDATE")}});
    deliver(QStringLiteral("r2"), {{orderId(3), QStringLiteral("DELETE")}});
    runUntilIdle();
    // The two the store never had are kept deleted (a guard against a late answer), and not listed.
    EXPECT_EQ(orders().size(), 1);
    QList<ShopStore::Version> stored;
    {
        auto db = Database::open(Database::fileIn(dir.path()), QStringLiteral("versions-reader"), true);
        stored = ShopStore::versions(db.value(), QStringLiteral("customerorder")).value();
    }
    Database::close(QStringLiteral("versions-reader"));
    ASSERT_EQ(stored.size(), 3);
    int deleted = 0;
    for (const auto &version : stored)
        deleted += version.deleted ? 1 : 0;
    EXPECT_EQ(deleted, 2);
    EXPECT_EQ(queue->stats().value().done, 3);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")), 1);

    // Each says what it did: applied, gone from MoySklad (asked for, not returned), deleted; with its attempt.
    QHash<QString, Task> byDocument;
    for (const Task &task : queue->list(TaskStatus::Done).value())
        byDocument.insert(task.documentId, task);
    EXPECT_EQ(byDocument.value(orderId(1)).outcome, TaskOutcome::Applied);
    EXPECT_EQ(byDocument.value(orderId(2)).outcome, TaskOutcome::Gone);
    EXPECT_EQ(byDocument.value(orderId(3)).outcome, TaskOutcome::Deleted);
    const auto fetched = queue->attempts(byDocument.value(orderId(2)).id);
    ASSERT_TRUE(fetched.ok()) << fetched.error().toStdString();
    ASSERT_EQ(fetched.value().size(), 1);
    EXPECT_EQ(fetched.value().first().httpStatus, 200);
    EXPECT_EQ(fetched.value().first().status, TaskStatus::Done);
    EXPECT_EQ(fetched.value().first().outcome, TaskOutcome::Gone);
    EXPECT_GE(fetched.value().first().durationMs(), 0);
    const auto deletion = queue->attempts(byDocument.value(orderId(3)).id);
    ASSERT_EQ(deletion.value().size(), 1);
    EXPECT_EQ(deletion.value().first().httpStatus, 0); // no request needed
}

TEST_F(WorkerTest, OrderCreationIsImportedOnlyWithOrderImportOn)
{
    seedOrder(1);
    Worker::Config config;
    config.importOrders = false;
    worker->setConfig(config);
    deliver(QStringLiteral("r1"), {{orderId(1), QStringLiteral("CREATE")}});
    runUntilIdle();
    EXPECT_TRUE(orders().isEmpty());
    EXPECT_EQ(queue->stats().value().done, 1);
    EXPECT_EQ(fake.requests().size(), 0);
}

// Shipment exchange off (exchange.shipments none), and a demand event arrives anyway (a hook left from before, a
// delivery sent by hand): nothing is fetched or stored, the task ends skipped and the log says why.
TEST_F(WorkerTest, EventsOfATypeTheExchangeLeavesOutAreSkipped)
{
    CollectingLog log;
    Worker::Config config;
    config.importOrders = true;
    config.watchedTypes = {QStringLiteral("customerorder")};
    worker = std::make_unique<Worker>(queue.get(), client.get(), &writer, &log, config);
    fake.seedDocument(QStringLiteral("demand"), Builders::demand(documentId(5), 700, orderId(1)));
    deliver(QStringLiteral("r1"),
            {{documentId(5), QStringLiteral("UPDATE")}, {documentId(6), QStringLiteral("DELETE")}},
            QStringLiteral("demand"));
    runUntilIdle();
    EXPECT_EQ(queue->stats().value().done, 2);
    EXPECT_EQ(fake.requests().size(), 0);
    const auto tasks = queue->list(std::nullopt, 10).value();
    for (const Task &task : tasks)
        EXPECT_EQ(task.outcome, TaskOutcome::Skipped);
    EXPECT_EQ(log.count(QStringLiteral("The exchange settings leave demand out: demand/UPDATE not applied")), 1);
    auto db = Database::open(Database::fileIn(dir.path()), QStringLiteral("shipments-reader"), true);
    QSqlQuery query(db.value());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM shipments")) && query.next());
    EXPECT_EQ(query.value(0).toInt(), 0);
    query = QSqlQuery();
    db = QString();
    Database::close(QStringLiteral("shipments-reader"));
}

TEST_F(WorkerTest, RateLimitsOnlySlowDownAndServerErrorsOpenTheBreaker)
{
    seedOrder(1);
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/customerorder"), 429, 1049,
                  QStringLiteral("Превышено ограничение"), -1);
    deliver(QStringLiteral("r1"), {{orderId(1), QStringLiteral("UPDATE")}});
    runUntilIdle();
    const Task limited = queue->list(TaskStatus::Retrying).value().first();
    EXPECT_EQ(limited.attempts, 0);     // a 429 spends no attempt
    EXPECT_TRUE(worker->isReachable()); // and it is an answer: MoySklad is there

    fake.clearFailures();
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/customerorder"), 500, 0, {}, -1);
    ASSERT_TRUE(awaitResult<BoolResult>([&](auto done) { queue->retry(limited.id, done); }).value());
    QSignalSpy reachability(worker.get(), &Worker::reachabilityChanged);
    runUntilIdle();
    const Task failed = queue->list(TaskStatus::Retrying).value().first();
    EXPECT_EQ(failed.attempts, 0); // MoySklad failing is not the document's fault
    EXPECT_TRUE(failed.lastError.contains(QStringLiteral("500")));
    EXPECT_FALSE(worker->isReachable());
    EXPECT_TRUE(worker->unreachableSince().isValid());
    ASSERT_EQ(reachability.size(), 1);

    // While the breaker is open only the probe asks MoySklad: a tick sends nothing.
    const int requests = fake.countRequests(QString(), QString());
    worker->runOnce();
    QTest::qWait(100);
    EXPECT_FALSE(worker->isBusy());
    EXPECT_EQ(fake.countRequests(QString(), QString()), requests);
    fake.clearFailures();
}

TEST_F(WorkerTest, AnOutageSpendsNoAttemptAndOnlyProbesThenTheBacklogDrains)
{
    // A client that tries once: the requests counted are the worker's own.
    ClientConfig clientConfig;
    clientConfig.baseUrl = fake.baseUrl();
    clientConfig.token = fake.token();
    clientConfig.maxAttempts = 1;
    MoySkladClient once(clientConfig);
    CollectingLog log;
    // Time scaled down: a probe every 2 s stands for one a minute, a 10 s outage for a 5-minute one.
    Worker::Config config;
    config.importOrders = true;
    config.intervalMs = 200;
    config.probeIntervalMs = 2000;
    Worker outage(queue.get(), &once, &writer, &log, config);
    QSignalSpy reachability(&outage, &Worker::reachabilityChanged);
    for (int i = 0; i < 60; ++i)
        seedOrder(i);
    for (int d = 0; d < 4; ++d) {
        QList<std::pair<QString, QString>> events;
        for (int i = 0; i < 10; ++i)
            events.append({orderId(10 * d + i), QStringLiteral("UPDATE")});
        deliver(QStringLiteral("before-%1").arg(d), events);
    }

    fake.failNext(QString(), QString(), 503, 0, {}, -1); // down, answering 503
    QElapsedTimer clock;
    clock.start();
    outage.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !outage.isReachable(); }, 5000));
    QTest::qWait(2500);
    // Deliveries keep coming during the outage, immediate ones too: they wait in the queue.
    for (int i = 40; i < 60; ++i) {
        const Delivery d = Builders::delivery(
            QStringLiteral("during-%1").arg(i),
            {Builders::deliveryEvent(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), orderId(i))});
        const auto result = awaitResult<TaskQueue::Enqueued>([&](auto done) {
            queue->enqueue(
                d, [](const QString &, const QString &) { return ExecutionMode::Immediate; }, done);
        });
        outage.processNow(result.immediate);
    }
    QTest::qWait(5000 - int(clock.elapsed()));
    fake.clearFailures();
    fake.failNext(QString(), QString(), 0, 0, {}, -1); // then gone: connections dropped
    QTest::qWait(10000 - int(clock.elapsed()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !outage.isBusy(); }, 5000));
    const qint64 outageMs = clock.elapsed();
    const int sent = fake.countRequests(QString(), QString());
    // The request that found the outage, then one per probe interval.
    EXPECT_LE(sent, 1 + int(outageMs / config.probeIntervalMs) + 1) << sent << " requests in " << outageMs << " ms";
    EXPECT_GE(sent, 3); // it did probe
    EXPECT_FALSE(outage.isReachable());
    const QList<Task> waiting = queue->list(TaskStatus::Retrying).value() + queue->list(TaskStatus::Pending).value();
    EXPECT_EQ(waiting.size(), 60);
    for (const Task &task : waiting)
        EXPECT_EQ(task.attempts, 0) << "task " << task.id << ": " << task.lastError.toStdString();
    EXPECT_EQ(queue->stats().value().dead, 0);
    EXPECT_EQ(log.count(QStringLiteral("MoySklad unreachable since")), 1); // once, not per task
    EXPECT_EQ(log.count(QStringLiteral("reachable again")), 0);

    fake.clearFailures(); // back
    ASSERT_TRUE(QTest::qWaitFor([&] { return queue->stats().value().done == 60; }, 3 * config.probeIntervalMs + 5000))
        << queue->stats().value().done;
    EXPECT_TRUE(outage.isReachable());
    EXPECT_EQ(queue->stats().value().dead, 0);
    EXPECT_EQ(orders().size(), 60);
    EXPECT_EQ(log.count(QStringLiteral("MoySklad reachable again after")), 1);
    ASSERT_EQ(reachability.size(), 2);
    EXPECT_TRUE(reachability.at(0).at(0).toDateTime().isValid());
    EXPECT_FALSE(reachability.at(1).at(0).toDateTime().isValid());
}

TEST_F(WorkerTest, PaymentsAndShipmentsLinkTheirOrders)
{
    fake.seedDocument(QStringLiteral("paymentin"), Builders::payment(QStringLiteral("paymentin"), QStringLiteral("p1"),
                                                                     5000, {{QStringLiteral("o1"), 5000}}));
    deliver(QStringLiteral("p"), {{QStringLiteral("p1"), QStringLiteral("CREATE")}}, QStringLiteral("paymentin"));
    runUntilIdle();
    EXPECT_EQ(queue->stats().value().done, 1);
    auto db = Database::open(Database::fileIn(dir.path()), QStringLiteral("payments-reader"), true);
    {
        QSqlQuery query(db.value());
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT kind, sum, linked_orders FROM payments WHERE id = 'p1'")));
        ASSERT_TRUE(query.next());
        EXPECT_EQ(query.value(0).toString(), QStringLiteral("paymentin"));
        EXPECT_EQ(query.value(1).toLongLong(), 5000);
        EXPECT_TRUE(query.value(2).toString().contains(QStringLiteral("\"o1\"")));
    }
    db = QString();
    Database::close(QStringLiteral("payments-reader"));
}

TEST_F(WorkerTest, ImmediateTasksOfABurstShareTheirFetches)
{
    constexpr int deliveries = 30;
    QList<qint64> immediate;
    for (int i = 0; i < deliveries; ++i) {
        seedOrder(i);
        const Delivery d = Builders::delivery(
            QStringLiteral("burst-%1").arg(i),
            {Builders::deliveryEvent(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), orderId(i))});
        const auto result = awaitResult<TaskQueue::Enqueued>([&](auto done) {
            queue->enqueue(
                d, [](const QString &, const QString &) { return ExecutionMode::Immediate; }, done);
        });
        ASSERT_EQ(result.immediate.size(), 1);
        immediate.append(result.immediate.first());
    }
    // As the service does: each delivery's immediate task is handed over right after its commit.
    for (qint64 id : std::as_const(immediate))
        worker->processNow({id});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !worker->isBusy(); }, 30000));
    EXPECT_EQ(queue->stats().value().done, deliveries);
    EXPECT_EQ(orders().size(), deliveries);
    // Two start at once; the other 28 wait for one of them and go in one request.
    EXPECT_LE(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")), 4);
}

// Issue 11: the immediate fetch goes in its own lane of the client, ahead of the backlog pass's hundred fetches: it
// waits for a free request slot, not for the queue of fetches. Asserted by order, not by time (the time, about 0.3 s
// on a quiet machine, is printed): a timed assertion would measure the machine under ASan and a parallel test run.
TEST_F(WorkerTest, AnImmediateDeliveryOvertakesAQueuedBacklogOfTenThousand)
{
    // MoySklad's own limits (45 requests per 3 s, 5 in flight) and answers that take a while.
    fake.setResponseDelayMs(60);
    Worker::Config config;
    config.importOrders = true;
    config.batchSize = 10000; // one pass asks for the whole backlog: 100 requests wait in the client at once
    worker = std::make_unique<Worker>(queue.get(), client.get(), &writer, nullptr, config);
    constexpr int backlog = 10000;
    for (int i = 0; i < backlog; ++i)
        seedOrder(i);
    for (int d = 0; d < backlog / 100; ++d) {
        QList<std::pair<QString, QString>> events;
        for (int i = d * 100; i < (d + 1) * 100; ++i)
            events.append({orderId(i), QStringLiteral("UPDATE")});
        deliver(QStringLiteral("backlog-%1").arg(d), events);
    }
    worker->runOnce();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")) >= 5; },
        10000));

    const QString urgent = orderId(backlog + 1);
    seedOrder(backlog + 1);
    const Delivery d = Builders::delivery(
        QStringLiteral("urgent"),
        {Builders::deliveryEvent(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), urgent)});
    const auto enqueued = awaitResult<TaskQueue::Enqueued>([&](auto done) {
        queue->enqueue(
            d, [](const QString &, const QString &) { return ExecutionMode::Immediate; }, done);
    });
    ASSERT_EQ(enqueued.immediate.size(), 1);
    const QString listPath = QStringLiteral("/entity/customerorder");
    const int answeredBefore = fake.countRequests(QStringLiteral("GET"), listPath);
    QElapsedTimer applied;
    applied.start();
    worker->processNow(enqueued.immediate);
    // One row looked up, so that watching costs the event loop next to nothing.
    ReadConnection reader(Database::fileIn(dir.path()));
    const auto inStore = [&] {
        QSqlQuery query(reader.db());
        query.prepare(QStringLiteral("SELECT 1 FROM orders WHERE id = ?"));
        query.addBindValue(urgent);
        return query.exec() && query.next();
    };
    ASSERT_TRUE(QTest::qWaitFor(inStore, 30000));
    std::printf("immediate delivery applied %lld ms after it was enqueued, during a backlog of %d\n",
                static_cast<long long>(applied.elapsed()), backlog);
    // Among the fetches MoySklad answered, the urgent one came well before the backlog's: without its lane it waits
    // for all of them (89 answered ahead of it), with it for those already in flight and those sent while its claim
    // went through the busy writer (0 on a quiet machine, 13 under ASan on a loaded one).
    const QList<FakeMoySklad::Request> requests = fake.requests();
    int answeredAhead = 0;
    bool found = false;
    for (const FakeMoySklad::Request &request : requests) {
        if (request.method != QLatin1String("GET") || !request.path.endsWith(listPath))
            continue;
        if (request.query.toString().contains(urgent)) {
            found = true;
            break;
        }
        ++answeredAhead;
    }
    ASSERT_TRUE(found);
    std::printf("backlog fetches answered: %d before it was enqueued, %d before its own\n", answeredBefore,
                answeredAhead);
    EXPECT_LE(answeredAhead - answeredBefore, 30) << "fetches of the backlog answered before the urgent one";
    // The backlog was still draining: the immediate one did not wait for it.
    EXPECT_GT(queue->stats().value().running + queue->stats().value().pending, 0);
}
