// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "service/service.h"
#include "servicestatus.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLocale>
#include <QMenu>

#include <algorithm>

namespace {
QAction *addAction(QMenu *menu, const char *objectName)
{
    auto *action = menu->addAction(QString());
    action->setObjectName(QString::fromLatin1(objectName));
    return action;
}
} // namespace

TrayIcon::TrayIcon(ServiceStatus *status, QObject *parent)
    : QObject(parent)
    , m_status(status)
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    m_icon->setObjectName(QStringLiteral("trayIcon"));
    m_icon->setIcon(QApplication::windowIcon());
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    // The state first, as lines to read; then what needs fixing; then the window.
    m_receiverAction = addAction(m_menu, "trayReceiverState");
    m_receiverAction->setEnabled(false);
    m_queueAction = addAction(m_menu, "trayQueueState");
    m_queueAction->setEnabled(false);
    m_menu->addSeparator();
    m_deadAction = addAction(m_menu, "trayShowDeadTasks");
    connect(m_deadAction, &QAction::triggered, this, &TrayIcon::showDeadTasksRequested);
    m_retryDeadAction = addAction(m_menu, "trayRetryDead");
    connect(m_retryDeadAction, &QAction::triggered, this, &TrayIcon::retryDeadRequested);
    m_webhooksAction = addAction(m_menu, "trayShowWebhooks");
    connect(m_webhooksAction, &QAction::triggered, this, &TrayIcon::showWebhooksRequested);
    m_tokenAction = addAction(m_menu, "trayShowConnection");
    connect(m_tokenAction, &QAction::triggered, this, &TrayIcon::showConnectionRequested);
    m_resumeAction = addAction(m_menu, "trayResume");
    connect(m_resumeAction, &QAction::triggered, this, &TrayIcon::resumeRequested);
    m_menu->addSeparator();
    m_showAction = addAction(m_menu, "trayShowWindow");
    connect(m_showAction, &QAction::triggered, this, &TrayIcon::showWindowRequested);
    m_menu->addSeparator();
    m_quitAction = addAction(m_menu, "trayQuit");
    connect(m_quitAction, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(m_menu);
    // The menu is a top-level widget: it gets the application's LanguageChange.
    m_menu->installEventFilter(this);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::onMessageClicked);
    connect(m_status, &ServiceStatus::changed, this, &TrayIcon::onStatusChanged);
    onStatusChanged();
}

TrayIcon::~TrayIcon()
{
    // The icon (a child) goes with this object; the menu it showed has no parent.
    delete m_menu;
}

void TrayIcon::show()
{
    m_icon->show();
}

QString TrayIcon::toolTip() const
{
    const QueueStats stats = m_status->stats();
    QString text = tr("%1\nQueue: %2 waiting, %3 dead")
                       .arg(m_status->receiverText())
                       .arg(stats.pending + stats.retrying + stats.running)
                       .arg(stats.dead);
    const QString hooks = m_status->hookHealthText();
    if (!hooks.isEmpty())
        text += QLatin1Char('\n') + hooks;
    return text;
}

bool TrayIcon::hooksOff() const
{
    const HookHealth::Snapshot &health = m_status->hookHealth();
    return m_disabledHooks > 0 || std::any_of(health.issues.cbegin(), health.issues.cend(),
                                              [](const HookIssue &issue) { return !issue.repaired; });
}

void TrayIcon::updateActions()
{
    const QueueStats stats = m_status->stats();
    const QString processing = m_status->processing();
    m_receiverAction->setText(m_status->receiverText());
    m_queueAction->setText(
        tr("Queue: %1 waiting, %2 dead").arg(stats.pending + stats.retrying + stats.running).arg(stats.dead));
    m_deadAction->setText(tr("Show %n dead task(s)…", nullptr, stats.dead));
    m_deadAction->setVisible(stats.dead > 0);
    m_retryDeadAction->setText(tr("Retry the dead tasks"));
    m_retryDeadAction->setVisible(stats.dead > 0);
    m_webhooksAction->setText(tr("Webhooks of ours are off: open the Webhooks tab…"));
    m_webhooksAction->setVisible(hooksOff());
    m_tokenAction->setText(tr("MoySklad refused the API token: save a new one…"));
    m_tokenAction->setVisible(processing == Service::holdName(Service::Hold::TokenRejected));
    m_resumeAction->setText(tr("Resume processing"));
    m_resumeAction->setVisible(processing == Service::holdName(Service::Hold::Paused));
    m_showAction->setText(tr("Show SkladHook"));
    m_quitAction->setText(tr("Quit (stops the receiver)"));
}

