// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/hookhealth.h"

#include <QObject>
#include <QSystemTrayIcon>

#include <functional>

class ServiceStatus;
class QAction;
class QMenu;

// Where a system tray exists: the receiver's state, the queue depth and the hook-health findings in the tooltip, a
// notice when tasks go dead, MoySklad refuses the token, or a check finds a hook of ours disabled or removed (and
// whether it was repaired), and the window's show/quit actions.
class TrayIcon final : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(ServiceStatus *status, QObject *parent = nullptr);

    static bool available() { return QSystemTrayIcon::isSystemTrayAvailable(); }
    void show();
    // Called when a refresh of the webhook list finds hooks of ours that MoySklad disabled.
    void notifyDisabledHooks(int count);
    QString toolTip() const;
    // Closing `window` hides it instead while keepRunning() says so (the ui.closeToTray setting).
    void attachWindow(QWidget *window, std::function<bool()> keepRunning);
    // Hides the attached window and says that receiving goes on in the tray.
    void hideWindow();
    // The menu and the tooltip in the current language (after a live switch, through the attached window).
    void retranslate();
    QMenu *menu() const { return m_menu; }

Q_SIGNALS:
    void showWindowRequested();
    void quitRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onStatusChanged();
    QWidget *m_window = nullptr;
    std::function<bool()> m_keepRunning;

    ServiceStatus *m_status = nullptr;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_quitAction = nullptr;
    int m_lastDead = -1;
    QString m_lastProcessing;
    QList<HookIssue> m_toldIssues; // the hook-health findings last shown in a notice
};
