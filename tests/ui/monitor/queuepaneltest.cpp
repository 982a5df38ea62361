// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/queuepanel.h"
#include "await.h"
#include "diagnostics/logreader.h"
#include "models/displaytime.h"
#include "models/tasklistmodel.h"
#include "monitorfixture.h"
#include "queue/taskqueue.h"
#include "settings/settings.h"
#include "testworkspace.h"
#include "workspace/queueadmin.h"
#include "workspace/workspace.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

namespace {
class QueuePanelTest : public MonitorFixture
{
protected:
    void enqueue(const QString &requestId, int events)
    {
        Delivery d;
        d.requestId = requestId;
        for (int i = 0; i < events; ++i) {
            DeliveryEvent e;
            e.entityType = QStringLiteral("customerorder");
            e.action = QStringLiteral("UPDATE");
            e.documentId = QStringLiteral("%1-doc-%2").arg(requestId).arg(i);
            e.href = QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/customerorder/%1").arg(i);
            d.events.append(e);
        }
        awaitResult<TaskQueue::Enqueued>([&](auto done) {
            queue.enqueue(
                d, [](const QString &, const QString &) { return ExecutionMode::Queued; }, done);
        });
    }

    // Claims every due task and fails it as not retryable: each becomes dead.
    void killAll()
    {
        auto claimed = awaitResult<Result<QList<Task>, QString>>([&](auto done) { queue.claim(100, {}, done); });
        ASSERT_TRUE(claimed.ok());
        for (const Task &task : claimed.value()) {
            auto failed = awaitResult<Result<bool, QString>>(
                [&](auto done) { queue.fail(task, QStringLiteral("HTTP 400: bad document"), false, true, done); });
            ASSERT_TRUE(failed.ok() && failed.value());
        }
    }

    std::unique_ptr<QueuePanel> makePanel()
    {
        auto panel = std::make_unique<QueuePanel>(&admin);
        panel->setRefreshInterval(0);
        // Inside a plain host: a top-level with a layout makes the offscreen platform warn about size hints.
        host = std::make_unique<QWidget>();
        host->resize(900, 500);
        panel->setParent(host.get());
        panel->setGeometry(0, 0, 900, 500);
        host->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(host.get()));
        return panel;
    }

    static QString text(QWidget *panel, const char *name)
    {
        auto *label = panel->findChild<QLabel *>(QString::fromLatin1(name));
        EXPECT_NE(label, nullptr) << name;
        return label ? label->text() : QString();
    }

    static QPushButton *button(QWidget *panel, const char *name)
    {
        auto *b = panel->findChild<QPushButton *>(QString::fromLatin1(name));
        EXPECT_NE(b, nullptr) << name;
        return b;
    }

    // The panel's actions go through the data directory's workspace, as in the app.
    Workspace &workspace()
    {
        if (!m_workspace) {
            m_workspace = std::make_unique<Workspace>(testWorkspaceOptions(dir.path()));
            EXPECT_TRUE(m_workspace->open().ok());
        }
        return *m_workspace;
    }

    TaskQueue queue{&writer, TaskQueue::Policy{}};
    std::unique_ptr<Workspace> m_workspace;
    QueueAdmin admin{&workspace(), QStringLiteral("from the desktop app")};
    std::unique_ptr<QWidget> host;
};
} // namespace

TEST_F(QueuePanelTest, ShowsCountsAndTheOldestWaitingTask)
{
    auto panel = makePanel();
    EXPECT_EQ(text(panel.get(), "pendingCount"), QStringLiteral("0"));
    EXPECT_EQ(text(panel.get(), "oldestPending"), QStringLiteral("nothing waits"));
    enqueue(QStringLiteral("r1"), 3);
    enqueue(QStringLiteral("r2"), 2);
    QTest::mouseClick(button(panel.get(), "refreshButton"), Qt::LeftButton);
    EXPECT_EQ(text(panel.get(), "pendingCount"), QStringLiteral("5"));
    EXPECT_EQ(text(panel.get(), "deadCount"), QStringLiteral("0"));
    EXPECT_NE(text(panel.get(), "oldestPending"), QStringLiteral("nothing waits"));
    EXPECT_EQ(panel->model()->rowCount(), 5);

    panel->setWorkerTimes(QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC), {});
    EXPECT_EQ(text(panel.get(), "lastWorkerRun"),
              DisplayTime::text(QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC)));
    EXPECT_EQ(text(panel.get(), "nextWorkerRun"), QStringLiteral("not scheduled"));
}

