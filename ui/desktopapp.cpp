// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopapp.h"

#include "aboutdialog.h"
#include "dialogs.h"
#include "mainwindow.h"
#include "monitor/chartspanel.h"
#include "monitor/diagnosticspane.h"
#include "monitor/queuepanel.h"
#include "monitor/syncpanel.h"
#include "servicestatus.h"
#include "settings/connectionpage.h"
#include "settings/settings.h"
#include "shop/shoptab.h"
#include "store/database.h"
#include "trayicon.h"
#include "webhookspage.h"
#include "widgets/messagebar.h"
#include "widgets/statusindicator.h"
#include "workspace/queueadmin.h"
#include "workspace/workspace.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

DesktopApp::DesktopApp(Workspace *workspace, LanguageManager *language, Dialogs *dialogs, Tray tray, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_status(std::make_unique<ServiceStatus>(workspace))
    , m_queueAdmin(std::make_unique<QueueAdmin>(
          workspace, QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "from the desktop app"))))
    , m_window(std::make_unique<MainWindow>(MainWindow::Services{workspace, dialogs, language}))
{
    m_window->statusBar()->addPermanentWidget(new StatusIndicator(m_status.get()));
    // The monitor reads the database, so it shows the same whichever process serves; its actions go through
    // QueueAdmin, which the serving process follows.
    m_diagnosticsTab = new DiagnosticsPane(workspace->storeLocation());
    m_window->tabs()->addTab(m_diagnosticsTab, QString());
    // The Queue tab: the catch-up with MoySklad above the queue of deliveries.
    auto *queueTab = new QWidget;
    m_queueTab = queueTab;
    auto *queueLayout = new QVBoxLayout(queueTab);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    m_syncPanel = new SyncPanel(workspace, m_queueAdmin.get());
    m_queuePanel = new QueuePanel(m_queueAdmin.get());
    m_queuePanel->setConfirm([this](const QString &title, const QString &text, const QString &confirmText,
                                    std::function<void(bool)> answered) {
        m_window->dialogs()->ask(m_window.get(), {title, text, confirmText, {}, true}, m_queuePanel,
                                 std::move(answered));
    });
    queueLayout->addWidget(m_syncPanel);
    queueLayout->addWidget(m_queuePanel, 1);
    m_window->tabs()->addTab(queueTab, QString());
    // What the service counted per minute, over an hour, a day or a week.
    m_chartsPanel = new ChartsPanel(workspace->storeLocation());
    m_window->tabs()->addTab(m_chartsPanel, QString());
    // The shop store as MoySklad's documents left it, read from the database like the monitor.
    for (const auto kind : {ShopList::Kind::Orders, ShopList::Kind::Payments, ShopList::Kind::Shipments}) {
        auto *shop = new ShopTab(workspace->storeLocation(), kind);
        m_shopTabs.append({shop, kind});
        m_window->tabs()->addTab(shop, QString());
    }
    connect(m_status.get(), &ServiceStatus::changed, m_queuePanel,
            [this] { m_queuePanel->setWorkerTimes(m_status->lastWorkerRun(), m_status->nextWorkerRun()); });
    connect(m_workspace, &Workspace::queueChanged, m_queuePanel, &QueuePanel::refresh);
    // An outage that ended is told in the window too: the log row alone is easy to miss.
    connect(m_status.get(), &ServiceStatus::outageEnded, m_window.get(),
            [this](const QDateTime &since, const QDateTime &until) {
                m_window->messageBar()->showMessage(
                    MessageBar::Kind::Info,
                    tr("MoySklad answers again after an outage of %n minute(s) (since %1): the waiting tasks are "
                       "being processed, none lost an attempt.",
                       nullptr, int(std::max<qint64>(1, since.secsTo(until) / 60)))
                        .arg(QLocale().toString(since.toLocalTime(), QLocale::ShortFormat)));
            });
    // The hook-health findings of whichever process serves: on the Webhooks tab (and in the tray, below).
    connect(m_status.get(), &ServiceStatus::changed, m_window.get(), [this] {
        const HookHealth::Snapshot &health = m_status->hookHealth();
        const bool open = std::any_of(health.issues.cbegin(), health.issues.cend(),
                                      [](const HookIssue &issue) { return !issue.repaired; });
        m_window->webhooksPage()->setHealthWarning(m_status->hookHealthText(), open);
    });

    m_helpMenu = m_window->menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_aboutAction = m_helpMenu->addAction(QString(), m_window.get(), [this] { AboutDialog(m_window.get()).exec(); });
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    retranslate();
    if (tray == Tray::Always || TrayIcon::available())
        addTray();
    else
        m_window->installEventFilter(this); // for the language change alone
}

