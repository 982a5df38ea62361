// SPDX-License-Identifier: GPL-3.0-or-later
// The whole desktop app (DesktopApp: the main window with the monitor tabs, the tray) on a served data directory:
// closing while receiving, and every tab's layout at a small window size.
#include "desktopapp.h"
#include "await.h"
#include "diagnostics/metricsrecorder.h"
#include "mainwindow.h"
#include "monitor/chartspanel.h"
#include "monitor/queuepanel.h"
#include "qtmessagefailure.h"
#include "queue/taskqueue.h"
#include "servicestatus.h"
#include "settings/connectionpage.h"
#include "store/servicestate.h"
#include "store/storewriter.h"
#include "trayicon.h"
#include "uifixture.h"
#include "webhookspage.h"
#include "widgets/messagebar.h"
#include "workspace/queueadmin.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>

namespace {

class DesktopAppTest : public ::testing::Test, public UiFixture
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(startFake());
        seedOurHooks();
        // The receiver on a port free now, so that the app serves the data directory.
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ASSERT_TRUE(settings->set(QStringLiteral("receiver.listen"), QStringLiteral("127.0.0.1:%1").arg(port)).ok());
        language.setLanguage(settings->language());
        QPixmap icon(16, 16);
        icon.fill(Qt::darkGreen);
        QApplication::setWindowIcon(QIcon(icon));
        {
            // The offscreen platform has no tray: showing the icon makes Qt itself warn about its missing embedding.
            const QScopedValueRollback<bool> allowed(allowQtWarnings(), true);
            app = std::make_unique<DesktopApp>(workspace.get(), &language, &dialogs, DesktopApp::Tray::Always);
        }
        app->start();
        ASSERT_EQ(workspace->role(), Workspace::Role::Serving) << workspace->roleDetail().toStdString();
        ASSERT_TRUE(QTest::qWaitFor([this] { return !app->window()->controller()->isBusy(); }, 20000));
    }

    void TearDown() override
    {
        app.reset();
        workspace->stopService();
    }

    // The tray menu's action with this objectName, once it is visible (the status is read every couple of seconds).
    QAction *trayAction(const char *name, int timeoutMs = 10000)
    {
        QAction *action = app->tray()->menu()->findChild<QAction *>(QString::fromLatin1(name));
        EXPECT_NE(action, nullptr) << name;
        if (action && !QTest::qWaitFor([action] { return action->isVisible(); }, timeoutMs))
            ADD_FAILURE() << name << " did not show up";
        return action;
    }

    std::unique_ptr<DesktopApp> app;
};

// Widgets whose rectangle is cut on purpose: inside item views (editors in cells) and the scroll bars.
bool insideItemView(const QWidget *widget, const QWidget *top)
{
    for (const QWidget *w = widget->parentWidget(); w && w != top; w = w->parentWidget()) {
        if (qobject_cast<const QAbstractScrollArea *>(w) && !qobject_cast<const QScrollArea *>(w))
            return true;
    }
    return qobject_cast<const QScrollBar *>(widget) != nullptr;
}

// Every visible widget under `top` lies inside its parent and is at least as large as it needs to be (a wrapped
// label as tall as its text at its width). Returns what is clipped.
QStringList clippedWidgets(QWidget *top)
{
    QStringList clipped;
    const QList<QWidget *> widgets = top->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->isWindow() || insideItemView(widget, top))
            continue;
        const QWidget *parent = widget->parentWidget();
        const QString name = QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') +
                             widget->objectName() + QLatin1Char(' ');
        if (qobject_cast<const QScrollArea *>(parent ? parent->parentWidget() : nullptr) == nullptr &&
            !parent->rect().contains(widget->geometry()))
            clipped.append(name + QStringLiteral("outside its parent"));
        const QSize need = widget->minimumSizeHint();
        if (need.isValid() && (widget->width() < need.width() || widget->height() < need.height()))
            clipped.append(name +
                           QStringLiteral("smaller than its minimum size hint (%1x%2 < %3x%4) ")
                               .arg(widget->width())
                               .arg(widget->height())
                               .arg(need.width())
                               .arg(need.height()) +
                           (qobject_cast<QAbstractButton *>(widget) ? qobject_cast<QAbstractButton *>(widget)->text()
                                                                    : QString()));
        if (auto *label = qobject_cast<QLabel *>(widget); label && label->wordWrap() && !label->text().isEmpty() &&
                                                          label->height() < label->heightForWidth(label->width()))
            clipped.append(name + QStringLiteral("text cut: ") + label->text().left(40));
    }
    return clipped;
}

} // namespace

