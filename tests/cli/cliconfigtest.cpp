// SPDX-License-Identifier: GPL-3.0-or-later
// config and webhooks plan/apply/mode through skladhook-cli, against the fake MoySklad server.
#include "clirunner.h"
#include "diagnostics/logreader.h"
#include "fakemoysklad.h"
#include "store/database.h"

#include <gtest/gtest.h>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace {

class CliConfigTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
        // No keychain in this process tree: the secrets go to the data directory after the explicit opt-in.
        cli.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        ASSERT_EQ(cli.run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("secrets.store"),
                           QStringLiteral("file")})
                      .exitCode,
                  0);
        ASSERT_EQ(cli.run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("api.url"),
                           fake.baseUrl().toString()})
                      .exitCode,
                  0);
    }

    CliRunner::Output run(const QStringList &arguments) { return cli.run(arguments); }

    void set(const QString &key, const QString &value)
    {
        const auto result = run({QStringLiteral("config"), QStringLiteral("set"), key, value});
        ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    }

    int writes() const
    {
        return fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook")) +
               fake.countRequests(QStringLiteral("PUT"), QStringLiteral("/entity/webhook")) +
               fake.countRequests(QStringLiteral("DELETE"), QStringLiteral("/entity/webhook"));
    }

    void fullExchange()
    {
        set(QStringLiteral("site.url"), QStringLiteral("https://shop.example.com/skladhook/"));
        set(QStringLiteral("site.secret"), secret);
        set(QStringLiteral("exchange.payments"), QStringLiteral("full"));
        set(QStringLiteral("exchange.shipments"), QStringLiteral("full"));
        set(QStringLiteral("import.orders"), QStringLiteral("on"));
    }

    FakeMoySklad fake;
    CliRunner cli;
    const QString secret = QStringLiteral("CliSecret_abcdefghijklmnopqrstuvwxyz0123456");
};

} // namespace

TEST_F(CliConfigTest, SetGetAndListWithValidation)
{
    set(QStringLiteral("exchange.payments"), QStringLiteral("full"));
    auto got = run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("exchange.payments")});
    EXPECT_EQ(got.out.trimmed(), QStringLiteral("full"));
    const auto bad = run(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("import.orders"), QStringLiteral("maybe")});
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("import.orders")));
    const auto list = run({QStringLiteral("config"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0);
    const QJsonObject all = list.json().object();
    for (const char *key : {"api.url", "site.url", "exchange.payments", "exchange.shipments", "import.orders",
                            "receiver.listen", "worker.interval"})
        EXPECT_TRUE(all.contains(QLatin1String(key))) << key;
    EXPECT_EQ(all.value(QLatin1String("exchange.payments")).toString(), QStringLiteral("full"));
}

TEST_F(CliConfigTest, SecretsAreShownMaskedAndNeverPrinted)
{
    set(QStringLiteral("site.secret"), secret);
    const auto got = run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("site.secret")});
    ASSERT_EQ(got.exitCode, 0);
    EXPECT_FALSE(got.out.contains(secret));
    EXPECT_TRUE(got.out.startsWith(secret.left(2)));
}

TEST_F(CliConfigTest, AnUnusableVerificationStringIsRefusedWithoutEchoingIt)
{
    const QString unusable = QStringLiteral("has spaces & an ampersand, long enough");
    const auto result = run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("site.secret"), unusable});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("site.secret"))) << result.err.toStdString();
    EXPECT_FALSE(result.err.contains(unusable));
    EXPECT_FALSE(result.out.contains(unusable));
    // Nothing was saved: reading it back finds no secret.
    const auto got = run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("site.secret")});
    EXPECT_NE(got.exitCode, 0);
    QFile ini(cli.dataDir() + QStringLiteral("/settings.ini"));
    ASSERT_TRUE(ini.open(QIODevice::ReadOnly));
    EXPECT_FALSE(ini.readAll().contains("ampersand"));
}

TEST_F(CliConfigTest, WithoutAKeychainAndWithoutTheOptInSecretsAreRefusedClearly)
{
    CliRunner bare;
    bare.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    const auto result =
        bare.run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("site.secret"), secret});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.err.contains(QStringLiteral("No keychain is available"))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("secrets.store = file"))) << result.err.toStdString();
    EXPECT_FALSE(result.err.contains(secret));
    QFile ini(bare.dataDir() + QStringLiteral("/settings.ini"));
    if (ini.open(QIODevice::ReadOnly)) {
        EXPECT_FALSE(ini.readAll().contains(secret.toUtf8())); // no silent plaintext fallback
    }
}

