// SPDX-License-Identifier: GPL-3.0-or-later
// The real MainWindow against the fake MoySklad server over loopback, under the offscreen platform.
#include "hooks/hookcatalog.h"
#include "hooks/hookurl.h"
#include "intake/receiver.h"
#include "models/webhooktablemodel.h"
#include "service/service.h"
#include "settings/connectionpage.h"
#include "testdeliverydialog.h"
#include "uifixture.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

namespace {

class MainWindowTest : public ::testing::Test, public UiFixture
{
protected:
    void SetUp() override { ASSERT_TRUE(startFake()); }

    // Creates the window, loads the secrets and lists the hooks, as the app does at start.
    void startWindow()
    {
        createWindow();
        window->start();
        ASSERT_TRUE(waitIdle());
        ASSERT_TRUE(window->controller()->hasListed()) << window->messageBar()->text().toStdString();
    }

    QPushButton *button(const QString &name) const
    {
        auto *found = findWidget<QPushButton>(window.get(), name);
        EXPECT_NE(found, nullptr) << name.toStdString();
        return found;
    }

    WebhookTableModel *model() const { return window->webhookModel(); }
    QTableView *table() const { return findWidget<QTableView>(window.get(), QStringLiteral("webhookTable")); }

    int rowOf(const QString &key, bool ours = true) const
    {
        for (int row = 0; row < model()->rowCount(); ++row) {
            const HookPlanRow &planRow = model()->planRow(row);
            if (planRow.key() == key && planRow.ours() == ours)
                return row;
        }
        return -1;
    }

    // Clicks the Update check box of a row, where a user would.
    void clickUpdate(int row)
    {
        const QModelIndex index = model()->index(row, WebhookTableModel::UpdateColumn);
        table()->scrollTo(index);
        QStyleOptionViewItem option;
        option.initFrom(table()->viewport());
        option.rect = table()->visualRect(index);
        option.features = QStyleOptionViewItem::HasCheckIndicator;
        option.widget = table();
        const QRect box = table()->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, table());
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, box.center());
    }

    void typeInto(const QString &name, const QString &text)
    {
        auto *edit = findWidget<QLineEdit>(window.get(), name);
        ASSERT_NE(edit, nullptr) << name.toStdString();
        window->tabs()->setCurrentWidget(findWidget<QWidget>(window.get(), QStringLiteral("connectionPage")));
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return); // editingFinished
    }
};

} // namespace

TEST_F(MainWindowTest, RefreshShowsEveryHookWithForeignOnesReadOnly)
{
    seedOurHooks();
    const QList<Webhook> foreign = seedForeignHooks();
    createWindow();
    window->start(); // loads the secrets and lists once
    ASSERT_TRUE(waitIdle());
    ASSERT_EQ(model()->rowCount(), 13);

    fake.clearRequests();
    QPushButton *refresh = button(QStringLiteral("refreshButton"));
    QTest::mouseClick(refresh, Qt::LeftButton);
    // Busy while the request is out: buttons off, indicator on.
    EXPECT_TRUE(window->controller()->isBusy());
    EXPECT_FALSE(refresh->isEnabled());
    EXPECT_FALSE(button(QStringLiteral("applyButton"))->isEnabled());
    EXPECT_TRUE(findWidget<QProgressBar>(window.get(), QStringLiteral("busyIndicator"))->isVisible());
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(refresh->isEnabled());
    EXPECT_FALSE(findWidget<QProgressBar>(window.get(), QStringLiteral("busyIndicator"))->isVisible());
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 1);

    ASSERT_EQ(model()->rowCount(), 13);
    EXPECT_EQ(model()->plan().count(HookState::InSync), 10);
    EXPECT_EQ(model()->plan().count(HookState::Foreign), 3);
    for (const Webhook &hook : foreign) {
        int row = -1;
        for (int r = 0; r < model()->rowCount(); ++r) {
            if (model()->index(r, 0).data(WebhookTableModel::HookIdRole).toString() == hook.id)
                row = r;
        }
        ASSERT_GE(row, 0);
        const QModelIndex update = model()->index(row, WebhookTableModel::UpdateColumn);
        EXPECT_FALSE(model()->flags(update) & Qt::ItemIsEnabled);
        EXPECT_FALSE(model()->flags(update) & Qt::ItemIsUserCheckable);
        EXPECT_EQ(model()->index(row, WebhookTableModel::StateColumn).data().toString(), QStringLiteral("Foreign"));
        EXPECT_FALSE(model()->index(row, WebhookTableModel::UrlColumn).data(Qt::ToolTipRole).toString().isEmpty());
        // A click on its box ticks nothing.
        clickUpdate(row);
        EXPECT_TRUE(model()->checkedHookIds().isEmpty());
    }
    // Our rows carry an open mode combo; foreign ones do not.
    EXPECT_NE(findWidget<QComboBox>(table(), QStringLiteral("modeCombo_customerorder_UPDATE")), nullptr);
    EXPECT_EQ(table()->findChildren<QComboBox *>().size(), 10);
}

TEST_F(MainWindowTest, SavingATokenListsTheHooksByItself)
{
    seedOurHooks();
    secrets->remove(SecretKey::apiToken, [](auto) {});
    createWindow();
    window->start();
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model()->rowCount(), 0);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 0);

    typeInto(QStringLiteral("tokenEdit"), fake.token());
    ASSERT_TRUE(QTest::qWaitFor([&] { return model()->rowCount() == 10; }, 10000))
        << "the hooks were not listed after the token was saved";
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 1);
}

