// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionpage.h"
#include "ui_connectionpage.h"

#include "settings/settings.h"

#include <QEvent>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

ConnectionPage::ConnectionPage(Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_ui(std::make_unique<Ui::ConnectionPage>())
    , m_form(new QWidget)
    , m_closeLabel(new QLabel(m_form))
    , m_closeCombo(new QComboBox(m_form))
{
    m_ui->setupUi(m_form);
    m_ui->connectionBusy->hide(); // shown while a network operation runs (setBusy)
    m_ui->cancelConnectionButton->hide();
    m_form->setObjectName(QStringLiteral("connectionForm"));
    setObjectName(QStringLiteral("connectionPage"));
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("connectionScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    m_closeCombo->setObjectName(QStringLiteral("closeToTrayCombo"));
    m_closeLabel->setObjectName(QStringLiteral("closeToTrayLabel"));
    m_closeLabel->setBuddy(m_closeCombo);
    m_ui->applicationForm->insertRow(1, m_closeLabel, m_closeCombo);
    setTabOrder(m_ui->languageCombo, m_closeCombo);
    setTabOrder(m_closeCombo, m_ui->secretsInFileCheck);
    fillCombos();
    reloadSettings();
    retranslate();

    connect(m_ui->apiUrlEdit, &QLineEdit::editingFinished, this, &ConnectionPage::onApiUrlFinished);
    connect(m_ui->siteUrlEdit, &QLineEdit::editingFinished, this, &ConnectionPage::onSiteUrlFinished);
    connect(m_ui->tokenEdit, &QLineEdit::editingFinished, this,
            [this] { Q_EMIT tokenEdited(m_ui->tokenEdit->text()); });
    connect(m_ui->secretEdit, &QLineEdit::editingFinished, this,
            [this] { Q_EMIT siteSecretEdited(m_ui->secretEdit->text()); });
    connect(m_ui->showSecretCheck, &QCheckBox::toggled, this,
            [this](bool show) { m_ui->secretEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_ui->generateSecretButton, &QPushButton::clicked, this, &ConnectionPage::generateSecretRequested);
    connect(m_ui->obtainTokenButton, &QPushButton::clicked, this,
            [this] { Q_EMIT obtainTokenRequested(m_ui->loginEdit->text(), m_ui->passwordEdit->text()); });
    connect(m_ui->checkConnectionButton, &QPushButton::clicked, this, &ConnectionPage::checkConnectionRequested);
    connect(m_ui->cancelConnectionButton, &QPushButton::clicked, this, &ConnectionPage::cancelRequested);
    connect(m_ui->paymentsCombo, &QComboBox::activated, this,
            [this] { store(SettingKey::ExchangePayments, m_ui->paymentsCombo->currentData().toString()); });
    connect(m_ui->shipmentsCombo, &QComboBox::activated, this,
            [this] { store(SettingKey::ExchangeShipments, m_ui->shipmentsCombo->currentData().toString()); });
    connect(m_ui->importOrdersCheck, &QCheckBox::toggled, this,
            [this](bool on) { store(SettingKey::ImportOrders, on ? QStringLiteral("on") : QStringLiteral("off")); });
    connect(m_ui->languageCombo, &QComboBox::activated, this,
            [this] { store(SettingKey::UiLanguage, m_ui->languageCombo->currentData().toString()); });
    connect(m_closeCombo, &QComboBox::activated, this,
            [this] { store(SettingKey::UiCloseToTray, m_closeCombo->currentData().toString()); });
    connect(m_ui->secretsInFileCheck, &QCheckBox::clicked, this, [this](bool inFile) {
        // Not applied until confirmed: the box follows the actual store.
        const QSignalBlocker blocker(m_ui->secretsInFileCheck);
        m_ui->secretsInFileCheck->setChecked(!inFile);
        Q_EMIT secretsInFileRequested(inFile);
    });
}

ConnectionPage::~ConnectionPage() = default;

void ConnectionPage::reloadSettings()
{
    const auto select = [](QComboBox *combo, const QString &value) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
    };
    m_ui->apiUrlEdit->setText(m_settings->value(SettingKey::ApiUrl));
    m_ui->siteUrlEdit->setText(m_settings->siteUrl());
    select(m_ui->paymentsCombo, m_settings->value(SettingKey::ExchangePayments));
    select(m_ui->shipmentsCombo, m_settings->value(SettingKey::ExchangeShipments));
    select(m_ui->languageCombo, m_settings->language());
    select(m_closeCombo, m_settings->value(SettingKey::UiCloseToTray));
    const QSignalBlocker blocker(m_ui->importOrdersCheck);
    m_ui->importOrdersCheck->setChecked(m_settings->exchange().importOrders);
}

void ConnectionPage::setToken(const QString &token)
{
    if (m_ui->tokenEdit->text() != token)
        m_ui->tokenEdit->setText(token);
}

void ConnectionPage::setSiteSecret(const QString &secret)
{
    if (m_ui->secretEdit->text() != secret)
        m_ui->secretEdit->setText(secret);
}

void ConnectionPage::setSecretsInFile(bool inFile)
{
    const QSignalBlocker blocker(m_ui->secretsInFileCheck);
    m_ui->secretsInFileCheck->setChecked(inFile);
    m_secretStoreFailed = false;
    retranslate();
}

void ConnectionPage::setSecretStoreFailed()
{
    m_secretStoreFailed = true;
    retranslate();
}

void ConnectionPage::setBusy(bool busy)
{
    m_ui->obtainTokenButton->setEnabled(!busy);
    m_ui->checkConnectionButton->setEnabled(!busy);
    m_ui->apiUrlEdit->setEnabled(!busy);
    // The progress of a check or a token exchange, where it was started, with its Cancel.
    m_ui->connectionBusy->setVisible(busy);
    m_ui->cancelConnectionButton->setVisible(busy);
}

void ConnectionPage::store(SettingKey key, const QString &value)
{
    const auto result = m_settings->set(key, value);
    if (!result.ok())
        Q_EMIT settingRejected(result.error());
}

void ConnectionPage::onApiUrlFinished()
{
    const QString text = m_ui->apiUrlEdit->text().trimmed();
    if (text == m_settings->value(SettingKey::ApiUrl))
        return;
    const auto result = m_settings->set(SettingKey::ApiUrl, text);
    if (!result.ok()) {
        Q_EMIT settingRejected(tr("API URL not saved: %1").arg(result.error()));
        return;
    }
    m_ui->apiUrlEdit->setText(m_settings->value(SettingKey::ApiUrl));
}

void ConnectionPage::onSiteUrlFinished()
{
    const QString text = m_ui->siteUrlEdit->text().trimmed();
    if (text == m_settings->siteUrl())
        return;
    const auto result = m_settings->set(SettingKey::SiteUrl, text);
    if (!result.ok()) {
        Q_EMIT settingRejected(tr("Site URL not saved: %1").arg(result.error()));
        return;
    }
    m_ui->siteUrlEdit->setText(m_settings->siteUrl()); // canonical: ends with '/'
}

void ConnectionPage::fillCombos()
{
    const auto fill = [](QComboBox *combo, const QList<std::pair<QString, QString>> &items) {
        const QSignalBlocker blocker(combo);
        const int current = combo->currentIndex();
        combo->clear();
        for (const auto &[text, data] : items)
            combo->addItem(text, data);
        combo->setCurrentIndex(std::max(0, current));
    };
    fill(m_ui->paymentsCombo,
         {{tr("None"), QStringLiteral("none")}, {tr("Full (paymentin and cashin hooks)"), QStringLiteral("full")}});
    fill(m_ui->shipmentsCombo,
         {{tr("None"), QStringLiteral("none")}, {tr("Full (demand hooks)"), QStringLiteral("full")}});
    fill(m_closeCombo, {{tr("Ask"), QStringLiteral("ask")},
                        {tr("Keep receiving in the tray"), QStringLiteral("on")},
                        {tr("Quit"), QStringLiteral("off")}});
    fill(m_ui->languageCombo, {{tr("System language"), QStringLiteral("system")},
                               {QStringLiteral("English"), QStringLiteral("en")},
                               {QStringLiteral("Русский"), QStringLiteral("ru")}});
}

void ConnectionPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(m_form);
        fillCombos();
        retranslate();
    }
    QWidget::changeEvent(event);
}

void ConnectionPage::retranslate()
{
    m_closeLabel->setText(tr("W&hen the window is closed:"));
    m_closeCombo->setToolTip(tr("While SkladHook receives MoySklad's deliveries, closing the window can keep it "
                                "receiving in the system tray, or quit"));
    m_ui->secretsInFileCheck->setToolTip(
        tr("Use this only on a machine without a keychain: anyone who can read the settings file can read the "
           "secrets."));
    m_ui->secretsStoreLabel->setText(
        m_secretStoreFailed ? tr("The secret store reported an error (see the message above): the secrets you type are "
                                 "used for this session only.")
        : m_ui->secretsInFileCheck->isChecked() ? tr("Secrets are kept in the settings file, unencrypted.")
                                                : tr("Secrets are kept in the OS keychain."));
    m_ui->secretEdit->setToolTip(tr("Carried in every hook URL of the module as key=…; at least 128 random bits."));
}
