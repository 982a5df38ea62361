// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "assistant/setupassistant.h"
#include "dialogs.h"
#include "languagemanager.h"
#include "models/webhooktablemodel.h"
#include "settings/connectionpage.h"
#include "settings/secretgenerator.h"
#include "settings/settings.h"
#include "settings/settingsdialog.h"
#include "testdeliverydialog.h"
#include "webhookspage.h"
#include "widgets/messagebar.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString headerKey = QStringLiteral("mainWindow/webhookHeader");
const QString tabKey = QStringLiteral("mainWindow/tab");
const QString secretsInFileAction = QStringLiteral("secretsInFile");
const QString connectionTabAction = QStringLiteral("connectionTab");
} // namespace

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_dialogs(services.dialogs ? services.dialogs : new Dialogs(this))
    , m_controller(new WebhookController(services.workspace, this))
    , m_model(new WebhookTableModel(&services.workspace->settings(), this))
    , m_messageBar(new MessageBar(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_webhooksPage = new WebhooksPage(m_model, m_tabs);
    Workspace *workspace = services.workspace;
    m_connectionPage = new ConnectionPage(&workspace->settings(), m_tabs);
    m_tabs->addTab(m_webhooksPage, QString());
    m_tabs->addTab(m_connectionPage, QString());

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    // Actions of the window, so that their shortcuts work from every tab.
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_refreshAction = m_fileMenu->addAction(QString(), m_controller, &WebhookController::refresh);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_testDeliveryAction = m_fileMenu->addAction(QString(), this, &MainWindow::showTestDelivery);
    m_testDeliveryAction->setObjectName(QStringLiteral("testDeliveryAction"));
    m_assistantAction = m_fileMenu->addAction(QString(), this, &MainWindow::showAssistant);
    m_assistantAction->setObjectName(QStringLiteral("assistantAction"));
    m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::showSettings);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    // Ctrl+, as in most desktop programs (QKeySequence::Preferences is empty or differs on Linux desktops).
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_fileMenu->addSeparator();
    // Quits the application (the receiver and the worker too), even where closing the window only hides it.
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::quit);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    // Not in a menu: a window action, so that it works from every tab.
    m_findAction = new QAction(this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_findAction);
    connect(m_findAction, &QAction::triggered, this, &MainWindow::focusSearch);

    connect(m_controller, &WebhookController::planChanged, this, [this] { m_model->setPlan(m_controller->plan()); });
    connect(m_controller, &WebhookController::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_controller, &WebhookController::message, this, &MainWindow::onMessage);
    connect(workspace, &Workspace::secretStoreFailed, this, &MainWindow::onSecretStoreFailed);
    connect(workspace, &Workspace::storeDamaged, this,
            [this](const QString &text) { onMessage(WebhookController::Severity::Error, text, false); });
    connect(workspace, &Workspace::storageChanged, this, [this](const QString &problem) {
        if (problem.isEmpty())
            onMessage(WebhookController::Severity::Info, tr("Writing to the database works again; processing resumed."),
                      false);
        else
            onMessage(WebhookController::Severity::Error,
                      tr("Cannot write the database: %1. Deliveries are answered 503 so that MoySklad retries them; "
                         "free some space and SkladHook resumes by itself.")
                          .arg(problem == QLatin1String("disk full") ? tr("the disk is full") : problem),
                      false);
    });
    connect(workspace, &Workspace::tokenChanged, m_connectionPage, &ConnectionPage::setToken);
    // A token saved here or by another process: what it opens is shown at once, without a refresh by hand.
    connect(workspace, &Workspace::tokenChanged, this, [this](const QString &token) {
        if (!token.isEmpty() && !m_startRefreshPending && m_services.workspace->hasLoadedSecrets())
            m_controller->refresh();
    });
    connect(workspace, &Workspace::siteSecretChanged, m_connectionPage, &ConnectionPage::setSiteSecret);
    connect(workspace, &Workspace::secretStoreSwitched, m_connectionPage, &ConnectionPage::setSecretsInFile);
    connect(workspace, &Workspace::secretsLoaded, this, [this] {
        if (m_startRefreshPending && m_services.workspace->hasCredentials())
            m_controller->refresh();
        // The first start (no token saved): the assistant leads the way.
        else if (m_startRefreshPending && m_services.workspace->token().isEmpty())
            showAssistant();
        m_startRefreshPending = false;
    });

    connect(m_webhooksPage, &WebhooksPage::refreshRequested, m_controller, &WebhookController::refresh);
    connect(m_webhooksPage, &WebhooksPage::cancelRequested, m_controller, &WebhookController::cancel);
    connect(m_connectionPage, &ConnectionPage::cancelRequested, m_controller, &WebhookController::cancel);
    connect(m_webhooksPage, &WebhooksPage::installMissingRequested, m_controller, &WebhookController::installMissing);
    connect(m_webhooksPage, &WebhooksPage::removeUnneededRequested, this, &MainWindow::askRemoveUnneeded);
    connect(m_webhooksPage, &WebhooksPage::testDeliveryRequested, this, &MainWindow::showTestDelivery);
    connect(m_webhooksPage, &WebhooksPage::applyRequested, this,
            [this] { m_controller->apply(m_model->checkedHookIds()); });

    connect(m_connectionPage, &ConnectionPage::tokenEdited, this, [this](const QString &token) {
        if (token.trimmed() != m_services.workspace->token())
            m_services.workspace->saveToken(token);
    });
    connect(m_connectionPage, &ConnectionPage::siteSecretEdited, this, &MainWindow::saveSiteSecret);
    connect(m_connectionPage, &ConnectionPage::generateSecretRequested, this, &MainWindow::askGenerateSecret);
    connect(m_connectionPage, &ConnectionPage::checkConnectionRequested, m_controller,
            &WebhookController::checkConnection);
    connect(m_connectionPage, &ConnectionPage::obtainTokenRequested, this, &MainWindow::askObtainToken);
    connect(m_connectionPage, &ConnectionPage::secretsInFileRequested, this, &MainWindow::askSecretsInFile);
    connect(m_connectionPage, &ConnectionPage::settingRejected, this,
            [this](const QString &text) { m_messageBar->showMessage(MessageBar::Kind::Error, text); });

    connect(m_messageBar, &MessageBar::actionTriggered, this, &MainWindow::onMessageAction);
    connect(&workspace->settings(), &Settings::changed, this, &MainWindow::onSettingChanged);

    m_connectionPage->setSecretsInFile(workspace->secretsInFile());
    retranslate();
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::start()
{
    m_startRefreshPending = true;
    m_services.workspace->loadSecrets(Workspace::MissingSiteSecret::Generate);
}