TEST_F(DesktopAppTest, ClosingWhileReceivingAsksOnceAndRemembersKeepingInTheTray)
{
    EXPECT_EQ(settings->value(SettingKey::UiCloseToTray), QStringLiteral("ask"));
    MainWindow *window = app->window();
    dialogs.presetAnswers({true});
    EXPECT_FALSE(window->close()) << "the first close waits for the answer";
    ASSERT_TRUE(QTest::qWaitFor([window] { return !window->isVisible(); }));
    ASSERT_EQ(dialogs.askedQuestions().size(), 1);
    EXPECT_TRUE(dialogs.askedQuestions().constFirst().contains(QStringLiteral("tray")));
    EXPECT_EQ(settings->value(SettingKey::UiCloseToTray), QStringLiteral("on"));
    EXPECT_EQ(workspace->role(), Workspace::Role::Serving) << "still receiving";

    // Remembered: the next close hides at once, without a question.
    window->show();
    EXPECT_FALSE(window->close());
    EXPECT_FALSE(window->isVisible());
    EXPECT_EQ(dialogs.askedQuestions().size(), 1);

    // The Connection tab shows the choice and changes it.
    auto *combo = findWidget<QComboBox>(window, QStringLiteral("closeToTrayCombo"));
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentData().toString(), QStringLiteral("on"));
}

TEST_F(DesktopAppTest, QuittingWithoutRememberingAsksAgainNextTime)
{
    MainWindow *window = app->window();
    dialogs.presetAnswers({false});
    dialogs.presetRemember({false});
    window->close();
    ASSERT_TRUE(QTest::qWaitFor([window] { return !window->isVisible(); }));
    EXPECT_EQ(settings->value(SettingKey::UiCloseToTray), QStringLiteral("ask"));
    ASSERT_EQ(dialogs.askedQuestions().size(), 1);
}

TEST_F(DesktopAppTest, QuitRememberedIsNotAskedAgain)
{
    MainWindow *window = app->window();
    dialogs.presetAnswers({false});
    window->close();
    ASSERT_TRUE(QTest::qWaitFor([window] { return !window->isVisible(); }));
    EXPECT_EQ(settings->value(SettingKey::UiCloseToTray), QStringLiteral("off"));
    window->show();
    EXPECT_TRUE(window->close());
    EXPECT_EQ(dialogs.askedQuestions().size(), 1);
}

TEST_F(DesktopAppTest, EveryTabLaysOutWithoutClippingAt1024x700InBothLanguages)
{
    MainWindow *window = app->window();
    // A minute of metrics, so that the Charts tab shows its charts rather than "no data yet".
    {
        MetricsRecorder recorder(&workspace->writer(), nullptr);
        recorder.counters().add(Metric::DeliveriesStored, 12);
        recorder.counters().add(Metric::RequestsRefused, QStringLiteral("403 wrong verification string from 10.0.0.7"));
        recorder.counters().observe(Metric::LimiterRemaining, 42);
    }
    workspace->writer().flush();
    QSignalSpy refreshed(app->chartsPanel(), &ChartsPanel::refreshed);
    app->chartsPanel()->refresh();
    ASSERT_TRUE(refreshed.wait(5000));
    ASSERT_FALSE(app->chartsPanel()->snapshot().isEmpty());
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("ru")}) {
        ASSERT_TRUE(settings->set(SettingKey::UiLanguage, lang).ok());
        language.setLanguage(lang);
        for (const QSize size : {window->size(), QSize(1024, 700)}) {
            window->resize(size);
            for (int tab = 0; tab < window->tabs()->count(); ++tab) {
                window->tabs()->setCurrentIndex(tab);
                // Layouts settle through posted events (more of them after a language change): wait for that, a
                // clipped widget stays clipped.
                QStringList clipped;
                static_cast<void>(QTest::qWaitFor(
                    [&] {
                        clipped = clippedWidgets(window);
                        return clipped.isEmpty();
                    },
                    500));
                EXPECT_TRUE(clipped.isEmpty()) << lang.toStdString() << " " << size.width() << "x" << size.height()
                                               << " tab " << window->tabs()->tabText(tab).toStdString() << ":\n"
                                               << clipped.join(QLatin1Char('\n')).toStdString();
            }
        }
    }
}