TEST_F(MainWindowTest, ChangingAModeStoresItInSettings)
{
    seedOurHooks();
    startWindow();
    auto *combo = findWidget<QComboBox>(table(), QStringLiteral("modeCombo_paymentin_CREATE"));
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentData().toString(), QStringLiteral("immediate"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("queued")));
    EXPECT_EQ(settings->executionMode(QStringLiteral("paymentin"), QStringLiteral("CREATE")), ExecutionMode::Queued);
    EXPECT_EQ(settings->executionMode(QStringLiteral("paymentin"), QStringLiteral("UPDATE")), ExecutionMode::Immediate);
    // In the file, where the queue will read it.
    QSettings reread(Settings::fileIn(dir.path()), QSettings::IniFormat);
    Settings fresh(&reread);
    EXPECT_EQ(fresh.executionMode(QStringLiteral("paymentin"), QStringLiteral("CREATE")), ExecutionMode::Queued);
    EXPECT_TRUE(writes().isEmpty()); // a mode is ours alone: nothing sent to MoySklad

    // After a refresh the reopened combo shows the stored mode.
    QTest::mouseClick(button(QStringLiteral("refreshButton")), Qt::LeftButton);
    ASSERT_TRUE(waitIdle());
    combo = findWidget<QComboBox>(table(), QStringLiteral("modeCombo_paymentin_CREATE"));
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentData().toString(), QStringLiteral("queued"));
    EXPECT_EQ(settings->executionMode(QStringLiteral("paymentin"), QStringLiteral("CREATE")), ExecutionMode::Queued);
}

TEST_F(MainWindowTest, ChangingTheVerificationStringMarksOurHooksOutdatedAtOnce)
{
    seedOurHooks();
    seedForeignHooks();
    startWindow();
    ASSERT_EQ(model()->plan().count(HookState::InSync), 10);
    const int requestsBefore = int(fake.requests().size());

    typeInto(QStringLiteral("secretEdit"), QStringLiteral("Changed_Secret_0123456789abcdefghijklmnopqrs"));
    // No waiting and no request: the table is re-planned locally.
    EXPECT_EQ(model()->plan().count(HookState::Outdated), 10);
    EXPECT_EQ(model()->plan().count(HookState::Foreign), 3);
    EXPECT_EQ(int(fake.requests().size()), requestsBefore);
    EXPECT_EQ(workspace->siteSecret(), QStringLiteral("Changed_Secret_0123456789abcdefghijklmnopqrs"));
    // Saved in the secret store.
    std::optional<QString> saved;
    secrets->read(SecretKey::siteSecret, [&saved](auto result) { saved = result.value(); });
    EXPECT_EQ(saved, QStringLiteral("Changed_Secret_0123456789abcdefghijklmnopqrs"));
    // The URL column shows the key masked.
    const int row = rowOf(QStringLiteral("customerorder/UPDATE"));
    EXPECT_FALSE(model()->index(row, WebhookTableModel::UrlColumn).data().toString().contains(secret));
}

TEST_F(MainWindowTest, ChangingTheSiteUrlMarksOurHooksOutdatedAtOnce)
{
    seedOurHooks();
    startWindow();
    typeInto(QStringLiteral("siteUrlEdit"), QStringLiteral("https://new-shop.example.com/hooks"));
    EXPECT_EQ(settings->siteUrl(), QStringLiteral("https://new-shop.example.com/hooks/"));
    // The hooks under the old site URL are still ours, now outdated.
    EXPECT_EQ(model()->plan().count(HookState::Outdated), 10);
    EXPECT_EQ(model()->plan().count(HookState::Foreign), 0);
    EXPECT_TRUE(writes().isEmpty());
}

TEST_F(MainWindowTest, ApplyUpdatesExactlyTheTickedHook)
{
    const QList<Webhook> ours = seedOurHooks();
    const QList<Webhook> foreign = seedForeignHooks();
    startWindow();
    const QString newSecret = QStringLiteral("Changed_Secret_0123456789abcdefghijklmnopqrs");
    typeInto(QStringLiteral("secretEdit"), newSecret);
    ASSERT_EQ(model()->plan().count(HookState::Outdated), 10);

    const int row = rowOf(QStringLiteral("customerorder/UPDATE"));
    ASSERT_GE(row, 0);
    const QString id = model()->index(row, 0).data(WebhookTableModel::HookIdRole).toString();
    window->tabs()->setCurrentIndex(0);
    clickUpdate(row);
    ASSERT_EQ(model()->checkedHookIds(), QSet<QString>{id});

    fake.clearRequests();
    QTest::mouseClick(button(QStringLiteral("applyButton")), Qt::LeftButton);
    ASSERT_TRUE(waitIdle());

    // Exactly one write: the array POST carrying that hook only, with the new URL.
    const QList<FakeMoySklad::Request> sent = writes();
    ASSERT_EQ(sent.size(), 1) << window->messageBar()->text().toStdString();
    EXPECT_EQ(sent[0].method, QStringLiteral("POST"));
    EXPECT_TRUE(sent[0].path.endsWith(QStringLiteral("/entity/webhook")));
    const QJsonDocument body = QJsonDocument::fromJson(sent[0].body);
    const QJsonArray items = body.isArray() ? body.array() : QJsonArray{body.object()};
    ASSERT_EQ(items.size(), 1);
    const QJsonObject item = items[0].toObject();
    EXPECT_TRUE(item.value(QStringLiteral("meta")).toObject().value(QStringLiteral("href")).toString().endsWith(id));
    const QUrl site = HookUrl::normalizeSite(siteUrl).value();
    EXPECT_EQ(item.value(QStringLiteral("url")).toString(),
              HookUrl::build(site, QStringLiteral("customerorder"), QStringLiteral("UPDATE"), newSecret));
    // Then the list was read again, and the table shows the result.
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 1);
    EXPECT_EQ(model()->plan().count(HookState::Outdated), 9);
    EXPECT_EQ(model()->plan().count(HookState::InSync), 1);
    EXPECT_TRUE(model()->checkedHookIds().isEmpty() || model()->checkedHookIds() == QSet<QString>{id});
    EXPECT_EQ(window->messageBar()->kind(), MessageBar::Kind::Info);

    // MoySklad's state: that hook rewritten; every other hook, foreign ones included, as seeded.
    for (const Webhook &now : fake.hooks()) {
        const auto before =
            std::find_if(ours.cbegin(), ours.cend(), [&now](const Webhook &h) { return h.id == now.id; });
        if (now.id == id) {
            EXPECT_TRUE(now.url.endsWith(newSecret));
        } else if (before != ours.cend()) {
            EXPECT_EQ(now.url, before->url);
        } else {
            const auto was =
                std::find_if(foreign.cbegin(), foreign.cend(), [&now](const Webhook &h) { return h.id == now.id; });
            ASSERT_NE(was, foreign.cend());
            EXPECT_EQ(now, *was);
        }
    }
}

