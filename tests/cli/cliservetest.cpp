// SPDX-License-Identifier: GPL-3.0-or-later
// `skladhook-cli serve` end to end over loopback HTTP: MoySklad's deliveries in, the fake MoySklad behind, the
// shop store out. Execution modes, redelivery, and a kill -9 in the middle of a burst.
#include "clirunner.h"
#include "deliverysender.h"
#include "fakemoysklad.h"
#include "serveprocess.h"
#include "store/database.h"
#include "store/readconnection.h"

#include <gtest/gtest.h>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

namespace {

const QString secret = QStringLiteral("ServeSecret_abcdefghijklmnopqrstuvwxyz012345");

QString uuid(int i)
{
    return QStringLiteral("10000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

class CliServeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
        ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), secret));
    }

    void startServe()
    {
        ASSERT_TRUE(serve.start());
        sender.setTarget(serve.base(), secret);
    }

    void seedOrder(int i)
    {
        fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), uuid(i)},
                                                                       {QStringLiteral("name"), QString::number(i)},
                                                                       {QStringLiteral("sum"), 100 * i}});
    }

    FakeMoySklad fake;
    CliRunner cli;
    ServeProcess serve{cli};
    DeliverySender sender;
};

} // namespace

TEST_F(CliServeTest, EachExecutionModeBehavesAsDescribed)
{
    // Payments and shipments are processed only with their exchange on.
    ASSERT_TRUE(cli.configSet(QStringLiteral("exchange.payments"), QStringLiteral("full")));
    ASSERT_TRUE(cli.configSet(QStringLiteral("exchange.shipments"), QStringLiteral("full")));
    ASSERT_EQ(cli.run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("demand"),
                       QStringLiteral("CREATE"), QStringLiteral("queued")})
                  .exitCode,
              0);
    ASSERT_EQ(cli.run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("paymentin"),
                       QStringLiteral("CREATE"), QStringLiteral("first-immediate")})
                  .exitCode,
              0);
    seedOrder(1);
    fake.seedDocument(QStringLiteral("demand"),
                      QJsonObject{{QStringLiteral("id"), uuid(50)}, {QStringLiteral("sum"), 1}});
    for (int i = 60; i < 63; ++i)
        fake.seedDocument(QStringLiteral("paymentin"),
                          QJsonObject{{QStringLiteral("id"), uuid(i)}, {QStringLiteral("sum"), 5}});
    startServe();

    // immediate: processed right after the answer, with the worker an hour away.
    ASSERT_EQ(sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), DeliverySender::newRequestId(),
                          {uuid(1)}),
              200);
    EXPECT_TRUE(QTest::qWaitFor([&] { return cli.orderIds().contains(uuid(1)); }, 10000));

    // queued: waits for the worker.
    ASSERT_EQ(
        sender.send(QStringLiteral("demand"), QStringLiteral("CREATE"), DeliverySender::newRequestId(), {uuid(50)}),
        200);
    // first immediately, the rest queued.
    ASSERT_EQ(sender.send(QStringLiteral("paymentin"), QStringLiteral("CREATE"), DeliverySender::newRequestId(),
                          {uuid(60), uuid(61), uuid(62)}),
              200);
    ASSERT_TRUE(QTest::qWaitFor([&] { return cli.queueStats().value(QLatin1String("done")).toInt() == 2; }, 10000))
        << QJsonDocument(cli.queueStats()).toJson().toStdString();
    QTest::qWait(300);
    const QJsonObject after = cli.queueStats();
    EXPECT_EQ(after.value(QLatin1String("done")).toInt(), 2);
    EXPECT_EQ(after.value(QLatin1String("pending")).toInt(), 3); // the demand and two of the payments
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/demand")), 0);
    const auto paymentRequests = fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/paymentin"));
    EXPECT_EQ(paymentRequests, 1);
}

