// SPDX-License-Identifier: GPL-3.0-or-later
// Changes made with skladhook-cli while `skladhook-cli serve` runs reach the running service without a restart:
// an execution mode, the verification string, a retried dead task and a token saved after the start. Each is a
// separate process writing the data directory, as a user in a second terminal (or the GUI) would.
#include "clirunner.h"
#include "deliverysender.h"
#include "fakemoysklad.h"
#include "serveprocess.h"

#include <gtest/gtest.h>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

namespace {

const QString secret = QStringLiteral("LiveSecret_abcdefghijklmnopqrstuvwxyz0123456");

QString uuid(int i)
{
    return QStringLiteral("20000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

std::string text(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

class CliLiveChangeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        // No keychain: the secrets go to settings.ini, where the running serve has to notice them. The worker's own
        // run is an hour away: whatever is processed in these tests was started by the change.
        ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), secret));
    }

    void saveToken() { ASSERT_TRUE(cli.configSet(QStringLiteral("api.token"), fake.token())); }

    void seedOrder(int i)
    {
        fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), uuid(i)},
                                                                       {QStringLiteral("name"), QString::number(i)},
                                                                       {QStringLiteral("sum"), 100 * i}});
    }

    void startServe()
    {
        ASSERT_TRUE(serve.start());
        sender.setTarget(serve.base(), secret);
    }

    // One customerorder/UPDATE delivery of one order, with a fresh requestId: the HTTP status, 0 for no answer.
    int deliver(int order, int timeoutMs = 5000)
    {
        return sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), DeliverySender::newRequestId(),
                           {uuid(order)}, timeoutMs);
    }

    bool stored(int order) const { return cli.orderIds().contains(uuid(order)); }
    int tasks(const char *status) const { return cli.queueStats().value(QLatin1String(status)).toInt(); }

    FakeMoySklad fake;
    CliRunner cli;
    ServeProcess serve{cli};
    DeliverySender sender;
};

} // namespace

TEST_F(CliLiveChangeTest, AnExecutionModeChangedFromTheCliReachesARunningServe)
{
    seedOrder(1);
    seedOrder(2);
    ASSERT_NO_FATAL_FAILURE(saveToken());
    ASSERT_EQ(cli.run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("customerorder"),
                       QStringLiteral("UPDATE"), QStringLiteral("queued")})
                  .exitCode,
              0);
    ASSERT_NO_FATAL_FAILURE(startServe());

    ASSERT_EQ(deliver(1), 200);
    QTest::qWait(1000);
    ASSERT_FALSE(stored(1)) << "a queued delivery was processed before the worker's run";
    ASSERT_EQ(tasks("pending"), 1) << text(cli.queueStats());

    const auto changed = cli.run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("customerorder"),
                                  QStringLiteral("UPDATE"), QStringLiteral("immediate")});
    ASSERT_EQ(changed.exitCode, 0) << changed.err.toStdString();
    QTest::qWait(2000); // the promise: a change reaches the running service within 2 s

    ASSERT_EQ(deliver(2), 200);
    EXPECT_TRUE(QTest::qWaitFor([this] { return stored(2); }, 2000))
        << "a delivery made 2 s after the switch to immediate was not processed within 2 s of its answer; queue: "
        << text(cli.queueStats());
}

TEST_F(CliLiveChangeTest, AVerificationStringChangedFromTheCliReachesARunningServe)
{
    const QString renewed = QStringLiteral("RenewedSecret_0123456789abcdefghijklmnopqr");
    seedOrder(3);
    ASSERT_NO_FATAL_FAILURE(saveToken());
    const auto installed = cli.run({QStringLiteral("webhooks"), QStringLiteral("apply")});
    ASSERT_EQ(installed.exitCode, 0) << installed.err.toStdString(); // the hooks carry the first string
    ASSERT_NO_FATAL_FAILURE(startServe());
    sender.setTarget(serve.base(), renewed);
    ASSERT_EQ(deliver(3), 403) << "the new key is accepted before it is set: the test would prove nothing";

    ASSERT_TRUE(cli.configSet(QStringLiteral("site.secret"), renewed));
    QElapsedTimer sinceSaved;
    sinceSaved.start();
    // MoySklad's view: deliveries keep coming with fresh requestIds; the first 200 must come within the promise.
    int status = 0;
    qint64 acceptedAfterMs = -1;
    const bool accepted = QTest::qWaitFor(
        [&] {
            status = deliver(3, 1000);
            if (status == 200) {
                acceptedAfterMs = sinceSaved.elapsed();
                return true;
            }
            QTest::qWait(100);
            return false;
        },
        2500);
    ASSERT_TRUE(accepted) << "the new verification string was still refused 2.5 s after config set; last answer "
                          << status;
    EXPECT_LE(acceptedAfterMs, 2500);

    // The hooks still carry the old string: MoySklad's deliveries with it are answered until the hooks are updated…
    sender.setTarget(serve.base(), secret);
    EXPECT_EQ(deliver(3), 200) << "the replaced string must stay accepted until the hooks carry the new one";
    const auto updated = cli.run({QStringLiteral("webhooks"), QStringLiteral("apply"), QStringLiteral("--update-own")});
    ASSERT_EQ(updated.exitCode, 0) << updated.err.toStdString();
    // …and refused once a listing shows every hook of ours with the new one.
    EXPECT_TRUE(QTest::qWaitFor([&] { return deliver(3, 1000) == 403; }, 2500));
    sender.setTarget(serve.base(), renewed);
    EXPECT_EQ(deliver(3), 200);
}