TEST_F(DesktopAppTest, CtrlFFocusesTheCurrentTabsSearchField)
{
    MainWindow *window = app->window();
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window));
    QLineEdit *search = nullptr;
    for (int tab = 0; tab < window->tabs()->count() && !search; ++tab) {
        search = window->tabs()->widget(tab)->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        if (search)
            window->tabs()->setCurrentIndex(tab);
    }
    ASSERT_NE(search, nullptr) << "the Diagnostics tab has a search field";
    ASSERT_FALSE(search->hasFocus());
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(QTest::qWaitFor([search] { return search->hasFocus(); }));

    // A tab without one: focus stays where it was.
    window->tabs()->setCurrentIndex(0);
    QWidget *before = QApplication::focusWidget();
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
    EXPECT_EQ(QApplication::focusWidget(), before);
}

TEST_F(DesktopAppTest, EveryTabsButtonsAndLabelledFieldsHaveTheirOwnMnemonicInBothLanguages)
{
    MainWindow *window = app->window();
    window->show();
    for (const QString &languageName : {QStringLiteral("en"), QStringLiteral("ru")}) {
        language.setLanguage(languageName);
        QCoreApplication::processEvents();
        for (int tab = 0; tab < window->tabs()->count(); ++tab) {
            const QStringList problems = mnemonicProblems(window->tabs()->widget(tab));
            EXPECT_TRUE(problems.isEmpty())
                << languageName.toStdString() << " " << window->tabs()->tabText(tab).toStdString() << ": "
                << problems.join(QStringLiteral("; ")).toStdString();
        }
    }
}

TEST_F(DesktopAppTest, CustomWidgetsHaveAccessibleNames)
{
    MainWindow *window = app->window();
    auto *indicator = findWidget<QLabel>(window, QStringLiteral("statusIndicator"));
    ASSERT_NE(indicator, nullptr);
    EXPECT_EQ(indicator->accessibleName(), QStringLiteral("Service status"));
    EXPECT_EQ(indicator->accessibleDescription(), indicator->text());

    MessageBar *bar = window->messageBar();
    bar->showMessage(MessageBar::Kind::Error, QStringLiteral("Не удалось получить список веб-хуков"));
    EXPECT_EQ(bar->accessibleName(), QStringLiteral("Message"));
    EXPECT_EQ(bar->accessibleDescription(), QStringLiteral("Error: Не удалось получить список веб-хуков"));
    // Its icon-only close button says what it does.
    auto *close = findWidget<QAbstractButton>(bar, QStringLiteral("messageCloseButton"));
    ASSERT_NE(close, nullptr);
    EXPECT_TRUE(close->isVisible());
    EXPECT_EQ(close->accessibleName(), QStringLiteral("Close this message"));
}

TEST_F(DesktopAppTest, TrayMenuShowsTheStateAndResumesAPausedQueue)
{
    TrayIcon *tray = app->tray();
    ASSERT_NE(tray, nullptr);
    QAction *receiver = tray->menu()->findChild<QAction *>(QStringLiteral("trayReceiverState"));
    ASSERT_NE(receiver, nullptr);
    EXPECT_TRUE(QTest::qWaitFor(
        [receiver] { return receiver->text().startsWith(QStringLiteral("Receiver listening on 127.0.0.1:")); }, 10000))
        << receiver->text().toStdString();
    EXPECT_FALSE(receiver->isEnabled()) << "a line to read, not a command";
    QAction *queue = tray->menu()->findChild<QAction *>(QStringLiteral("trayQueueState"));
    ASSERT_NE(queue, nullptr);
    EXPECT_EQ(queue->text(), QStringLiteral("Queue: 0 waiting, 0 dead"));
    for (const char *fix :
         {"trayShowDeadTasks", "trayRetryDead", "trayShowWebhooks", "trayShowConnection", "trayResume"})
        EXPECT_FALSE(tray->menu()->findChild<QAction *>(QString::fromLatin1(fix))->isVisible()) << fix;

    QueueAdmin admin(workspace.get(), QStringLiteral("from the test"));
    ASSERT_TRUE(admin.setPaused(true).ok());
    QAction *resume = trayAction("trayResume");
    ASSERT_NE(resume, nullptr);
    // The notice that told it: clicking it resumes.
    auto *icon = tray->findChild<QSystemTrayIcon *>(QStringLiteral("trayIcon"));
    ASSERT_NE(icon, nullptr);
    Q_EMIT icon->messageClicked();
    EXPECT_FALSE(admin.isPaused());
    EXPECT_TRUE(QTest::qWaitFor([resume] { return !resume->isVisible(); }, 10000));

    // And the menu's action.
    ASSERT_TRUE(admin.setPaused(true).ok());
    ASSERT_NE(trayAction("trayResume"), nullptr);
    resume->trigger();
    EXPECT_FALSE(admin.isPaused());
    EXPECT_TRUE(QTest::qWaitFor([resume] { return !resume->isVisible(); }, 10000));
    EXPECT_TRUE(QTest::qWaitFor([this] { return app->status()->processing() == QStringLiteral("on"); }, 10000));
}

