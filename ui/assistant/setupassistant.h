// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "moysklad/apierror.h"
#include "webhookcontroller.h"

#include <QPointer>
#include <QWizard>

#include <optional>

class AssistantPage;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class TestDeliveryDialog;
class Workspace;
struct TestDeliveryReport;

// "Setup assistant…": the first start's way through, one step a page — the API token (or login and password), a
// check of access (the hooks are listed), the site URL MoySklad must reach, the exchange settings, installing the
// module's hooks, and a test delivery. It does the work through the same WebhookController, Workspace and
// TestDeliveryDialog the main window uses; getting a token by password goes out as obtainTokenRequested, to be asked
// about where the Connection tab asks.
class SetupAssistant final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { TokenPageId, CheckPageId, SitePageId, ExchangePageId, InstallPageId, TestPageId };

    SetupAssistant(Workspace *workspace, WebhookController *controller, QWidget *parent = nullptr);

    AssistantPage *step(PageId id) const;
    // Plain words for a failed listing: what MoySklad's answer means and how to fix it.
    static QString explainAccessError(const ApiError &error);

Q_SIGNALS:
    void obtainTokenRequested(const QString &login, const QString &password);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildTokenPage();
    void buildCheckPage();
    void buildSitePage();
    void buildExchangePage();
    void buildInstallPage();
    void buildTestPage();
    void retranslate();
    bool isCurrent(PageId id) const;

    void onTokenChanged(const QString &token);
    bool saveTypedToken();
    void startCheck();
    void onListed(const std::optional<ApiError> &error);
    void onControllerMessage(WebhookController::Severity severity, const QString &text);
    void onBusyChanged(bool busy);
    void showBusy();
    // The Stop waiting of the page whose network operation runs.
    void stopWaiting(AssistantPage *page);
    bool storeSiteUrl();
    void showSiteHint();
    void fillExchange();
    bool storeExchange();
    void showInstallState();
    void install();
    int hooksToWrite() const;
    void sendTestDelivery();
    void onTestReport(const TestDeliveryReport &report);
    void onTestCancelled();

    Workspace *m_workspace = nullptr;
    WebhookController *m_controller = nullptr;

    AssistantPage *m_tokenPage = nullptr;
    QLabel *m_tokenIntro = nullptr;
    QLabel *m_tokenLabel = nullptr;
    QLineEdit *m_tokenEdit = nullptr;
    QLabel *m_passwordIntro = nullptr;
    QLabel *m_loginLabel = nullptr;
    QLineEdit *m_loginEdit = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QPushButton *m_obtainButton = nullptr;
    QLabel *m_revokeWarning = nullptr;

    AssistantPage *m_checkPage = nullptr;
    QLabel *m_checkIntro = nullptr;
    QPushButton *m_checkButton = nullptr;
    bool m_checkPending = false; // a listing is wanted once the controller is free

    AssistantPage *m_sitePage = nullptr;
    QLabel *m_siteIntro = nullptr;
    QLabel *m_siteLabel = nullptr;
    QLineEdit *m_siteEdit = nullptr;

    AssistantPage *m_exchangePage = nullptr;
    QLabel *m_exchangeIntro = nullptr;
    QCheckBox *m_importOrders = nullptr;
    QLabel *m_paymentsLabel = nullptr;
    QComboBox *m_payments = nullptr;
    QLabel *m_shipmentsLabel = nullptr;
    QComboBox *m_shipments = nullptr;

    AssistantPage *m_installPage = nullptr;
    QLabel *m_installIntro = nullptr;
    QPushButton *m_installButton = nullptr;
    bool m_installing = false;
    bool m_relistBeforeInstall = false;  // an install was stopped: the listed plan may be out of date
    AssistantPage *m_busyPage = nullptr; // the page that shows the controller's operation under way

    AssistantPage *m_testPage = nullptr;
    QLabel *m_testIntro = nullptr;
    QPushButton *m_testButton = nullptr;
    QPointer<TestDeliveryDialog> m_testDialog;
};