TEST_F(CliLiveChangeTest, ADeadTaskRetriedFromTheCliIsProcessedAtOnce)
{
    ASSERT_TRUE(cli.configSet(QStringLiteral("worker.maxAttempts"), QStringLiteral("1")));
    seedOrder(4);
    ASSERT_NO_FATAL_FAILURE(saveToken());
    // A final error (a 4xx is not worth retrying): the immediate task dies at its first attempt.
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/customerorder"), 400, 1002,
                  QStringLiteral("Request error"), -1);
    ASSERT_NO_FATAL_FAILURE(startServe());
    ASSERT_EQ(deliver(4), 200);
    ASSERT_TRUE(QTest::qWaitFor([this] { return tasks("dead") == 1; }, 10000)) << text(cli.queueStats());
    const QJsonArray dead =
        cli.run({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("dead"), QStringLiteral("--json")})
            .json()
            .array();
    ASSERT_EQ(dead.size(), 1);
    const qint64 id = dead[0].toObject().value(QLatin1String("id")).toInteger();
    ASSERT_FALSE(stored(4));

    fake.clearFailures();
    const auto retried = cli.run({QStringLiteral("queue"), QStringLiteral("retry"), QString::number(id)});
    ASSERT_EQ(retried.exitCode, 0) << retried.err.toStdString();
    EXPECT_TRUE(QTest::qWaitFor([this] { return tasks("done") == 1 && stored(4); }, 2000))
        << "task " << id
        << " queued again from the CLI was not processed within 2 s; queue: " << text(cli.queueStats());
}

TEST_F(CliLiveChangeTest, ATokenSavedFromTheCliReachesAServeThatHadNone)
{
    seedOrder(5);
    // No api.token saved and no MOYSKLAD_TOKEN (CliRunner drops it): serve still receives, and holds the tasks.
    ASSERT_NO_FATAL_FAILURE(startServe());
    ASSERT_EQ(deliver(5), 200) << "the receiver needs no token";
    QTest::qWait(2000);
    const QJsonObject held = cli.queueStats();
    EXPECT_EQ(held.value(QLatin1String("dead")).toInt(), 0)
        << "a task without a token must wait, not die: " << text(held);
    EXPECT_EQ(held.value(QLatin1String("done")).toInt(), 0) << text(held);

    ASSERT_NO_FATAL_FAILURE(saveToken());
    EXPECT_TRUE(QTest::qWaitFor([this] { return stored(5); }, 3000))
        << "the held task was not processed within 3 s of the token being saved; queue: " << text(cli.queueStats());
}

TEST_F(CliLiveChangeTest, QueuePauseHoldsARunningServeAcrossARestartAndResumeReleasesIt)
{
    seedOrder(7);
    ASSERT_NO_FATAL_FAILURE(saveToken());
    ASSERT_NO_FATAL_FAILURE(startServe());
    const auto paused = cli.run({QStringLiteral("queue"), QStringLiteral("pause")});
    ASSERT_EQ(paused.exitCode, 0) << paused.err.toStdString();
    EXPECT_TRUE(paused.out.contains(QStringLiteral("follows within 2 s"))) << paused.out.toStdString();
    QTest::qWait(2000);

    ASSERT_EQ(deliver(7), 200) << "a paused service still receives";
    QTest::qWait(1000);
    EXPECT_FALSE(stored(7));
    EXPECT_EQ(tasks("pending"), 1) << text(cli.queueStats());
    const auto stats = cli.run({QStringLiteral("queue"), QStringLiteral("stats")});
    EXPECT_TRUE(stats.out.contains(QStringLiteral("processing paused"))) << stats.out.toStdString();
    // The same for a script.
    const QJsonObject json = cli.queueStats();
    EXPECT_EQ(json.value(QLatin1String("paused")), QJsonValue(true)) << text(json);
    EXPECT_EQ(json.value(QLatin1String("processing")).toString(), QStringLiteral("paused")) << text(json);
    EXPECT_FALSE(json.value(QLatin1String("oldestWaitingSince")).toString().isEmpty()) << text(json);

    // Still paused after a restart: the state is stored, not the process's.
    ASSERT_EQ(serve.stop(), 0);
    ASSERT_NO_FATAL_FAILURE(startServe());
    QTest::qWait(1000);
    EXPECT_FALSE(stored(7));

    ASSERT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("resume")}).exitCode, 0);
    EXPECT_TRUE(QTest::qWaitFor([this] { return stored(7); }, 3000))
        << "resume did not reach the running serve; queue: " << text(cli.queueStats());
    EXPECT_TRUE(QTest::qWaitFor(
        [this] { return cli.queueStats().value(QLatin1String("processing")).toString() == QLatin1String("on"); }, 3000))
        << text(cli.queueStats());
    EXPECT_EQ(cli.queueStats().value(QLatin1String("paused")), QJsonValue(false));
    const auto log = cli.run({QStringLiteral("log")});
    EXPECT_TRUE(log.out.contains(QStringLiteral("Processing paused from the command line"))) << log.out.toStdString();
    EXPECT_TRUE(log.out.contains(QStringLiteral("Processing is paused"))) << "serve said why it holds";
}

