// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app attached to a running `skladhook-cli serve`: the same DesktopApp main() builds, in this process,
// over the data directory serve holds. Its Queue tab shows serve's queue, and a dead task retried there is processed
// by serve within 2 s (not at serve's next hourly worker run).
#include "clirunner.h"
#include "deliverysender.h"
#include "desktopapp.h"
#include "dialogs.h"
#include "fakemoysklad.h"
#include "models/tasklistmodel.h"
#include "monitor/queuepanel.h"
#include "serveprocess.h"
#include "testworkspace.h"
#include "workspace/workspace.h"

#include <gtest/gtest.h>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QPushButton>
#include <QTest>

namespace {

const QString secret = QStringLiteral("AttachedSecret_abcdefghijklmnopqrstuvwxyz0123");
const QString orderId = QStringLiteral("40000000-0000-4000-8000-000000000001");

TEST(AttachedQueueTest, ADeadTaskRetriedFromTheQueueTabIsProcessedByServe)
{
    FakeMoySklad fake;
    ASSERT_TRUE(fake.start());
    CliRunner cli;
    cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
    ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), secret));
    ASSERT_TRUE(cli.configSet(QStringLiteral("worker.maxAttempts"), QStringLiteral("1")));

    // A document MoySklad refuses for good: the task dies at its first attempt.
    fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), orderId},
                                                                   {QStringLiteral("name"), QStringLiteral("00077")},
                                                                   {QStringLiteral("sum"), 7700}});
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/customerorder"), 400, 1000,
                  QStringLiteral("Ошибка в запросе"), -1);
    ServeProcess serve(cli);
    ASSERT_TRUE(serve.start());
    DeliverySender sender;
    sender.setTarget(serve.base(), secret);
    ASSERT_EQ(sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), DeliverySender::newRequestId(),
                          {orderId}),
              200);
    ASSERT_TRUE(QTest::qWaitFor([&] { return cli.queueStats().value(QStringLiteral("dead")).toInt() == 1; }, 10000))
        << serve.errors().toStdString();
    fake.clearFailures();

    // The desktop app on the same data directory: serve holds it, so the app attaches.
    Workspace workspace(testWorkspaceOptions(cli.dataDir())); // its keychain is never asked: secrets.store is file
    ASSERT_TRUE(workspace.open().ok());
    Dialogs dialogs;
    DesktopApp desktop(&workspace, nullptr, &dialogs);
    desktop.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return workspace.role() == Workspace::Role::Attached; }, 5000));
    EXPECT_EQ(workspace.service(), nullptr);

    QueuePanel *panel = desktop.queuePanel();
    panel->refresh();
    ASSERT_EQ(panel->model()->rowCount(), 1) << "the Queue tab shows serve's queue";
    const qint64 id = panel->model()->task(0).id;
    panel->selectTask(id);
    auto *retry = panel->findChild<QPushButton *>(QStringLiteral("retryButton"));
    ASSERT_NE(retry, nullptr);
    ASSERT_TRUE(retry->isEnabled()) << "the action works while attached";
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(retry, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return cli.orderIds().contains(orderId); }, 5000))
        << "serve did not process the retried task; its queue: "
        << QJsonDocument(cli.queueStats()).toJson().toStdString();
    EXPECT_LT(clock.elapsed(), 2500) << "processed " << clock.elapsed() << " ms after the click";
    EXPECT_EQ(cli.queueStats().value(QStringLiteral("done")).toInt(), 1);

    // The action is in the diagnostics log, written by the app although serve is the service.
    const auto log = cli.run({QStringLiteral("log")});
    EXPECT_TRUE(log.out.contains(QStringLiteral("Task %1 queued again from the desktop app").arg(id)))
        << log.out.toStdString();
    EXPECT_EQ(serve.stop(), 0);
}

} // namespace
