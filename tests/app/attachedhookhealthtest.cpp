// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app attached to a running `skladhook-cli serve` shows what serve's hook check found — a hook of ours
// disabled in MoySklad, on the Webhooks tab and in the status — and a site URL move in progress.
#include "clirunner.h"
#include "desktopapp.h"
#include "dialogs.h"
#include "fakemoysklad.h"
#include "mainwindow.h"
#include "serveprocess.h"
#include "servicestatus.h"
#include "testworkspace.h"
#include "webhookspage.h"
#include "workspace/workspace.h"

#include <gtest/gtest.h>
#include <QLabel>
#include <QTest>

namespace {

const QString secret = QStringLiteral("HealthGuiSecret_abcdefghijklmnopqrstuvwxyz012");

TEST(AttachedHookHealthTest, AHookServeFoundDisabledAndASiteMoveAreShownInTheApp)
{
    FakeMoySklad fake;
    ASSERT_TRUE(fake.start());
    CliRunner cli;
    ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), secret));
    ASSERT_TRUE(cli.configSet(QStringLiteral("api.token"), fake.token()));
    ASSERT_TRUE(cli.configSet(QStringLiteral("hooks.checkInterval"), QStringLiteral("5")));
    ASSERT_TRUE(cli.configSet(QStringLiteral("hooks.autoRepair"), QStringLiteral("off")));
    const auto applied = cli.run({QStringLiteral("webhooks"), QStringLiteral("apply")});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    for (const Webhook &hook : fake.hooks()) {
        if (hook.action == QLatin1String("UPDATE")) {
            ASSERT_TRUE(fake.setHookEnabled(hook.id, false));
        }
    }
    ServeProcess serve(cli);
    ASSERT_TRUE(serve.start());

    Workspace workspace(testWorkspaceOptions(cli.dataDir())); // secrets.store is file: its keychain is never asked
    ASSERT_TRUE(workspace.open().ok());
    Dialogs dialogs;
    DesktopApp desktop(&workspace, nullptr, &dialogs);
    desktop.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return workspace.role() == Workspace::Role::Attached; }, 5000));

    QLabel *health = desktop.window()->webhooksPage()->healthLabel();
    ASSERT_NE(health, nullptr);
    EXPECT_EQ(health->objectName(), QStringLiteral("hookHealthLabel"));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return health->text().contains(QStringLiteral("customerorder/UPDATE is disabled in MoySklad")); }, 8000))
        << "the Webhooks tab shows: " << health->text().toStdString();
    EXPECT_FALSE(health->isHidden());
    EXPECT_TRUE(desktop.status()->needsAttention());

    // A new site URL from another process: the status says a move is in progress until the hooks are moved.
    ASSERT_TRUE(cli.configSet(QStringLiteral("site.url"), QStringLiteral("https://shop.example.com/store/")));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return desktop.status()->receiverText().contains(QStringLiteral("the site URL is moving")); }, 3000))
        << desktop.status()->receiverText().toStdString();
    const auto moved = cli.run({QStringLiteral("webhooks"), QStringLiteral("apply"), QStringLiteral("--update-own")});
    ASSERT_EQ(moved.exitCode, 0) << moved.err.toStdString();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return !desktop.status()->receiverText().contains(QStringLiteral("the site URL is moving")); }, 3000));
    EXPECT_EQ(serve.stop(), 0);
}

} // namespace