TEST_F(CliLiveChangeTest, ARevokedTokenHoldsTasksWithoutSpendingAttemptsAndANewTokenResumesThem)
{
    seedOrder(9);
    ASSERT_NO_FATAL_FAILURE(saveToken());
    ASSERT_TRUE(cli.configSet(QStringLiteral("worker.maxAttempts"), QStringLiteral("1")));
    ASSERT_NO_FATAL_FAILURE(startServe());
    // Someone exchanged the login and password elsewhere: MoySklad revoked the token serve uses.
    const QString fresh = fake.revokeTokens();

    ASSERT_EQ(deliver(9), 200);
    ASSERT_TRUE(QTest::qWaitFor(
        [this] {
            return cli.run({QStringLiteral("queue"), QStringLiteral("stats")})
                .out.contains(QStringLiteral("refused the API token"));
        },
        5000))
        << "queue stats does not say why nothing is processed: "
        << cli.run({QStringLiteral("queue"), QStringLiteral("stats")}).out.toStdString()
        << cli.run({QStringLiteral("log")}).out.toStdString();
    EXPECT_EQ(tasks("dead"), 0) << "a task died of a revoked token; queue: " << text(cli.queueStats());
    EXPECT_FALSE(stored(9));
    const auto list = cli.run({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(list.json().array().size(), 1);
    EXPECT_EQ(list.json().array().at(0).toObject().value(QStringLiteral("attempts")).toInt(), 0)
        << "the 401 spent an attempt";
    const auto log = cli.run({QStringLiteral("log")});
    EXPECT_TRUE(log.out.contains(QStringLiteral("MoySklad refused the API token"))) << log.out.toStdString();

    // A working token, saved from the CLI, reaches serve and the held task is processed.
    ASSERT_TRUE(cli.configSet(QStringLiteral("api.token"), fresh));
    EXPECT_TRUE(QTest::qWaitFor([this] { return stored(9); }, 5000))
        << "the new token did not resume processing; queue: " << text(cli.queueStats());
}

// Another process points receiver.listen at a port something else holds: serve keeps receiving where it was and the
// log says why; once the setting names a free port, serve moves there.
TEST_F(CliLiveChangeTest, ABusyReceiverAddressLeavesServeReceivingWhereItWas)
{
    seedOrder(4);
    seedOrder(5);
    ASSERT_NO_FATAL_FAILURE(saveToken());
    ASSERT_NO_FATAL_FAILURE(startServe());
    QTcpServer holder;
    ASSERT_TRUE(holder.listen(QHostAddress::LocalHost));
    const QString busy = QStringLiteral("127.0.0.1:%1").arg(holder.serverPort());
    ASSERT_TRUE(cli.configSet(QStringLiteral("receiver.listen"), busy));
    QTest::qWait(3000); // a change reaches the running service within 2 s

    EXPECT_EQ(deliver(4), 200) << "serve stopped receiving on its address";
    EXPECT_TRUE(QTest::qWaitFor([this] { return stored(4); }, 5000));
    const auto log = cli.run({QStringLiteral("log"), QStringLiteral("--level"), QStringLiteral("error")});
    EXPECT_TRUE(log.out.contains(busy + QStringLiteral(": address in use"))) << log.out.toStdString();
    EXPECT_TRUE(log.out.contains(QStringLiteral("keeps serving"))) << log.out.toStdString();

    // Once the port is free, serve takes it by itself (it tries again every 10 s), with nobody setting it again.
    const quint16 freed = holder.serverPort();
    holder.close();
    QUrl moved = serve.base();
    moved.setPort(freed);
    sender.setTarget(moved, secret);
    int status = 0;
    EXPECT_TRUE(QTest::qWaitFor([&] { return (status = deliver(5, 1000)) == 200; }, 15000))
        << "not moved to the freed port: " << status;
    EXPECT_EQ(cli.run({QStringLiteral("log")}).out.count(QStringLiteral("keeps serving")), 1); // said once
}