TEST_F(MainWindowTest, InstallMissingCreatesTheCatalogHooks)
{
    // Only the mandatory hook is there, next to foreign ones.
    const QStringList missing{
        QStringLiteral("customerorder/CREATE"), QStringLiteral("paymentin/CREATE"), QStringLiteral("paymentin/UPDATE"),
        QStringLiteral("paymentin/DELETE"),     QStringLiteral("cashin/CREATE"),    QStringLiteral("cashin/UPDATE"),
        QStringLiteral("cashin/DELETE"),        QStringLiteral("demand/CREATE"),    QStringLiteral("demand/UPDATE")};
    seedOurHooks(missing);
    const QList<Webhook> foreign = seedForeignHooks();
    startWindow();
    EXPECT_EQ(model()->plan().count(HookState::Missing), 9);
    QPushButton *install = button(QStringLiteral("installMissingButton"));
    ASSERT_TRUE(install->isEnabled());

    fake.clearRequests();
    QTest::mouseClick(install, Qt::LeftButton);
    ASSERT_TRUE(waitIdle());

    const QList<FakeMoySklad::Request> sent = writes();
    ASSERT_EQ(sent.size(), 1) << window->messageBar()->text().toStdString();
    const QJsonArray items = QJsonDocument::fromJson(sent[0].body).array();
    ASSERT_EQ(items.size(), 9);
    QStringList created;
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        EXPECT_FALSE(item.contains(QStringLiteral("meta"))); // creates, not updates
        EXPECT_TRUE(item.value(QStringLiteral("url")).toString().startsWith(siteUrl + QStringLiteral("moysklad/")));
        EXPECT_TRUE(item.value(QStringLiteral("url")).toString().endsWith(QStringLiteral("?key=") + secret));
        created.append(item.value(QStringLiteral("entityType")).toString() + QLatin1Char('/') +
                       item.value(QStringLiteral("action")).toString());
    }
    created.sort();
    QStringList expected = missing;
    expected.sort();
    EXPECT_EQ(created, expected);
    EXPECT_EQ(model()->plan().count(HookState::InSync), 10);
    EXPECT_EQ(model()->plan().count(HookState::Missing), 0);
    EXPECT_FALSE(install->isEnabled());
    EXPECT_EQ(fake.hooks().size(), 13);
    for (const Webhook &was : foreign) {
        const QList<Webhook> now = fake.hooks();
        EXPECT_TRUE(now.contains(was));
    }
}

TEST_F(MainWindowTest, ApplyWithNothingTickedWritesNothingWhenInSync)
{
    seedOurHooks();
    seedForeignHooks();
    startWindow();
    fake.clearRequests();
    QTest::mouseClick(button(QStringLiteral("applyButton")), Qt::LeftButton);
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(writes().isEmpty());
    EXPECT_FALSE(window->messageBar()->text().isEmpty());
}

TEST_F(MainWindowTest, ErrorsAppearInTheMessageBar)
{
    seedOurHooks();
    startWindow();
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/webhook"), 403, 1002,
                  QStringLiteral("Доступ запрещён"));
    QTest::mouseClick(button(QStringLiteral("refreshButton")), Qt::LeftButton);
    ASSERT_TRUE(waitIdle());
    auto *bar = window->messageBar();
    EXPECT_FALSE(bar->isHidden());
    EXPECT_EQ(bar->kind(), MessageBar::Kind::Error);
    EXPECT_TRUE(bar->text().contains(QStringLiteral("Доступ запрещён"))) << bar->text().toStdString();
    EXPECT_TRUE(button(QStringLiteral("refreshButton"))->isEnabled());
}

