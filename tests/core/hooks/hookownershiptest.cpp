// SPDX-License-Identifier: GPL-3.0-or-later
// Which hooks a plan may write: everything below the current site URL, and below an old site URL only ours.
#include "hooks/hookapplier.h"
#include "hooks/hookplan.h"
#include "hooks/hookurl.h"

#include <gtest/gtest.h>

namespace {

const QString secret = QStringLiteral("SecretVerificationString0123456789abcdefXYZ");

QUrl siteAt(const char *url)
{
    return HookUrl::normalizeSite(QString::fromLatin1(url)).value();
}

Webhook hookAt(const QString &id, const QString &entity, const QString &action, const QString &url)
{
    Webhook hook;
    hook.id = id;
    hook.href = QUrl(QStringLiteral("https://api.example/entity/webhook/") + id);
    hook.entityType = entity;
    hook.action = action;
    hook.url = url;
    hook.enabled = true;
    return hook;
}

} // namespace

TEST(HookOwnership, AnOldSiteUrlClaimsOnlyTheHooksWeBuiltUnderIt)
{
    // The shop moved from the domain's root to /shop/; a CRM integration (no application) lives at /crm/.
    const QUrl oldSite = siteAt("https://example.com/");
    const QUrl newSite = siteAt("https://example.com/shop/");
    const QString order = QStringLiteral("customerorder");
    const QString update = QStringLiteral("UPDATE");
    const Webhook ourOld = hookAt(QStringLiteral("1"), order, update, HookUrl::build(oldSite, order, update, secret));
    const Webhook crm = hookAt(QStringLiteral("2"), order, update, QStringLiteral("https://example.com/crm/hook?t=1"));
    const Webhook crmDemand = hookAt(QStringLiteral("3"), QStringLiteral("demand"), QStringLiteral("CREATE"),
                                     QStringLiteral("https://example.com/crm/moysklad/demand/create?key=x"));
    const HookPlan plan =
        HookPlan::build({crm, ourOld, crmDemand}, HookCatalog::wanted({}), {newSite, oldSite}, secret);

    EXPECT_TRUE(plan.isOwn(ourOld));
    EXPECT_FALSE(plan.isOwn(crm));
    EXPECT_FALSE(plan.isOwn(crmDemand));
    ASSERT_EQ(plan.rows().size(), 3);
    EXPECT_EQ(plan.rows()[0].state, HookState::Outdated);
    EXPECT_EQ(plan.rows()[0].existing->id, QStringLiteral("1"));
    EXPECT_EQ(plan.count(HookState::Foreign), 2);

    ApplyOptions everything;
    everything.updateOwn = true;
    everything.removeUnwanted = true;
    const HookWrites writes = HookApplier::writesFor(plan, everything);
    ASSERT_EQ(writes.saves.size(), 1);
    EXPECT_EQ(writes.saves[0].id, QStringLiteral("1"));
    EXPECT_TRUE(writes.saves[0].url.startsWith(QStringLiteral("https://example.com/shop/moysklad/")));
    EXPECT_TRUE(writes.deletions.isEmpty());
}

TEST(HookOwnership, UnderTheCurrentSiteUrlEveryHookBelowItsPathIsOurs)
{
    const QUrl site = siteAt("https://example.com/shop/");
    const HookPlan plan = HookPlan::build({}, HookCatalog::wanted({}), {site}, secret);
    EXPECT_TRUE(plan.isOwn(hookAt(QStringLiteral("1"), QStringLiteral("demand"), QStringLiteral("CREATE"),
                                  QStringLiteral("https://example.com/shop/old-module/hook?key=x"))));
    EXPECT_FALSE(plan.isOwn(hookAt(QStringLiteral("2"), QStringLiteral("demand"), QStringLiteral("CREATE"),
                                   QStringLiteral("https://example.com/shopping/moysklad/demand/create?key=x"))));
    EXPECT_FALSE(plan.isOwn(hookAt(QStringLiteral("3"), QStringLiteral("demand"), QStringLiteral("CREATE"),
                                   QStringLiteral("https://example.com/shop/../crm/moysklad/demand/create?key=x"))));
}
