// SPDX-License-Identifier: GPL-3.0-or-later
// The worker's rules with MoySklad in memory (FakeDocumentSource): grouping by type, coalescing by id, the import
// rule, deletions, rate limits, and the batch job that applies documents and finishes their tasks together.
#include "await.h"
#include "builders.h"
#include "documents/documentprocessors.h"
#include "fakeclock.h"
#include "fakedocumentsource.h"
#include "queue/batchjob.h"
#include "queue/taskqueue.h"
#include "queue/worker.h"
#include "store/database.h"
#include "store/shopstore.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace Builders;

namespace {

const QString order = QStringLiteral("customerorder");
const QString update = QStringLiteral("UPDATE");

class WorkerRulesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(writer.start().ok());
        policy.leaseMs = 60000;
        queue = std::make_unique<TaskQueue>(&writer, policy, clock);
        config.importOrders = true;
        worker = std::make_unique<Worker>(queue.get(), &source, &writer, nullptr, config, clock);
    }

    void deliver(const Delivery &delivery)
    {
        const auto result = awaitResult<TaskQueue::Enqueued>([&](auto done) { queue->enqueue(delivery, {}, done); });
        ASSERT_EQ(result.outcome, PersistOutcome::Stored);
    }

    void setImportOrders(bool on)
    {
        config.importOrders = on;
        worker->setConfig(config);
    }

    // One pass; (done, failed) as runFinished reported them.
    std::pair<int, int> runPass()
    {
        QSignalSpy finished(worker.get(), &Worker::runFinished);
        worker->runOnce();
        EXPECT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000));
        if (finished.isEmpty())
            return {-1, -1};
        return {finished.first().at(0).toInt(), finished.first().at(1).toInt()};
    }

    QList<ShopStore::Order> orders()
    {
        QList<ShopStore::Order> out;
        {
            auto db = Database::open(Database::fileIn(dir.path()), QStringLiteral("orders-reader"), true);
            EXPECT_TRUE(db.ok());
            out = ShopStore::orders(db.value()).valueOr({});
        }
        Database::close(QStringLiteral("orders-reader"));
        return out;
    }

    int count(const QString &sql)
    {
        int n = -1;
        {
            auto db = Database::open(Database::fileIn(dir.path()), QStringLiteral("count-reader"), true);
            QSqlQuery query(db.value());
            if (query.exec(sql) && query.next())
                n = query.value(0).toInt();
        }
        Database::close(QStringLiteral("count-reader"));
        return n;
    }

    Task onlyTask()
    {
        const QList<Task> tasks = queue->list(std::nullopt).value();
        EXPECT_EQ(tasks.size(), 1);
        return tasks.value(0);
    }

    QTemporaryDir dir;
    StoreWriter writer{Database::fileIn(dir.path())};
    FakeClock clock;
    TaskQueue::Policy policy;
    Worker::Config config;
    FakeDocumentSource source;
    std::unique_ptr<TaskQueue> queue;
    std::unique_ptr<Worker> worker;
};

} // namespace

TEST_F(WorkerRulesTest, AThousandEventsOnAHundredOrdersFetchEachOrderOncePerPassInRequestsOfAHundred)
{
    for (int i = 0; i < 100; ++i)
        source.seed(order, customerOrder(documentId(i), 10000 + i));
    // 100 deliveries of 10 events each; every order is touched 10 times, 5 times in each pass of 500.
    for (int d = 0; d < 100; ++d) {
        QList<DeliveryEvent> events;
        for (int e = 0; e < 10; ++e)
            events.append(deliveryEvent(order, update, documentId((d * 10 + e) % 100)));
        deliver(delivery(QStringLiteral("req-%1").arg(d), events));
    }
    config.batchSize = 500;
    setImportOrders(true);
    worker->runOnce(); // a full pass queues the next one itself
    ASSERT_TRUE(QTest::qWaitFor([&] { return queue->stats().value().done == 1000 && !worker->isBusy(); }, 30000));

    ASSERT_EQ(source.calls().size(), 2); // one per pass
    for (const FakeDocumentSource::Call &call : source.calls()) {
        EXPECT_EQ(call.entityType, order);
        EXPECT_EQ(call.expand, (QStringList{QStringLiteral("state"), QStringLiteral("agent")}));
        EXPECT_EQ(call.ids.size(), 100);
        EXPECT_EQ(QSet<QString>(call.ids.cbegin(), call.ids.cend()).size(), 100); // each document once
    }
    const QList<ShopStore::Order> stored = orders();
    ASSERT_EQ(stored.size(), 100);
    EXPECT_EQ(count(QStringLiteral("SELECT sum FROM orders WHERE id = '%1'").arg(documentId(7))), 10007);
}