TEST_F(MainWindowTest, ObtainingATokenAsksFirstThenSavesIt)
{
    fake.setLogin(QStringLiteral("admin@shop"), QStringLiteral("s3cret password"));
    secrets->remove(SecretKey::apiToken, [](auto) {});
    createWindow();
    window->start();
    ASSERT_TRUE(waitIdle());
    EXPECT_FALSE(window->controller()->hasListed()); // no token: nothing listed

    findWidget<QLineEdit>(window.get(), QStringLiteral("loginEdit"))->setText(QStringLiteral("admin@shop"));
    findWidget<QLineEdit>(window.get(), QStringLiteral("passwordEdit"))->setText(QStringLiteral("s3cret password"));
    dialogs.presetAnswers({false, true});
    QTest::mouseClick(button(QStringLiteral("obtainTokenButton")), Qt::LeftButton);
    QTest::qWait(0); // the preset answer arrives from the event loop
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/security/token")), 0);

    QTest::mouseClick(button(QStringLiteral("obtainTokenButton")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor(
        [this] { return fake.countRequests(QStringLiteral("POST"), QStringLiteral("/security/token")) == 1; }));
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(dialogs.askedQuestions().size(), 2);
    EXPECT_TRUE(dialogs.askedQuestions().constFirst().contains(QStringLiteral("revokes")));
    std::optional<QString> saved;
    secrets->read(SecretKey::apiToken, [&saved](auto result) { saved = result.value(); });
    ASSERT_TRUE(saved.has_value());
    EXPECT_FALSE(saved->isEmpty());
    EXPECT_EQ(workspace->token(), *saved);
    EXPECT_EQ(findWidget<QLineEdit>(window.get(), QStringLiteral("tokenEdit"))->echoMode(), QLineEdit::Password);
}

TEST_F(MainWindowTest, LockedKeychainIsExplainedAndTheFileOptInIsExplicit)
{
    secrets->setFailure(SecretError{SecretError::Kind::Locked, QStringLiteral("Collection is locked")});
    createWindow();
    window->start();
    ASSERT_TRUE(waitIdle());
    MessageBar *bar = window->messageBar();
    EXPECT_EQ(bar->kind(), MessageBar::Kind::Error);
    EXPECT_TRUE(bar->text().contains(QStringLiteral("keychain is locked"))) << bar->text().toStdString();
    EXPECT_FALSE(bar->text().contains(QStringLiteral("no token"), Qt::CaseInsensitive));
    EXPECT_EQ(bar->actionId(), QStringLiteral("secretsInFile"));
    EXPECT_FALSE(settings->secretsInFile());
    // The Connection tab does not say the secrets are kept in the keychain.
    const auto storeText = [this] {
        return findWidget<QLabel>(window.get(), QStringLiteral("secretsStoreLabel"))->text();
    };
    EXPECT_TRUE(storeText().contains(QStringLiteral("this session only"))) << storeText().toStdString();

    // Declined: nothing changes.
    dialogs.presetAnswers({false});
    QTest::mouseClick(findWidget<QPushButton>(bar, QStringLiteral("messageActionButton")), Qt::LeftButton);
    QTest::qWait(0);
    EXPECT_FALSE(settings->secretsInFile());
    EXPECT_FALSE(ini->childGroups().contains(QStringLiteral("plaintext-secrets-opt-in")));

    // Accepted: the settings file keeps them from now on.
    dialogs.presetAnswers({true});
    QTest::mouseClick(findWidget<QPushButton>(bar, QStringLiteral("messageActionButton")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([this] { return settings->secretsInFile(); }));
    EXPECT_TRUE(findWidget<QCheckBox>(window.get(), QStringLiteral("secretsInFileCheck"))->isChecked());
    EXPECT_TRUE(storeText().contains(QStringLiteral("settings file, unencrypted"))) << storeText().toStdString();
    typeInto(QStringLiteral("tokenEdit"), QStringLiteral("typed-token-0123456789"));
    ini->sync();
    QSettings reread(Settings::fileIn(dir.path()), QSettings::IniFormat);
    EXPECT_EQ(reread.value(QStringLiteral("plaintext-secrets-opt-in/api.token")).toString(),
              QStringLiteral("typed-token-0123456789"));
    EXPECT_FALSE(reread.value(QStringLiteral("plaintext-secrets-opt-in/site.secret")).toString().isEmpty());
}

TEST_F(MainWindowTest, LanguageSwitchesLive)
{
    seedOurHooks();
    startWindow();
    QPushButton *apply = button(QStringLiteral("applyButton"));
    EXPECT_EQ(apply->text(), QStringLiteral("&Apply"));
    auto *language = findWidget<QComboBox>(window.get(), QStringLiteral("languageCombo"));
    ASSERT_NE(language, nullptr);
    window->tabs()->setCurrentIndex(1);
    language->setCurrentIndex(language->findData(QStringLiteral("ru")));
    Q_EMIT language->activated(language->currentIndex());
    EXPECT_EQ(settings->language(), QStringLiteral("ru"));
    // Qt posts QEvent::LanguageChange to the windows: the texts change on the next turn of the event loop.
    EXPECT_TRUE(QTest::qWaitFor([apply] { return apply->text() == QStringLiteral("&Применить"); }));
    EXPECT_EQ(model()->headerData(WebhookTableModel::UpdateColumn, Qt::Horizontal).toString(),
              QStringLiteral("Обновить"));
    auto *combo = findWidget<QComboBox>(table(), QStringLiteral("modeCombo_customerorder_UPDATE"));
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->itemText(combo->findData(QStringLiteral("queued"))),
              QStringLiteral("Выполнять отложенно в очереди"));
    EXPECT_EQ(window->tabs()->tabText(0), QStringLiteral("Веб-хуки"));

    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    Q_EMIT language->activated(language->currentIndex());
    EXPECT_TRUE(QTest::qWaitFor([apply] { return apply->text() == QStringLiteral("&Apply"); }));
    EXPECT_EQ(window->tabs()->tabText(0), QStringLiteral("Webhooks"));
}

TEST_F(MainWindowTest, GeometryColumnWidthsAndTabAreRemembered)
{
    seedOurHooks();
    startWindow();
    window->resize(1000, 700);
    window->tabs()->setCurrentIndex(1);
    table()->horizontalHeader()->resizeSection(WebhookTableModel::EntityColumn, 211);
    window->close();
    window.reset();

    createWindow();
    EXPECT_EQ(window->tabs()->currentIndex(), 1);
    EXPECT_EQ(window->size(), QSize(1000, 700));
    EXPECT_EQ(table()->horizontalHeader()->sectionSize(WebhookTableModel::EntityColumn), 211);
    // A listing keeps the user's widths: only the first, unsaved layout follows the content.
    const int url = table()->horizontalHeader()->sectionSize(WebhookTableModel::UrlColumn);
    window->start();
    ASSERT_TRUE(waitIdle());
    ASSERT_EQ(model()->rowCount(), 10);
    EXPECT_EQ(table()->horizontalHeader()->sectionSize(WebhookTableModel::EntityColumn), 211);
    EXPECT_EQ(table()->horizontalHeader()->sectionSize(WebhookTableModel::UrlColumn), url);
}

TEST_F(MainWindowTest, InteractiveWidgetsHaveStableNames)
{
    createWindow();
    for (const QString &name : {QStringLiteral("mainTabs"),
                                QStringLiteral("webhookTable"),
                                QStringLiteral("refreshButton"),
                                QStringLiteral("installMissingButton"),
                                QStringLiteral("applyButton"),
                                QStringLiteral("busyIndicator"),
                                QStringLiteral("apiUrlEdit"),
                                QStringLiteral("tokenEdit"),
                                QStringLiteral("loginEdit"),
                                QStringLiteral("passwordEdit"),
                                QStringLiteral("obtainTokenButton"),
                                QStringLiteral("checkConnectionButton"),
                                QStringLiteral("siteUrlEdit"),
                                QStringLiteral("secretEdit"),
                                QStringLiteral("showSecretCheck"),
                                QStringLiteral("generateSecretButton"),
                                QStringLiteral("paymentsCombo"),
                                QStringLiteral("shipmentsCombo"),
                                QStringLiteral("importOrdersCheck"),
                                QStringLiteral("languageCombo"),
                                QStringLiteral("secretsInFileCheck"),
                                QStringLiteral("messageBar"),
                                QStringLiteral("messageActionButton"),
                                QStringLiteral("messageCloseButton")})
        EXPECT_NE(findWidget<QWidget>(window.get(), name), nullptr) << name.toStdString();
}

TEST_F(MainWindowTest, VerificationStringIsMaskedUntilShownAndGenerateMakesANewOne)
{
    seedOurHooks();
    startWindow();
    auto *edit = findWidget<QLineEdit>(window.get(), QStringLiteral("secretEdit"));
    EXPECT_EQ(edit->echoMode(), QLineEdit::Password);
    EXPECT_EQ(edit->text(), secret);
    window->tabs()->setCurrentIndex(1);
    QTest::mouseClick(findWidget<QCheckBox>(window.get(), QStringLiteral("showSecretCheck")), Qt::LeftButton);
    EXPECT_EQ(edit->echoMode(), QLineEdit::Normal);
    dialogs.presetAnswers({true});
    QTest::mouseClick(button(QStringLiteral("generateSecretButton")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return edit->text() != secret; }));
    EXPECT_GE(edit->text().size(), 22); // ≥ 128 bits in base64url
    EXPECT_EQ(model()->plan().count(HookState::Outdated), 10);
}

