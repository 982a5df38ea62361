// SPDX-License-Identifier: GPL-3.0-or-later
// Three `skladhook-cli serve` processes, each with its own data directory, sharing one PostgreSQL 15 store (a
// throw-away cluster) and one MoySklad account (the fake): deliveries spread over their receivers, redelivered to
// another one, one of them killed mid-burst. Every acknowledged delivery becomes exactly its tasks, every task is
// processed once, and a setting changed through one process applies on all three.
#include "clirunner.h"
#include "deliverysender.h"
#include "fakemoysklad.h"
#include "postgresfixture.h"
#include "serveprocess.h"
#include "store/database.h"
#include "store/storeurl.h"

#include <gtest/gtest.h>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <array>
#include <deque>
#include <iostream>
#include <memory>

namespace {

constexpr int services = 3;
constexpr int orders = 300;

QString uuid(int i)
{
    return QUuid(QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')))
        .toString(QUuid::WithoutBraces);
}

class CliSeveralServicesTest : public PostgresFixture
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(createNumberedDatabase(QStringLiteral("shared"), &url));
        ASSERT_TRUE(fake.start());
        for (int i = 0; i < orders; ++i)
            fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), uuid(i)},
                                                                           {QStringLiteral("name"), QString::number(i)},
                                                                           {QStringLiteral("sum"), 100 * i}});
        for (int i = 0; i < services; ++i) {
            clis[i] = std::make_unique<CliRunner>();
            clis[i]->setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
            // The store first: the account's settings that follow go into it.
            ASSERT_TRUE(clis[i]->configSet(QStringLiteral("store.url"), url));
            ASSERT_TRUE(clis[i]->prepareServe(fake.baseUrl(), secret));
            // A short tick: it is what takes over the tasks of a service that died.
            ASSERT_TRUE(clis[i]->configSet(QStringLiteral("worker.interval"), QStringLiteral("1")));
            serves[i] = std::make_unique<ServeProcess>(*clis[i]);
        }
        connection = StoreUrl::parse(url).value().open(QStringLiteral("test-shared"));
        ASSERT_TRUE(connection.ok()) << connection.error().toStdString();
    }

    void TearDown() override
    {
        for (auto &serve : serves)
            serve.reset();
        connection = QSqlDatabase();
        Database::close(QStringLiteral("test-shared"));
    }

    // One value of a query on the shared store.
    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(connection.value());
        if (!query.exec(sql) || !query.next()) {
            ADD_FAILURE() << sql.toStdString() << ": " << query.lastError().text().toStdString();
            return {};
        }
        return query.value(0);
    }

    QStringList column(const QString &sql)
    {
        QSqlQuery query(connection.value());
        EXPECT_TRUE(query.exec(sql)) << sql.toStdString() << ": " << query.lastError().text().toStdString();
        QStringList values;
        while (query.next())
            values.append(query.value(0).toString());
        return values;
    }

    const QString secret = QStringLiteral("shared-secret-of-three");
    QString url;
    FakeMoySklad fake;
    std::array<std::unique_ptr<CliRunner>, services> clis;
    std::array<std::unique_ptr<ServeProcess>, services> serves;
    Result<QSqlDatabase, QString> connection = QString();
};