TEST_F(DesktopAppTest, AnOutageOfMoySkladIsShownWhileItLastsAndTheWindowSaysWhenItEnded)
{
    // What the serving process writes while its circuit breaker is open (Service::saveState), then on recovery.
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-7 * 60);
    const auto writeUnreachableSince = [this](const QDateTime &at) {
        workspace->writer().submit(
            [at](QSqlDatabase &db) {
                return ServiceState::write(
                    db, {{QStringLiteral("moysklad.unreachableSince"), at.toString(Qt::ISODateWithMs)}},
                    QDateTime::currentDateTimeUtc());
            },
            {});
        workspace->writer().flush();
        app->status()->refresh();
    };
    auto *icon = app->tray()->findChild<QSystemTrayIcon *>(QStringLiteral("trayIcon"));
    ASSERT_NE(icon, nullptr);
    QSignalSpy notices(app->tray(), &TrayIcon::notified);
    writeUnreachableSince(since);
    EXPECT_TRUE(app->status()->receiverText().contains(QStringLiteral("MoySklad unreachable since")))
        << app->status()->receiverText().toStdString();
    EXPECT_TRUE(app->status()->needsAttention());
    ASSERT_GE(notices.size(), 1);
    EXPECT_EQ(notices.last().at(0).toString(), QStringLiteral("MoySklad is unreachable"));

    QSignalSpy ended(app->status(), &ServiceStatus::outageEnded);
    writeUnreachableSince({});
    ASSERT_EQ(ended.size(), 1);
    EXPECT_EQ(ended.at(0).at(0).toDateTime().toSecsSinceEpoch(), since.toSecsSinceEpoch());
    EXPECT_FALSE(app->status()->receiverText().contains(QStringLiteral("unreachable")));
    const QString told = app->window()->messageBar()->text();
    EXPECT_TRUE(told.contains(QStringLiteral("MoySklad answers again after an outage of 7 minutes")))
        << told.toStdString();
    EXPECT_EQ(notices.last().at(0).toString(), QStringLiteral("MoySklad answers again"));
}

