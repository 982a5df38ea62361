// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "service/service.h"
#include "servicestatus.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMenu>

#include <algorithm>

TrayIcon::TrayIcon(ServiceStatus *status, QObject *parent)
    : QObject(parent)
    , m_status(status)
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    m_icon->setObjectName(QStringLiteral("trayIcon"));
    m_icon->setIcon(QApplication::windowIcon());
    m_showAction = m_menu->addAction(QString(), this, &TrayIcon::showWindowRequested);
    m_showAction->setObjectName(QStringLiteral("trayShowAction"));
    m_menu->addSeparator();
    m_quitAction = m_menu->addAction(QString(), this, &TrayIcon::quitRequested);
    m_quitAction->setObjectName(QStringLiteral("trayQuitAction"));
    retranslate();
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    connect(m_status, &ServiceStatus::changed, this, &TrayIcon::onStatusChanged);
    connect(this, &QObject::destroyed, m_menu, &QObject::deleteLater);
    onStatusChanged();
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

void TrayIcon::onStatusChanged()
{
    m_icon->setToolTip(toolTip());
    const int dead = m_status->stats().dead;
    if (m_lastDead >= 0 && dead > m_lastDead)
        m_icon->showMessage(
            tr("Tasks failed for good"),
            tr("%n task(s) went dead after all retries. See the queue panel.", nullptr, dead - m_lastDead),
            QSystemTrayIcon::Warning);
    m_lastDead = dead;
    const QString processing = m_status->processing();
    if (processing == Service::holdName(Service::Hold::TokenRejected) && processing != m_lastProcessing)
        m_icon->showMessage(tr("MoySklad refused the API token"),
                            tr("Processing waits and no task loses an attempt. Save a working token on the Connection "
                               "tab (a login with the password elsewhere revokes the earlier tokens)."),
                            QSystemTrayIcon::Critical);
    m_lastProcessing = processing;
    // A check that found hooks of ours off (repaired or not) is told once, when it happens.
    const HookHealth::Snapshot &health = m_status->hookHealth();
    if (!health.issues.isEmpty() && health.lastCheck.isValid() && health.issues != m_toldIssues) {
        const bool open = std::any_of(health.issues.cbegin(), health.issues.cend(),
                                      [](const HookIssue &issue) { return !issue.repaired; });
        m_icon->showMessage(open ? tr("Webhooks of ours are off") : tr("Webhooks of ours were repaired"),
                            m_status->hookHealthText(), open ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    }
    m_toldIssues = health.issues;
}

void TrayIcon::notifyDisabledHooks(int count)
{
    if (count > 0)
        m_icon->showMessage(
            tr("Webhooks disabled by MoySklad"),
            tr("MoySklad disabled %n webhook(s) of ours. Apply the settings to enable them again.", nullptr, count),
            QSystemTrayIcon::Warning);
}

void TrayIcon::attachWindow(QWidget *window, std::function<bool()> keepRunning)
{
    m_window = window;
    m_keepRunning = std::move(keepRunning);
    window->installEventFilter(this);
}

void TrayIcon::retranslate()
{
    m_showAction->setText(tr("Show SkladHook"));
    m_quitAction->setText(tr("Quit (stops the receiver)"));
    m_icon->setToolTip(toolTip());
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    // The attached window hears of a live language switch; this object does not.
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
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
    m_icon->showMessage(tr("SkladHook keeps running"),
                        tr("The receiver and the worker go on in the background. Quit from the tray menu."));
}