TEST_F(CliSeveralServicesTest, ThreeServicesShareTheQueueThroughRedeliveriesAndAKillWithoutLosingOrDoublingWork)
{
    std::array<std::unique_ptr<DeliverySender>, services> senders;
    for (int i = 0; i < services; ++i) {
        ASSERT_TRUE(serves[i]->start());
        senders[i] = std::make_unique<DeliverySender>();
        senders[i]->setTarget(serves[i]->base(), secret);
    }

    // 3,000 deliveries of one event each, round robin over the receivers, 30 on their way at a time; every fifth is
    // delivered again to the next receiver once answered (MoySklad retrying after an answer it did not get). A
    // delivery whose receiver is gone goes to the next live one, as nginx's upstream does.
    struct Send
    {
        QString requestId;
        int index = 0;
        int order = 0;
        int target = 0;
        bool redelivery = false;
    };
    constexpr int deliveries = 3000;
    constexpr int killedService = 1;
    constexpr int killAfter = 1000;
    std::deque<Send> plan;
    for (int i = 0; i < deliveries; ++i)
        plan.push_back({DeliverySender::newRequestId(), i, i % orders, i % services, false});
    QSet<QString> acknowledged;
    int sent = 0;
    int inFlight = 0;
    int redelivered = 0;
    const auto liveTarget = [this](int wanted) {
        for (int step = 0; step < services; ++step) {
            const int candidate = (wanted + step) % services;
            if (serves[candidate]->running())
                return candidate;
        }
        return -1;
    };
    std::function<void()> pump = [&] {
        while (inFlight < 30 && !plan.empty()) {
            Send next = plan.front();
            plan.pop_front();
            const int target = liveTarget(next.target);
            ASSERT_GE(target, 0);
            ++inFlight;
            ++sent;
            QNetworkReply *reply = senders[target]->post(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                                                         next.requestId, {uuid(next.order)});
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, next, target] {
                reply->deleteLater();
                --inFlight;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status == 200) {
                    acknowledged.insert(next.requestId);
                    if (!next.redelivery && next.index % 5 == 0) {
                        plan.push_back({next.requestId, next.index, next.order, (target + 1) % services, true});
                        ++redelivered;
                    }
                } else {
                    // Not acknowledged (the receiver was killed): MoySklad sends it again.
                    plan.push_back({next.requestId, next.index, next.order, (target + 1) % services, next.redelivery});
                }
                if (sent >= killAfter && serves[killedService]->running())
                    serves[killedService]->kill();
                pump();
            });
        }
    };
    pump();
    ASSERT_TRUE(QTest::qWaitFor([&] { return plan.empty() && inFlight == 0; }, 120000))
        << "sent " << sent << ", still planned " << plan.size() << ", in flight " << inFlight;
    ASSERT_FALSE(serves[killedService]->running());
    EXPECT_EQ(acknowledged.size(), deliveries);
    EXPECT_GE(redelivered, deliveries / 5);

    // Every task is processed, the killed service's included (taken over when its connection went).
    QElapsedTimer waited;
    waited.start();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE status <> 'done'")).toInt() == 0; },
        120000))
        << scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE status <> 'done'")).toInt() << " tasks not done";
    const int requests = fake.countRequests(QString(), QString());
    std::cout << "[ figures  ] all tasks done " << waited.elapsed() << " ms after the last answer; " << redelivered
              << " redelivered; " << scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE attempts > 1")).toInt()
              << " tasks claimed more than once; " << requests << " requests to MoySklad, at most "
              << fake.maxInFlight() << " in flight, " << fake.rateLimitedCount() << " answered 429" << std::endl;

    // The three together keep the account's limits.
    EXPECT_LE(fake.maxInFlight(), 5);
    EXPECT_LT(fake.rateLimitedCount() * 100, requests);

    // Every acknowledged delivery is stored once with exactly its one task.
    const QSet<QString> stored = [&] {
        const QStringList ids = column(QStringLiteral("SELECT request_id FROM deliveries"));
        return QSet<QString>(ids.begin(), ids.end());
    }();
    EXPECT_EQ(stored.size(), column(QStringLiteral("SELECT request_id FROM deliveries")).size());
    for (const QString &requestId : std::as_const(acknowledged))
        EXPECT_TRUE(stored.contains(requestId)) << requestId.toStdString() << " acknowledged but not stored";
    EXPECT_EQ(column(QStringLiteral("SELECT d.request_id FROM deliveries d LEFT JOIN tasks t ON t.request_id = "
                                    "d.request_id GROUP BY d.request_id, d.events HAVING count(t.id) <> d.events")),
              QStringList());
    // Processed once: one successful attempt per task, and no two attempts of a task at the same time.
    EXPECT_EQ(column(QStringLiteral(
                  "SELECT task_id FROM task_attempts WHERE status = 'done' GROUP BY task_id HAVING count(*) <> 1")),
              QStringList());
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(DISTINCT task_id) FROM task_attempts WHERE status = 'done'")).toInt(),
              scalar(QStringLiteral("SELECT count(*) FROM tasks")).toInt());
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM task_attempts a JOIN task_attempts b ON a.task_id = "
                                    "b.task_id AND a.id < b.id AND a.started_at < b.finished_at AND b.started_at < "
                                    "a.finished_at"))
                  .toInt(),
              0);
    // No claim was taken from under a live service: a result dropped for that reason is logged.
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT count(*) FROM log WHERE message_id LIKE 'Task %1 was claimed again%'")).toInt(),
        0);
    // The shop store holds every order.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM orders")).toInt(), orders);
}

