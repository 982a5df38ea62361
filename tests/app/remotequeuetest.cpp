// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app in remote mode: three `skladhook-cli serve` processes share a PostgreSQL 15 store (a throw-away
// cluster), and the desktop app on another data directory with the same store.url serves nothing itself. It names the
// store and its services in the status line, its Queue tab lists the tasks of all three, and a dead task retried
// there is processed by one of them.
#include "clirunner.h"
#include "deliverysender.h"
#include "desktopapp.h"
#include "dialogs.h"
#include "fakemoysklad.h"
#include "models/tasklistmodel.h"
#include "monitor/queuepanel.h"
#include "postgresfixture.h"
#include "serveprocess.h"
#include "servicestatus.h"
#include "store/database.h"
#include "store/storeurl.h"
#include "testworkspace.h"
#include "workspace/workspace.h"

#include <gtest/gtest.h>
#include <QJsonObject>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <array>
#include <memory>

namespace {

constexpr int services = 3;
const QString secret = QStringLiteral("RemoteSecret_abcdefghijklmnopqrstuvwxyz012345");

QString orderId(int i)
{
    return QStringLiteral("50000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

class RemoteQueueTest : public PostgresFixture
{
protected:
    // The number of tasks with `status` in the shared store.
    int count(const QString &status)
    {
        QSqlQuery query(QSqlDatabase::database(QStringLiteral("test-remote")));
        query.prepare(QStringLiteral("SELECT count(*) FROM tasks WHERE status = ?"));
        query.addBindValue(status);
        if (!query.exec() || !query.next()) {
            ADD_FAILURE() << query.lastError().text().toStdString();
            return -1;
        }
        return query.value(0).toInt();
    }
};

TEST_F(RemoteQueueTest, TheDesktopAppInRemoteModeListsTheQueueOfThreeServicesAndRetriesADeadTask)
{
    ASSERT_TRUE(createDatabase(QStringLiteral("remote")));
    const QString url = server().url(QStringLiteral("remote"));
    FakeMoySklad fake;
    ASSERT_TRUE(fake.start());
    for (int i = 0; i < services; ++i)
        fake.seedDocument(QStringLiteral("customerorder"),
                          QJsonObject{{QStringLiteral("id"), orderId(i)}, {QStringLiteral("sum"), 100 * (i + 1)}});
    // A document MoySklad refuses for good: each service's task dies at its first attempt.
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/customerorder"), 400, 1000,
                  QStringLiteral("Ошибка в запросе"), -1);

    std::array<std::unique_ptr<CliRunner>, services> clis;
    std::array<std::unique_ptr<ServeProcess>, services> serves;
    for (int i = 0; i < services; ++i) {
        clis[i] = std::make_unique<CliRunner>();
        clis[i]->setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
        ASSERT_TRUE(clis[i]->configSet(QStringLiteral("store.url"), url));
        ASSERT_TRUE(clis[i]->prepareServe(fake.baseUrl(), secret));
        ASSERT_TRUE(clis[i]->configSet(QStringLiteral("worker.maxAttempts"), QStringLiteral("1")));
        serves[i] = std::make_unique<ServeProcess>(*clis[i]);
        ASSERT_TRUE(serves[i]->start());
        DeliverySender sender;
        sender.setTarget(serves[i]->base(), secret);
        ASSERT_EQ(sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), DeliverySender::newRequestId(),
                              {orderId(i)}),
                  200);
    }
    auto connection = StoreUrl::parse(url).value().open(QStringLiteral("test-remote"));
    ASSERT_TRUE(connection.ok()) << connection.error().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return count(QStringLiteral("dead")) == services; }, 10000))
        << serves[0]->errors().toStdString();
    fake.clearFailures();

    // The desktop app on a machine of its own: only the store in common. Its keychain is never asked (secrets.store
    // is file), and it has no token: remote mode needs none to show and control the queue.
    CliRunner desktopDir;
    ASSERT_TRUE(desktopDir.configSet(QStringLiteral("store.url"), url));
    ASSERT_TRUE(desktopDir.configSet(QStringLiteral("secrets.store"), QStringLiteral("file")));
    {
        Workspace workspace(testWorkspaceOptions(desktopDir.dataDir()));
        ASSERT_TRUE(workspace.open().ok());
        Dialogs dialogs;
        DesktopApp desktop(&workspace, nullptr, &dialogs);
        desktop.start();
        ASSERT_EQ(workspace.role(), Workspace::Role::Remote);
        EXPECT_EQ(workspace.service(), nullptr) << "the desktop app serves nothing in remote mode";

        // The status line names the store's server and the three services.
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                desktop.status()->refresh();
                return desktop.status()->services().size() == services;
            },
            10000));
        const QString status = desktop.status()->receiverText();
        EXPECT_TRUE(status.contains(StoreUrl::parse(url).value().masked())) << status.toStdString();
        for (int i = 0; i < services; ++i)
            EXPECT_TRUE(status.contains(QStringLiteral(":%1").arg(serves[i]->base().port()))) << status.toStdString();

        QueuePanel *panel = desktop.queuePanel();
        panel->refresh();
        ASSERT_EQ(panel->model()->rowCount(), services) << "the Queue tab lists the tasks of all three";
        const qint64 id = panel->model()->task(0).id;
        panel->selectTask(id);
        auto *retry = panel->findChild<QPushButton *>(QStringLiteral("retryButton"));
        ASSERT_NE(retry, nullptr);
        ASSERT_TRUE(retry->isEnabled()) << "the action works in remote mode";
        QTest::mouseClick(retry, Qt::LeftButton);
        ASSERT_TRUE(QTest::qWaitFor([&] { return count(QStringLiteral("done")) == 1; }, 5000))
            << "no service processed the retried task";
        EXPECT_EQ(count(QStringLiteral("dead")), services - 1);
    }
    connection = QString();
    Database::close(QStringLiteral("test-remote"));
}

} // namespace
