// SPDX-License-Identifier: GPL-3.0-or-later
// `skladhook-cli serve` end to end over loopback HTTP: MoySklad's deliveries in, the fake MoySklad behind, the
// shop store out. Execution modes, redelivery, and a kill -9 in the middle of a burst.
#include "clirunner.h"
#include "fakemoysklad.h"
#include "store/database.h"
#include "store/readconnection.h"

#include <gtest/gtest.h>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <csignal>

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
        cli.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        for (const auto &[key, value] : QList<std::pair<QString, QString>>{
                 {QStringLiteral("secrets.store"), QStringLiteral("file")},
                 {QStringLiteral("api.url"), fake.baseUrl().toString()},
                 {QStringLiteral("site.url"), QStringLiteral("https://shop.example.com/shop/")},
                 {QStringLiteral("site.secret"), secret},
                 {QStringLiteral("receiver.listen"), QStringLiteral("127.0.0.1:0")},
                 {QStringLiteral("worker.interval"), QStringLiteral("3600")},
                 {QStringLiteral("import.orders"), QStringLiteral("on")}}) {
            const auto result = cli.run({QStringLiteral("config"), QStringLiteral("set"), key, value});
            ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
        }
    }

    void TearDown() override { stopServe(); }

    void startServe()
    {
        serve = std::make_unique<QProcess>();
        serve->setProcessEnvironment(cli.environment());
        serve->start(QStringLiteral(SKLADHOOK_CLI_PATH),
                     {QStringLiteral("--data-dir"), cli.dataDir(), QStringLiteral("serve")});
        ASSERT_TRUE(serve->waitForStarted(10000));
        QByteArray out;
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                out += serve->readAllStandardOutput();
                return out.contains("listening on") || serve->state() == QProcess::NotRunning;
            },
            20000))
            << serve->readAllStandardError().toStdString();
        const QString line = QString::fromUtf8(out).section(QStringLiteral("listening on "), 1).trimmed();
        base = QUrl(line);
        ASSERT_TRUE(base.isValid() && base.port() > 0)
            << out.toStdString() << serve->readAllStandardError().toStdString();
    }

    void stopServe()
    {
        if (serve && serve->state() != QProcess::NotRunning) {
            serve->terminate();
            if (!serve->waitForFinished(10000))
                serve->kill();
        }
    }

    QNetworkReply *post(const QString &entity, const QString &action, const QString &requestId, const QStringList &ids,
                        QNetworkAccessManager &network)
    {
        QUrl url(base.toString() + QStringLiteral("moysklad/%1/%2").arg(entity, action.toLower()));
        url.setQuery(QStringLiteral("key=%1&requestId=%2").arg(secret, requestId));
        QJsonArray events;
        for (const QString &id : ids)
            events.append(QJsonObject{
                {QStringLiteral("meta"),
                 QJsonObject{{QStringLiteral("type"), entity},
                             {QStringLiteral("href"),
                              QString(fake.baseUrl().toString() + QStringLiteral("/entity/%1/%2").arg(entity, id))}}},
                {QStringLiteral("action"), action},
                {QStringLiteral("accountId"), QStringLiteral("1f2e3d4c-0000-4000-8000-00000000acc0")}});
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("MoySklad webhook touch agent 2.0"));
        return network.post(request, QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson());
    }

    int postAndWait(const QString &entity, const QString &action, const QString &requestId, const QStringList &ids)
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = post(entity, action, requestId, ids, network);
        EXPECT_TRUE(QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    QJsonObject stats()
    {
        return cli.run({QStringLiteral("queue"), QStringLiteral("stats"), QStringLiteral("--json")}).json().object();
    }

    QSet<QString> orderIds()
    {
        QSet<QString> ids;
        const auto result = cli.run({QStringLiteral("orders"), QStringLiteral("--json")});
        for (const QJsonValue &order : result.json().array())
            ids.insert(order.toObject().value(QLatin1String("id")).toString());
        return ids;
    }

    void seedOrder(int i)
    {
        fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), uuid(i)},
                                                                       {QStringLiteral("name"), QString::number(i)},
                                                                       {QStringLiteral("sum"), 100 * i}});
    }

    FakeMoySklad fake;
    CliRunner cli;
    std::unique_ptr<QProcess> serve;
    QUrl base;
};

} // namespace

