// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/settingkey.h"
#include "webhookcontroller.h"

#include <QMainWindow>
#include <QPointer>

class Dialogs;
class LanguageManager;
class MessageBar;
class QAction;
class SetupAssistant;
class SettingsDialog;
class QMenu;
class TestDeliveryDialog;
class QTabWidget;
class ConnectionPage;
class Workspace;
class WebhookTableModel;
class WebhooksPage;
struct SecretError;

// The one main window: a message bar over tabs (Webhooks, Connection and exchange; the monitor adds its own), and a
// File menu with Refresh (F5), Ctrl+F to the current tab's search field (a QLineEdit named "searchEdit"), the setup
// assistant (shown by itself at a start without a token), Settings (Ctrl+,) and Quit (Ctrl+Q, which quits the
// application, not only the window). It only shows things and forwards clicks: the work is WebhookController's and the
// Workspace's.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    struct Services
    {
        Workspace *workspace = nullptr;      // opened
        Dialogs *dialogs = nullptr;          // may be null: questions are then shown as real dialogs
        LanguageManager *language = nullptr; // may be null: no live language switching
    };

    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads the secrets (generating a verification string on the first start), then lists the hooks when a token
    // is saved.
    void start();

    WebhookController *controller() const { return m_controller; }
    WebhookTableModel *webhookModel() const { return m_model; }
    WebhooksPage *webhooksPage() const { return m_webhooksPage; }
    ConnectionPage *connectionPage() const { return m_connectionPage; }
    QTabWidget *tabs() const { return m_tabs; }
    MessageBar *messageBar() const { return m_messageBar; }
    Dialogs *dialogs() const { return m_dialogs; }
    // The setup assistant, shown (or brought to the front); null until first shown.
    void showAssistant();
    SetupAssistant *assistant() const;
    // The Settings dialog (File → Settings…, Ctrl+,), shown or brought to the front.
    void showSettings();
    SettingsDialog *settingsDialog() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void restoreState();
    void saveState();
    void onBusyChanged(bool busy);
    void onMessage(WebhookController::Severity severity, const QString &text, bool onConnectionTab);
    void onSecretStoreFailed(const SecretError &error);
    void onSettingChanged(SettingKey key);
    void onMessageAction(const QString &actionId);
    void saveSiteSecret(const QString &secret);
    void askObtainToken(const QString &login, const QString &password);
    void askSecretsInFile(bool inFile);
    void askRemoveUnneeded();
    void askGenerateSecret();
    void showTestDelivery();
    void focusSearch();

    Services m_services;
    Dialogs *m_dialogs = nullptr;
    WebhookController *m_controller = nullptr;
    WebhookTableModel *m_model = nullptr;
    MessageBar *m_messageBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    WebhooksPage *m_webhooksPage = nullptr;
    ConnectionPage *m_connectionPage = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_refreshAction = nullptr; // F5
    QAction *m_testDeliveryAction = nullptr;
    QAction *m_assistantAction = nullptr;
    QAction *m_settingsAction = nullptr; // Ctrl+,
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<SetupAssistant> m_assistant;
    QPointer<TestDeliveryDialog> m_testDeliveryDialog;
    QAction *m_quitAction = nullptr; // Ctrl+Q
    QAction *m_findAction = nullptr; // Ctrl+F: the current tab's search field
    bool m_startRefreshPending = false;
};