void MainWindow::restoreState()
{
    Settings *settings = &m_services.workspace->settings();
    if (!m_webhooksPage->restoreHeaderState(settings->uiState(headerKey).toByteArray()))
        m_webhooksPage->resizeColumnsToDefaults();
    // The first time, wide enough for every column of the webhook table (the URLs' paths are long), but never wider
    // than the screen: there the URL column gives way (WebhooksPage).
    if (!restoreGeometry(settings->uiState(geometryKey).toByteArray())) {
        const int wanted =
            std::max(1180, m_webhooksPage->preferredWidth() + 2 * centralWidget()->layout()->contentsMargins().left());
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, wanted, 620);
        resize(std::min(wanted, available.width()), std::min(620, available.height()));
    }
    m_tabs->setCurrentIndex(qBound(0, settings->uiState(tabKey).toInt(), m_tabs->count() - 1));
}

void MainWindow::saveState()
{
    Settings *settings = &m_services.workspace->settings();
    settings->setUiState(geometryKey, saveGeometry());
    settings->setUiState(headerKey, m_webhooksPage->header()->saveState());
    settings->setUiState(tabKey, m_tabs->currentIndex());
    settings->store()->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("SkladHook — MoySklad webhooks"));
    m_tabs->setTabText(m_tabs->indexOf(m_webhooksPage), tr("Webhooks"));
    m_tabs->setTabText(m_tabs->indexOf(m_connectionPage), tr("Connection and exchange"));
    m_fileMenu->setTitle(tr("&File"));
    m_refreshAction->setText(tr("&Refresh webhooks"));
    m_testDeliveryAction->setText(tr("Send a test &delivery…"));
    m_assistantAction->setText(tr("Setup &assistant…"));
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_findAction->setText(tr("Find in this tab"));
}