void TrayIcon::notify(const QString &title, const QString &text, QSystemTrayIcon::MessageIcon icon, Fix fix)
{
    m_lastFix = fix;
    m_icon->showMessage(title, text, icon);
    Q_EMIT notified(title, text);
}

void TrayIcon::onMessageClicked()
{
    switch (m_lastFix) {
    case Fix::DeadTasks:
        Q_EMIT showDeadTasksRequested();
        break;
    case Fix::Webhooks:
        Q_EMIT showWebhooksRequested();
        break;
    case Fix::Connection:
        Q_EMIT showConnectionRequested();
        break;
    case Fix::Resume:
        Q_EMIT resumeRequested();
        break;
    case Fix::None:
        Q_EMIT showWindowRequested();
        break;
    }
}

void TrayIcon::onStatusChanged()
{
    m_icon->setToolTip(toolTip());
    updateActions();
    const int dead = m_status->stats().dead;
    if (m_lastDead >= 0 && dead > m_lastDead)
        notify(
            tr("Tasks failed for good"),
            tr("%n task(s) went dead after all retries. Click to see them in the queue.", nullptr, dead - m_lastDead),
            QSystemTrayIcon::Warning, Fix::DeadTasks);
    m_lastDead = dead;
    const QString processing = m_status->processing();
    if (processing != m_lastProcessing) {
        if (processing == Service::holdName(Service::Hold::TokenRejected))
            notify(tr("MoySklad refused the API token"),
                   tr("Processing waits and no task loses an attempt. Save a working token on the Connection "
                      "tab (a login with the password elsewhere revokes the earlier tokens)."),
                   QSystemTrayIcon::Critical, Fix::Connection);
        else if (processing == Service::holdName(Service::Hold::Paused))
            notify(tr("Processing is paused"),
                   tr("Deliveries are received and queued, but not processed. Click to resume processing."),
                   QSystemTrayIcon::Warning, Fix::Resume);
    }
    m_lastProcessing = processing;
    // An outage of MoySklad: told when it starts and when it ends, not at every status read.
    const QDateTime unreachableSince = m_status->moyskladUnreachableSince();
    if (unreachableSince.isValid() && !m_lastUnreachableSince.isValid())
        notify(tr("MoySklad is unreachable"),
               tr("Since %1. Deliveries are still received and queued; tasks wait without spending attempts, and "
                  "processing resumes by itself once MoySklad answers.")
                   .arg(QLocale().toString(unreachableSince.toLocalTime(), QLocale::ShortFormat)),
               QSystemTrayIcon::Warning, Fix::None);
    else if (!unreachableSince.isValid() && m_lastUnreachableSince.isValid())
        notify(tr("MoySklad answers again"), tr("The waiting tasks are being processed."), QSystemTrayIcon::Information,
               Fix::None);
    m_lastUnreachableSince = unreachableSince;
    // A check that found hooks of ours off (repaired or not) is told once, when it happens.
    const HookHealth::Snapshot &health = m_status->hookHealth();
    if (!health.issues.isEmpty() && health.lastCheck.isValid() && health.issues != m_toldIssues) {
        const bool open = std::any_of(health.issues.cbegin(), health.issues.cend(),
                                      [](const HookIssue &issue) { return !issue.repaired; });
        notify(open ? tr("Webhooks of ours are off") : tr("Webhooks of ours were repaired"), m_status->hookHealthText(),
               open ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, open ? Fix::Webhooks : Fix::None);
    }
    m_toldIssues = health.issues;
}

void TrayIcon::setDisabledHooks(int count)
{
    const int added = count - m_disabledHooks;
    m_disabledHooks = count;
    updateActions();
    if (added > 0)
        notify(tr("Webhooks disabled by MoySklad"),
               tr("MoySklad disabled %n webhook(s) of ours. Apply the settings to enable them again.", nullptr, added),
               QSystemTrayIcon::Warning, Fix::Webhooks);
}

void TrayIcon::attachWindow(QWidget *window, std::function<bool()> keepRunning)
{
    m_window = window;
    m_keepRunning = std::move(keepRunning);
    window->installEventFilter(this);
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_menu && event->type() == QEvent::LanguageChange)
        updateActions();
    if (watched == m_window && event->type() == QEvent::Close && m_keepRunning && m_keepRunning() &&
        m_icon->isVisible()) {
        event->ignore();
        hideWindow();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void TrayIcon::hideWindow()
{
    if (!m_window)
        return;
    m_window->hide();
    notify(tr("SkladHook keeps running"),
           tr("The receiver and the worker go on in the background. Quit from the tray menu."),
           QSystemTrayIcon::Information, Fix::None);
}
