// SPDX-License-Identifier: GPL-3.0-or-later
// The setup assistant from an empty data directory to installed hooks and a test delivery the real receiver records,
// against the fake MoySklad over loopback, under the offscreen platform.
#include "assistant/assistantpage.h"
#include "assistant/setupassistant.h"
#include "hooks/hookcatalog.h"
#include "intake/receiver.h"
#include "service/service.h"
#include "testdeliverydialog.h"
#include "uifixture.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <gtest/gtest.h>

namespace {

class AssistantTest : public ::testing::Test, public UiFixture
{
protected:
    // An empty data directory: only where MoySklad is (the fake) and the language; no token, no site URL.
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        ASSERT_TRUE(settings->set(QStringLiteral("api.url"), fake.baseUrl().toString()).ok());
        ASSERT_TRUE(settings->set(QStringLiteral("ui.language"), QStringLiteral("en")).ok());
    }

    // Starts the window as the app does; the assistant appears by itself.
    SetupAssistant *startFirstTime()
    {
        createWindow();
        window->start();
        EXPECT_TRUE(QTest::qWaitFor([this] { return window->assistant() && window->assistant()->isVisible(); }));
        return window->assistant();
    }

    QAbstractButton *next() const { return window->assistant()->button(QWizard::NextButton); }

    void type(const QString &name, const QString &text)
    {
        auto *edit = findWidget<QLineEdit>(window->assistant(), name);
        ASSERT_NE(edit, nullptr) << name.toStdString();
        edit->setFocus();
        edit->selectAll();
        // QTest types only what a Latin keyboard has (qasciikey asserts otherwise): the rest is inserted as typed.
        bool latin = true;
        for (const QChar c : text)
            latin = latin && c.unicode() < 0x80;
        if (latin)
            QTest::keyClicks(edit, text);
        else
            edit->insert(text);
    }

    void clickNext()
    {
        ASSERT_TRUE(next()->isEnabled());
        QTest::mouseClick(next(), Qt::LeftButton);
    }

    void click(const QString &name)
    {
        auto *button = findWidget<QPushButton>(window->assistant(), name);
        ASSERT_NE(button, nullptr) << name.toStdString();
        ASSERT_TRUE(button->isEnabled()) << name.toStdString();
        QTest::mouseClick(button, Qt::LeftButton);
    }

    AssistantPage *step(SetupAssistant::PageId id) const { return window->assistant()->step(id); }
};

} // namespace

