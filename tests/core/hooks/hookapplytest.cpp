// SPDX-License-Identifier: GPL-3.0-or-later
// The acceptance against the fake MoySklad server: install, idempotence, update in place, foreign hooks.
#include "await.h"
#include "fakemoysklad.h"
#include "hooks/hookapplier.h"
#include "hooks/hookurl.h"
#include "moysklad/moyskladclient.h"
#include "qtmessagefailure.h"

#include <QScopedValueRollback>

#include <gtest/gtest.h>

namespace {

class HookApplyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        ClientConfig config;
        config.baseUrl = fake.baseUrl();
        config.token = fake.token();
        client = std::make_unique<MoySkladClient>(config);
        applier = std::make_unique<HookApplier>(client.get(), nullptr);
        settings.payments = ExchangeMode::Full;
        settings.shipments = ExchangeMode::Full;
        settings.importOrders = true;
    }

    HookPlan plan(const QString &secret)
    {
        const auto hooks =
            awaitResult<Result<QList<Webhook>, ApiError>>([&](auto done) { client->listWebhooks(nullptr, done); });
        EXPECT_TRUE(hooks.ok());
        return HookPlan::build(hooks.value(), HookCatalog::wanted(settings), {site}, secret);
    }

    ApplyReport apply(const QString &secret, ApplyOptions options = {})
    {
        const HookPlan current = plan(secret);
        return awaitResult<ApplyReport>([&](auto done) { applier->apply(current, options, done); });
    }

    int writes() const
    {
        return fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook")) +
               fake.countRequests(QStringLiteral("PUT"), QStringLiteral("/entity/webhook")) +
               fake.countRequests(QStringLiteral("DELETE"), QStringLiteral("/entity/webhook"));
    }

    FakeMoySklad fake;
    std::unique_ptr<MoySkladClient> client;
    std::unique_ptr<HookApplier> applier;
    ExchangeSettings settings;
    const QUrl site = HookUrl::normalizeSite(QStringLiteral("https://shop.example.com/skladhook/")).value();
    const QString secret = QStringLiteral("FirstSecret_abcdefghijklmnopqrstuvwxyz01234");
};

} // namespace

TEST_F(HookApplyTest, InstallsExactlyTheTenCatalogHooksThenWritesNothing)
{
    const ApplyReport first = apply(secret);
    ASSERT_TRUE(first.ok()) << first.error->toString().toStdString();
    EXPECT_EQ(first.created, 10);
    const QList<Webhook> hooks = fake.hooks();
    ASSERT_EQ(hooks.size(), 10);
    for (const Webhook &hook : hooks) {
        EXPECT_TRUE(hook.url.startsWith(QStringLiteral("https://shop.example.com/skladhook/moysklad/")));
        EXPECT_TRUE(hook.url.endsWith(QStringLiteral("?key=") + secret));
        EXPECT_TRUE(hook.enabled);
    }
    EXPECT_EQ(writes(), 1); // one array POST
    // One result per hook, each with the id MoySklad gave it and the key masked.
    ASSERT_EQ(first.results.size(), 10);
    for (const ApplyRowResult &result : first.results) {
        EXPECT_TRUE(result.ok) << result.message.toStdString();
        EXPECT_EQ(result.kind, HookWriteKind::Create);
        EXPECT_FALSE(result.id.isEmpty());
        EXPECT_FALSE(result.maskedUrl.contains(secret));
    }

    fake.clearRequests();
    ApplyOptions all;
    all.updateOwn = true;
    all.removeUnwanted = true;
    const ApplyReport second = apply(secret, all);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second.writes(), 0);
    EXPECT_EQ(writes(), 0);
}

TEST_F(HookApplyTest, ANewSecretUpdatesTheSameHooksInPlace)
{
    ASSERT_TRUE(apply(secret).ok());
    QStringList ids;
    for (const Webhook &hook : fake.hooks())
        ids.append(hook.id);
    fake.clearRequests();

    const QString newSecret = QStringLiteral("SecondSecret_abcdefghijklmnopqrstuvwxyz0123");
    ApplyOptions update;
    update.updateOwn = true;
    const ApplyReport report = apply(newSecret, update);
    ASSERT_TRUE(report.ok()) << report.error->toString().toStdString();
    EXPECT_EQ(report.updated, 10);
    EXPECT_EQ(report.created, 0);
    EXPECT_EQ(report.deleted, 0);
    QStringList after;
    for (const Webhook &hook : fake.hooks()) {
        after.append(hook.id);
        EXPECT_TRUE(hook.url.endsWith(QStringLiteral("?key=") + newSecret));
    }
    EXPECT_EQ(after, ids);
    EXPECT_EQ(fake.countRequests(QStringLiteral("DELETE"), QString()), 0);
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook/delete")), 0);
}

