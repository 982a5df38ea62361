// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "fakemoysklad.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QJsonObject>

namespace {

class CliWebhooksTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
    }

    CliRunner::Output run(QStringList arguments)
    {
        arguments << QStringLiteral("--api-url") << fake.baseUrl().toString();
        return cli.run(arguments);
    }

    FakeMoySklad fake;
    CliRunner cli;
};

Webhook hook(const QString &entity, const QString &action, const QString &url)
{
    Webhook w;
    w.entityType = entity;
    w.action = action;
    w.url = url;
    return w;
}

} // namespace

TEST_F(CliWebhooksTest, ListPrintsEveryHookAsJson)
{
    const Webhook ours =
        fake.seedHook(hook(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                           QStringLiteral("https://shop.example/moysklad/customerorder/update?key=TopSecretValue123")));
    Webhook appHook = hook(QStringLiteral("demand"), QStringLiteral("CREATE"), QStringLiteral("https://app.example/h"));
    appHook.authorApplication = QUrl(QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/application/42"));
    appHook.enabled = false;
    fake.seedHook(appHook);

    // Options are accepted after the command too.
    const auto result = run({QStringLiteral("webhooks"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray array = result.json().array();
    ASSERT_EQ(array.size(), 2);
    const QJsonObject first = array[0].toObject();
    EXPECT_EQ(first.keys(),
              (QStringList{QStringLiteral("action"), QStringLiteral("authorApplication"), QStringLiteral("enabled"),
                           QStringLiteral("entityType"), QStringLiteral("id"), QStringLiteral("url")}));
    EXPECT_EQ(first.value(QLatin1String("id")).toString(), ours.id);
    EXPECT_EQ(first.value(QLatin1String("entityType")).toString(), QStringLiteral("customerorder"));
    EXPECT_EQ(first.value(QLatin1String("action")).toString(), QStringLiteral("UPDATE"));
    EXPECT_TRUE(first.value(QLatin1String("enabled")).toBool());
    EXPECT_TRUE(first.value(QLatin1String("authorApplication")).isNull());
    // The verification string in the URL is masked.
    EXPECT_FALSE(result.out.contains(QStringLiteral("TopSecretValue123")));
    const QJsonObject second = array[1].toObject();
    EXPECT_FALSE(second.value(QLatin1String("enabled")).toBool());
    EXPECT_EQ(second.value(QLatin1String("authorApplication")).toString(), appHook.authorApplication.toString());
}

TEST_F(CliWebhooksTest, ListAsATable)
{
    fake.seedHook(
        hook(QStringLiteral("paymentin"), QStringLiteral("DELETE"), QStringLiteral("https://shop.example/p")));
    const auto result = run({QStringLiteral("webhooks"), QStringLiteral("list")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("paymentin")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("1 webhook(s)")));
}

TEST_F(CliWebhooksTest, MoySkladErrorsEndWithOneLineAndANonZeroCode)
{
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/webhook"), 403, 30004,
                  QStringLiteral("Управлять веб-хуками может только администратор"));
    const auto result = run({QStringLiteral("--json"), QStringLiteral("webhooks"), QStringLiteral("list")});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_EQ(result.err.trimmed().count(QLatin1Char('\n')), 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("только администратор")));
    EXPECT_TRUE(result.err.contains(QStringLiteral("30004")));
}

TEST_F(CliWebhooksTest, CheckReportsAValidTokenThatMayManageWebhooks)
{
    const auto result = run({QStringLiteral("check"), QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonObject report = result.json().object();
    EXPECT_TRUE(report.value(QLatin1String("tokenValid")).toBool());
    EXPECT_TRUE(report.value(QLatin1String("canManageWebhooks")).toBool());
}

TEST_F(CliWebhooksTest, CheckFailsClearlyOnABadToken)
{
    cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), QStringLiteral("wrong-token-value"));
    const auto result = run({QStringLiteral("check")});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.err.contains(QStringLiteral("1056"))) << result.err.toStdString();
    EXPECT_FALSE(result.err.contains(QStringLiteral("wrong-token-value")));
}

TEST_F(CliWebhooksTest, CheckFailsClearlyWhenTheApiIsUnreachable)
{
    const auto result = cli.run(
        {QStringLiteral("check"), QStringLiteral("--api-url"), QStringLiteral("http://127.0.0.1:1/api/remap/1.2")});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_EQ(result.err.trimmed().count(QLatin1Char('\n')), 0) << result.err.toStdString();
}

TEST_F(CliWebhooksTest, LoginAndPasswordAreExchangedForAToken)
{
    cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), QString());
    cli.setEnv(QStringLiteral("MOYSKLAD_LOGIN"), QStringLiteral("admin@shop"));
    cli.setEnv(QStringLiteral("MOYSKLAD_PASSWORD"), QStringLiteral("correct horse battery"));
    const auto result = run({QStringLiteral("webhooks"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/security/token")), 1);
}

TEST_F(CliWebhooksTest, ALoginIsExchangedOnlyWhenNoWorkingTokenIsStoredAndWhatItObtainsIsSaved)
{
    // The first command with a login stores the token it obtained; the next ones use it and revoke nothing (a
    // running serve uses that token).
    ASSERT_TRUE(cli.configSet(QStringLiteral("secrets.store"), QStringLiteral("file")));
    cli.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), QString());
    cli.setEnv(QStringLiteral("MOYSKLAD_LOGIN"), QStringLiteral("admin@shop"));
    cli.setEnv(QStringLiteral("MOYSKLAD_PASSWORD"), QStringLiteral("correct horse battery"));
    const QStringList list{QStringLiteral("webhooks"), QStringLiteral("list"), QStringLiteral("--json")};
    auto first = run(list);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.err.contains(QStringLiteral("obtained a new API token"))) << first.err.toStdString();
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/security/token")), 1);
    const QString stored = fake.token();
    ASSERT_EQ(run(list).exitCode, 0);
    ASSERT_EQ(run(list).exitCode, 0);
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/security/token")), 1)
        << "a command with a login revoked a working token";
    EXPECT_EQ(fake.token(), stored);

    // Revoked elsewhere: the next command exchanges once and saves the new token, which works without the login.
    fake.revokeTokens();
    ASSERT_EQ(run(list).exitCode, 0);
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/security/token")), 2);
    cli.setEnv(QStringLiteral("MOYSKLAD_LOGIN"), QString());
    cli.setEnv(QStringLiteral("MOYSKLAD_PASSWORD"), QString());
    const auto withStored = run(list);
    EXPECT_EQ(withStored.exitCode, 0) << withStored.err.toStdString();
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/security/token")), 2);
}

TEST_F(CliWebhooksTest, UnknownCommandsAndMisplacedOptionsAreUsageErrors)
{
    EXPECT_EQ(run({QStringLiteral("frobnicate")}).exitCode, 2);
    EXPECT_EQ(cli.run({}).exitCode, 2);
}
