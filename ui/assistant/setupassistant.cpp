// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupassistant.h"

#include "assistantpage.h"
#include "settings/settings.h"
#include "testdeliverydialog.h"
#include "workspace/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QUrl>
#include <QVBoxLayout>

namespace {
QLabel *wrapped(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    return label;
}

// A host MoySklad cannot reach from the internet.
bool isLocalHost(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0 ||
        host.endsWith(QStringLiteral(".local"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    if (address.isNull())
        return false;
    if (address.isLoopback() || address.isLinkLocal())
        return true;
    // The private ranges (QHostAddress::isPrivateUse() is Qt 6.6).
    for (const char *subnet : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"}) {
        if (address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(subnet))))
            return true;
    }
    return false;
}
} // namespace

SetupAssistant::SetupAssistant(Workspace *workspace, WebhookController *controller, QWidget *parent)
    : QWizard(parent)
    , m_workspace(workspace)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("setupAssistant"));
    setWizardStyle(QWizard::ClassicStyle); // the same look on every desktop, and in the offscreen tests
    setOption(QWizard::NoBackButtonOnStartPage);
    buildTokenPage();
    buildCheckPage();
    buildSitePage();
    buildExchangePage();
    buildInstallPage();
    buildTestPage();
    setPage(TokenPageId, m_tokenPage);
    setPage(CheckPageId, m_checkPage);
    setPage(SitePageId, m_sitePage);
    setPage(ExchangePageId, m_exchangePage);
    setPage(InstallPageId, m_installPage);
    setPage(TestPageId, m_testPage);
    setStartId(TokenPageId);

    connect(m_workspace, &Workspace::tokenChanged, this, &SetupAssistant::onTokenChanged);
    connect(m_controller, &WebhookController::listed, this, &SetupAssistant::onListed);
    connect(m_controller, &WebhookController::busyChanged, this, &SetupAssistant::onBusyChanged);
    connect(m_controller, &WebhookController::planChanged, this, &SetupAssistant::showInstallState);
    connect(m_controller, &WebhookController::message, this,
            [this](WebhookController::Severity severity, const QString &text) { onControllerMessage(severity, text); });
    for (AssistantPage *page : {m_tokenPage, m_checkPage, m_installPage, m_testPage})
        connect(page, &AssistantPage::cancelRequested, this, [this, page] { stopWaiting(page); });
    connect(this, &QWizard::currentIdChanged, this, &SetupAssistant::showBusy);
    retranslate();
    onTokenChanged(m_workspace->token());
}

AssistantPage *SetupAssistant::step(PageId id) const
{
    return qobject_cast<AssistantPage *>(page(id));
}

bool SetupAssistant::isCurrent(PageId id) const
{
    return currentId() == id;
}