TEST_F(HookApplyTest, ForeignHooksAreNeverWritten)
{
    Webhook lookalike;
    lookalike.entityType = QStringLiteral("customerorder");
    lookalike.action = QStringLiteral("UPDATE");
    lookalike.url =
        QStringLiteral("https://shop.example.com.evil.example/skladhook/moysklad/customerorder/update?key=x");
    lookalike.enabled = false;
    const Webhook seededLookalike = fake.seedHook(lookalike);
    Webhook app;
    app.entityType = QStringLiteral("demand");
    app.action = QStringLiteral("CREATE");
    app.url = QStringLiteral("https://shop.example.com/skladhook/moysklad/demand/create?key=old");
    app.enabled = false;
    app.authorApplication = QUrl(QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/application/5"));
    const Webhook seededApp = fake.seedHook(app);

    ApplyOptions all;
    all.updateOwn = true;
    all.removeUnwanted = true;
    const ApplyReport report = apply(secret, all);
    ASSERT_TRUE(report.ok()) << report.error->toString().toStdString();
    EXPECT_EQ(report.created, 10);
    // Neither foreign hook was touched: no PUT/DELETE by id, and they are unchanged.
    for (const auto &request : fake.requests()) {
        EXPECT_FALSE(request.path.contains(seededLookalike.id));
        EXPECT_FALSE(request.path.contains(seededApp.id));
        EXPECT_FALSE(request.body.contains(seededLookalike.id.toUtf8()));
        EXPECT_FALSE(request.body.contains(seededApp.id.toUtf8()));
    }
    const QList<Webhook> hooks = fake.hooks();
    EXPECT_EQ(hooks.size(), 12);
    EXPECT_EQ(hooks[0], seededLookalike);
    EXPECT_EQ(hooks[1], seededApp);
}

TEST_F(HookApplyTest, RefusalsAreExplainedInPlainWords)
{
    fake.failNext(QStringLiteral("POST"), QStringLiteral("/entity/webhook"), 403, 30006,
                  QStringLiteral("Веб-хуки недоступны на бесплатном тарифе"));
    const QScopedValueRollback expectWarning(allowQtWarnings(), true);
    const ApplyReport report = apply(secret);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error->code(), 30006);
    EXPECT_TRUE(report.explanation.contains(QStringLiteral("tariff")));
    EXPECT_TRUE(report.error->toString().contains(QStringLiteral("бесплатном тарифе")));
    EXPECT_TRUE(fake.hooks().isEmpty());
}

TEST_F(HookApplyTest, EnablesOurDisabledHooksInTheSameBatchAndReportsThemAsEnabled)
{
    // MoySklad disabled our mandatory hook after failed deliveries.
    Webhook hook;
    hook.entityType = QStringLiteral("customerorder");
    hook.action = QStringLiteral("UPDATE");
    hook.url = HookUrl::build(site, hook.entityType, hook.action, secret);
    hook.enabled = false;
    const Webhook disabled = fake.seedHook(hook);

    const ApplyReport report = apply(secret);
    ASSERT_TRUE(report.ok()) << report.error->toString().toStdString();
    EXPECT_EQ(report.created, 9);
    EXPECT_EQ(report.enabled, 1);
    EXPECT_EQ(report.updated, 0);
    ASSERT_EQ(report.results.size(), 10);
    EXPECT_EQ(report.results[0].kind, HookWriteKind::Enable);
    EXPECT_EQ(report.results[0].id, disabled.id);
    EXPECT_EQ(writes(), 1); // creates and the enable in one array POST
    const QList<Webhook> hooks = fake.hooks();
    ASSERT_EQ(hooks.size(), 10);
    EXPECT_EQ(hooks[0].id, disabled.id);
    EXPECT_TRUE(hooks[0].enabled);
    EXPECT_EQ(hooks[0].url, disabled.url);
}

