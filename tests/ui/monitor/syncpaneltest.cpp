// SPDX-License-Identifier: GPL-3.0-or-later
// The Queue tab's catch-up panel over a real workspace and the fake MoySklad: its state, "Sync now", "Sync since…".
#include "monitor/syncpanel.h"
#include "await.h"
#include "builders.h"
#include "fakemoysklad.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/storewriter.h"
#include "testworkspace.h"
#include "workspace/catchupscheduler.h"
#include "workspace/queueadmin.h"
#include "workspace/workspace.h"

#include <gtest/gtest.h>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

class SyncPanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        ASSERT_TRUE(workspace.open().ok());
        ASSERT_TRUE(workspace.settings().set(SettingKey::ApiUrl, fake.baseUrl().toString()).ok());
        ASSERT_TRUE(workspace.settings().set(SettingKey::ImportOrders, QStringLiteral("on")).ok());
        workspace.loadSecrets(Workspace::MissingSiteSecret::Leave);
        ASSERT_TRUE(QTest::qWaitFor([this] { return workspace.hasLoadedSecrets(); }, 5000));
        const auto saved =
            awaitResult<Result<Done, SecretError>>([&](auto done) { workspace.saveToken(fake.token(), done); });
        ASSERT_TRUE(saved.ok());
        host.resize(900, 300);
        admin = std::make_unique<QueueAdmin>(&workspace, QStringLiteral("from a test"));
        panel = new SyncPanel(&workspace, admin.get(), &host);
        host.show();
    }

    QString text(const char *name) const { return panel->findChild<QLabel *>(QLatin1String(name))->text(); }

    void runAndWait(const std::function<void()> &start)
    {
        QSignalSpy finished(&workspace.catchUp(), &CatchUpScheduler::finished);
        start();
        ASSERT_TRUE(finished.wait(20000));
        workspace.writer().flush();
        panel->refresh();
    }

    FakeMoySklad fake;
    QTemporaryDir dir;
    Workspace workspace{testWorkspaceOptions(dir.path())};
    std::unique_ptr<QueueAdmin> admin; // on the opened workspace
    QWidget host;
    SyncPanel *panel = nullptr;
};

} // namespace

TEST_F(SyncPanelTest, ShowsWhereTheStoreStandsAndSyncsSinceAChosenMoment)
{
    EXPECT_EQ(text("syncComplete"), QStringLiteral("not synced yet"));
    EXPECT_EQ(text("syncLastRun"), QStringLiteral("none yet"));

    runAndWait(
        [&] { QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("syncNowButton")), Qt::LeftButton); });
    EXPECT_NE(text("syncComplete"), QStringLiteral("not synced yet")) << "the first run marks the store complete";
    EXPECT_TRUE(text("syncLastRun").contains(QLatin1String("0 fetched"))) << text("syncLastRun").toStdString();

    for (int i = 0; i < 3; ++i)
        fake.seedDocument(QStringLiteral("customerorder"),
                          Builders::customerOrder(Builders::documentId(i), 100, QStringLiteral("Новый"),
                                                  QStringLiteral("2026-11-01 10:00:00.000")));
    QSignalSpy progress(&workspace.catchUp(), &CatchUpScheduler::progress);
    runAndWait([&] { panel->syncSince(QDateTime(QDate(2026, 10, 30), QTime(0, 0), Qt::UTC)); });
    EXPECT_FALSE(progress.isEmpty());
    const QLabel *message = panel->findChild<QLabel *>(QStringLiteral("syncMessage"));
    EXPECT_TRUE(message->isVisible());
    EXPECT_TRUE(message->text().contains(QLatin1String("3 fetched"))) << message->text().toStdString();
    EXPECT_TRUE(text("syncLastRun").contains(QLatin1String("3 fetched")));
    EXPECT_FALSE(panel->findChild<QProgressBar *>(QStringLiteral("syncProgress"))->isVisible());
}

TEST_F(SyncPanelTest, ARefusedTokenSaysWhatToDo)
{
    runAndWait([&] { panel->syncNow(); });
    fake.revokeTokens();
    runAndWait([&] { panel->syncNow(); });
    const QLabel *message = panel->findChild<QLabel *>(QStringLiteral("syncMessage"));
    EXPECT_TRUE(message->text().contains(QLatin1String("Connection tab"))) << message->text().toStdString();
    EXPECT_TRUE(text("syncLastRun").contains(QLatin1String("failed")));
}