TEST_F(CliSeveralServicesTest, AModeChangedThroughOneProcessAppliesOnAllThreeWithinTwoSeconds)
{
    std::array<DeliverySender, services> senders;
    for (int i = 0; i < services; ++i) {
        ASSERT_TRUE(serves[i]->start());
        senders[i].setTarget(serves[i]->base(), secret);
    }
    // One delivery to each receiver; the modes their tasks were given.
    const auto modesNow = [&] {
        QStringList requestIds;
        for (int i = 0; i < services; ++i) {
            requestIds.append(DeliverySender::newRequestId());
            EXPECT_EQ(senders[i].send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), requestIds.last(),
                                      {uuid(i)}),
                      200);
        }
        QStringList modes;
        for (const QString &requestId : std::as_const(requestIds))
            modes.append(
                scalar(QStringLiteral("SELECT mode FROM tasks WHERE request_id = '%1'").arg(requestId)).toString());
        return modes;
    };
    EXPECT_EQ(modesNow(), QStringList(services, QStringLiteral("immediate")));

    // Through another process than the three: a CLI command on the first one's data directory.
    ASSERT_EQ(clis[0]
                  ->run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("customerorder"),
                         QStringLiteral("UPDATE"), QStringLiteral("queued")})
                  .exitCode,
              0);
    QTest::qWait(2000);
    EXPECT_EQ(modesNow(), QStringList(services, QStringLiteral("queued")));

    // `queue deliveries` reads the shared store: the six deliveries, newest first, and one by its request id.
    const auto listed = clis[1]->run({QStringLiteral("--json"), QStringLiteral("queue"), QStringLiteral("deliveries")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QJsonArray deliveries = listed.json().array();
    ASSERT_EQ(deliveries.size(), 2 * services);
    for (qsizetype i = 1; i < deliveries.size(); ++i)
        EXPECT_GE(deliveries.at(i - 1).toObject().value(QStringLiteral("receivedAt")).toString(),
                  deliveries.at(i).toObject().value(QStringLiteral("receivedAt")).toString());
    const QString requestId = deliveries.at(3).toObject().value(QStringLiteral("requestId")).toString();
    const auto one =
        clis[2]->run({QStringLiteral("--json"), QStringLiteral("queue"), QStringLiteral("deliveries"), requestId});
    ASSERT_EQ(one.exitCode, 0) << one.err.toStdString();
    ASSERT_EQ(one.json().array().size(), 1);
    EXPECT_EQ(one.json().array().at(0).toObject().value(QStringLiteral("requestId")).toString(), requestId);

    // The account's periodic jobs ran once, not once per service: one catch-up sync at the start.
    EXPECT_EQ(column(QStringLiteral("SELECT kind FROM sync_runs")), QStringList{QStringLiteral("sync")});
}

TEST_F(CliSeveralServicesTest, AnImmediateDeliveryToAServiceWithoutATokenIsProcessedAtOnceByAnother)
{
    // The first machine has no token (processing held there); the others have one. The worker's tick is an hour
    // away: only the notification through the store can get the task processed now.
    clis[0]->setEnv(QStringLiteral("MOYSKLAD_TOKEN"), QString());
    for (int i = 0; i < services; ++i)
        ASSERT_TRUE(serves[i]->start());
    ASSERT_TRUE(clis[0]->configSet(QStringLiteral("worker.interval"), QStringLiteral("3600")));
    QTest::qWait(1500); // every service follows the interval (within one poll)
    DeliverySender sender;
    sender.setTarget(serves[0]->base(), secret);
    const QString requestId = DeliverySender::newRequestId();
    QElapsedTimer clock;
    clock.start();
    ASSERT_EQ(sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), requestId, {uuid(7)}), 200);
    const QString status = QStringLiteral("SELECT status FROM tasks WHERE request_id = '%1'").arg(requestId);
    ASSERT_TRUE(QTest::qWaitFor([&] { return scalar(status).toString() == QLatin1String("done"); }, 5000))
        << "still " << scalar(status).toString().toStdString();
    std::cout << "[ figures  ] processed by another service " << clock.elapsed() << " ms after the answer" << std::endl;
    EXPECT_LT(clock.elapsed(), 2000);
}

} // namespace