TEST_F(WorkerRulesTest, EventsAreGroupedByTypeAndFetchedWithTheirTypesExpand)
{
    source.seed(order, customerOrder(documentId(1), 100));
    source.seed(QStringLiteral("demand"), demand(documentId(2), 200, documentId(1)));
    source.seed(QStringLiteral("paymentin"),
                payment(QStringLiteral("paymentin"), documentId(3), 300, {{documentId(1), 300}}));
    source.seed(QStringLiteral("cashin"), payment(QStringLiteral("cashin"), documentId(4), 400));
    deliver(delivery(QStringLiteral("mixed"),
                     {deliveryEvent(order, update, documentId(1)),
                      deliveryEvent(QStringLiteral("demand"), QStringLiteral("CREATE"), documentId(2)),
                      deliveryEvent(QStringLiteral("paymentin"), QStringLiteral("CREATE"), documentId(3)),
                      deliveryEvent(order, QStringLiteral("UPDATE"), documentId(1)),
                      deliveryEvent(QStringLiteral("cashin"), update, documentId(4)),
                      deliveryEvent(QStringLiteral("product"), update, documentId(5))}));
    EXPECT_EQ(runPass(), std::make_pair(5, 1));

    QMap<QString, FakeDocumentSource::Call> byType;
    for (const FakeDocumentSource::Call &call : source.calls()) {
        EXPECT_FALSE(byType.contains(call.entityType)) << call.entityType.toStdString();
        byType.insert(call.entityType, call);
    }
    EXPECT_EQ(byType.keys(), (QStringList{QStringLiteral("cashin"), order, QStringLiteral("demand"),
                                          QStringLiteral("paymentin")})); // no request for product
    EXPECT_EQ(byType[order].ids, QStringList{documentId(1)});
    EXPECT_EQ(byType[order].expand, (QStringList{QStringLiteral("state"), QStringLiteral("agent")}));
    EXPECT_EQ(byType[QStringLiteral("demand")].expand, QStringList{QStringLiteral("state")});
    EXPECT_TRUE(byType[QStringLiteral("paymentin")].expand.isEmpty());
    EXPECT_TRUE(byType[QStringLiteral("cashin")].expand.isEmpty());

    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM shipments WHERE order_id = '%1'").arg(documentId(1))), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM payments")), 2);
    const QList<Task> dead = queue->list(TaskStatus::Dead).value();
    ASSERT_EQ(dead.size(), 1);
    EXPECT_EQ(dead.first().entityType, QStringLiteral("product"));
}

