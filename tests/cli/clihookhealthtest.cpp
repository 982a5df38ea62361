// SPDX-License-Identifier: GPL-3.0-or-later
// With `skladhook-cli serve` running: a hook of ours disabled in MoySklad, and one deleted there, are enabled and
// created again within one hooks.checkInterval (only reported with hooks.autoRepair off); and a new site.url set from
// a second process keeps deliveries to the previous path answered until `webhooks apply --update-own` moved the hooks.
#include "clirunner.h"
#include "deliverysender.h"
#include "fakemoysklad.h"
#include "serveprocess.h"

#include <gtest/gtest.h>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

namespace {

const QString secret = QStringLiteral("HealthSecret_abcdefghijklmnopqrstuvwxyz01234");
const QString customerorder = QStringLiteral("customerorder");

class CliHookHealthTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), secret));
        ASSERT_TRUE(cli.configSet(QStringLiteral("api.token"), fake.token()));
        const auto applied = cli.run({QStringLiteral("webhooks"), QStringLiteral("apply")});
        ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
        ASSERT_EQ(fake.hooks().size(), 2); // customerorder UPDATE and CREATE (order import on)
    }

    Webhook hookOf(const QString &action) const
    {
        const QList<Webhook> hooks = fake.hooks();
        const auto it = std::find_if(hooks.cbegin(), hooks.cend(), [&](const Webhook &hook) {
            return hook.entityType == customerorder && hook.action == action;
        });
        return it == hooks.cend() ? Webhook{} : *it;
    }

    QString log() const { return cli.run({QStringLiteral("log")}).out; }

    // One customerorder/UPDATE delivery below `path` of the running receiver: the HTTP status.
    int deliverBelow(const QString &path)
    {
        QUrl base = serve.base();
        base.setPath(path);
        sender.setTarget(base, secret);
        return sender.send(customerorder, QStringLiteral("UPDATE"), DeliverySender::newRequestId(),
                           {QStringLiteral("30000000-0000-4000-8000-000000000001")}, 3000);
    }

    FakeMoySklad fake;
    CliRunner cli;
    ServeProcess serve{cli};
    DeliverySender sender;
};

} // namespace

TEST_F(CliHookHealthTest, AnIntervalBelowFiveSecondsIsRefused)
{
    const auto refused = cli.run(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("hooks.checkInterval"), QStringLiteral("4")});
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("hooks.checkInterval must be a whole number from 5")))
        << refused.err.toStdString();
    EXPECT_TRUE(cli.configSet(QStringLiteral("hooks.checkInterval"), QStringLiteral("5")));
}

TEST_F(CliHookHealthTest, ADisabledAndADeletedHookAreRepairedWithinOneInterval)
{
    ASSERT_TRUE(cli.configSet(QStringLiteral("hooks.checkInterval"), QStringLiteral("5")));
    fake.clearRequests();
    ASSERT_TRUE(serve.start());
    // The check at the start found everything well; then MoySklad disables one hook and a person deletes the other.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")) > 0; }, 5000));
    QTest::qWait(300);
    ASSERT_TRUE(fake.setHookEnabled(hookOf(QStringLiteral("UPDATE")).id, false));
    ASSERT_TRUE(fake.removeHook(hookOf(QStringLiteral("CREATE")).id));
    // Meanwhile an order is made in MoySklad: with the hooks off, no delivery comes for it.
    const QString unseen = QStringLiteral("30000000-0000-4000-8000-000000000077");
    fake.seedDocument(customerorder,
                      QJsonObject{{QStringLiteral("id"), unseen}, {QStringLiteral("name"), QStringLiteral("77")}});

    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return hookOf(QStringLiteral("UPDATE")).enabled && !hookOf(QStringLiteral("CREATE")).id.isEmpty(); },
        7000))
        << "not repaired within one interval; serve's errors: " << serve.errors().toStdString();
    // Logged once the apply's own listing is back.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return log().contains(QStringLiteral("The hook customerorder/CREATE of ours was created again")); },
        3000))
        << log().toStdString();
    const QString text = log();
    EXPECT_TRUE(text.contains(QStringLiteral("The hook customerorder/UPDATE of ours is disabled in MoySklad")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("The hook customerorder/UPDATE of ours was enabled again")));
    EXPECT_TRUE(text.contains(QStringLiteral("The hook customerorder/CREATE of ours is gone from MoySklad")));
    EXPECT_TRUE(text.contains(QStringLiteral("The hook customerorder/CREATE of ours was created again")));
    // The repair is followed by a catch-up: what changed while the hooks were off arrives.
    EXPECT_TRUE(QTest::qWaitFor([&] { return cli.orderIds().contains(unseen); }, 10000)) << log().toStdString();
    EXPECT_TRUE(log().contains(QStringLiteral("started after a hook repair")));

    // autoRepair off, from a second process while serve runs: the next hook that goes off is only reported.
    ASSERT_TRUE(cli.configSet(QStringLiteral("hooks.autoRepair"), QStringLiteral("off")));
    QTest::qWait(1000);
    ASSERT_TRUE(fake.setHookEnabled(hookOf(QStringLiteral("UPDATE")).id, false));
    EXPECT_TRUE(QTest::qWaitFor([&] { return log().contains(QStringLiteral("hooks.autoRepair is off")); }, 7000));
    QTest::qWait(5500); // one more interval: reported once, never repaired
    EXPECT_FALSE(hookOf(QStringLiteral("UPDATE")).enabled);
    EXPECT_EQ(log().count(QStringLiteral("hooks.autoRepair is off")), 1);
}

TEST_F(CliHookHealthTest, ANewSiteUrlKeepsThePreviousPathAnsweredUntilTheHooksAreApplied)
{
    ASSERT_TRUE(serve.start());
    ASSERT_EQ(serve.base().path(), QStringLiteral("/shop/"));
    ASSERT_EQ(deliverBelow(QStringLiteral("/shop/")), 200);
    ASSERT_EQ(deliverBelow(QStringLiteral("/store/")), 404);

    ASSERT_TRUE(cli.configSet(QStringLiteral("site.url"), QStringLiteral("https://shop.example.com/store/")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return deliverBelow(QStringLiteral("/store/")) == 200; }, 2500))
        << "the new path is not served 2.5 s after config set";
    EXPECT_EQ(deliverBelow(QStringLiteral("/shop/")), 200) << "the hooks still point at the previous path";
    EXPECT_TRUE(log().contains(QStringLiteral("The site URL is moving")));

    const auto applied = cli.run({QStringLiteral("webhooks"), QStringLiteral("apply"), QStringLiteral("--update-own")});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    ASSERT_TRUE(fake.hooks().first().url.startsWith(QStringLiteral("https://shop.example.com/store/")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return deliverBelow(QStringLiteral("/shop/")) == 404; }, 2500))
        << "the previous path is still answered after the hooks were moved";
    EXPECT_EQ(deliverBelow(QStringLiteral("/store/")), 200);
    EXPECT_TRUE(log().contains(QStringLiteral("The previous site path is refused from now on")));
}