void MainWindow::onBusyChanged(bool busy)
{
    m_webhooksPage->setBusy(busy);
    m_connectionPage->setBusy(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void MainWindow::onMessage(WebhookController::Severity severity, const QString &text, bool onConnectionTab)
{
    MessageBar::Kind kind = MessageBar::Kind::Info;
    if (severity == WebhookController::Severity::Warning)
        kind = MessageBar::Kind::Warning;
    else if (severity == WebhookController::Severity::Error)
        kind = MessageBar::Kind::Error;
    if (onConnectionTab)
        m_messageBar->showMessage(kind, text, tr("Open the Connection tab"), connectionTabAction);
    else
        m_messageBar->showMessage(kind, text);
}

void MainWindow::onSecretStoreFailed(const SecretError &error)
{
    m_connectionPage->setSecretStoreFailed();
    QString text;
    switch (error.kind) {
    case SecretError::Kind::Unavailable:
        text = tr("No keychain is available, so the API token and the verification string cannot be saved. "
                  "Start a keychain service (GNOME Keyring or KWallet) and restart SkladHook, or keep the secrets "
                  "in the settings file.");
        break;
    case SecretError::Kind::Locked:
        text = tr("The keychain is locked, so the API token and the verification string cannot be read or saved. "
                  "Unlock it (for example by logging in to the desktop session or unlocking the login keyring) "
                  "and restart SkladHook.");
        break;
    case SecretError::Kind::Denied:
        text = tr("Access to the keychain was denied. Allow SkladHook to use the keychain and restart it.");
        break;
    case SecretError::Kind::Other:
        text = tr("The keychain reported an error, so the secrets cannot be read or saved.");
        break;
    }
    if (!error.detail.isEmpty())
        text += QLatin1Char(' ') + tr("(Keychain: %1)").arg(error.detail);
    text += QLatin1Char(' ') + tr("Until then, secrets you type are used for this session only.");
    m_messageBar->showMessage(MessageBar::Kind::Error, text, tr("Keep secrets in the settings file…"),
                              secretsInFileAction);
}

void MainWindow::onMessageAction(const QString &actionId)
{
    if (actionId == secretsInFileAction)
        askSecretsInFile(true);
    else if (actionId == connectionTabAction)
        m_tabs->setCurrentWidget(m_connectionPage);
}

void MainWindow::onSettingChanged(SettingKey key)
{
    if (key == SettingKey::UiLanguage && m_services.language)
        m_services.language->setLanguage(m_services.workspace->settings().language());
    // Changed here or by another process (the CLI beside a running service): the page shows what is stored.
    m_connectionPage->reloadSettings();
}

void MainWindow::saveSiteSecret(const QString &secret)
{
    if (secret.trimmed() == m_services.workspace->siteSecret())
        return;
    if (secret.trimmed().isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("The verification string cannot be empty: type one or click Generate."));
        m_connectionPage->setSiteSecret(m_services.workspace->siteSecret());
        return;
    }
    m_services.workspace->saveSiteSecret(secret);
}

void MainWindow::askObtainToken(const QString &login, const QString &password)
{
    Dialogs::Question question;
    question.title = tr("Obtain a new token?");
    question.text = tr("MoySklad revokes this user's earlier tokens when a new one is obtained: programs that use "
                       "them (another SkladHook included) stop working until they get the new token.");
    question.confirmText = tr("Obtain token");
    question.warning = true;
    m_dialogs->ask(this, question, this, [this, login, password](bool yes) {
        if (yes)
            m_controller->obtainToken(login, password);
    });
}

void MainWindow::askSecretsInFile(bool inFile)
{
    if (!inFile) {
        m_services.workspace->setSecretsInFile(false);
        return;
    }
    Dialogs::Question question;
    question.title = tr("Keep secrets in the settings file?");
    question.text = tr("The API token and the verification string will be saved unencrypted in %1. Anyone who can "
                       "read this file can use your MoySklad account. Choose this only where no keychain is "
                       "available.")
                        .arg(Settings::fileIn(m_services.workspace->dataDir()));
    question.confirmText = tr("Keep in the settings file");
    question.warning = true;
    m_dialogs->ask(this, question, this, [this](bool yes) {
        if (!yes)
            return;
        m_services.workspace->setSecretsInFile(true);
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("Secrets are now kept in the settings file, unencrypted."));
    });
}