TEST_F(DesktopAppTest, TrayShowsDeadTasksInTheQueueTabAndRetriesThem)
{
    // The fixes raise the window, which the offscreen platform cannot and says so.
    const QScopedValueRollback<bool> allowed(allowQtWarnings(), true);
    // Paused, so that the serving worker leaves the task to this test.
    QueueAdmin admin(workspace.get(), QStringLiteral("from the test"));
    ASSERT_TRUE(admin.setPaused(true).ok());
    TaskQueue queue(&workspace->writer(), TaskQueue::Policy{});
    Delivery delivery;
    delivery.requestId = QStringLiteral("tray-dead");
    DeliveryEvent event;
    event.entityType = QStringLiteral("customerorder");
    event.action = QStringLiteral("UPDATE");
    event.documentId = QStringLiteral("5f2c0b8e-0000-11ef-0a80-000000000001");
    event.href = QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/customerorder/") + event.documentId;
    delivery.events.append(event);
    awaitResult<TaskQueue::Enqueued>([&](auto done) {
        queue.enqueue(
            delivery, [](const QString &, const QString &) { return ExecutionMode::Queued; }, done);
    });
    auto claimed = awaitResult<Result<QList<Task>, QString>>([&](auto done) { queue.claim(10, {}, done); });
    ASSERT_TRUE(claimed.ok());
    ASSERT_EQ(claimed.value().size(), 1);
    auto failed = awaitResult<Result<bool, QString>>([&](auto done) {
        queue.fail(claimed.value().constFirst(), QStringLiteral("HTTP 400: заказ не найден"), false, true, done);
    });
    ASSERT_TRUE(failed.ok() && failed.value());

    QAction *show = trayAction("trayShowDeadTasks");
    ASSERT_NE(show, nullptr);
    EXPECT_EQ(show->text(), TrayIcon::tr("Show %n dead task(s)…", nullptr, 1));
    app->window()->tabs()->setCurrentIndex(0);
    show->trigger();
    EXPECT_EQ(app->window()->tabs()->currentWidget(), app->queuePanel()->parentWidget());
    auto *filter = findWidget<QComboBox>(app->queuePanel(), QStringLiteral("statusFilter"));
    ASSERT_NE(filter, nullptr);
    EXPECT_EQ(filter->currentData().toString(), QStringLiteral("dead"));

    QAction *retry = trayAction("trayRetryDead");
    ASSERT_NE(retry, nullptr);
    retry->trigger();
    EXPECT_TRUE(QTest::qWaitFor([this] { return app->status()->stats().dead == 0; }, 10000));
    EXPECT_TRUE(QTest::qWaitFor([show] { return !show->isVisible(); }, 10000));
}

TEST_F(DesktopAppTest, TrayLeadsToTheWebhooksTabAndTheConnectionTab)
{
    // The fixes raise the window, which the offscreen platform cannot and says so.
    const QScopedValueRollback<bool> allowed(allowQtWarnings(), true);
    // A hook of ours disabled in MoySklad, found by the next listing.
    const QList<Webhook> hooks = fake.hooks();
    ASSERT_FALSE(hooks.isEmpty());
    ASSERT_TRUE(fake.setHookEnabled(hooks.constFirst().id, false));
    app->window()->controller()->refresh();
    QAction *webhooks = trayAction("trayShowWebhooks");
    ASSERT_NE(webhooks, nullptr);
    app->window()->tabs()->setCurrentIndex(app->window()->tabs()->count() - 1);
    webhooks->trigger();
    EXPECT_EQ(app->window()->tabs()->currentWidget(), app->window()->webhooksPage());

    // A token revoked by a login elsewhere: the next hook check is refused and processing waits for a new token.
    fake.revokeTokens();
    workspace->hookHealth().checkNow();
    QAction *token = trayAction("trayShowConnection");
    ASSERT_NE(token, nullptr);
    token->trigger();
    EXPECT_EQ(app->window()->tabs()->currentWidget(), app->window()->connectionPage());
}