TEST_F(MainWindowTest, CheckConnectionReportsTheUser)
{
    startWindow();
    window->tabs()->setCurrentIndex(1);
    QTest::mouseClick(button(QStringLiteral("checkConnectionButton")), Qt::LeftButton);
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(window->messageBar()->kind(), MessageBar::Kind::Info) << window->messageBar()->text().toStdString();
    EXPECT_TRUE(window->messageBar()->text().contains(QStringLiteral("Connected")))
        << window->messageBar()->text().toStdString();
}

TEST_F(MainWindowTest, UnneededHooksAreDeletedOnlyAfterAnExplicitYes)
{
    seedOurHooks();
    const QList<Webhook> foreign = seedForeignHooks();
    startWindow();
    QPushButton *remove = button(QStringLiteral("removeUnneededButton"));
    EXPECT_TRUE(remove->isHidden()); // nothing to remove yet

    // Payments off: the six paymentin/cashin hooks are ours but no longer needed.
    window->tabs()->setCurrentIndex(1);
    auto *payments = findWidget<QComboBox>(window.get(), QStringLiteral("paymentsCombo"));
    payments->setCurrentIndex(payments->findData(QStringLiteral("none")));
    Q_EMIT payments->activated(payments->currentIndex());
    EXPECT_EQ(model()->plan().count(HookState::NotNeeded), 6);
    window->tabs()->setCurrentIndex(0);
    EXPECT_FALSE(remove->isHidden());

    // Apply alone never deletes.
    fake.clearRequests();
    QTest::mouseClick(button(QStringLiteral("applyButton")), Qt::LeftButton);
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(writes().isEmpty());

    dialogs.presetAnswers({false});
    QTest::mouseClick(remove, Qt::LeftButton);
    EXPECT_TRUE(QTest::qWaitFor([this] { return dialogs.askedQuestions().size() == 1; }));
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(writes().isEmpty());

    dialogs.presetAnswers({true});
    QTest::mouseClick(remove, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([this] { return !writes().isEmpty(); }));
    ASSERT_TRUE(waitIdle());
    const QList<FakeMoySklad::Request> sent = writes();
    ASSERT_EQ(sent.size(), 1) << window->messageBar()->text().toStdString();
    EXPECT_TRUE(sent[0].path.endsWith(QStringLiteral("/entity/webhook/delete")));
    EXPECT_EQ(QJsonDocument::fromJson(sent[0].body).array().size(), 6);
    EXPECT_EQ(fake.hooks().size(), 4 + 3);
    for (const Webhook &was : foreign)
        EXPECT_TRUE(fake.hooks().contains(was));
    EXPECT_EQ(model()->plan().count(HookState::NotNeeded), 0);
    EXPECT_TRUE(remove->isHidden());
}