TEST_F(AssistantTest, LeadsFromAnEmptyDataDirectoryToInstalledHooksAndAReceivedTestDelivery)
{
    // This data directory's receiver, on a port chosen here so that the site URL can name it.
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    ASSERT_TRUE(settings->set(QStringLiteral("receiver.listen"), QStringLiteral("127.0.0.1:%1").arg(port)).ok());

    SetupAssistant *assistant = startFirstTime();
    ASSERT_NE(assistant, nullptr);
    workspace->runService(); // as DesktopApp::start does
    ASSERT_EQ(assistant->currentId(), SetupAssistant::TokenPageId);
    EXPECT_FALSE(next()->isEnabled()) << "no token: the step is not done";
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 0);

    // Token.
    type(QStringLiteral("assistantTokenEdit"), fake.token());
    clickNext();
    EXPECT_EQ(workspace->token(), fake.token());

    // Check of access: the hooks are listed.
    ASSERT_EQ(assistant->currentId(), SetupAssistant::CheckPageId);
    ASSERT_TRUE(QTest::qWaitFor(
        [this] { return step(SetupAssistant::CheckPageId)->status() != AssistantPage::Status::Pending; }, 10000));
    EXPECT_EQ(step(SetupAssistant::CheckPageId)->status(), AssistantPage::Status::Ok)
        << step(SetupAssistant::CheckPageId)->statusText().toStdString();
    EXPECT_GE(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 1);
    clickNext();

    // Site URL: nothing typed, no way on; an address of this computer is allowed but warned about.
    ASSERT_EQ(assistant->currentId(), SetupAssistant::SitePageId);
    EXPECT_FALSE(next()->isEnabled());
    type(QStringLiteral("assistantSiteUrlEdit"), QStringLiteral("http://127.0.0.1:%1/skladhook").arg(port));
    EXPECT_EQ(step(SetupAssistant::SitePageId)->status(), AssistantPage::Status::Warning);
    EXPECT_TRUE(step(SetupAssistant::SitePageId)->statusText().contains(QStringLiteral("cannot reach")));
    clickNext();
    EXPECT_EQ(settings->siteUrl(), QStringLiteral("http://127.0.0.1:%1/skladhook/").arg(port));

    // Exchange: orders imported, payments in full, no shipments.
    ASSERT_EQ(assistant->currentId(), SetupAssistant::ExchangePageId);
    findWidget<QCheckBox>(assistant, QStringLiteral("assistantImportOrdersCheck"))->setChecked(true);
    auto *payments = findWidget<QComboBox>(assistant, QStringLiteral("assistantPaymentsCombo"));
    payments->setCurrentIndex(payments->findData(QStringLiteral("full")));
    auto *shipments = findWidget<QComboBox>(assistant, QStringLiteral("assistantShipmentsCombo"));
    shipments->setCurrentIndex(shipments->findData(QStringLiteral("none")));
    clickNext();
    EXPECT_EQ(settings->value(SettingKey::ImportOrders), QStringLiteral("on"));
    EXPECT_EQ(settings->value(SettingKey::ExchangePayments), QStringLiteral("full"));
    EXPECT_EQ(settings->value(SettingKey::ExchangeShipments), QStringLiteral("none"));

    // Install: customerorder UPDATE and CREATE, paymentin and cashin × 3.
    ASSERT_EQ(assistant->currentId(), SetupAssistant::InstallPageId);
    ASSERT_TRUE(waitIdle());
    AssistantPage *install = step(SetupAssistant::InstallPageId);
    EXPECT_TRUE(install->statusText().startsWith(QStringLiteral("To write: 8 missing")))
        << install->statusText().toStdString();
    EXPECT_FALSE(next()->isEnabled()) << "the hooks are not installed yet";
    EXPECT_TRUE(fake.hooks().isEmpty());
    click(QStringLiteral("assistantInstallButton"));
    ASSERT_TRUE(QTest::qWaitFor([install] { return install->status() == AssistantPage::Status::Ok; }, 20000))
        << install->statusText().toStdString();
    ASSERT_EQ(fake.hooks().size(), 8);
    for (const Webhook &hook : fake.hooks())
        EXPECT_TRUE(hook.url.startsWith(settings->siteUrl())) << hook.url.toStdString();
    clickNext();

    // Test delivery: every hook URL reaches the real receiver.
    ASSERT_EQ(assistant->currentId(), SetupAssistant::TestPageId);
    AssistantPage *test = step(SetupAssistant::TestPageId);
    EXPECT_FALSE(assistant->button(QWizard::FinishButton)->isEnabled());
    click(QStringLiteral("assistantTestButton"));
    ASSERT_TRUE(QTest::qWaitFor([test] { return test->status() != AssistantPage::Status::Pending; }, 30000));
    EXPECT_EQ(test->status(), AssistantPage::Status::Ok) << test->statusText().toStdString();
    ASSERT_EQ(workspace->role(), Workspace::Role::Serving) << workspace->roleDetail().toStdString();
    EXPECT_EQ(workspace->service()->receiver()->counters().testDeliveries, 8u);
    EXPECT_TRUE(assistant->button(QWizard::FinishButton)->isEnabled());
}

TEST_F(AssistantTest, ARefusedTokenIsExplainedAndBlocksUntilSkipped)
{
    SetupAssistant *assistant = startFirstTime();
    ASSERT_NE(assistant, nullptr);
    fake.failNext(
        QStringLiteral("GET"), QStringLiteral("/entity/webhook"), 401, 1056,
        QStringLiteral("Ошибка аутентификации: Неправильный пароль или имя пользователя или ключ авторизации"));
    type(QStringLiteral("assistantTokenEdit"), QStringLiteral("0123456789abcdef0123456789abcdef01234567"));
    clickNext();
    AssistantPage *check = step(SetupAssistant::CheckPageId);
    ASSERT_TRUE(QTest::qWaitFor([check] { return check->status() != AssistantPage::Status::Pending; }, 10000));
    EXPECT_EQ(check->status(), AssistantPage::Status::Problem);
    EXPECT_TRUE(check->statusText().contains(QStringLiteral("did not accept the token (401)")))
        << check->statusText().toStdString();
    EXPECT_TRUE(check->statusText().contains(QStringLiteral("obtain a"))) << "says how to fix it";
    EXPECT_FALSE(next()->isEnabled());
    findWidget<QCheckBox>(assistant, QStringLiteral("checkSkip"))->setChecked(true);
    EXPECT_TRUE(next()->isEnabled());
}

