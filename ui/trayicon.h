// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/hookhealth.h"

#include <QDateTime>
#include <QObject>
#include <QSystemTrayIcon>

#include <functional>

class ServiceStatus;
class QAction;
class QMenu;

// Where a system tray exists: the receiver's state and the queue depth (in the tooltip and at the top of the menu),
// and what needs a person, each with the action that fixes it — tasks gone dead (show them, retry them), hooks of
// ours disabled or removed (the Webhooks tab), a token MoySklad refused (the Connection tab), processing paused
// (resume). A notice tells each when it happens; clicking the notice does its action. The window's show/quit
// actions last.
class TrayIcon final : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(ServiceStatus *status, QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool available() { return QSystemTrayIcon::isSystemTrayAvailable(); }
    void show();
    // The number of hooks of ours MoySklad has disabled, as the last refresh of the webhook list found it; a rise
    // is told in a notice.
    void setDisabledHooks(int count);
    QString toolTip() const;
    QMenu *menu() const { return m_menu; }
    // Closing `window` hides it instead while keepRunning() says so (the ui.closeToTray setting).
    void attachWindow(QWidget *window, std::function<bool()> keepRunning);
    // Hides the attached window and says that receiving goes on in the tray.
    void hideWindow();

Q_SIGNALS:
    void showWindowRequested();
    void quitRequested();
    // The fixes, with the window shown where a tab is opened.
    void showDeadTasksRequested();
    void retryDeadRequested();
    void showWebhooksRequested();
    void showConnectionRequested();
    void resumeRequested();
    // A notice was shown (the desktop's notification; tests read it here, the offscreen platform shows none).
    void notified(const QString &title, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // What clicking the last notice does.
    enum class Fix { None, DeadTasks, Webhooks, Connection, Resume };

    void onStatusChanged();
    void onMessageClicked();
    void notify(const QString &title, const QString &text, QSystemTrayIcon::MessageIcon icon, Fix fix);
    void updateActions();
    bool hooksOff() const;

    QWidget *m_window = nullptr;
    std::function<bool()> m_keepRunning;

    ServiceStatus *m_status = nullptr;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_receiverAction = nullptr; // state lines, disabled
    QAction *m_queueAction = nullptr;
    QAction *m_deadAction = nullptr;
    QAction *m_retryDeadAction = nullptr;
    QAction *m_webhooksAction = nullptr;
    QAction *m_tokenAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_quitAction = nullptr;
    int m_lastDead = -1;
    int m_disabledHooks = 0;
    QString m_lastProcessing;
    QDateTime m_lastUnreachableSince; // as last read: valid while MoySklad is unreachable
    QList<HookIssue> m_toldIssues;    // the hook-health findings last shown in a notice
    Fix m_lastFix = Fix::None;
};