TEST_F(CliConfigTest, ApplyInstallsTheTenHooksThenWritesNothing)
{
    fullExchange();
    const auto first = run({QStringLiteral("webhooks"), QStringLiteral("apply")});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.contains(QStringLiteral("10 created")));
    ASSERT_EQ(fake.hooks().size(), 10);
    for (const Webhook &hook : fake.hooks()) {
        EXPECT_TRUE(hook.url.startsWith(QStringLiteral("https://shop.example.com/skladhook/")));
        EXPECT_TRUE(hook.url.endsWith(QStringLiteral("key=") + secret));
    }
    EXPECT_FALSE(first.out.contains(secret));
    EXPECT_FALSE(first.err.contains(secret));
    // Every write went to the diagnostics log, masked.
    LogReader reader(Database::fileIn(cli.dataDir()));
    LogReader::Filter created;
    created.text = QStringLiteral("created customerorder/UPDATE");
    const auto logged = reader.readLatest(created, 10);
    ASSERT_TRUE(logged.ok()) << logged.error().toStdString();
    ASSERT_EQ(logged.value().size(), 1);
    EXPECT_FALSE(logged.value().first().message.contains(secret));
    EXPECT_EQ(logged.value().first().category, QStringLiteral("hooks"));
    LogReader::Filter listed;
    listed.text = QStringLiteral("listed 0 webhooks: 0 in sync, 10 missing");
    const auto listing = reader.readLatest(listed, 10);
    ASSERT_TRUE(listing.ok());
    EXPECT_EQ(listing.value().size(), 1);
    const auto everything = reader.readLatest({}, 1000);
    ASSERT_TRUE(everything.ok());
    for (const LogEntry &entry : everything.value()) {
        EXPECT_FALSE(entry.message.contains(secret)) << entry.message.toStdString();
        EXPECT_FALSE(entry.details.contains(secret)) << entry.details.toStdString();
    }

    fake.clearRequests();
    const auto second = run({QStringLiteral("webhooks"), QStringLiteral("apply")});
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_EQ(writes(), 0);

    const auto plan = run({QStringLiteral("webhooks"), QStringLiteral("plan"), QStringLiteral("--json")});
    ASSERT_EQ(plan.exitCode, 0);
    const QJsonArray rows = plan.json().array();
    ASSERT_EQ(rows.size(), 10);
    for (const QJsonValue &row : rows) {
        EXPECT_EQ(row.toObject().value(QLatin1String("state")).toString(), QStringLiteral("in-sync"));
        EXPECT_EQ(row.toObject().value(QLatin1String("owner")).toString(), QStringLiteral("ours"));
    }
    EXPECT_FALSE(plan.out.contains(secret));
}

TEST_F(CliConfigTest, ANewSecretIsAppliedInPlaceWithUpdateOwn)
{
    fullExchange();
    ASSERT_EQ(run({QStringLiteral("webhooks"), QStringLiteral("apply")}).exitCode, 0);
    QStringList ids;
    for (const Webhook &hook : fake.hooks())
        ids.append(hook.id);

    const QString newSecret = QStringLiteral("NewCliSecret_abcdefghijklmnopqrstuvwxyz01234");
    set(QStringLiteral("site.secret"), newSecret);
    fake.clearRequests();
    const auto withoutFlag = run({QStringLiteral("webhooks"), QStringLiteral("apply")});
    ASSERT_EQ(withoutFlag.exitCode, 0);
    EXPECT_EQ(writes(), 0);
    EXPECT_TRUE(withoutFlag.out.contains(QStringLiteral("--update-own")));

    const auto update = run({QStringLiteral("webhooks"), QStringLiteral("apply"), QStringLiteral("--update-own")});
    ASSERT_EQ(update.exitCode, 0) << update.err.toStdString();
    QStringList after;
    for (const Webhook &hook : fake.hooks()) {
        after.append(hook.id);
        EXPECT_TRUE(hook.url.endsWith(QStringLiteral("key=") + newSecret));
    }
    EXPECT_EQ(after, ids);
    EXPECT_EQ(fake.countRequests(QStringLiteral("DELETE"), QString()), 0);
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/delete")), 0);
}

TEST_F(CliConfigTest, ForeignHooksAreNeverWritten)
{
    Webhook lookalike;
    lookalike.entityType = QStringLiteral("customerorder");
    lookalike.action = QStringLiteral("UPDATE");
    lookalike.url = QStringLiteral("https://shop.example.com.evil.example/skladhook/moysklad/customerorder/update");
    lookalike.enabled = false;
    const Webhook seeded = fake.seedHook(lookalike);
    fullExchange();
    const auto result = run({QStringLiteral("webhooks"), QStringLiteral("apply"), QStringLiteral("--update-own"),
                             QStringLiteral("--remove-unwanted")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    for (const auto &request : fake.requests()) {
        EXPECT_FALSE(request.path.contains(seeded.id));
        EXPECT_FALSE(request.body.contains(seeded.id.toUtf8()));
    }
    EXPECT_EQ(fake.hooks().first(), seeded);
}

TEST_F(CliConfigTest, ATooLongSiteUrlIsRefusedBeforeAnyRequest)
{
    const auto result = run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("site.url"),
                             QStringLiteral("https://shop.example.com/") + QString(210, QLatin1Char('p'))});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.err.contains(QStringLiteral("255"))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("site.url")));
    EXPECT_TRUE(fake.requests().isEmpty());
}

TEST_F(CliConfigTest, ModesAreStoredPerHookAndShownInThePlan)
{
    fullExchange();
    ASSERT_EQ(run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("demand"),
                   QStringLiteral("CREATE"), QStringLiteral("first-immediate")})
                  .exitCode,
              0);
    EXPECT_EQ(run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("demand"),
                   QStringLiteral("CREATE"), QStringLiteral("sometimes")})
                  .exitCode,
              2);
    const auto plan = run({QStringLiteral("webhooks"), QStringLiteral("plan"), QStringLiteral("--json")});
    ASSERT_EQ(plan.exitCode, 0) << plan.err.toStdString();
    bool found = false;
    for (const QJsonValue &row : plan.json().array()) {
        const QJsonObject object = row.toObject();
        if (object.value(QLatin1String("entityType")).toString() == QLatin1String("demand") &&
            object.value(QLatin1String("action")).toString() == QLatin1String("CREATE")) {
            found = true;
            EXPECT_EQ(object.value(QLatin1String("mode")).toString(), QStringLiteral("first-immediate"));
            EXPECT_EQ(object.value(QLatin1String("state")).toString(), QStringLiteral("missing"));
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(CliConfigTest, PlanNeedsASiteUrl)
{
    const auto result = run({QStringLiteral("webhooks"), QStringLiteral("plan")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("site.url")));
}