TEST_F(CliServeTest, EachExecutionModeBehavesAsDescribed)
{
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
    ASSERT_EQ(postAndWait(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                          QUuid::createUuid().toString(QUuid::WithoutBraces), {uuid(1)}),
              200);
    EXPECT_TRUE(QTest::qWaitFor([&] { return orderIds().contains(uuid(1)); }, 10000));

    // queued: waits for the worker.
    ASSERT_EQ(postAndWait(QStringLiteral("demand"), QStringLiteral("CREATE"),
                          QUuid::createUuid().toString(QUuid::WithoutBraces), {uuid(50)}),
              200);
    // first immediately, the rest queued.
    ASSERT_EQ(postAndWait(QStringLiteral("paymentin"), QStringLiteral("CREATE"),
                          QUuid::createUuid().toString(QUuid::WithoutBraces), {uuid(60), uuid(61), uuid(62)}),
              200);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stats().value(QLatin1String("done")).toInt() == 2; }, 10000))
        << QJsonDocument(stats()).toJson().toStdString();
    QTest::qWait(300);
    const QJsonObject after = stats();
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
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // MoySklad retries back to back with the same requestId.
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(postAndWait(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), requestId, {uuid(2)}), 200);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stats().value(QLatin1String("done")).toInt() == 1; }, 10000));
    const QJsonObject counts = stats();
    int total = 0;
    for (const QString &key : counts.keys())
        total += counts.value(key).toInt();
    EXPECT_EQ(total, 1);
}

TEST_F(CliServeTest, AWrongSecretIsRefusedAndStoresNothing)
{
    startServe();
    QNetworkAccessManager network;
    QUrl url(base.toString() + QStringLiteral("moysklad/customerorder/update"));
    url.setQuery(QStringLiteral("key=wrong&requestId=%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = network.post(request, QByteArray("{\"events\":[]}"));
    ASSERT_TRUE(QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000));
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
    reply->deleteLater();
    for (const QJsonValue &value : stats())
        EXPECT_EQ(value.toInt(), 0);
}

TEST_F(CliServeTest, AKillInTheMiddleOfABurstLosesNothingThatWasAnswered)
{
    constexpr int deliveries = 60;
    for (int i = 0; i < deliveries; ++i)
        seedOrder(100 + i);
    fake.setResponseDelayMs(30); // processing lags behind intake, so the kill lands with work in flight
    startServe();

    QNetworkAccessManager network;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < deliveries; ++i)
        replies.append(post(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                            QUuid::createUuid().toString(QUuid::WithoutBraces), {uuid(100 + i)}, network));
    const auto answered = [&replies] {
        return int(std::count_if(replies.cbegin(), replies.cend(), [](QNetworkReply *r) {
            return r->isFinished() && r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        }));
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return answered() >= deliveries / 3; }, 20000));
    ::kill(pid_t(serve->processId()), SIGKILL);
    ASSERT_TRUE(serve->waitForFinished(10000));
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
            const QSet<QString> stored = orderIds();
            return std::all_of(acknowledged.cbegin(), acknowledged.cend(),
                               [&stored](const QString &id) { return stored.contains(id); });
        },
        30000))
        << "acknowledged " << acknowledged.size() << ", stored " << orderIds().size();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const QJsonObject s = stats();
            return s.value(QLatin1String("pending")).toInt() + s.value(QLatin1String("running")).toInt() +
                       s.value(QLatin1String("retrying")).toInt() ==
                   0;
        },
        30000));
    EXPECT_EQ(stats().value(QLatin1String("dead")).toInt(), 0);
}

TEST_F(CliServeTest, CommandsBesideARunningServeWriteSafely)
{
    // Every CLI command writes its log row from its own process while serve commits a burst: the write lock keeps
    // the two from writing or checkpointing at once, and nothing is refused or lost.
    constexpr int deliveries = 40;
    for (int i = 0; i < deliveries; ++i)
        seedOrder(300 + i);
    startServe();
    QNetworkAccessManager network;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < deliveries; ++i)
        replies.append(post(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                            QUuid::createUuid().toString(QUuid::WithoutBraces), {uuid(300 + i)}, network));
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
    ASSERT_TRUE(QTest::qWaitFor([&] { return stats().value(QLatin1String("done")).toInt() == deliveries; }, 30000))
        << QJsonDocument(stats()).toJson().toStdString();
    EXPECT_EQ(orderIds().size(), deliveries);

    stopServe();
    ASSERT_EQ(serve->exitCode(), 0);
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