void MainWindow::askRemoveUnneeded()
{
    const int count = m_controller->plan().count(HookState::NotNeeded);
    Dialogs::Question question;
    question.title = tr("Remove unneeded hooks?");
    question.text = tr("%n hook(s) of this module are no longer needed by the exchange settings. Delete them from "
                       "MoySklad? Other applications' hooks are not touched.",
                       nullptr, count);
    question.confirmText = tr("Delete");
    question.warning = true;
    m_dialogs->ask(this, question, this, [this](bool yes) {
        if (yes)
            m_controller->removeUnneeded();
    });
}

void MainWindow::askGenerateSecret()
{
    Dialogs::Question question;
    question.title = tr("Generate a new verification string?");
    question.text = tr("The hooks installed in MoySklad carry the current verification string in their URL. After a "
                       "new one is generated they are outdated: update them (tick Update, or Tick all outdated, then "
                       "Apply on the Webhooks tab). The current string stays accepted until they are updated, for "
                       "%n hour(s) at most; after that SkladHook refuses MoySklad's deliveries to hooks not updated.",
                       nullptr, m_services.workspace->settings().value(SettingKey::SiteSecretOverlapHours).toInt());
    question.confirmText = tr("Generate");
    question.warning = true;
    m_dialogs->ask(this, question, this, [this](bool yes) {
        if (!yes)
            return;
        saveSiteSecret(SecretGenerator::verificationString());
        const int outdated = m_controller->plan().count(HookState::Outdated);
        if (outdated > 0)
            m_messageBar->showMessage(
                MessageBar::Kind::Warning,
                tr("A new verification string was generated: %n hook(s) are now outdated. Tick Update on them (or "
                   "Tick all outdated), then Apply.",
                   nullptr, outdated));
        else
            m_messageBar->showMessage(MessageBar::Kind::Info, tr("A new verification string was generated."));
    });
}

SettingsDialog *MainWindow::settingsDialog() const
{
    return m_settingsDialog;
}

void MainWindow::showSettings()
{
    // One dialog: asked again, it comes to the front with what was typed in it.
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(&m_services.workspace->settings(), this);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_settingsDialog->show();
    m_settingsDialog->activateWindow();
}

SetupAssistant *MainWindow::assistant() const
{
    return m_assistant;
}

void MainWindow::showAssistant()
{
    if (!m_assistant) {
        m_assistant = new SetupAssistant(m_services.workspace, m_controller, this);
        m_assistant->setAttribute(Qt::WA_DeleteOnClose);
        // A token by password is asked about where the Connection tab asks: one warning, one wording.
        connect(m_assistant, &SetupAssistant::obtainTokenRequested, this, &MainWindow::askObtainToken);
    }
    if (m_assistant->isVisible()) {
        m_assistant->raise(); // to the front when it was open behind the window
        m_assistant->activateWindow();
        return;
    }
    m_assistant->show();
}

void MainWindow::focusSearch()
{
    QWidget *tab = m_tabs->currentWidget();
    auto *search = tab ? tab->findChild<QLineEdit *>(QStringLiteral("searchEdit")) : nullptr;
    if (!search || !search->isVisible())
        return; // this tab has nothing to search
    search->setFocus(Qt::ShortcutFocusReason);
    search->selectAll();
}

void MainWindow::showTestDelivery()
{
    // One dialog: asked again, it comes to the front and sends again (unless it is still sending).
    if (!m_testDeliveryDialog) {
        m_testDeliveryDialog = new TestDeliveryDialog(m_services.workspace, this);
        m_testDeliveryDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_testDeliveryDialog->show();
    m_testDeliveryDialog->activateWindow(); // to the front when it was open behind the window
    m_testDeliveryDialog->start();
}
