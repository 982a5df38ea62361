// SPDX-License-Identifier: GPL-3.0-or-later
// `skladhook-cli ping` end to end: serve behind a real nginx (the packaged example's location block) on loopback,
// the site URL pointing at the proxy. Every step succeeds and is recorded without a task or a request to MoySklad;
// with the receiver gone the proxy's 502 fails the HTTP step, and with the proxy gone the connect step fails.
#include "clirunner.h"
#include "fakemoysklad.h"
#include "freeport.h"
#include "reverseproxy.h"
#include "serveprocess.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QJsonObject>

namespace {

const QString secret = QStringLiteral("PingSecret_abcdefghijklmnopqrstuvwxyz0123456789");
const QString ping = QStringLiteral("ping");
const QString json = QStringLiteral("--json");

QStringList stepNames(const QJsonObject &target)
{
    QStringList names;
    for (const QJsonValue &step : target.value(QLatin1String("steps")).toArray())
        names.append(step.toObject().value(QLatin1String("step")).toString());
    return names;
}

QJsonObject step(const QJsonObject &target, const QString &name)
{
    for (const QJsonValue &step : target.value(QLatin1String("steps")).toArray())
        if (step.toObject().value(QLatin1String("step")).toString() == name)
            return step.toObject();
    return {};
}

class CliPingTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (ReverseProxy::nginx().isEmpty())
            GTEST_SKIP() << "nginx is not installed (scripts/packages.txt lists nginx-light)";
        ASSERT_TRUE(fake.start());
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
        ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), secret));
        proxyPort = freePort();
        ASSERT_TRUE(
            cli.configSet(QStringLiteral("site.url"), QStringLiteral("http://127.0.0.1:%1/shop/").arg(proxyPort)));
        ASSERT_TRUE(serve.start());
        const QUrl receiver = serve.base();
        ASSERT_TRUE(
            proxy.start(proxyPort, receiver.path(), QStringLiteral("%1:%2").arg(receiver.host()).arg(receiver.port())));
    }

    int documentRequests() const
    {
        int count = 0;
        for (const FakeMoySklad::Request &request : fake.requests())
            count +=
                request.path.contains(QLatin1String("/entity/")) && !request.path.endsWith(QLatin1String("/webhook"))
                    ? 1
                    : 0;
        return count;
    }

    FakeMoySklad fake;
    CliRunner cli;
    ServeProcess serve{cli};
    ReverseProxy proxy;
    quint16 proxyPort = 0;
};