TEST_F(CliServeTest, ARedeliveryIsAnsweredAndMakesNoNewTask)
{
    seedOrder(2);
    startServe();
    const QString requestId = DeliverySender::newRequestId();
    // MoySklad retries back to back with the same requestId.
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), requestId, {uuid(2)}), 200);
    ASSERT_TRUE(QTest::qWaitFor([&] { return cli.queueStats().value(QLatin1String("done")).toInt() == 1; }, 10000));
    const QJsonObject counts = cli.queueStats();
    int total = 0;
    for (const QString &key : counts.keys())
        total += counts.value(key).toInt();
    EXPECT_EQ(total, 1);
}

TEST_F(CliServeTest, AWrongSecretIsRefusedAndStoresNothing)
{
    startServe();
    sender.setTarget(serve.base(), QStringLiteral("wrong"));
    EXPECT_EQ(
        sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), DeliverySender::newRequestId(), {}),
        403);
    for (const QJsonValue &value : cli.queueStats())
        EXPECT_EQ(value.toInt(), 0);
}

TEST_F(CliServeTest, AKillInTheMiddleOfABurstLosesNothingThatWasAnswered)
{
    constexpr int deliveries = 60;
    for (int i = 0; i < deliveries; ++i)
        seedOrder(100 + i);
    fake.setResponseDelayMs(30); // processing lags behind intake, so the kill lands with work in flight
    startServe();

    QList<QNetworkReply *> replies;
    for (int i = 0; i < deliveries; ++i)
        replies.append(sender.post(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                                   DeliverySender::newRequestId(), {uuid(100 + i)}));
    const auto answered = [&replies] {
        return int(std::count_if(replies.cbegin(), replies.cend(), [](QNetworkReply *r) {
            return r->isFinished() && r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        }));
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return answered() >= deliveries / 3; }, 20000));
    serve.kill();
    ASSERT_FALSE(serve.running());
    QTest::qWait(200); // the remaining requests fail against the dead process

    QStringList acknowledged;
    for (int i = 0; i < deliveries; ++i) {
        if (replies[i]->isFinished() && replies[i]->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
            acknowledged.append(uuid(100 + i));
    }
    ASSERT_GE(acknowledged.size(), deliveries / 3);
    ASSERT_LT(acknowledged.size(), deliveries) << "the kill came too late to test anything";
    qDeleteAll(replies);

    fake.setResponseDelayMs(0);
    startServe(); // tasks the dead process left running are due again at once
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const QSet<QString> stored = cli.orderIds();
            return std::all_of(acknowledged.cbegin(), acknowledged.cend(),
                               [&stored](const QString &id) { return stored.contains(id); });
        },
        30000))
        << "acknowledged " << acknowledged.size() << ", stored " << cli.orderIds().size();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const QJsonObject s = cli.queueStats();
            return s.value(QLatin1String("pending")).toInt() + s.value(QLatin1String("running")).toInt() +
                       s.value(QLatin1String("retrying")).toInt() ==
                   0;
        },
        30000));
    EXPECT_EQ(cli.queueStats().value(QLatin1String("dead")).toInt(), 0);
}