void DesktopApp::retranslate()
{
    QTabWidget *tabs = m_window->tabs();
    tabs->setTabText(tabs->indexOf(m_diagnosticsTab), tr("Diagnostics"));
    tabs->setTabText(tabs->indexOf(m_queueTab), tr("Queue"));
    tabs->setTabText(tabs->indexOf(m_chartsPanel), tr("Charts"));
    for (const auto &[tab, kind] : std::as_const(m_shopTabs))
        tabs->setTabText(tabs->indexOf(tab), ShopTab::title(kind));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About SkladHook"));
}

DesktopApp::~DesktopApp()
{
    // The tray watches the window; the window's pages watch the workspace, which outlives this object.
    m_tray.reset();
    m_window.reset();
}

void DesktopApp::addTray()
{
    m_tray = std::make_unique<TrayIcon>(m_status.get());
    m_tray->attachWindow(m_window.get(), [this] {
        return m_workspace->settings().value(SettingKey::UiCloseToTray) == QLatin1String("on");
    });
    // After the tray's filter, so it sees the close first (filters installed later run first).
    m_window->installEventFilter(this);
    connect(m_tray.get(), &TrayIcon::showWindowRequested, m_window.get(), [this] { showTab(nullptr); });
    connect(m_tray.get(), &TrayIcon::quitRequested, this, &DesktopApp::quitRequested);
    // The tray's fixes: the tab where each is made, or the action itself.
    connect(m_tray.get(), &TrayIcon::showDeadTasksRequested, m_queuePanel, [this] {
        m_queuePanel->showStatus(TaskStatus::Dead);
        showTab(m_queueTab);
    });
    connect(m_tray.get(), &TrayIcon::retryDeadRequested, m_queuePanel, &QueuePanel::retryAllDead);
    connect(m_tray.get(), &TrayIcon::showWebhooksRequested, m_window.get(),
            [this] { showTab(m_window->webhooksPage()); });
    connect(m_tray.get(), &TrayIcon::showConnectionRequested, m_window.get(),
            [this] { showTab(m_window->connectionPage()); });
    connect(m_tray.get(), &TrayIcon::resumeRequested, m_queuePanel, [this] {
        // The serving process follows the setting within a poll; the status shows it at its next read.
        const auto resumed = m_queueAdmin->setPaused(false);
        if (!resumed.ok())
            m_window->messageBar()->showMessage(MessageBar::Kind::Error, resumed.error());
        m_status->refresh();
    });
    connect(m_window->controller(), &WebhookController::planChanged, m_tray.get(),
            [this] { m_tray->setDisabledHooks(m_window->controller()->plan().count(HookState::Disabled)); });
    m_tray->show();
}

bool DesktopApp::eventFilter(QObject *watched, QEvent *event)
{
    // The window hears of a live language switch; the texts this object put on it follow.
    if (watched == m_window.get() && event->type() == QEvent::LanguageChange)
        retranslate();
    if (watched != m_window.get() || event->type() != QEvent::Close || !m_tray)
        return QObject::eventFilter(watched, event);
    // Quitting loses nothing when another process receives, and the choice is made once it is remembered.
    const bool ask = m_workspace->settings().value(SettingKey::UiCloseToTray) == QLatin1String("ask") &&
                     m_workspace->role() == Workspace::Role::Serving && !m_closeDecided;
    if (!ask)
        return QObject::eventFilter(watched, event);
    event->ignore();
    if (!m_askingClose)
        askCloseToTray();
    return true;
}

void DesktopApp::askCloseToTray()
{
    m_askingClose = true;
    Dialogs::Question question;
    question.title = tr("Keep receiving in the tray?");
    question.text = tr("SkladHook is receiving MoySklad's deliveries. If it quits, MoySklad's webhooks get no answer "
                       "until it runs again (MoySklad retries a delivery only a few times, then drops it). Keep "
                       "receiving in the system tray, or quit?");
    question.confirmText = tr("Keep in the tray");
    question.declineText = tr("Quit");
    m_window->dialogs()->askRemembering(
        m_window.get(), question, this, [this](std::optional<bool> choice, bool remember) {
            m_askingClose = false;
            if (!choice)
                return; // dismissed: the window stays
            // Changeable on the Connection tab. "on" and "off" are valid values: the result is always ok.
            if (remember)
                static_cast<void>(m_workspace->settings().set(SettingKey::UiCloseToTray,
                                                              *choice ? QStringLiteral("on") : QStringLiteral("off")));
            if (*choice) {
                m_tray->hideWindow();
                return;
            }
            m_closeDecided = true;
            m_window->close();
        });
}

void DesktopApp::showTab(QWidget *tab)
{
    if (tab)
        m_window->tabs()->setCurrentWidget(tab);
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void DesktopApp::start()
{
    m_window->show();
    m_window->start();
    // On a shared PostgreSQL store the services run on servers, next to their receivers: the desktop app only
    // follows and controls them (remote mode). On its own store it serves, or attaches to the local serve.
    if (m_workspace->isRemoteStore())
        m_workspace->followSharedStore();
    else
        m_workspace->runService();
}