TEST_F(SyncPanelTest, ComparesWithMoySkladAndQueuesWhatDiffers)
{
    runAndWait([&] { panel->syncNow(); });
    fake.seedDocument(QStringLiteral("customerorder"),
                      Builders::customerOrder(Builders::documentId(1), 100, QStringLiteral("Новый"),
                                              QStringLiteral("2026-11-01 10:00:00.000")));
    QPushButton *compare = panel->findChild<QPushButton *>(QStringLiteral("compareButton"));
    QPushButton *fetch = panel->findChild<QPushButton *>(QStringLiteral("fetchDifferencesButton"));
    EXPECT_EQ(text("comparisonResult"), QStringLiteral("never"));

    QTest::mouseClick(compare, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return fetch->isVisible(); }, 20000));
    EXPECT_TRUE(text("comparisonResult").contains(QLatin1String("customerorder: 1 missing")))
        << text("comparisonResult").toStdString();
    EXPECT_TRUE(fetch->text().contains(QLatin1String("1"))) << fetch->text().toStdString();

    QTest::mouseClick(fetch, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !fetch->isVisible(); }, 5000));
    const auto stats = admin->stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats.value().pending, 1) << "one task fetches the missing order";
    const auto tasks = admin->list(TaskStatus::Pending);
    ASSERT_TRUE(tasks.ok() && tasks.value().size() == 1);
    EXPECT_EQ(tasks.value().first().documentId, Builders::documentId(1));
}

TEST_F(SyncPanelTest, ASlowSyncAndASlowComparisonStopAtOnceAndTheirLateAnswersAreDropped)
{
    fake.setResponseDelayMs(2000); // MoySklad may take minutes to answer a list page
    QPushButton *stop = panel->findChild<QPushButton *>(QStringLiteral("syncStopButton"));
    ASSERT_NE(stop, nullptr);
    EXPECT_FALSE(stop->isVisible());

    // The sync.
    QSignalSpy finished(&workspace.catchUp(), &CatchUpScheduler::finished);
    panel->syncNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return stop->isVisible(); }, 5000)) << "a sync shows its progress and Stop";
    QTest::mouseClick(stop, Qt::LeftButton);
    ASSERT_EQ(finished.size(), 1) << "stopped at once, not when MoySklad answers";
    EXPECT_TRUE(finished.constFirst().constFirst().value<CatchUpSync::Report>().cancelled);
    EXPECT_FALSE(stop->isVisible());
    EXPECT_FALSE(panel->findChild<QProgressBar *>(QStringLiteral("syncProgress"))->isVisible());
    const QLabel *message = panel->findChild<QLabel *>(QStringLiteral("syncMessage"));
    EXPECT_TRUE(message->text().contains(QLatin1String("Sync stopped"))) << message->text().toStdString();
    EXPECT_FALSE(workspace.catchUp().isRunning());

    // The comparison.
    QPushButton *compare = panel->findChild<QPushButton *>(QStringLiteral("compareButton"));
    QTest::mouseClick(compare, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stop->isVisible(); }, 5000));
    QTest::mouseClick(stop, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !stop->isVisible(); }, 5000)) << "ends once its run is recorded";
    EXPECT_TRUE(message->text().contains(QLatin1String("Comparison stopped"))) << message->text().toStdString();

    // The answers that come afterwards change nothing: no second end, no differences offered, and the records
    // say how both runs ended.
    QTest::qWait(2500);
    EXPECT_EQ(finished.size(), 1);
    EXPECT_FALSE(panel->findChild<QPushButton *>(QStringLiteral("fetchDifferencesButton"))->isVisible());
    EXPECT_TRUE(message->text().contains(QLatin1String("Comparison stopped")));
    workspace.writer().flush();
    panel->refresh();
    EXPECT_TRUE(text("syncLastRun").contains(QLatin1String("stopped by the user")))
        << text("syncLastRun").toStdString();
    EXPECT_TRUE(text("comparisonResult").contains(QLatin1String("stopped by the user")))
        << text("comparisonResult").toStdString();
}