TEST_F(CliServeTest, ATaskWhoseProcessingKillsTheProcessEndsDeadAfterMaxAttemptsRestarts)
{
    constexpr int maxAttempts = 2;
    ASSERT_TRUE(cli.configSet(QStringLiteral("worker.maxAttempts"), QString::number(maxAttempts)));
    seedOrder(7);
    // The answer never comes in time: every kill lands in the middle of the fetch.
    fake.setResponseDelayMs(6000);
    // The worker's fetches by id, as they arrive (the catch-up at each start lists orders too, by date).
    const auto fetches = [this] {
        const QList<FakeMoySklad::Request> received = fake.received();
        return int(std::count_if(received.cbegin(), received.cend(), [](const FakeMoySklad::Request &request) {
            return request.path.contains(QLatin1String("/entity/customerorder")) &&
                   request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded).contains(uuid(7));
        }));
    };
    startServe();
    ASSERT_EQ(sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), DeliverySender::newRequestId(),
                          {uuid(7)}),
              200); // immediate: fetched at once
    for (int round = 1; round <= maxAttempts; ++round) {
        // The lease is five minutes and the worker an hour away: a fetch within seconds of the start means the task
        // the dead process left running was released at once.
        ASSERT_TRUE(QTest::qWaitFor([&] { return fetches() == round; }, 10000))
            << "round " << round << ": " << fetches() << " request(s)";
        EXPECT_EQ(cli.queueStats().value(QLatin1String("running")).toInt(), 1);
        serve.kill();
        startServe();
    }
    // Claimed maxAttempts times without an outcome: the start after the last crash makes it dead, fetching nothing.
    ASSERT_TRUE(QTest::qWaitFor([&] { return cli.queueStats().value(QLatin1String("dead")).toInt() == 1; }, 10000))
        << QJsonDocument(cli.queueStats()).toJson().toStdString();
    QTest::qWait(500);
    EXPECT_EQ(fetches(), maxAttempts);
    const QJsonObject stats = cli.queueStats();
    EXPECT_EQ(stats.value(QLatin1String("pending")).toInt() + stats.value(QLatin1String("running")).toInt() +
                  stats.value(QLatin1String("retrying")).toInt(),
              0);
    const CliRunner::Output dead = cli.run({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("dead")});
    EXPECT_TRUE(dead.out.contains(QStringLiteral("Gave up after %1 attempt(s)").arg(maxAttempts)))
        << dead.out.toStdString();
    fake.setResponseDelayMs(0);
}

TEST_F(CliServeTest, QueueStatsSaysWhileMoySkladIsUnreachable)
{
    seedOrder(8);
    fake.failNext(QString(), QString(), 503, 0, {}, -1);
    startServe();
    ASSERT_EQ(sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), DeliverySender::newRequestId(),
                          {uuid(8)}),
              200);
    const auto says = [&] {
        return cli.run({QStringLiteral("queue"), QStringLiteral("stats")})
            .out.contains(QStringLiteral("MoySklad unreachable since"));
    };
    // After the client's own retries (seconds), the worker's breaker opens and the serving process says so.
    ASSERT_TRUE(QTest::qWaitFor(says, 30000));
    EXPECT_TRUE(cli.queueStats().contains(QLatin1String("moyskladUnreachableSince")));
    EXPECT_EQ(cli.queueStats().value(QLatin1String("retrying")).toInt(), 1);
    EXPECT_EQ(cli.queueStats().value(QLatin1String("dead")).toInt(), 0);
    fake.clearFailures();
}

TEST_F(CliServeTest, CommandsBesideARunningServeWriteSafely)
{
    // Every CLI command writes its log row from its own process while serve commits a burst: the write lock keeps
    // the two from writing or checkpointing at once, and nothing is refused or lost.
    constexpr int deliveries = 40;
    for (int i = 0; i < deliveries; ++i)
        seedOrder(300 + i);
    startServe();
    QList<QNetworkReply *> replies;
    for (int i = 0; i < deliveries; ++i)
        replies.append(sender.post(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                                   DeliverySender::newRequestId(), {uuid(300 + i)}));
    for (int i = 0; i < 3; ++i) {
        const auto retried = cli.run({QStringLiteral("queue"), QStringLiteral("retry-dead")});
        EXPECT_EQ(retried.exitCode, 0) << retried.err.toStdString();
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [&replies] {
            return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); });
        },
        20000));
    for (QNetworkReply *reply : std::as_const(replies))
        EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    qDeleteAll(replies);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return cli.queueStats().value(QLatin1String("done")).toInt() == deliveries; }, 30000))
        << QJsonDocument(cli.queueStats()).toJson().toStdString();
    EXPECT_EQ(cli.orderIds().size(), deliveries);

    ASSERT_EQ(serve.stop(), 0);
    QString integrity;
    {
        ReadConnection reader(Database::fileIn(cli.dataDir()));
        ASSERT_TRUE(reader.isOpen()) << reader.error().toStdString();
        QSqlQuery query(reader.db());
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
        integrity = query.value(QStringLiteral("integrity_check")).toString();
    }
    EXPECT_EQ(integrity, QStringLiteral("ok"));
    const auto log = cli.run({QStringLiteral("log")});
    EXPECT_EQ(log.out.count(QStringLiteral("dead task(s) queued again from the command line")), 3);
}