TEST_F(QueuePanelTest, RetryMakesADeadTaskPendingAgain)
{
    enqueue(QStringLiteral("r1"), 1);
    killAll();
    auto panel = makePanel();
    EXPECT_EQ(text(panel.get(), "deadCount"), QStringLiteral("1"));
    ASSERT_EQ(panel->model()->rowCount(), 1);
    const qint64 id = panel->model()->task(0).id;
    panel->selectTask(id);
    QPushButton *retry = button(panel.get(), "retryButton");
    ASSERT_TRUE(retry->isEnabled());
    EXPECT_TRUE(panel->findChild<QWidget *>(QStringLiteral("taskDetail"))
                    ->property("plainText")
                    .toString()
                    .contains(QStringLiteral("HTTP 400: bad document")));

    QSignalSpy finished(panel.get(), &QueuePanel::actionFinished);
    QTest::mouseClick(retry, Qt::LeftButton);
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_TRUE(finished.at(0).at(0).toBool());
    auto task = queue.task(id);
    ASSERT_TRUE(task.ok() && task.value().has_value());
    EXPECT_EQ(task.value()->status, TaskStatus::Pending);
    EXPECT_EQ(text(panel.get(), "pendingCount"), QStringLiteral("1"));
    EXPECT_EQ(text(panel.get(), "deadCount"), QStringLiteral("0"));
    EXPECT_EQ(panel->selectedTaskId(), id);
    EXPECT_FALSE(retry->isEnabled()) << "a pending task is not retried";
}