namespace {
// A text with its data taken out: URLs, ids, setting keys, hooks, addresses, numbers (any word with a digit, a dot,
// a slash, an underscore or a colon in it) and the names that stay as they are in both languages.
QString withoutData(const QString &text)
{
    static const QRegularExpression url(QStringLiteral("\\S+://\\S*"));
    static const QRegularExpression dataWord(QStringLiteral("\\S*[0-9./_:@=+]\\S*"));
    static const QRegularExpression names(
        QStringLiteral("\\b(MoySklad|SkladHook|skladhook-cli|API|URL|HTTPS?|POST|CSV|JSON|TLS|ID|Ctrl|Shift|Alt|Esc|OS|"
                       // setting values and MoySklad's entity names, shown beside their Russian names
                       "none|full|on|off|ask|customerorder|paymentin|cashin|demand|"
                       // programs named in the set-up advice; Qt's own Russian keeps "OK"
                       "nginx|Apache|cloudflared|ngrok|PostgreSQL|OK)\\b"));
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    QString rest = text;
    rest.remove(tag); // rich text's markup
    rest.remove(url);
    rest.remove(dataWord);
    rest.remove(names);
    rest.remove(QLatin1Char('&')); // mnemonics
    return rest;
}

bool hasEnglishWord(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\b[A-Za-z]{2,}\\b"));
    return word.match(withoutData(text)).hasMatch();
}

bool hasCyrillic(const QString &text)
{
    static const QRegularExpression cyrillic(QStringLiteral("[\\x{0400}-\\x{04FF}]"));
    return cyrillic.match(text).hasMatch();
}

// Every text a person reads in the app that comes from the program, not from data: widgets' texts, tooltips and
// placeholders, combo entries, group and tab titles, actions and menus, table headers, the status bar, the tray menu.
// Each as {where, text}. The language chooser's entries are left out: each language is named in itself.
QList<std::pair<QString, QString>> translatableTexts(DesktopApp *app)
{
    QList<std::pair<QString, QString>> texts;
    const auto add = [&texts](const QString &where, const QString &text) {
        if (!text.trimmed().isEmpty())
            texts.append({where, text});
    };
    MainWindow *window = app->window();
    add(QStringLiteral("window title"), window->windowTitle());
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        const QString name =
            QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') + widget->objectName();
        add(name + QStringLiteral(" tooltip"), widget->toolTip());
        if (auto *label = qobject_cast<QLabel *>(widget))
            add(name, label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            add(name, button->text());
        if (auto *line = qobject_cast<QLineEdit *>(widget))
            add(name + QStringLiteral(" placeholder"), line->placeholderText());
        if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            add(name + QStringLiteral(" placeholder"), plain->placeholderText());
        if (auto *group = qobject_cast<QGroupBox *>(widget))
            add(name + QStringLiteral(" title"), group->title());
        if (auto *combo = qobject_cast<QComboBox *>(widget);
            combo && combo->objectName() != u"languageCombo" && combo->objectName() != u"ui.language") {
            for (int i = 0; i < combo->count(); ++i)
                add(name + QStringLiteral(" item"), combo->itemText(i));
        }
        if (auto *tabs = qobject_cast<QTabWidget *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(name + QStringLiteral(" tab"), tabs->tabText(i));
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
            for (int c = 0; c < view->model()->columnCount(); ++c)
                add(name + QStringLiteral(" header"), view->model()->headerData(c, Qt::Horizontal).toString());
        }
        if (auto *menu = qobject_cast<QMenu *>(widget))
            add(name + QStringLiteral(" menu"), menu->title());
    }
    for (QAction *action : window->findChildren<QAction *>())
        add(QStringLiteral("action ") + action->objectName(), action->text());
    for (QAction *action : window->menuBar()->actions())
        add(QStringLiteral("menu bar"), action->text());
    if (TrayIcon *tray = app->tray()) {
        for (QAction *action : tray->menu()->actions())
            add(QStringLiteral("tray menu"), action->text());
        add(QStringLiteral("tray tooltip"), tray->toolTip());
    }
    return texts;
}
} // namespace

TEST_F(DesktopAppTest, ALiveLanguageSwitchReachesEveryTabMenuHeaderAndTheTray)
{
    MainWindow *window = app->window();
    window->show();
    // The dialogs open too: the assistant, the settings and the test delivery follow the switch as well.
    for (const char *name : {"assistantAction", "settingsAction", "testDeliveryAction"}) {
        auto *action = window->findChild<QAction *>(QString::fromLatin1(name));
        ASSERT_NE(action, nullptr) << name;
        action->trigger();
    }
    for (const char *name : {"setupAssistant", "settingsDialog", "testDeliveryDialog"}) {
        auto *dialog = window->findChild<QWidget *>(QString::fromLatin1(name));
        ASSERT_NE(dialog, nullptr) << name;
        EXPECT_TRUE(dialog->isVisible()) << name;
    }
    language.setLanguage(QStringLiteral("ru"));
    QStringList english;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            english.clear();
            for (const auto &[where, text] : translatableTexts(app.get())) {
                if (hasEnglishWord(text))
                    english.append(where + QStringLiteral(": ") + text);
            }
            return english.isEmpty();
        },
        2000));
    EXPECT_TRUE(english.isEmpty()) << "English left after switching to Russian:\n"
                                   << english.join(QLatin1Char('\n')).toStdString();

    language.setLanguage(QStringLiteral("en"));
    QStringList russian;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            russian.clear();
            for (const auto &[where, text] : translatableTexts(app.get())) {
                if (hasCyrillic(text))
                    russian.append(where + QStringLiteral(": ") + text);
            }
            return russian.isEmpty();
        },
        2000));
    EXPECT_TRUE(russian.isEmpty()) << "Russian left after switching to English:\n"
                                   << russian.join(QLatin1Char('\n')).toStdString();
}
