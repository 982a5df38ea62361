// SPDX-License-Identifier: GPL-3.0-or-later
#include "hooks/hookplan.h"
#include "hooks/hookapplier.h"
#include "hooks/hookurl.h"

#include <gtest/gtest.h>

namespace {

const QString secret = QStringLiteral("SecretVerificationString0123456789abcdefXYZ");

QUrl site()
{
    return HookUrl::normalizeSite(QStringLiteral("https://shop.example.com/")).value();
}

Webhook existing(const QString &id, const QString &entity, const QString &action, const QString &url,
                 bool enabled = true)
{
    Webhook hook;
    hook.id = id;
    hook.href = QUrl(QStringLiteral("https://api.example/entity/webhook/") + id);
    hook.entityType = entity;
    hook.action = action;
    hook.url = url;
    hook.enabled = enabled;
    return hook;
}

const HookPlanRow *rowFor(const HookPlan &plan, const QString &key, HookState state)
{
    for (const HookPlanRow &row : plan.rows()) {
        if (row.key() == key && row.state == state)
            return &row;
    }
    return nullptr;
}

} // namespace

TEST(HookPlan, ClassifiesEveryKindOfHook)
{
    const QString good = HookUrl::build(site(), QStringLiteral("customerorder"), QStringLiteral("UPDATE"), secret);
    const QList<Webhook> actual{
        existing(QStringLiteral("1"), QStringLiteral("customerorder"), QStringLiteral("UPDATE"), good),
        existing(
            QStringLiteral("2"), QStringLiteral("paymentin"), QStringLiteral("CREATE"),
            HookUrl::build(site(), QStringLiteral("paymentin"), QStringLiteral("CREATE"), QStringLiteral("oldsecret"))),
        existing(QStringLiteral("3"), QStringLiteral("paymentin"), QStringLiteral("UPDATE"),
                 HookUrl::build(site(), QStringLiteral("paymentin"), QStringLiteral("UPDATE"), secret), false),
        existing(QStringLiteral("4"), QStringLiteral("demand"), QStringLiteral("CREATE"),
                 HookUrl::build(site(), QStringLiteral("demand"), QStringLiteral("CREATE"), secret)),
        existing(QStringLiteral("5"), QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                 QStringLiteral("https://shop.example.com.evil.example/moysklad/customerorder/update")),
    };
    ExchangeSettings settings;
    settings.payments = ExchangeMode::Full;
    const HookPlan plan = HookPlan::build(actual, HookCatalog::wanted(settings), {site()}, secret);

    EXPECT_NE(rowFor(plan, QStringLiteral("customerorder/UPDATE"), HookState::InSync), nullptr);
    EXPECT_NE(rowFor(plan, QStringLiteral("paymentin/CREATE"), HookState::Outdated), nullptr);
    EXPECT_NE(rowFor(plan, QStringLiteral("paymentin/UPDATE"), HookState::Disabled), nullptr);
    EXPECT_NE(rowFor(plan, QStringLiteral("paymentin/DELETE"), HookState::Missing), nullptr);
    EXPECT_NE(rowFor(plan, QStringLiteral("demand/CREATE"), HookState::NotNeeded), nullptr);
    EXPECT_NE(rowFor(plan, QStringLiteral("customerorder/UPDATE"), HookState::Foreign), nullptr);
    EXPECT_EQ(plan.count(HookState::Missing), 4); // paymentin/DELETE and cashin × 3
    EXPECT_EQ(plan.rows().size(), 7 + 2);
}

TEST(HookPlan, WritesNothingForHooksThatAreRight)
{
    QList<Webhook> actual;
    int id = 0;
    for (const HookSpec &spec : HookCatalog::all())
        actual.append(existing(QString::number(++id), spec.entityType, spec.action,
                               HookUrl::build(site(), spec.entityType, spec.action, secret)));
    const HookPlan plan = HookPlan::build(actual, HookCatalog::all(), {site()}, secret);
    ApplyOptions options;
    options.updateOwn = true;
    options.removeUnwanted = true;
    EXPECT_TRUE(HookApplier::writesFor(plan, options).isEmpty());
    EXPECT_TRUE(plan.isInSync(true));
}