TEST_F(HookApplyTest, ATooLongHookUrlIsRefusedBeforeAnyRequest)
{
    // A plan built without HookUrl::validate (as a careless caller would): the applier checks again.
    const QUrl longSite =
        HookUrl::normalizeSite(QStringLiteral("https://shop.example.com/") + QString(220, QLatin1Char('p'))).value();
    const HookPlan longPlan = HookPlan::build({}, HookCatalog::wanted(settings), {longSite}, secret);
    fake.clearRequests();
    const QScopedValueRollback expectWarning(allowQtWarnings(), true);
    const ApplyReport report =
        awaitResult<ApplyReport>([&](auto done) { applier->apply(longPlan, ApplyOptions{}, done); });
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error->kind, ApiError::Kind::InvalidInput);
    EXPECT_TRUE(report.explanation.contains(QStringLiteral("site.url")));
    EXPECT_TRUE(report.explanation.contains(QStringLiteral("255")));
    EXPECT_TRUE(fake.requests().isEmpty());
    for (const ApplyRowResult &result : report.results)
        EXPECT_FALSE(result.ok);
}

TEST_F(HookApplyTest, AFailedSaveMarksEveryRowAndSkipsTheDeletions)
{
    ASSERT_TRUE(apply(secret).ok());
    settings.shipments = ExchangeMode::None; // demand × 2 become "not needed"
    fake.failNext(QStringLiteral("POST"), QStringLiteral("/entity/webhook"), 403, 30004,
                  QStringLiteral("Недостаточно прав"));
    const QScopedValueRollback expectWarning(allowQtWarnings(), true);
    ApplyOptions options;
    options.updateOwn = true;
    options.removeUnwanted = true;
    const ApplyReport report = apply(QStringLiteral("AnotherSecret_abcdefghijklmnopqrstuvwxyz0123"), options);
    ASSERT_FALSE(report.ok());
    EXPECT_TRUE(report.explanation.contains(QStringLiteral("administrator")));
    ASSERT_EQ(report.results.size(), 10); // 8 updates, 2 deletions
    for (const ApplyRowResult &result : report.results)
        EXPECT_FALSE(result.ok);
    EXPECT_EQ(report.results.back().kind, HookWriteKind::Delete);
    EXPECT_TRUE(report.results.back().message.contains(QStringLiteral("not attempted")));
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook/delete")), 0);
    EXPECT_EQ(fake.hooks().size(), 10);
}

// MoySklad answers the array 200 and refuses one item in its place: five other applications already hold
// customerorder/CREATE (30007). The other nine hooks are created and reported so; that one is reported failed with
// the plain reason, and nothing is deleted after it.
TEST_F(HookApplyTest, ARefusedItemOfTheBatchFailsAloneAndIsExplained)
{
    for (int i = 0; i < 5; ++i) {
        Webhook other;
        other.entityType = QStringLiteral("customerorder");
        other.action = QStringLiteral("CREATE");
        other.url = QStringLiteral("https://crm%1.example/hooks").arg(i);
        fake.seedHook(other);
    }
    const QScopedValueRollback expectWarning(allowQtWarnings(), true);
    const ApplyReport report = apply(secret);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error->code(), 30007);
    EXPECT_EQ(report.error->kind, ApiError::Kind::ItemRefused);
    EXPECT_TRUE(report.explanation.contains(QStringLiteral("at most 5 webhooks"))) << report.explanation.toStdString();
    EXPECT_EQ(report.created, 9);
    ASSERT_EQ(report.results.size(), 10);
    int failed = 0;
    for (const ApplyRowResult &result : report.results) {
        if (result.entityType == QLatin1String("customerorder") && result.action == QLatin1String("CREATE")) {
            EXPECT_FALSE(result.ok);
            EXPECT_TRUE(result.id.isEmpty());
            EXPECT_TRUE(result.message.contains(QStringLiteral("30007"))) << result.message.toStdString();
            ++failed;
        } else {
            EXPECT_TRUE(result.ok) << result.message.toStdString();
            EXPECT_FALSE(result.id.isEmpty());
        }
    }
    EXPECT_EQ(failed, 1);
    EXPECT_EQ(fake.hooks().size(), 14);
}
