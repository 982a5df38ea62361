// SPDX-License-Identifier: GPL-3.0-or-later
#include "hooks/hookcatalog.h"
#include "hooks/executionmode.h"

#include <gtest/gtest.h>

namespace {
QStringList keys(const QList<HookSpec> &specs)
{
    QStringList out;
    for (const HookSpec &spec : specs)
        out.append(spec.key());
    return out;
}
} // namespace

TEST(HookCatalog, TheMandatoryHookIsAlwaysThere)
{
    const auto wanted = HookCatalog::wanted({});
    ASSERT_EQ(keys(wanted), QStringList{QStringLiteral("customerorder/UPDATE")});
    EXPECT_TRUE(wanted.first().mandatory);
}

TEST(HookCatalog, OrderImportAddsCustomerOrderCreate)
{
    ExchangeSettings settings;
    settings.importOrders = true;
    EXPECT_EQ(keys(HookCatalog::wanted(settings)),
              (QStringList{QStringLiteral("customerorder/UPDATE"), QStringLiteral("customerorder/CREATE")}));
}

TEST(HookCatalog, GroupsAreInstalledWhole)
{
    ExchangeSettings payments;
    payments.payments = ExchangeMode::Full;
    EXPECT_EQ(keys(HookCatalog::wanted(payments)),
              (QStringList{QStringLiteral("customerorder/UPDATE"), QStringLiteral("paymentin/CREATE"),
                           QStringLiteral("paymentin/UPDATE"), QStringLiteral("paymentin/DELETE"),
                           QStringLiteral("cashin/CREATE"), QStringLiteral("cashin/UPDATE"),
                           QStringLiteral("cashin/DELETE")}));
    ExchangeSettings shipments;
    shipments.shipments = ExchangeMode::Full;
    EXPECT_EQ(keys(HookCatalog::wanted(shipments)),
              (QStringList{QStringLiteral("customerorder/UPDATE"), QStringLiteral("demand/CREATE"),
                           QStringLiteral("demand/UPDATE")}));
}

TEST(HookCatalog, EverythingOnMakesTenHooks)
{
    EXPECT_EQ(HookCatalog::all().size(), 10);
    EXPECT_TRUE(HookCatalog::find(QStringLiteral("cashin"), QStringLiteral("DELETE")).has_value());
    EXPECT_FALSE(HookCatalog::find(QStringLiteral("demand"), QStringLiteral("DELETE")).has_value());
    // Typed in any case, it is the catalog's spelling that comes back.
    EXPECT_EQ(HookCatalog::find(QStringLiteral("CashIn"), QStringLiteral("delete"))->key(),
              QStringLiteral("cashin/DELETE"));
}

TEST(ExecutionMode, NamesRoundTrip)
{
    for (ExecutionMode mode : {ExecutionMode::Immediate, ExecutionMode::Queued, ExecutionMode::FirstImmediate})
        EXPECT_EQ(parseExecutionMode(executionModeName(mode)), mode);
    EXPECT_EQ(executionModeName(ExecutionMode::FirstImmediate), QStringLiteral("first-immediate"));
    EXPECT_FALSE(parseExecutionMode(QStringLiteral("later")).has_value());
}