TEST(HookPlan, OutdatedHooksAreUpdatedInPlaceOnlyWhenAsked)
{
    const QList<Webhook> actual{existing(
        QStringLiteral("1"), QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
        HookUrl::build(site(), QStringLiteral("customerorder"), QStringLiteral("UPDATE"), QStringLiteral("old")),
        false)};
    const HookPlan plan = HookPlan::build(actual, HookCatalog::wanted({}), {site()}, secret);
    ASSERT_EQ(plan.rows().size(), 1);
    EXPECT_EQ(plan.rows()[0].state, HookState::Outdated);

    // Without updateOwn an outdated, disabled hook is only enabled.
    HookWrites writes = HookApplier::writesFor(plan, ApplyOptions{});
    ASSERT_EQ(writes.saves.size(), 1);
    EXPECT_TRUE(writes.saves[0].enabled);
    EXPECT_EQ(writes.saves[0].url, actual[0].url);
    ASSERT_EQ(writes.planned.size(), 1);
    EXPECT_EQ(writes.planned[0].kind, HookWriteKind::Enable);

    ApplyOptions update;
    update.updateOwn = true;
    writes = HookApplier::writesFor(plan, update);
    ASSERT_EQ(writes.saves.size(), 1);
    EXPECT_EQ(writes.saves[0].id, QStringLiteral("1"));
    EXPECT_EQ(writes.saves[0].url, plan.rows()[0].desiredUrl);
    // One write rewrites the URL and enables the hook at once.
    EXPECT_TRUE(writes.saves[0].enabled);
    ASSERT_EQ(writes.planned.size(), 1);
    EXPECT_EQ(writes.planned[0].kind, HookWriteKind::Update);

    // The GUI's checkboxes decide alone when given.
    ApplyOptions unchecked;
    unchecked.updateOnly = QSet<QString>{};
    unchecked.enableDisabled = false;
    EXPECT_TRUE(HookApplier::writesFor(plan, unchecked).isEmpty());
}

TEST(HookPlan, ANewSiteUrlKeepsTheOldHooksOurs)
{
    const QUrl oldSite = HookUrl::normalizeSite(QStringLiteral("https://old-shop.example.com/")).value();
    const QList<Webhook> actual{
        existing(QStringLiteral("1"), QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                 HookUrl::build(oldSite, QStringLiteral("customerorder"), QStringLiteral("UPDATE"), secret))};
    const HookPlan plan = HookPlan::build(actual, HookCatalog::wanted({}), {site(), oldSite}, secret);
    ASSERT_EQ(plan.rows().size(), 1);
    EXPECT_EQ(plan.rows()[0].state, HookState::Outdated);
    EXPECT_TRUE(plan.rows()[0].desiredUrl.startsWith(QStringLiteral("https://shop.example.com/")));
}

TEST(HookPlan, ForeignHooksAreNeverWrittenWhateverIsAsked)
{
    Webhook app =
        existing(QStringLiteral("9"), QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                 HookUrl::build(site(), QStringLiteral("customerorder"), QStringLiteral("UPDATE"), secret), false);
    app.authorApplication = QUrl(QStringLiteral("https://api.example/entity/application/1"));
    const QList<Webhook> actual{
        app, existing(QStringLiteral("8"), QStringLiteral("demand"), QStringLiteral("CREATE"),
                      QStringLiteral("https://shop.example.com.evil.example/moysklad/demand/create?key=x"), false)};
    const HookPlan plan = HookPlan::build(actual, HookCatalog::wanted({}), {site()}, secret);
    ApplyOptions everything;
    everything.updateOwn = true;
    everything.removeUnwanted = true;
    everything.updateOnly = QSet<QString>{QStringLiteral("8"), QStringLiteral("9")};
    const HookWrites writes = HookApplier::writesFor(plan, everything);
    EXPECT_TRUE(writes.deletions.isEmpty());
    ASSERT_EQ(writes.saves.size(), 1); // only the create of our missing customerorder/UPDATE
    EXPECT_TRUE(writes.saves[0].href.isEmpty());
    EXPECT_TRUE(writes.saves[0].authorApplication.isEmpty());
}

TEST(HookPlan, UnwantedHooksAreDeletedOnlyOnRequestAndAfterTheSaves)
{
    const QList<Webhook> actual{
        existing(QStringLiteral("1"), QStringLiteral("demand"), QStringLiteral("CREATE"),
                 HookUrl::build(site(), QStringLiteral("demand"), QStringLiteral("CREATE"), secret)),
        existing(QStringLiteral("2"), QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                 HookUrl::build(site(), QStringLiteral("customerorder"), QStringLiteral("UPDATE"), secret), false)};
    const HookPlan plan = HookPlan::build(actual, HookCatalog::wanted({}), {site()}, secret);
    EXPECT_NE(rowFor(plan, QStringLiteral("demand/CREATE"), HookState::NotNeeded), nullptr);

    HookWrites writes = HookApplier::writesFor(plan, ApplyOptions{});
    EXPECT_TRUE(writes.deletions.isEmpty());
    ASSERT_EQ(writes.planned.size(), 1);
    EXPECT_EQ(writes.planned[0].kind, HookWriteKind::Enable);

    ApplyOptions remove;
    remove.removeUnwanted = true;
    writes = HookApplier::writesFor(plan, remove);
    ASSERT_EQ(writes.deletions.size(), 1);
    EXPECT_EQ(writes.deletions[0].id, QStringLiteral("1"));
    ASSERT_EQ(writes.planned.size(), 2);
    EXPECT_EQ(writes.planned[0].kind, HookWriteKind::Enable);
    EXPECT_EQ(writes.planned[1].kind, HookWriteKind::Delete);
    EXPECT_EQ(hookWriteKindName(writes.planned[1].kind), QStringLiteral("delete"));
}