TEST_F(AssistantTest, StopWaitingForASlowCheckFreesTheStepAndItsLateAnswerIsDropped)
{
    SetupAssistant *assistant = startFirstTime();
    ASSERT_NE(assistant, nullptr);
    fake.setResponseDelayMs(2500); // MoySklad may take minutes: the user need not wait
    type(QStringLiteral("assistantTokenEdit"), fake.token());
    clickNext();
    ASSERT_EQ(assistant->currentId(), SetupAssistant::CheckPageId);
    AssistantPage *check = step(SetupAssistant::CheckPageId);
    auto *stop = findWidget<QPushButton>(assistant, QStringLiteral("checkCancel"));
    ASSERT_NE(stop, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([stop] { return stop->isVisible(); }, 5000)) << "the listing shows its progress";
    EXPECT_TRUE(findWidget<QWidget>(assistant, QStringLiteral("checkBusy"))->isVisible());
    EXPECT_FALSE(next()->isEnabled());
    EXPECT_FALSE(findWidget<QPushButton>(assistant, QStringLiteral("assistantCheckButton"))->isEnabled());

    QTest::mouseClick(stop, Qt::LeftButton);
    EXPECT_FALSE(stop->isVisible());
    EXPECT_EQ(check->status(), AssistantPage::Status::Problem);
    EXPECT_TRUE(check->statusText().contains(QStringLiteral("Stopped waiting"))) << check->statusText().toStdString();
    EXPECT_TRUE(findWidget<QPushButton>(assistant, QStringLiteral("assistantCheckButton"))->isEnabled());
    EXPECT_FALSE(next()->isEnabled()) << "the access is not checked";

    // The answer that comes after the stop changes nothing, and nothing is asked again by itself (the fake counts a
    // request when it answers).
    QTest::qWait(3000);
    EXPECT_EQ(check->status(), AssistantPage::Status::Problem) << check->statusText().toStdString();
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 1);

    fake.setResponseDelayMs(0);
    click(QStringLiteral("assistantCheckButton"));
    ASSERT_TRUE(QTest::qWaitFor([check] { return check->status() == AssistantPage::Status::Ok; }, 10000))
        << check->statusText().toStdString();
    EXPECT_FALSE(stop->isVisible());
    EXPECT_TRUE(next()->isEnabled());
    QTest::qWait(100);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 2) << "listed once";
}