TEST_F(WorkerRulesTest, DeletionsNeedNoFetchAndADocumentNotReturnedIsMarkedDeleted)
{
    source.seed(order, customerOrder(documentId(1), 100));
    deliver(delivery(QStringLiteral("r1"),
                     {deliveryEvent(order, update, documentId(1)),
                      deliveryEvent(order, update, documentId(2)), // gone from MoySklad
                      deliveryEvent(order, QStringLiteral("DELETE"), documentId(3)),
                      deliveryEvent(QStringLiteral("demand"), QStringLiteral("DELETE"), documentId(4))}));
    EXPECT_EQ(runPass(), std::make_pair(4, 0));
    ASSERT_EQ(source.calls().size(), 1); // the deletions fetched nothing
    EXPECT_EQ(source.calls().first().ids, (QStringList{documentId(1), documentId(2)}));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM orders WHERE deleted = 1")), 2); // 2 and 3
    EXPECT_EQ(count(QStringLiteral("SELECT deleted FROM orders WHERE id = '%1'").arg(documentId(1))), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT deleted FROM shipments WHERE id = '%1'").arg(documentId(4))), 1);
    EXPECT_EQ(queue->stats().value().done, 4);
}

TEST_F(WorkerRulesTest, WithOrderImportOffCreationsAreSkippedAndOnlyKnownOrdersAreUpdated)
{
    // Order 1 is known (imported earlier); orders 2 and 3 exist only in MoySklad.
    source.seed(order, customerOrder(documentId(1), 100));
    deliver(delivery(QStringLiteral("earlier"), {deliveryEvent(order, update, documentId(1))}));
    ASSERT_EQ(runPass(), std::make_pair(1, 0));
    source.seed(
        order, customerOrder(documentId(1), 150, QStringLiteral("Оплачен"), QStringLiteral("2026-12-01 13:00:00.000")));
    source.seed(order, customerOrder(documentId(2), 200));
    source.seed(order, customerOrder(documentId(3), 300));

    setImportOrders(false);
    deliver(delivery(QStringLiteral("now"),
                     {deliveryEvent(order, QStringLiteral("CREATE"), documentId(2)),
                      deliveryEvent(order, update, documentId(3)), deliveryEvent(order, update, documentId(1))}));
    EXPECT_EQ(runPass(), std::make_pair(3, 0)); // every task finishes
    ASSERT_EQ(source.calls().size(), 2);
    EXPECT_EQ(source.calls().last().ids, (QStringList{documentId(3), documentId(1)})); // the CREATE fetched nothing
    const QList<ShopStore::Order> stored = orders();
    ASSERT_EQ(stored.size(), 1); // the unknown order 3 stored nothing
    EXPECT_EQ(stored.first().id, documentId(1));
    EXPECT_EQ(stored.first().sum, 150);
    EXPECT_EQ(stored.first().state, QStringLiteral("Оплачен"));

    // Import on: both the creation and the update bring new orders in.
    setImportOrders(true);
    deliver(delivery(QStringLiteral("later"), {deliveryEvent(order, QStringLiteral("CREATE"), documentId(2)),
                                               deliveryEvent(order, update, documentId(3))}));
    EXPECT_EQ(runPass(), std::make_pair(2, 0));
    EXPECT_EQ(orders().size(), 3);
}

TEST_F(WorkerRulesTest, ARateLimitSpendsNoAttemptAndAFinalErrorKillsTheTask)
{
    source.seed(order, customerOrder(documentId(1), 100));
    deliver(delivery(QStringLiteral("r1"), {deliveryEvent(order, update, documentId(1))}));
    ApiError limited;
    limited.kind = ApiError::Kind::RateLimited;
    limited.httpStatus = 429;
    limited.items.append({QStringLiteral("Превышено ограничение на количество запросов"), 1049, {}, {}});
    source.failWith(limited);
    EXPECT_EQ(runPass(), std::make_pair(0, 1));
    Task task = onlyTask();
    EXPECT_EQ(task.status, TaskStatus::Retrying);
    EXPECT_EQ(task.attempts, 0); // the claim's attempt was given back
    EXPECT_TRUE(task.lastError.contains(QStringLiteral("1049")));

    ApiError forbidden;
    forbidden.kind = ApiError::Kind::Forbidden;
    forbidden.httpStatus = 403;
    source.failWith(forbidden);
    clock.advance(60 * 1000 + 1); // a rate-limited task waits at most a minute
    EXPECT_EQ(runPass(), std::make_pair(0, 1));
    task = onlyTask();
    EXPECT_EQ(task.status, TaskStatus::Dead);
    EXPECT_EQ(task.attempts, 1);
    EXPECT_TRUE(orders().isEmpty());
}

TEST_F(WorkerRulesTest, AResultArrivingAfterTheTaskWasClaimedAgainIsNeitherAppliedNorCompleted)
{
    source.seed(order, customerOrder(documentId(1), 100));
    deliver(delivery(QStringLiteral("r1"), {deliveryEvent(order, update, documentId(1))}));
    source.hold();
    QSignalSpy finished(worker.get(), &Worker::runFinished);
    worker->runOnce();
    ASSERT_TRUE(QTest::qWaitFor([&] { return source.pendingAnswers() == 1; }, 5000));

    // The answer is slow; the lease ends and another worker claims the task.
    clock.advance(policy.leaseMs + 1);
    const auto again = awaitResult<Result<QList<Task>, QString>>([&](auto done) { queue->claim(10, {}, done); });
    ASSERT_EQ(again.value().size(), 1);
    const Task reclaimed = again.value().first();

    source.release();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 5000));
    EXPECT_EQ(finished.first().at(0).toInt(), 0);
    EXPECT_TRUE(orders().isEmpty()); // the stale batch wrote nothing
    Task task = onlyTask();
    EXPECT_EQ(task.status, TaskStatus::Running);
    EXPECT_EQ(task.leaseToken, reclaimed.leaseToken);
    // The newer claim still finishes it.
    using BoolResult = Result<bool, QString>;
    EXPECT_TRUE(awaitResult<BoolResult>([&](auto done) { queue->complete(reclaimed, done); }).value());
    EXPECT_EQ(onlyTask().status, TaskStatus::Done);
}

TEST_F(WorkerRulesTest, ABatchThatCannotBeAppliedCompletesNothingAndFailsItsTasksInTheSameJob)
{
    deliver(delivery(QStringLiteral("r1"),
                     {deliveryEvent(order, update, documentId(1)), deliveryEvent(order, update, documentId(2))}));
    const auto claimed = awaitResult<Result<QList<Task>, QString>>([&](auto done) { queue->claim(10, {}, done); });
    ASSERT_EQ(claimed.value().size(), 2);
    // The second answer has no id: applying it fails after the first document and both completions were written.
    const BatchJob job = BatchJob::completing(
        std::make_shared<const DocumentProcessors>(DocumentProcessors::Options{true}), order, claimed.value(),
        {customerOrder(documentId(1), 100), QJsonObject{{QStringLiteral("name"), QStringLiteral("broken")}}}, {},
        clock.utcNow(), policy, clock);
    std::optional<Result<QList<BatchJob::Finished>, QString>> outcome;
    writer.submit([&](QSqlDatabase &db) -> Result<Done, QString> {
        outcome.emplace(job.run(db));
        return outcome->ok() ? Result<Done, QString>(Done{}) : Result<Done, QString>(outcome->error());
    });
    writer.flush();
    ASSERT_TRUE(outcome && outcome->ok());
    ASSERT_EQ(outcome->value().size(), 2);
    for (const BatchJob::Finished &finished : outcome->value()) {
        EXPECT_EQ(finished.outcome, BatchJob::Outcome::Retrying);
        EXPECT_TRUE(finished.error.contains(QStringLiteral("without an id")));
    }
    EXPECT_TRUE(orders().isEmpty());
    EXPECT_EQ(queue->stats().value().retrying, 2);
    EXPECT_EQ(queue->stats().value().done, 0);
}
