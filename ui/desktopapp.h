// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/shoplist.h"

#include <QList>
#include <QObject>

#include <memory>
#include <utility>

class ChartsPanel;
class QAction;
class QMenu;
class Dialogs;
class LanguageManager;
class MainWindow;
class QueueAdmin;
class QueuePanel;
class SyncPanel;
class ServiceStatus;
class TrayIcon;
class Workspace;

// The desktop app on one workspace: the main window with its monitor tabs (Diagnostics, Queue, Charts), the shop's tabs
// (Orders, Payments, Shipments), the status bar, the Help menu and the tray, wired. main() builds exactly this, and so
// do the GUI tests, so that they cross the same seams a user does.
class DesktopApp final : public QObject
{
    Q_OBJECT

public:
    // Tests use Always: the offscreen platform has no system tray, and the tray's behaviour is what they check.
    enum class Tray { IfAvailable, Always };

    DesktopApp(Workspace *workspace, LanguageManager *language, Dialogs *dialogs = nullptr,
               Tray tray = Tray::IfAvailable, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Shows the window, loads the secrets and serves the data directory (or follows the process that serves it).
    void start();

    MainWindow *window() const { return m_window.get(); }
    QueuePanel *queuePanel() const { return m_queuePanel; }
    SyncPanel *syncPanel() const { return m_syncPanel; }
    ChartsPanel *chartsPanel() const { return m_chartsPanel; }
    ServiceStatus *status() const { return m_status.get(); }
    // Null without a system tray (Tray::IfAvailable).
    TrayIcon *tray() const { return m_tray.get(); }

Q_SIGNALS:
    // The tray's Quit.
    void quitRequested();

protected:
    // The window's close while this process receives and ui.closeToTray is "ask": asked once, then remembered.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addTray();
    void askCloseToTray();
    void showTab(QWidget *tab);
    // The texts this object puts on the window (tab titles, the Help menu), again after a language switch.
    void retranslate();

    Workspace *m_workspace = nullptr;
    std::unique_ptr<ServiceStatus> m_status;
    std::unique_ptr<QueueAdmin> m_queueAdmin;
    std::unique_ptr<MainWindow> m_window;
    QWidget *m_queueTab = nullptr; // the catch-up panel above the queue panel
    QueuePanel *m_queuePanel = nullptr;
    SyncPanel *m_syncPanel = nullptr;
    ChartsPanel *m_chartsPanel = nullptr;
    QWidget *m_diagnosticsTab = nullptr;
    QList<std::pair<QWidget *, ShopList::Kind>> m_shopTabs;
    QMenu *m_helpMenu = nullptr;
    QAction *m_aboutAction = nullptr;
    std::unique_ptr<TrayIcon> m_tray;
    bool m_askingClose = false;  // the close question is open
    bool m_closeDecided = false; // answered "quit" without remembering: the next close passes
};