void SetupAssistant::buildTokenPage()
{
    m_tokenPage = new AssistantPage(QStringLiteral("token"), this);
    m_tokenIntro = wrapped(m_tokenPage);
    m_tokenEdit = new QLineEdit(m_tokenPage);
    m_tokenEdit->setObjectName(QStringLiteral("assistantTokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenLabel = new QLabel(m_tokenPage);
    m_tokenLabel->setBuddy(m_tokenEdit);
    m_passwordIntro = wrapped(m_tokenPage);
    m_loginEdit = new QLineEdit(m_tokenPage);
    m_loginEdit->setObjectName(QStringLiteral("assistantLoginEdit"));
    m_loginLabel = new QLabel(m_tokenPage);
    m_loginLabel->setBuddy(m_loginEdit);
    m_passwordEdit = new QLineEdit(m_tokenPage);
    m_passwordEdit->setObjectName(QStringLiteral("assistantPasswordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordLabel = new QLabel(m_tokenPage);
    m_passwordLabel->setBuddy(m_passwordEdit);
    m_obtainButton = new QPushButton(m_tokenPage);
    m_obtainButton->setObjectName(QStringLiteral("assistantObtainTokenButton"));
    m_revokeWarning = wrapped(m_tokenPage);
    m_revokeWarning->setObjectName(QStringLiteral("assistantRevokeWarning"));

    auto *tokenForm = new QFormLayout;
    tokenForm->addRow(m_tokenLabel, m_tokenEdit);
    auto *passwordForm = new QFormLayout;
    passwordForm->addRow(m_loginLabel, m_loginEdit);
    passwordForm->addRow(m_passwordLabel, m_passwordEdit);
    passwordForm->addRow(QString(), m_obtainButton);
    m_tokenPage->body()->addWidget(m_tokenIntro);
    m_tokenPage->body()->addLayout(tokenForm);
    m_tokenPage->body()->addSpacing(8);
    m_tokenPage->body()->addWidget(m_passwordIntro);
    m_tokenPage->body()->addLayout(passwordForm);
    m_tokenPage->body()->addWidget(m_revokeWarning);

    m_tokenPage->setReady([this] { return !m_tokenEdit->text().trimmed().isEmpty() || m_workspace->hasCredentials(); });
    m_tokenPage->setOnLeave([this] { return saveTypedToken(); });
    connect(m_tokenEdit, &QLineEdit::textChanged, m_tokenPage, &AssistantPage::refreshComplete);
    connect(m_obtainButton, &QPushButton::clicked, this, [this] {
        if (m_loginEdit->text().trimmed().isEmpty() || m_passwordEdit->text().isEmpty()) {
            m_tokenPage->setStatus(AssistantPage::Status::Problem,
                                   [=] { return tr("Enter both the login and the password to obtain a token."); });
            return;
        }
        Q_EMIT obtainTokenRequested(m_loginEdit->text(), m_passwordEdit->text());
    });
}

void SetupAssistant::onTokenChanged(const QString &token)
{
    if (m_tokenEdit->text().trimmed() != token) {
        const QSignalBlocker blocker(m_tokenEdit);
        m_tokenEdit->setText(token);
    }
    if (!token.isEmpty()) {
        m_passwordEdit->clear(); // not kept longer than needed
        m_tokenPage->setStatus(AssistantPage::Status::Ok,
                               [=] { return tr("A token is saved. Click Next to check what it opens."); });
    }
    m_tokenPage->refreshComplete();
}

bool SetupAssistant::saveTypedToken()
{
    const QString typed = m_tokenEdit->text().trimmed();
    if (typed.isEmpty() || typed == m_workspace->token())
        return true;
    // Used at once (the check on the next page needs it); the store's answer comes later and a failure is reported
    // by the main window's message bar.
    m_workspace->saveToken(typed);
    return true;
}

void SetupAssistant::buildCheckPage()
{
    m_checkPage = new AssistantPage(QStringLiteral("check"), this);
    m_checkIntro = wrapped(m_checkPage);
    m_checkButton = new QPushButton(m_checkPage);
    m_checkButton->setObjectName(QStringLiteral("assistantCheckButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_checkButton);
    row->addStretch(1);
    m_checkPage->body()->addWidget(m_checkIntro);
    m_checkPage->body()->addLayout(row);
    m_checkPage->setOnEnter([this] { startCheck(); });
    connect(m_checkButton, &QPushButton::clicked, this, &SetupAssistant::startCheck);
}

void SetupAssistant::startCheck()
{
    if (!m_workspace->hasCredentials()) {
        m_checkPage->setStatus(AssistantPage::Status::Problem, [=] {
            return tr("No API token yet: go Back and enter a token, or obtain one with the login and "
                      "password.");
        });
        return;
    }
    m_checkPage->setStatus(AssistantPage::Status::Pending, [=] { return tr("Listing the webhooks of the account…"); });
    m_checkPending = true;
    // When the controller is busy (a listing the saved token started, say) the listing it ends with answers too;
    // otherwise onBusyChanged asks again.
    if (!m_controller->isBusy())
        m_controller->refresh();
}

void SetupAssistant::onBusyChanged(bool busy)
{
    showBusy();
    m_checkButton->setEnabled(!busy);
    m_installButton->setEnabled(!busy);
    m_testButton->setEnabled(!busy);
    m_obtainButton->setEnabled(!busy);
    if (!busy && m_checkPending && isCurrent(CheckPageId) && m_workspace->hasCredentials())
        m_controller->refresh();
    if (!busy && m_installing) {
        m_installing = false;
        showInstallState();
    }
}

void SetupAssistant::showBusy()
{
    // The operation under way, with its Stop waiting, on the current page when it is a page of network steps (the
    // listing a saved token starts belongs to the check of access that follows).
    AssistantPage *page = nullptr;
    if (m_controller->isBusy()) {
        for (AssistantPage *candidate : {m_tokenPage, m_checkPage, m_installPage}) {
            if (currentPage() == candidate)
                page = candidate;
        }
    }
    if (m_busyPage == page)
        return;
    if (m_busyPage)
        m_busyPage->setBusy(false);
    m_busyPage = page;
    if (page)
        page->setBusy(true);
}

void SetupAssistant::stopWaiting(AssistantPage *page)
{
    if (page == m_testPage) {
        if (m_testDialog)
            m_testDialog->cancel();
        return;
    }
    // Cleared first: the end of the busy period would otherwise start the listing or the install report again.
    m_checkPending = false;
    const bool wasInstalling = m_installing;
    m_installing = false;
    m_controller->cancel();
    if (page == m_tokenPage) {
        page->setStatus(AssistantPage::Status::Problem, [=] {
            return tr("Stopped waiting for MoySklad. If it issued a token meanwhile, the token is saved and shown "
                      "here; otherwise obtain one again, or paste a token.");
        });
    } else if (page == m_checkPage) {
        page->setStatus(AssistantPage::Status::Problem, [=] {
            return tr("Stopped waiting for MoySklad: the access is not checked. Click Check again when the "
                      "connection is better, or skip this step.");
        });
    } else if (wasInstalling) {
        m_relistBeforeInstall = true;
        page->setStatus(AssistantPage::Status::Problem, [=] {
            return tr("Stopped waiting for MoySklad: hooks already sent may be installed. Click Install the hooks: "
                      "the account's hooks are read again first, so none is installed twice.");
        });
    }
}

void SetupAssistant::onListed(const std::optional<ApiError> &error)
{
    m_checkPending = false;
    if (error) {
        m_checkPage->setStatus(AssistantPage::Status::Problem, [=] { return explainAccessError(*error); });
    } else {
        const int count = int(m_controller->plan().rows().size());
        m_checkPage->setStatus(AssistantPage::Status::Ok, [=] {
            return tr("MoySklad accepted the token and listed the webhooks: %n row(s) in the table, "
                      "counting the hooks still to install.",
                      nullptr, count);
        });
    }
    showInstallState();
}

QString SetupAssistant::explainAccessError(const ApiError &error)
{
    QString text;
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        text = tr("MoySklad did not accept the token (401): it is mistyped, or it was revoked — obtaining a token "
                  "with the password revokes the user's earlier ones. Go Back and paste a valid token, or obtain a "
                  "new one.");
        break;
    case ApiError::Kind::Forbidden:
        text = tr("MoySklad refused access (403): webhooks need a user who is an administrator of the account, and "
                  "a tariff that includes the API. Use a token of an administrator (MoySklad: Settings → Users), or "
                  "check the account's subscription in MoySklad.");
        break;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        text = tr("MoySklad cannot be reached: check the internet connection, a proxy if one is needed, and the API "
                  "URL on the Connection tab. Then click Check again.");
        break;
    case ApiError::Kind::RateLimited:
        text = tr("MoySklad limits the request rate: wait a minute, then click Check again.");
        break;
    default:
        if (error.httpStatus == 402)
            text = tr("MoySklad refused the request (402): the account's tariff or subscription does not allow the "
                      "API. Renew or change it in MoySklad, then click Check again.");
        else
            text = tr("The check failed. Click Check again; if it keeps failing, see the Diagnostics tab.");
        break;
    }
    return text + QLatin1Char('\n') + tr("MoySklad said: %1").arg(error.toString());
}

void SetupAssistant::onControllerMessage(WebhookController::Severity severity, const QString &text)
{
    // The errors of an action started here are shown where it was started; listing errors are explained by onListed.
    if (severity != WebhookController::Severity::Error)
        return;
    if (isCurrent(TokenPageId))
        m_tokenPage->setStatus(AssistantPage::Status::Problem, text);
    else if (isCurrent(InstallPageId))
        m_installPage->setStatus(AssistantPage::Status::Problem, text);
}

void SetupAssistant::buildSitePage()
{
    m_sitePage = new AssistantPage(QStringLiteral("site"), this);
    m_siteIntro = wrapped(m_sitePage);
    m_siteEdit = new QLineEdit(m_sitePage);
    m_siteEdit->setObjectName(QStringLiteral("assistantSiteUrlEdit"));
    m_siteLabel = new QLabel(m_sitePage);
    m_siteLabel->setBuddy(m_siteEdit);
    auto *form = new QFormLayout;
    form->addRow(m_siteLabel, m_siteEdit);
    m_sitePage->body()->addWidget(m_siteIntro);
    m_sitePage->body()->addLayout(form);
    m_sitePage->setReady([this] { return !m_siteEdit->text().trimmed().isEmpty(); });
    m_sitePage->setOnEnter([this] {
        if (m_siteEdit->text().trimmed().isEmpty())
            m_siteEdit->setText(m_workspace->settings().siteUrl());
        showSiteHint();
    });
    m_sitePage->setOnLeave([this] { return storeSiteUrl(); });
    connect(m_siteEdit, &QLineEdit::textChanged, this, [this] {
        showSiteHint();
        m_sitePage->refreshComplete();
    });
}

void SetupAssistant::showSiteHint()
{
    const QString text = m_siteEdit->text().trimmed();
    if (text.isEmpty()) {
        m_sitePage->setStatus(AssistantPage::Status::Pending,
                              [=] { return tr("Enter the address, for example https://shop.ru/skladhook/"); });
        return;
    }
    const QUrl url(text);
    if (url.isValid() && isLocalHost(url.host()))
        m_sitePage->setStatus(AssistantPage::Status::Warning, [=] {
            return tr("%1 is an address of this computer or of the local network: MoySklad cannot reach "
                      "it from the internet. Use the public address of the reverse proxy or the tunnel.")
                .arg(url.host());
        });
    else
        m_sitePage->setStatus(AssistantPage::Status::Pending, QString());
}

bool SetupAssistant::storeSiteUrl()
{
    const QString text = m_siteEdit->text().trimmed();
    if (text == m_workspace->settings().siteUrl())
        return true;
    const auto result = m_workspace->settings().set(SettingKey::SiteUrl, text);
    if (!result.ok()) {
        m_sitePage->setStatus(AssistantPage::Status::Problem, [=] {
            return tr("The site URL is not usable: %1. Enter the full address, beginning with https://.")
                .arg(result.error());
        });
        return false;
    }
    m_siteEdit->setText(m_workspace->settings().siteUrl()); // canonical: ends with '/'
    return true;
}

void SetupAssistant::buildExchangePage()
{
    m_exchangePage = new AssistantPage(QStringLiteral("exchange"), this);
    m_exchangeIntro = wrapped(m_exchangePage);
    m_importOrders = new QCheckBox(m_exchangePage);
    m_importOrders->setObjectName(QStringLiteral("assistantImportOrdersCheck"));
    m_payments = new QComboBox(m_exchangePage);
    m_payments->setObjectName(QStringLiteral("assistantPaymentsCombo"));
    m_paymentsLabel = new QLabel(m_exchangePage);
    m_paymentsLabel->setBuddy(m_payments);
    m_shipments = new QComboBox(m_exchangePage);
    m_shipments->setObjectName(QStringLiteral("assistantShipmentsCombo"));
    m_shipmentsLabel = new QLabel(m_exchangePage);
    m_shipmentsLabel->setBuddy(m_shipments);
    auto *form = new QFormLayout;
    form->addRow(m_importOrders);
    form->addRow(m_paymentsLabel, m_payments);
    form->addRow(m_shipmentsLabel, m_shipments);
    m_exchangePage->body()->addWidget(m_exchangeIntro);
    m_exchangePage->body()->addLayout(form);
    m_exchangePage->setReady([] { return true; }); // every choice is valid
    m_exchangePage->setOnEnter([this] { fillExchange(); });
    m_exchangePage->setOnLeave([this] { return storeExchange(); });
}

void SetupAssistant::fillExchange()
{
    const auto fill = [](QComboBox *combo, const QString &fullText, const QString &value) {
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(tr("None"), QStringLiteral("none"));
        combo->addItem(fullText, QStringLiteral("full"));
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
    };
    const Settings &settings = m_workspace->settings();
    fill(m_payments, tr("Full (paymentin and cashin hooks)"), settings.value(SettingKey::ExchangePayments));
    fill(m_shipments, tr("Full (demand hooks)"), settings.value(SettingKey::ExchangeShipments));
    m_importOrders->setChecked(settings.exchange().importOrders);
}

bool SetupAssistant::storeExchange()
{
    Settings &settings = m_workspace->settings();
    for (const auto &[key, value] :
         {std::pair{SettingKey::ImportOrders,
                    m_importOrders->isChecked() ? QStringLiteral("on") : QStringLiteral("off")},
          std::pair{SettingKey::ExchangePayments, m_payments->currentData().toString()},
          std::pair{SettingKey::ExchangeShipments, m_shipments->currentData().toString()}}) {
        if (settings.value(key) == value)
            continue;
        const auto result = settings.set(key, value);
        if (!result.ok()) {
            m_exchangePage->setStatus(AssistantPage::Status::Problem, result.error());
            return false;
        }
    }
    return true;
}

void SetupAssistant::buildInstallPage()
{
    m_installPage = new AssistantPage(QStringLiteral("install"), this);
    m_installIntro = wrapped(m_installPage);
    m_installButton = new QPushButton(m_installPage);
    m_installButton->setObjectName(QStringLiteral("assistantInstallButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_installButton);
    row->addStretch(1);
    m_installPage->body()->addWidget(m_installIntro);
    m_installPage->body()->addLayout(row);
    m_installPage->setReady([this] { return m_controller->hasListed() && hooksToWrite() == 0; });
    m_installPage->setOnEnter([this] {
        if (!m_controller->hasListed() && m_workspace->hasCredentials() && !m_controller->isBusy())
            m_controller->refresh();
        showInstallState();
    });
    connect(m_installButton, &QPushButton::clicked, this, &SetupAssistant::install);
}

int SetupAssistant::hooksToWrite() const
{
    const HookPlan &plan = m_controller->plan();
    return plan.count(HookState::Missing) + plan.count(HookState::Outdated) + plan.count(HookState::Disabled);
}

void SetupAssistant::showInstallState()
{
    if (!m_installPage || m_installing)
        return;
    if (!m_controller->hasListed()) {
        m_installPage->setStatus(AssistantPage::Status::Problem, [=] {
            return tr("The account's webhooks are not listed yet: go Back to the check of access.");
        });
    } else if (hooksToWrite() > 0) {
        const HookPlan &plan = m_controller->plan();
        const int missing = plan.count(HookState::Missing);
        const int outdated = plan.count(HookState::Outdated);
        const int disabled = plan.count(HookState::Disabled);
        m_installPage->setStatus(AssistantPage::Status::Pending, [=] {
            return tr("To write: %1 missing, %2 outdated, %3 disabled. Click Install the hooks.")
                .arg(missing)
                .arg(outdated)
                .arg(disabled);
        });
    } else {
        const int inSync = m_controller->plan().count(HookState::InSync);
        m_installPage->setStatus(AssistantPage::Status::Ok, [=] {
            return tr("Every hook of the module is installed and up to date (%n hook(s)).", nullptr, inSync);
        });
    }
    m_installPage->refreshComplete();
}

void SetupAssistant::install()
{
    if (m_relistBeforeInstall) {
        m_relistBeforeInstall = false;
        m_installPage->setStatus(AssistantPage::Status::Pending, [=] {
            return tr("Reading the account's hooks again, since the last install was stopped…");
        });
        m_controller->refresh(); // onListed shows what is left to write
        return;
    }
    // Missing hooks are created, disabled ones enabled and outdated ones of ours rewritten: the Apply of the
    // Webhooks tab with every outdated hook ticked.
    QSet<QString> outdated;
    const HookPlan &plan = m_controller->plan();
    for (const HookPlanRow &row : plan.rows()) {
        if (row.state == HookState::Outdated && row.existing && plan.isOwn(*row.existing))
            outdated.insert(row.existing->id);
    }
    m_installPage->setStatus(AssistantPage::Status::Pending, [=] { return tr("Installing the hooks…"); });
    m_installing = true;
    m_controller->apply(outdated);
    if (!m_controller->isBusy()) {
        // Refused before any request (no site URL, no verification string…): the controller's message said why.
        m_installing = false;
        if (m_installPage->status() != AssistantPage::Status::Problem)
            showInstallState();
    }
}

void SetupAssistant::buildTestPage()
{
    m_testPage = new AssistantPage(QStringLiteral("test"), this);
    m_testIntro = wrapped(m_testPage);
    m_testButton = new QPushButton(m_testPage);
    m_testButton->setObjectName(QStringLiteral("assistantTestButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_testButton);
    row->addStretch(1);
    m_testPage->body()->addWidget(m_testIntro);
    m_testPage->body()->addLayout(row);
    m_testPage->setFinalPage(true);
    connect(m_testButton, &QPushButton::clicked, this, &SetupAssistant::sendTestDelivery);
}

void SetupAssistant::sendTestDelivery()
{
    if (!m_testDialog) {
        m_testDialog = new TestDeliveryDialog(m_workspace, this);
        m_testDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_testDialog, &TestDeliveryDialog::reportReady, this, &SetupAssistant::onTestReport);
        connect(m_testDialog, &TestDeliveryDialog::cancelled, this, &SetupAssistant::onTestCancelled);
    }
    m_testPage->setStatus(AssistantPage::Status::Pending,
                          [=] { return tr("Sending a test delivery to every hook URL…"); });
    m_testDialog->show();
    m_testDialog->start();
    m_testPage->setBusy(m_testDialog->isRunning());
}

void SetupAssistant::onTestCancelled()
{
    m_testPage->setBusy(false);
    m_testPage->setStatus(AssistantPage::Status::Problem, [=] {
        return tr("The test delivery was stopped before it ended. Send it again, or skip this step.");
    });
}

void SetupAssistant::onTestReport(const TestDeliveryReport &report)
{
    m_testPage->setBusy(false);
    if (report.ok())
        m_testPage->setStatus(AssistantPage::Status::Ok, [=] {
            return tr("Every hook URL reached SkladHook's receiver: MoySklad's deliveries will arrive.");
        });
    else
        m_testPage->setStatus(AssistantPage::Status::Problem, [=] {
            return tr("A test delivery did not reach the receiver: the failed step is shown in the test "
                      "window. Check that the reverse proxy or the tunnel forwards the site URL to the "
                      "receiver, and that SkladHook is receiving; then send again.");
        });
}

void SetupAssistant::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void SetupAssistant::retranslate()
{
    setWindowTitle(tr("SkladHook setup assistant"));
    // QWizard words its buttons once, when it is made: a language switch would leave them in the old language.
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::CommitButton, tr("Commit"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    const QString skip = tr("S&kip this step (set it up later on the main window)");
    for (AssistantPage *page : {m_tokenPage, m_checkPage, m_sitePage, m_exchangePage, m_installPage, m_testPage})
        page->setSkipText(skip);

    m_tokenPage->setTitle(tr("API token"));
    m_tokenIntro->setText(tr("SkladHook works with MoySklad through the JSON API, with the token of a user who may "
                             "manage webhooks (an administrator). Paste a token created in MoySklad (Settings → "
                             "Users → the user → Access tokens)."));
    m_tokenLabel->setText(tr("API &token:"));
    m_passwordIntro->setText(tr("Or obtain a token with the user's login and password:"));
    m_loginLabel->setText(tr("&Login:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_obtainButton->setText(tr("&Obtain token…"));
    m_revokeWarning->setText(tr("Warning: obtaining a token with the password revokes this user's other tokens; "
                                "programs that use them stop working until they get the new one."));

    m_checkPage->setTitle(tr("Check of access"));
    m_checkIntro->setText(tr("SkladHook lists the account's webhooks with the token: this shows that the token is "
                             "valid, that the user may manage webhooks and that the tariff allows the API."));
    m_checkButton->setText(tr("&Check again"));

    m_sitePage->setTitle(tr("Site URL"));
    m_siteIntro->setText(
        tr("MoySklad sends the webhooks to this address, so it must be reachable from the internet: MoySklad's "
           "servers connect to it, not this computer. Forward it to SkladHook's receiver (listening on %1) with a "
           "reverse proxy on the web server (nginx, Apache) or with a tunnel (cloudflared, ngrok).")
            .arg(m_workspace->settings().receiverListen()));
    m_siteLabel->setText(tr("Site &URL:"));

    m_exchangePage->setTitle(tr("Exchange settings"));
    m_exchangeIntro->setText(tr("customerorder/UPDATE is always installed: it passes the changes of orders from "
                                "MoySklad to the site. Choose what else is exchanged; each choice adds its hooks."));
    m_importOrders->setText(tr("&Import orders from MoySklad (customerorder/CREATE)"));
    m_paymentsLabel->setText(tr("&Payments:"));
    m_shipmentsLabel->setText(tr("S&hipments:"));
    if (m_payments->count() > 0)
        fillExchange();

    m_installPage->setTitle(tr("Install the hooks"));
    m_installIntro->setText(tr("SkladHook creates the module's hooks in MoySklad, pointing at the site URL with the "
                               "verification string; other applications' hooks are not touched."));
    m_installButton->setText(tr("&Install the hooks"));

    m_testPage->setTitle(tr("Test delivery"));
    m_testIntro->setText(tr("SkladHook sends a delivery shaped like MoySklad's to every hook URL, through the reverse "
                            "proxy or the tunnel, and shows each step. It never creates a task."));
    m_testButton->setText(tr("Send a test &delivery"));
}