TEST_F(MainWindowTest, TheMandatoryHookIsMarkedInItsRow)
{
    seedOurHooks();
    seedForeignHooks();
    startWindow();
    const int mandatory = rowOf(QStringLiteral("customerorder/UPDATE"));
    ASSERT_GE(mandatory, 0);
    const QModelIndex action = model()->index(mandatory, WebhookTableModel::ActionColumn);
    EXPECT_EQ(action.data().toString(), QStringLiteral("UPDATE · mandatory"));
    EXPECT_EQ(action.data(Qt::EditRole).toString(), QStringLiteral("UPDATE"));
    EXPECT_TRUE(action.data(WebhookTableModel::MandatoryRole).toBool());
    EXPECT_TRUE(action.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Mandatory:")));
    EXPECT_TRUE(model()
                    ->index(mandatory, WebhookTableModel::StateColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Mandatory:")));
    // Only that row: not the order import hook, not another application's customerorder/UPDATE.
    for (int row = 0; row < model()->rowCount(); ++row) {
        if (row == mandatory)
            continue;
        const QModelIndex other = model()->index(row, WebhookTableModel::ActionColumn);
        EXPECT_FALSE(other.data().toString().contains(QStringLiteral("mandatory"))) << row;
        EXPECT_FALSE(other.data(WebhookTableModel::MandatoryRole).toBool()) << row;
    }
    EXPECT_FALSE(model()
                     ->index(rowOf(QStringLiteral("customerorder/UPDATE"), false), WebhookTableModel::ActionColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("Mandatory")));
    // The badge fits its column.
    EXPECT_GE(table()->columnWidth(WebhookTableModel::ActionColumn),
              table()->fontMetrics().horizontalAdvance(action.data().toString()));
}

TEST_F(MainWindowTest, TickAllOutdatedTicksEveryOutdatedHookOfOurs)
{
    seedOurHooks({QStringLiteral("demand/UPDATE")});
    seedForeignHooks();
    startWindow();
    QPushButton *tick = button(QStringLiteral("tickOutdatedButton"));
    EXPECT_FALSE(tick->isEnabled()); // nothing outdated
    typeInto(QStringLiteral("secretEdit"), QStringLiteral("Changed_Secret_0123456789abcdefghijklmnopqrs"));
    window->tabs()->setCurrentIndex(0);
    ASSERT_EQ(model()->plan().count(HookState::Outdated), 9);
    EXPECT_TRUE(tick->isEnabled());

    QTest::mouseClick(tick, Qt::LeftButton);
    EXPECT_EQ(model()->checkedHookIds().size(), 9);
    for (int row = 0; row < model()->rowCount(); ++row) {
        const QModelIndex update = model()->index(row, WebhookTableModel::UpdateColumn);
        const bool outdated = model()->planRow(row).state == HookState::Outdated;
        EXPECT_EQ(update.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked, outdated) << row;
    }

    fake.clearRequests();
    QTest::mouseClick(button(QStringLiteral("applyButton")), Qt::LeftButton);
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(model()->plan().count(HookState::Outdated), 0);
    EXPECT_EQ(model()->plan().count(HookState::InSync), 10); // the missing one created too
    EXPECT_FALSE(tick->isEnabled());
    for (const Webhook &hook : fake.hooks()) {
        if (hook.url.startsWith(siteUrl)) {
            EXPECT_TRUE(hook.url.endsWith(QStringLiteral("Changed_Secret_0123456789abcdefghijklmnopqrs")));
        }
    }
}

TEST_F(MainWindowTest, ApplyWithOutdatedHooksAndNothingTickedSaysWhatToDo)
{
    seedOurHooks();
    startWindow();
    typeInto(QStringLiteral("secretEdit"), QStringLiteral("Changed_Secret_0123456789abcdefghijklmnopqrs"));
    window->tabs()->setCurrentIndex(0);
    fake.clearRequests();
    QTest::mouseClick(button(QStringLiteral("applyButton")), Qt::LeftButton);
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(writes().isEmpty());
    const QString text = window->messageBar()->text();
    EXPECT_EQ(window->messageBar()->kind(), MessageBar::Kind::Warning);
    EXPECT_TRUE(text.startsWith(QStringLiteral("10 hooks are outdated: tick Update"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Tick all outdated"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("already as they should be"))) << text.toStdString();
}

TEST_F(MainWindowTest, TheUrlColumnShowsThePathAndElidesTheKey)
{
    seedOurHooks();
    seedForeignHooks();
    startWindow();
    const int row = rowOf(QStringLiteral("paymentin/DELETE"));
    const QModelIndex url = model()->index(row, WebhookTableModel::UrlColumn);
    const QString full = model()->planRow(row).url();
    EXPECT_EQ(url.data().toString(), siteUrl + QStringLiteral("moysklad/paymentin/delete?key=…"));
    EXPECT_EQ(url.data(Qt::ToolTipRole).toString(), HookUrl::mask(full));
    EXPECT_FALSE(url.data(Qt::ToolTipRole).toString().contains(secret));
    // Cut, if at all, at the end (the key), never in the path.
    EXPECT_EQ(table()->textElideMode(), Qt::ElideRight);

    // The first window (no saved state) is no wider than the screen.
    ASSERT_TRUE(QTest::qWaitFor([this] { return table()->isVisible(); }));
    EXPECT_LE(window->width(), window->screen()->availableGeometry().width());

    // Wide enough, every column fits what it shows, without a horizontal scroll.
    window->resize(1800, 700);
    QTest::qWait(0);
    auto *view = static_cast<QAbstractItemView *>(table());
    for (int column = 0; column < WebhookTableModel::ColumnCount; ++column) {
        EXPECT_GE(table()->columnWidth(column), view->sizeHintForColumn(column)) << column;
        EXPECT_GE(table()->columnWidth(column), table()->horizontalHeader()->sectionSizeHint(column)) << column;
    }
    EXPECT_LE(table()->horizontalHeader()->length(), table()->viewport()->width())
        << window->width() << " " << table()->horizontalHeader()->length();

    // On a laptop's width the URL gives way: the mode and the Update checkbox, what the user acts on, stay in sight.
    const int urlNeeds = table()->columnWidth(WebhookTableModel::UrlColumn);
    window->resize(1280, 700);
    QTest::qWait(0);
    const QHeaderView *header = table()->horizontalHeader();
    for (const int column : {int(WebhookTableModel::ModeColumn), int(WebhookTableModel::UpdateColumn)})
        EXPECT_LE(header->sectionViewportPosition(column) + header->sectionSize(column), table()->viewport()->width())
            << column;
    EXPECT_LT(table()->columnWidth(WebhookTableModel::UrlColumn), urlNeeds);
    window->resize(1800, 700);
    QTest::qWait(0);
    EXPECT_EQ(table()->columnWidth(WebhookTableModel::UrlColumn), urlNeeds); // and takes its room back
}

TEST_F(MainWindowTest, GenerateAsksFirstAndSaysTheHooksMustBeUpdated)
{
    seedOurHooks();
    startWindow();
    window->tabs()->setCurrentIndex(1);
    auto *edit = findWidget<QLineEdit>(window.get(), QStringLiteral("secretEdit"));

    dialogs.presetAnswers({false});
    QTest::mouseClick(button(QStringLiteral("generateSecretButton")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([this] { return dialogs.askedQuestions().size() == 1; }));
    QTest::qWait(0); // the answer arrives from the event loop
    EXPECT_EQ(workspace->siteSecret(), secret);
    EXPECT_EQ(edit->text(), secret);
    EXPECT_EQ(model()->plan().count(HookState::Outdated), 0);
    const QString question = dialogs.askedQuestions().constFirst();
    EXPECT_TRUE(question.contains(QStringLiteral("outdated"))) << question.toStdString();
    EXPECT_TRUE(question.contains(QStringLiteral("refuses"))) << question.toStdString();
    EXPECT_TRUE(question.contains(QStringLiteral("24 hours")))
        << "the overlap is explained: " << question.toStdString();

    dialogs.presetAnswers({true});
    QTest::mouseClick(button(QStringLiteral("generateSecretButton")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([this] { return workspace->siteSecret() != secret; }));
    EXPECT_EQ(edit->text(), workspace->siteSecret());
    EXPECT_EQ(model()->plan().count(HookState::Outdated), 10);
    EXPECT_EQ(window->messageBar()->kind(), MessageBar::Kind::Warning);
    EXPECT_TRUE(window->messageBar()->text().contains(QStringLiteral("10 hooks are now outdated")))
        << window->messageBar()->text().toStdString();
    EXPECT_TRUE(writes().isEmpty()); // nothing rewritten behind the user's back
}

TEST_F(MainWindowTest, F5RefreshesAndEveryButtonAndLabelHasAMnemonic)
{
    seedOurHooks();
    startWindow();
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    fake.clearRequests();
    window->tabs()->setCurrentIndex(1); // from any tab
    QTest::keyClick(window.get(), Qt::Key_F5);
    EXPECT_TRUE(window->controller()->isBusy());
    ASSERT_TRUE(waitIdle());
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 1);

    // Mnemonics: every button of the Webhooks tab, every labelled field and button of the Connection tab, and no
    // letter used twice on one tab.
    for (const QString &pageName : {QStringLiteral("webhooksPage"), QStringLiteral("connectionPage")}) {
        auto *page = findWidget<QWidget>(window.get(), pageName);
        ASSERT_NE(page, nullptr);
        const QStringList problems = mnemonicProblems(page);
        EXPECT_TRUE(problems.isEmpty()) << pageName.toStdString() << ": "
                                        << problems.join(QStringLiteral("; ")).toStdString();
    }
    // Alt+letter reaches the field.
    auto *apiUrl = findWidget<QLineEdit>(window.get(), QStringLiteral("apiUrlEdit"));
    QTest::keyClick(window.get(), Qt::Key_S, Qt::AltModifier);
    EXPECT_TRUE(QTest::qWaitFor(
        [this] { return findWidget<QLineEdit>(window.get(), QStringLiteral("siteUrlEdit"))->hasFocus(); }));
    QTest::keyClick(window.get(), Qt::Key_U, Qt::AltModifier);
    EXPECT_TRUE(QTest::qWaitFor([apiUrl] { return apiUrl->hasFocus(); }));
}

TEST_F(MainWindowTest, CtrlQQuitsTheApplication)
{
    startWindow();
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    auto *quit = findWidget<QAction>(window.get(), QStringLiteral("quitAction"));
    ASSERT_NE(quit, nullptr);
    EXPECT_EQ(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    QSignalSpy triggered(quit, &QAction::triggered);
    // Ctrl+Q once the event loop runs; the loop ends with 0 through QApplication::quit, or with 1 if it did not.
    QTimer::singleShot(0, window.get(), [this] { QTest::keyClick(window.get(), Qt::Key_Q, Qt::ControlModifier); });
    QTimer::singleShot(5000, window.get(), [] { QCoreApplication::exit(1); });
    EXPECT_EQ(QApplication::exec(), 0);
    EXPECT_EQ(triggered.count(), 1);
}

TEST_F(MainWindowTest, ATestDeliveryReachesTheReceiverAndShowsEveryStep)
{
    // This data directory's receiver, on a port chosen here so that the site URL can name it.
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    ASSERT_TRUE(settings->set(QStringLiteral("receiver.listen"), QStringLiteral("127.0.0.1:%1").arg(port)).ok());
    ASSERT_TRUE(
        settings->set(QStringLiteral("site.url"), QStringLiteral("http://127.0.0.1:%1/skladhook/").arg(port)).ok());
    startWindow();
    workspace->runService();
    ASSERT_EQ(workspace->role(), Workspace::Role::Serving) << workspace->roleDetail().toStdString();

    auto *action = window->findChild<QAction *>(QStringLiteral("testDeliveryAction"));
    ASSERT_NE(action, nullptr);
    action->trigger();
    auto *dialog = window->findChild<TestDeliveryDialog *>(QStringLiteral("testDeliveryDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    int reports = 0;
    bool ok = false;
    QObject::connect(dialog, &TestDeliveryDialog::reportReady, dialog, [&](const TestDeliveryReport &report) {
        ++reports;
        ok = report.ok();
    });
    ASSERT_TRUE(QTest::qWaitFor([&] { return reports == 1; }, 30000));
    EXPECT_TRUE(ok);

    // One row per hook URL (the whole catalog here), each with its four steps, all OK.
    const QStandardItemModel *results = dialog->results();
    ASSERT_EQ(results->rowCount(), HookCatalog::all().size());
    for (int row = 0; row < results->rowCount(); ++row) {
        const QStandardItem *target = results->item(row, TestDeliveryDialog::StepColumn);
        EXPECT_FALSE(results->item(row, TestDeliveryDialog::DetailColumn)->text().contains(secret));
        ASSERT_EQ(target->rowCount(), 4) << target->text().toStdString();
        EXPECT_EQ(target->child(0, TestDeliveryDialog::StepColumn)->text(), QStringLiteral("Name resolution"));
        EXPECT_EQ(target->child(3, TestDeliveryDialog::StepColumn)->text(), QStringLiteral("Recorded by the receiver"));
        for (int step = 0; step < target->rowCount(); ++step)
            EXPECT_EQ(target->child(step, TestDeliveryDialog::ResultColumn)->text(), QStringLiteral("OK"))
                << target->child(step, TestDeliveryDialog::DetailColumn)->text().toStdString();
    }
    const auto *summary = findWidget<QLabel>(dialog, QStringLiteral("testDeliverySummary"));
    EXPECT_TRUE(summary->text().startsWith(QStringLiteral("Every hook URL reached the receiver")))
        << summary->text().toStdString();
    EXPECT_EQ(workspace->service()->receiver()->counters().testDeliveries, quint64(HookCatalog::all().size()));
    EXPECT_EQ(workspace->service()->receiver()->counters().accepted, 0u);

    // The Webhooks tab's button sends again through the same dialog; with the receiver stopped the connection fails.
    workspace->stopService();
    QTest::mouseClick(button(QStringLiteral("testDeliveryButton")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return reports == 2; }, 30000));
    EXPECT_FALSE(ok);
    EXPECT_EQ(window->findChildren<TestDeliveryDialog *>().size(), 1);
    const QStandardItem *first = results->item(0, TestDeliveryDialog::StepColumn);
    ASSERT_GE(first->rowCount(), 2);
    EXPECT_EQ(first->child(1, TestDeliveryDialog::ResultColumn)->text(), QStringLiteral("Failed"));
    EXPECT_EQ(first->child(1, TestDeliveryDialog::DetailColumn)->text(),
              QStringLiteral("connection refused to 127.0.0.1:%1").arg(port));
    EXPECT_TRUE(summary->text().contains(QStringLiteral("failed"))) << summary->text().toStdString();
}

TEST_F(MainWindowTest, ALongAnswerCanBeCancelledAndItsLateResultIsDropped)
{
    startWindow();
    fake.setResponseDelayMs(2500);
    QPushButton *cancel = button(QStringLiteral("cancelButton"));
    ASSERT_NE(cancel, nullptr);
    EXPECT_FALSE(cancel->isVisible());
    QTest::mouseClick(button(QStringLiteral("refreshButton")), Qt::LeftButton);
    ASSERT_TRUE(window->controller()->isBusy());
    EXPECT_TRUE(cancel->isVisible()) << "the progress has its Cancel beside it";

    QTest::mouseClick(cancel, Qt::LeftButton);
    EXPECT_FALSE(window->controller()->isBusy());
    EXPECT_FALSE(cancel->isVisible());
    EXPECT_TRUE(window->messageBar()->text().startsWith(QStringLiteral("Cancelled")))
        << window->messageBar()->text().toStdString();
    EXPECT_TRUE(button(QStringLiteral("refreshButton"))->isEnabled());

    // The late answer changes nothing the user sees.
    QTest::qWait(3500);
    EXPECT_TRUE(window->messageBar()->text().startsWith(QStringLiteral("Cancelled")));
    fake.setResponseDelayMs(0);
    QTest::mouseClick(button(QStringLiteral("refreshButton")), Qt::LeftButton);
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(window->messageBar()->text().contains(QStringLiteral("webhook")))
        << window->messageBar()->text().toStdString();
}

TEST_F(MainWindowTest, AConnectionCheckShowsItsProgressOnItsTabAndCanBeCancelled)
{
    startWindow();
    fake.setResponseDelayMs(2500);
    auto *check = button(QStringLiteral("checkConnectionButton"));
    auto *cancel = button(QStringLiteral("cancelConnectionButton"));
    ASSERT_TRUE(check && cancel);
    window->tabs()->setCurrentWidget(window->connectionPage());
    EXPECT_FALSE(cancel->isVisible());
    QTest::mouseClick(check, Qt::LeftButton);
    ASSERT_TRUE(window->controller()->isBusy());
    EXPECT_TRUE(cancel->isVisible());
    EXPECT_TRUE(findWidget<QProgressBar>(window.get(), QStringLiteral("connectionBusy"))->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    EXPECT_FALSE(window->controller()->isBusy());
    EXPECT_FALSE(cancel->isVisible());
    EXPECT_TRUE(check->isEnabled());
    fake.setResponseDelayMs(0);
}