TEST_F(QueuePanelTest, RetryAllDeadAndCancel)
{
    enqueue(QStringLiteral("r1"), 2);
    killAll();
    enqueue(QStringLiteral("r2"), 1);
    auto panel = makePanel();
    EXPECT_EQ(text(panel.get(), "deadCount"), QStringLiteral("2"));
    EXPECT_EQ(text(panel.get(), "pendingCount"), QStringLiteral("1"));

    QSignalSpy finished(panel.get(), &QueuePanel::actionFinished);
    QTest::mouseClick(button(panel.get(), "retryDeadButton"), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(text(panel.get(), "deadCount"), QStringLiteral("0"));
    EXPECT_EQ(text(panel.get(), "pendingCount"), QStringLiteral("3"));
    EXPECT_FALSE(button(panel.get(), "retryDeadButton")->isEnabled());

    const qint64 id = panel->model()->task(0).id;
    panel->selectTask(id);
    QTest::mouseClick(button(panel.get(), "cancelButton"), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(queue.task(id).value()->status, TaskStatus::Cancelled);
    EXPECT_EQ(text(panel.get(), "cancelledCount"), QStringLiteral("1"));
    EXPECT_EQ(text(panel.get(), "pendingCount"), QStringLiteral("2"));
}

TEST_F(QueuePanelTest, ActionsAreLoggedAndAnnouncedToTheServingProcess)
{
    enqueue(QStringLiteral("r1"), 1);
    killAll();
    auto panel = makePanel();
    panel->selectTask(panel->model()->task(0).id);
    // The serving process (another workspace on the same data directory) hears of the retry within a poll.
    Workspace serving(testWorkspaceOptions(dir.path(), nullptr, 50));
    ASSERT_TRUE(serving.open().ok());
    QSignalSpy heard(&serving, &Workspace::queueChanged);

    QSignalSpy finished(panel.get(), &QueuePanel::actionFinished);
    QTest::mouseClick(button(panel.get(), "retryButton"), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(5000));
    ASSERT_TRUE(heard.wait(2000));
    workspace().writer().flush();
    LogReader reader(databasePath);
    LogReader::Filter filter;
    filter.text = QStringLiteral("queued again from the desktop app");
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 1);
}

TEST_F(QueuePanelTest, PauseAndResumeAreStoredAndFollowAChangeMadeElsewhere)
{
    auto panel = makePanel();
    QPushButton *pause = button(panel.get(), "pauseButton");
    ASSERT_TRUE(pause->isEnabled());
    EXPECT_FALSE(pause->isChecked());
    EXPECT_EQ(pause->text(), QStringLiteral("&Pause processing"));

    QTest::mouseClick(pause, Qt::LeftButton);
    EXPECT_TRUE(workspace().settings().queuePaused());
    EXPECT_TRUE(pause->isChecked());
    EXPECT_EQ(pause->text(), QStringLiteral("Resume &processing"));

    // Resumed by another process (the CLI): the button follows at the next refresh.
    Workspace cli(testWorkspaceOptions(dir.path()));
    ASSERT_TRUE(cli.open().ok());
    ASSERT_TRUE(QueueAdmin(&cli, QStringLiteral("from the command line")).setPaused(false).ok());
    workspace().settings().reload();
    panel->refresh();
    EXPECT_FALSE(pause->isChecked());
    EXPECT_EQ(pause->text(), QStringLiteral("&Pause processing"));
}

TEST_F(QueuePanelTest, ASearchNarrowsTheListAndRetryMatchingStatesTheCountFirst)
{
    enqueue(QStringLiteral("r1"), 3);
    enqueue(QStringLiteral("r2"), 2);
    killAll();
    enqueue(QStringLiteral("r3"), 1);
    auto panel = makePanel();
    QStringList asked;
    QList<bool> answers{false, true};
    panel->setConfirm([&](const QString &, const QString &text, const QString &, std::function<void(bool)> answered) {
        asked.append(text);
        answered(answers.takeFirst());
    });
    ASSERT_EQ(panel->model()->rowCount(), 6);
    panel->search(QStringLiteral("r1-doc"));
    EXPECT_EQ(panel->model()->rowCount(), 3);

    QSignalSpy finished(panel.get(), &QueuePanel::actionFinished);
    QTest::mouseClick(button(panel.get(), "retryMatchingButton"), Qt::LeftButton); // answered no
    ASSERT_EQ(asked.size(), 1);
    EXPECT_TRUE(asked.at(0).contains(QLatin1String("3 task"))) << asked.at(0).toStdString();
    EXPECT_EQ(text(panel.get(), "deadCount"), QStringLiteral("5"));
    QTest::mouseClick(button(panel.get(), "retryMatchingButton"), Qt::LeftButton); // answered yes
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_TRUE(finished.last().at(0).toBool());
    EXPECT_EQ(text(panel.get(), "deadCount"), QStringLiteral("2")); // r2's stay dead
    EXPECT_EQ(text(panel.get(), "pendingCount"), QStringLiteral("4"));

    // Nothing to retry among what matches: said, and nothing asked.
    QTest::mouseClick(button(panel.get(), "retryMatchingButton"), Qt::LeftButton);
    EXPECT_EQ(asked.size(), 2);
    EXPECT_FALSE(finished.last().at(0).toBool());
    EXPECT_TRUE(text(panel.get(), "queueMessage").contains(QLatin1String("No task")));

    // Words of the error (a retried task keeps its last one), the status and the hook filters.
    panel->search(QStringLiteral("bad document"));
    EXPECT_EQ(panel->model()->rowCount(), 5);
    panel->showStatus(TaskStatus::Dead);
    EXPECT_EQ(panel->model()->rowCount(), 2);
    panel->showStatus(std::nullopt);
    panel->search(QString());
    panel->showHook(QStringLiteral("demand/CREATE"));
    EXPECT_EQ(panel->model()->rowCount(), 0);
}

TEST_F(QueuePanelTest, TheSelectedTasksAttemptsAndAGoneDocumentAreShown)
{
    enqueue(QStringLiteral("r1"), 2);
    killAll();
    // The second task, retried, ends with its document gone from MoySklad.
    auto panel = makePanel();
    const qint64 goneId = panel->model()->task(0).id;
    using BoolResult = Result<bool, QString>;
    ASSERT_TRUE(awaitResult<BoolResult>([&](auto done) { queue.retry(goneId, done); }).value());
    using TasksResult = Result<QList<Task>, QString>;
    auto claimed = awaitResult<TasksResult>([&](auto done) { queue.claim(1, {goneId}, done); });
    ASSERT_EQ(claimed.value().size(), 1);
    const Task task = claimed.value().first();
    writer.submit(
        [task](QSqlDatabase &db) -> Result<Done, QString> {
            auto done = TaskQueue::completeIn(db, task, QDateTime::currentDateTimeUtc(),
                                              TaskQueue::Completion{TaskOutcome::Gone, 200});
            if (!done.ok())
                return done.error();
            return Done{};
        },
        {});
    writer.flush();
    panel->refresh();

    panel->selectTask(goneId);
    const int row = panel->model()->rowOfTask(goneId);
    EXPECT_EQ(panel->model()->index(row, TaskListModel::StatusColumn).data().toString(),
              QStringLiteral("Done: Gone from MoySklad"));
    QTableWidget *attempts = panel->attemptsView();
    ASSERT_EQ(attempts->rowCount(), 2);
    EXPECT_EQ(attempts->item(0, 3)->text(), QStringLiteral("no request"));
    EXPECT_EQ(attempts->item(0, 4)->text(), QStringLiteral("Dead"));
    EXPECT_EQ(attempts->item(0, 5)->text(), QStringLiteral("HTTP 400: bad document"));
    EXPECT_EQ(attempts->item(1, 3)->text(), QStringLiteral("200"));
    EXPECT_EQ(attempts->item(1, 4)->text(), QStringLiteral("Done: Gone from MoySklad"));
    EXPECT_TRUE(attempts->item(1, 2)->text().endsWith(QLatin1String(" ms")));

    const qint64 otherId = panel->model()->task(row == 0 ? 1 : 0).id;
    panel->selectTask(otherId);
    EXPECT_EQ(attempts->rowCount(), 1);
}