TEST_F(AssistantTest, ATestDeliveryToASilentServerCanBeStoppedFromTheStepOrByClosingItsWindow)
{
    // A site that accepts the connection and never answers, as a stuck proxy does.
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> accepted;
    QObject::connect(&silent, &QTcpServer::newConnection, &silent, [&silent, &accepted] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            accepted.append(socket);
    });
    ASSERT_TRUE(
        settings->set(QStringLiteral("site.url"), QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort()))
            .ok());

    SetupAssistant *assistant = startFirstTime();
    ASSERT_NE(assistant, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([this] { return !workspace->siteSecret().isEmpty(); }));
    // Every step before is skipped: this one alone is tried.
    while (assistant->currentId() != SetupAssistant::TestPageId) {
        const QString name = assistant->currentPage()->objectName().chopped(4) + QStringLiteral("Skip");
        findWidget<QCheckBox>(assistant, name)->setChecked(true);
        clickNext();
    }
    AssistantPage *test = step(SetupAssistant::TestPageId);
    auto *stop = findWidget<QPushButton>(assistant, QStringLiteral("testCancel"));
    ASSERT_NE(stop, nullptr);

    click(QStringLiteral("assistantTestButton"));
    ASSERT_TRUE(QTest::qWaitFor([&accepted] { return !accepted.isEmpty(); }, 5000)) << "the delivery is on its way";
    EXPECT_TRUE(stop->isVisible());
    EXPECT_FALSE(assistant->button(QWizard::FinishButton)->isEnabled());
    auto *dialog = findWidget<TestDeliveryDialog>(assistant, QStringLiteral("testDeliveryDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isRunning());

    QTest::mouseClick(stop, Qt::LeftButton);
    EXPECT_FALSE(dialog->isRunning());
    EXPECT_FALSE(stop->isVisible());
    EXPECT_EQ(test->status(), AssistantPage::Status::Problem);
    EXPECT_TRUE(test->statusText().contains(QStringLiteral("stopped"))) << test->statusText().toStdString();
    EXPECT_TRUE(
        findWidget<QLabel>(dialog, QStringLiteral("testDeliverySummary"))->text().contains(QStringLiteral("stopped")));
    // The request is abandoned for real: its connection is closed, not left to time out.
    QTcpSocket *first = accepted.constFirst();
    EXPECT_TRUE(QTest::qWaitFor([first] { return first->state() == QAbstractSocket::UnconnectedState; }, 3000));

    // Closing the test window stops a run too.
    click(QStringLiteral("assistantTestButton"));
    ASSERT_TRUE(QTest::qWaitFor([&accepted] { return accepted.size() == 2; }, 5000));
    dialog->close();
    EXPECT_EQ(test->status(), AssistantPage::Status::Problem);
    EXPECT_FALSE(stop->isVisible());
    QTcpSocket *second = accepted.constLast();
    EXPECT_TRUE(QTest::qWaitFor([second] { return second->state() == QAbstractSocket::UnconnectedState; }, 3000));
}

TEST_F(AssistantTest, ForbiddenAndTariffErrorsSayHowToFixThem)
{
    ApiError forbidden;
    forbidden.kind = ApiError::Kind::Forbidden;
    forbidden.httpStatus = 403;
    const QString text = SetupAssistant::explainAccessError(forbidden);
    EXPECT_TRUE(text.contains(QStringLiteral("administrator"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("tariff"))) << text.toStdString();
    ApiError payment;
    payment.kind = ApiError::Kind::Http;
    payment.httpStatus = 402;
    EXPECT_TRUE(SetupAssistant::explainAccessError(payment).contains(QStringLiteral("subscription")));
}

TEST_F(AssistantTest, ObtainingATokenByPasswordAsksWithTheSameWarning)
{
    SetupAssistant *assistant = startFirstTime();
    ASSERT_NE(assistant, nullptr);
    type(QStringLiteral("assistantLoginEdit"), QStringLiteral("admin@магазин"));
    type(QStringLiteral("assistantPasswordEdit"), QStringLiteral("пароль"));
    dialogs.presetAnswers({false});
    click(QStringLiteral("assistantObtainTokenButton"));
    ASSERT_TRUE(QTest::qWaitFor([this] { return dialogs.askedQuestions().size() == 1; }));
    EXPECT_TRUE(dialogs.askedQuestions().constFirst().contains(QStringLiteral("revokes this user's earlier tokens")));
    QTest::qWait(0);
    EXPECT_EQ(fake.countRequests(QString(), QStringLiteral("token")), 0) << "declined: nothing was sent";
    EXPECT_TRUE(workspace->token().isEmpty());
}

TEST_F(AssistantTest, NotShownWhenATokenIsSavedButOpenedFromTheMenu)
{
    secrets->write(SecretKey::apiToken, fake.token(), [](auto) {});
    createWindow();
    window->start();
    ASSERT_TRUE(waitIdle());
    QTest::qWait(0);
    EXPECT_EQ(window->assistant(), nullptr);
    auto *action = window->findChild<QAction *>(QStringLiteral("assistantAction"));
    ASSERT_NE(action, nullptr);
    action->trigger();
    ASSERT_NE(window->assistant(), nullptr);
    EXPECT_TRUE(window->assistant()->isVisible());
}

TEST_F(AssistantTest, EveryLabelAndButtonHasItsOwnMnemonic)
{
    SetupAssistant *assistant = startFirstTime();
    ASSERT_NE(assistant, nullptr);
    for (const int id : assistant->pageIds()) {
        QWizardPage *page = assistant->page(id);
        // The wizard's own Back, Next and Finish are there on every page.
        QHash<QChar, QString> used;
        for (const QWizard::WizardButton which : {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton})
            used.insert(mnemonicOf(assistant->buttonText(which)), assistant->buttonText(which));
        // Every button of a page has a text: none is left out for lack of one.
        for (const QAbstractButton *button : page->findChildren<QAbstractButton *>())
            EXPECT_FALSE(button->text().isEmpty()) << page->objectName().toStdString();
        const QStringList problems = mnemonicProblems(page, used);
        EXPECT_TRUE(problems.isEmpty()) << page->objectName().toStdString() << ": "
                                        << problems.join(QStringLiteral("; ")).toStdString();
    }
}