TEST_F(CliPingTest, ReachesTheReceiverThroughTheProxyAndFailsClearlyWhenEitherIsDown)
{
    const CliRunner::Output ok = cli.run({ping, json});
    ASSERT_EQ(ok.exitCode, 0) << ok.out.toStdString() << ok.err.toStdString() << proxy.errorLog().toStdString();
    EXPECT_FALSE(ok.out.contains(secret));
    const QJsonObject report = ok.json().object();
    EXPECT_TRUE(report.value(QLatin1String("ok")).toBool());
    const QJsonArray targets = report.value(QLatin1String("targets")).toArray();
    // import.orders on: customerorder/UPDATE and customerorder/CREATE, each its own URL.
    ASSERT_EQ(targets.size(), 2);
    for (const QJsonValue &value : targets) {
        const QJsonObject target = value.toObject();
        const QString url = target.value(QLatin1String("url")).toString();
        EXPECT_TRUE(url.startsWith(QStringLiteral("http://127.0.0.1:%1/shop/moysklad/customerorder/").arg(proxyPort)))
            << url.toStdString();
        EXPECT_TRUE(url.contains(QLatin1String("key="))) << "the key is masked, not dropped";
        EXPECT_TRUE(target.value(QLatin1String("ok")).toBool());
        EXPECT_EQ(stepNames(target), (QStringList{QStringLiteral("resolve"), QStringLiteral("connect"),
                                                  QStringLiteral("http"), QStringLiteral("recorded")}));
        for (const QJsonValue &s : target.value(QLatin1String("steps")).toArray()) {
            EXPECT_TRUE(s.toObject().value(QLatin1String("ok")).toBool())
                << QJsonDocument(s.toObject()).toJson().toStdString();
            EXPECT_FALSE(s.toObject().value(QLatin1String("skipped")).toBool());
            EXPECT_TRUE(s.toObject().contains(QLatin1String("elapsedMs")));
        }
        // It came through nginx: the receiver saw the proxy's forwarding header.
        EXPECT_TRUE(step(target, QStringLiteral("recorded"))
                        .value(QLatin1String("detail"))
                        .toString()
                        .contains(QLatin1String("X-Forwarded-For")));
    }
    const QJsonObject stats = cli.queueStats();
    for (const QString &status : {QStringLiteral("pending"), QStringLiteral("running"), QStringLiteral("retrying"),
                                  QStringLiteral("done"), QStringLiteral("dead")})
        EXPECT_EQ(stats.value(status).toInt(-1), 0) << status.toStdString();
    EXPECT_EQ(documentRequests(), 0);

    // The receiver gone, the proxy still up: nginx answers 502 and the HTTP step says what that means.
    serve.stop();
    const CliRunner::Output noReceiver = cli.run({ping, json});
    EXPECT_EQ(noReceiver.exitCode, 1);
    for (const QJsonValue &value : noReceiver.json().object().value(QLatin1String("targets")).toArray()) {
        const QJsonObject http = step(value.toObject(), QStringLiteral("http"));
        EXPECT_FALSE(http.value(QLatin1String("ok")).toBool());
        EXPECT_TRUE(http.value(QLatin1String("detail")).toString().startsWith(QLatin1String("502 ")))
            << http.value(QLatin1String("detail")).toString().toStdString();
        EXPECT_TRUE(step(value.toObject(), QStringLiteral("recorded")).value(QLatin1String("skipped")).toBool());
    }

    // No log of the recommended set-up writes the verification string, though the 502 shows in the access log.
    const QString logs = proxy.allLogs();
    EXPECT_FALSE(logs.contains(secret)) << logs.toStdString();
    EXPECT_TRUE(logs.contains(QStringLiteral("skladhook.access.log"))) << logs.toStdString();
    EXPECT_TRUE(logs.contains(QStringLiteral(" 502 upstream="))) << logs.toStdString();

    // The proxy gone: the connection is refused, said with the address, and nothing after it is tried.
    proxy.stop();
    const CliRunner::Output down = cli.run({ping, json});
    EXPECT_EQ(down.exitCode, 1);
    const QJsonObject failed = down.json().object();
    EXPECT_FALSE(failed.value(QLatin1String("ok")).toBool());
    for (const QJsonValue &value : failed.value(QLatin1String("targets")).toArray()) {
        const QJsonObject target = value.toObject();
        EXPECT_FALSE(target.value(QLatin1String("ok")).toBool());
        EXPECT_TRUE(step(target, QStringLiteral("resolve")).value(QLatin1String("ok")).toBool());
        const QJsonObject connect = step(target, QStringLiteral("connect"));
        EXPECT_FALSE(connect.value(QLatin1String("ok")).toBool());
        EXPECT_FALSE(connect.value(QLatin1String("skipped")).toBool());
        EXPECT_EQ(connect.value(QLatin1String("detail")).toString(),
                  QStringLiteral("connection refused to 127.0.0.1:%1").arg(proxyPort));
        for (const QString &later : {QStringLiteral("http"), QStringLiteral("recorded")})
            EXPECT_TRUE(step(target, later).value(QLatin1String("skipped")).toBool()) << later.toStdString();
    }
    // The human form: one line per step, the failure and its reason on the connect line, exit code 1.
    const CliRunner::Output human = cli.run({ping});
    EXPECT_EQ(human.exitCode, 1);
    EXPECT_TRUE(human.out.contains(QStringLiteral("FAIL connect  connection refused to 127.0.0.1:%1").arg(proxyPort)))
        << human.out.toStdString();
    EXPECT_FALSE(human.out.contains(secret));
    EXPECT_FALSE(human.err.contains(secret));
}

TEST_F(CliPingTest, WithoutASiteUrlItSaysWhichSettingIsMissing)
{
    ASSERT_TRUE(cli.configSet(QStringLiteral("site.url"), QString()));
    const CliRunner::Output result = cli.run({ping});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QLatin1String("site.url"))) << result.err.toStdString();
}

} // namespace
