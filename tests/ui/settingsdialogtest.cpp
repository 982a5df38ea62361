// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings dialog over a real workspace's settings file in a temporary directory, under the offscreen platform.
#include "settings/settingsdialog.h"
#include "monitor/queuepanel.h"
#include "settings/connectionpage.h"
#include "uifixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QTest>

#include <gtest/gtest.h>

namespace {

class SettingsDialogTest : public ::testing::Test, public UiFixture
{
protected:
    void SetUp() override { language.setLanguage(QStringLiteral("en")); }
    void TearDown() override
    {
        dialog.reset();
        language.setLanguage(QStringLiteral("en"));
    }

    SettingsDialog *open()
    {
        dialog = std::make_unique<SettingsDialog>(settings);
        dialog->show();
        return dialog.get();
    }

    template<typename T>
    T *editor(SettingKey key) const
    {
        auto *found = qobject_cast<T *>(dialog->editor(key));
        EXPECT_NE(found, nullptr) << Settings::nameOf(key).toStdString();
        return found;
    }

    QPushButton *button(const QString &name) const { return findWidget<QPushButton>(dialog.get(), name); }
    QLabel *label(SettingKey key) const
    {
        return findWidget<QLabel>(dialog.get(), Settings::nameOf(key) + QStringLiteral("/label"));
    }
    QLabel *errorLabel(SettingKey key) const
    {
        return findWidget<QLabel>(dialog.get(), Settings::nameOf(key) + QStringLiteral("/error"));
    }

    // Replaces a spin box's number as a user does: select it, type.
    static void typeNumber(QSpinBox *spin, const QString &number)
    {
        spin->setFocus();
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, number);
    }
    static void typeText(QLineEdit *line, const QString &text)
    {
        line->setFocus();
        line->selectAll();
        QTest::keyClicks(line, text);
    }

    // The file as another process (`config get`, a running `serve`) reads it.
    QString stored(SettingKey key) const
    {
        QSettings file(Settings::fileIn(dir.path()), QSettings::IniFormat);
        return Settings(&file).value(key);
    }
    bool storedAtAll(SettingKey key) const
    {
        QSettings file(Settings::fileIn(dir.path()), QSettings::IniFormat);
        return Settings(&file).isSet(key);
    }

    std::unique_ptr<SettingsDialog> dialog;
};

TEST_F(SettingsDialogTest, EveryKeyHasAnEditorHereOrElsewhere)
{
    open();
    // Where the keys that are not in the dialog are edited, by the editor's objectName.
    ConnectionPage connection(settings);
    QueuePanel queue(nullptr);
    const QHash<SettingKey, QWidget *> elsewhere{
        {SettingKey::ApiUrl, findWidget<QLineEdit>(&connection, QStringLiteral("apiUrlEdit"))},
        {SettingKey::SiteUrl, findWidget<QLineEdit>(&connection, QStringLiteral("siteUrlEdit"))},
        {SettingKey::ExchangePayments, findWidget<QComboBox>(&connection, QStringLiteral("paymentsCombo"))},
        {SettingKey::ExchangeShipments, findWidget<QComboBox>(&connection, QStringLiteral("shipmentsCombo"))},
        {SettingKey::ImportOrders, findWidget<QCheckBox>(&connection, QStringLiteral("importOrdersCheck"))},
        {SettingKey::SecretsStore, findWidget<QCheckBox>(&connection, QStringLiteral("secretsInFileCheck"))},
        {SettingKey::QueuePaused, findWidget<QPushButton>(&queue, QStringLiteral("pauseButton"))},
    };
    int here = 0;
    for (const Settings::Key &key : Settings::keys()) {
        SCOPED_TRACE(key.name.toStdString());
        QWidget *shown = dialog->editor(key.id);
        if (!SettingsDialog::sectionOf(key.id)) {
            EXPECT_EQ(shown, nullptr);
            ASSERT_TRUE(elsewhere.contains(key.id)) << "a setting with no editor anywhere";
            EXPECT_NE(elsewhere.value(key.id), nullptr) << "its editor elsewhere is gone";
            continue;
        }
        ++here;
        ASSERT_NE(shown, nullptr);
        EXPECT_FALSE(elsewhere.contains(key.id));
        EXPECT_EQ(shown->objectName(), key.name);
        EXPECT_TRUE(shown->isVisibleTo(dialog.get()));
        EXPECT_FALSE(shown->toolTip().isEmpty());
        // The editor the key's rule calls for, with the rule's own bounds and choices.
        if (key.rule.range) {
            auto *spin = qobject_cast<QSpinBox *>(shown);
            ASSERT_NE(spin, nullptr);
            EXPECT_EQ(spin->minimum(), key.rule.range->first);
            EXPECT_EQ(spin->maximum(), key.rule.range->second);
        } else if (key.rule.choices == QStringList{QStringLiteral("on"), QStringLiteral("off")}) {
            EXPECT_NE(qobject_cast<QCheckBox *>(shown), nullptr);
        } else if (!key.rule.choices.isEmpty()) {
            auto *combo = qobject_cast<QComboBox *>(shown);
            ASSERT_NE(combo, nullptr);
            ASSERT_EQ(combo->count(), key.rule.choices.size());
            for (const QString &choice : key.rule.choices)
                EXPECT_GE(combo->findData(choice), 0) << choice.toStdString();
        } else {
            EXPECT_NE(qobject_cast<QLineEdit *>(shown), nullptr);
        }
        // A label with a mnemonic that leads to the editor (check boxes carry their own text).
        if (auto *check = qobject_cast<QCheckBox *>(shown)) {
            EXPECT_TRUE(check->text().contains(QLatin1Char('&')));
        } else {
            QLabel *caption = label(key.id);
            ASSERT_NE(caption, nullptr);
            EXPECT_TRUE(caption->text().contains(QLatin1Char('&')));
            EXPECT_EQ(caption->buddy(), shown);
        }
    }
    EXPECT_EQ(here, Settings::keys().size() - elsewhere.size());
}

TEST_F(SettingsDialogTest, OkStoresTheEditedValues)
{
    open();
    auto *interval = editor<QSpinBox>(SettingKey::WorkerInterval);
    ASSERT_NE(interval, nullptr);
    EXPECT_EQ(interval->value(), 60);
    EXPECT_EQ(interval->suffix(), QStringLiteral(" seconds"));
    typeNumber(interval, QStringLiteral("1"));
    EXPECT_EQ(interval->suffix(), QStringLiteral(" second"));
    typeNumber(interval, QStringLiteral("120"));
    editor<QCheckBox>(SettingKey::ReceiverAllowExternal)->click();
    typeText(editor<QLineEdit>(SettingKey::ReceiverListen), QStringLiteral("0.0.0.0:9000"));
    editor<QCheckBox>(SettingKey::HooksAutoRepair)->click();
    auto *close = editor<QComboBox>(SettingKey::UiCloseToTray);
    close->setCurrentIndex(close->findData(QStringLiteral("on")));
    typeNumber(editor<QSpinBox>(SettingKey::RetentionDays), QStringLiteral("90"));
    EXPECT_TRUE(button(QStringLiteral("applyButton"))->isEnabled());

    QTest::mouseClick(button(QStringLiteral("okButton")), Qt::LeftButton);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    // Through the core settings API, as this process and another one read it.
    EXPECT_EQ(settings->workerIntervalSeconds(), 120);
    EXPECT_EQ(stored(SettingKey::WorkerInterval), QStringLiteral("120"));
    EXPECT_EQ(stored(SettingKey::ReceiverAllowExternal), QStringLiteral("on"));
    EXPECT_EQ(stored(SettingKey::ReceiverListen), QStringLiteral("0.0.0.0:9000"));
    EXPECT_EQ(stored(SettingKey::HooksAutoRepair), QStringLiteral("off"));
    EXPECT_EQ(stored(SettingKey::UiCloseToTray), QStringLiteral("on"));
    EXPECT_EQ(stored(SettingKey::RetentionDays), QStringLiteral("90"));
    // Untouched keys stay unset: their defaults can still change with a new version.
    EXPECT_FALSE(storedAtAll(SettingKey::SyncInterval));
    EXPECT_FALSE(storedAtAll(SettingKey::WorkerMaxAttempts));
}

TEST_F(SettingsDialogTest, AnInvalidValueIsRefusedBesideItsFieldAndNothingIsStored)
{
    open();
    auto *interval = editor<QSpinBox>(SettingKey::WorkerInterval);
    ASSERT_NE(interval, nullptr);
    typeNumber(interval, QStringLiteral("0"));
    QLabel *intervalError = errorLabel(SettingKey::WorkerInterval);
    ASSERT_NE(intervalError, nullptr);
    EXPECT_TRUE(intervalError->isVisible());
    EXPECT_TRUE(intervalError->text().contains(QStringLiteral("from 1 to 86400")))
        << intervalError->text().toStdString();
    EXPECT_EQ(dialog->problem(SettingKey::WorkerInterval), intervalError->text());
    // An outside address without receiver.allowExternal: Settings' own reason, beside the address.
    typeText(editor<QLineEdit>(SettingKey::ReceiverListen), QStringLiteral("0.0.0.0:8765"));
    EXPECT_TRUE(errorLabel(SettingKey::ReceiverListen)->isVisible());
    EXPECT_TRUE(dialog->problem(SettingKey::ReceiverListen).contains(QStringLiteral("receiver.allowExternal")));
    typeNumber(editor<QSpinBox>(SettingKey::RetentionDays), QStringLiteral("7"));

    EXPECT_FALSE(button(QStringLiteral("okButton"))->isEnabled());
    EXPECT_FALSE(button(QStringLiteral("applyButton"))->isEnabled());
    QTest::mouseClick(button(QStringLiteral("okButton")), Qt::LeftButton);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->apply());
    // Nothing at all, not even the valid field.
    for (const Settings::Key &key : Settings::keys())
        EXPECT_FALSE(storedAtAll(key.id)) << key.name.toStdString();

    // A malformed port, then fixed: the message goes and the form can be saved.
    typeText(editor<QLineEdit>(SettingKey::ReceiverListen), QStringLiteral("127.0.0.1:99999"));
    EXPECT_TRUE(dialog->problem(SettingKey::ReceiverListen).contains(QStringLiteral("ADDRESS:PORT")));
    typeText(editor<QLineEdit>(SettingKey::ReceiverListen), QStringLiteral("127.0.0.1:9001"));
    typeNumber(interval, QStringLiteral("30"));
    EXPECT_TRUE(dialog->problem(SettingKey::ReceiverListen).isEmpty());
    EXPECT_FALSE(intervalError->isVisible());
    QTest::mouseClick(button(QStringLiteral("applyButton")), Qt::LeftButton);
    EXPECT_EQ(stored(SettingKey::ReceiverListen), QStringLiteral("127.0.0.1:9001"));
    EXPECT_EQ(stored(SettingKey::WorkerInterval), QStringLiteral("30"));
    EXPECT_EQ(stored(SettingKey::RetentionDays), QStringLiteral("7"));
    EXPECT_TRUE(dialog->isVisible()); // Apply keeps it open
    EXPECT_FALSE(button(QStringLiteral("applyButton"))->isEnabled());
}

TEST_F(SettingsDialogTest, RestoreDefaultsShowsThemAndOkStoresThem)
{
    ASSERT_TRUE(settings->set(SettingKey::WorkerInterval, QStringLiteral("300")).ok());
    ASSERT_TRUE(settings->set(SettingKey::HooksAutoRepair, QStringLiteral("off")).ok());
    ASSERT_TRUE(settings->set(SettingKey::SyncInterval, QStringLiteral("0")).ok());
    ASSERT_TRUE(settings->set(SettingKey::UiCloseToTray, QStringLiteral("off")).ok());
    open();
    EXPECT_EQ(editor<QSpinBox>(SettingKey::WorkerInterval)->value(), 300);
    EXPECT_FALSE(editor<QCheckBox>(SettingKey::HooksAutoRepair)->isChecked());
    EXPECT_EQ(editor<QSpinBox>(SettingKey::SyncInterval)->text(), QStringLiteral("Only at start and on demand"));

    QTest::mouseClick(button(QStringLiteral("restoreDefaultsButton")), Qt::LeftButton);
    EXPECT_EQ(editor<QSpinBox>(SettingKey::WorkerInterval)->value(), 60);
    EXPECT_TRUE(editor<QCheckBox>(SettingKey::HooksAutoRepair)->isChecked());
    EXPECT_EQ(editor<QSpinBox>(SettingKey::SyncInterval)->value(), 900);
    EXPECT_EQ(editor<QComboBox>(SettingKey::UiCloseToTray)->currentData().toString(), QStringLiteral("ask"));
    EXPECT_EQ(stored(SettingKey::WorkerInterval), QStringLiteral("300")); // not before OK

    QTest::mouseClick(button(QStringLiteral("okButton")), Qt::LeftButton);
    for (const Settings::Key &key : Settings::keys()) {
        if (SettingsDialog::sectionOf(key.id)) {
            EXPECT_EQ(stored(key.id), key.defaultValue) << key.name.toStdString();
        }
    }
}

TEST_F(SettingsDialogTest, CancelStoresNothingAndAnotherProcessChangeIsFollowed)
{
    open();
    typeNumber(editor<QSpinBox>(SettingKey::WorkerMaxAttempts), QStringLiteral("3"));
    // Saved elsewhere (the CLI) while open: an untouched field follows, the one being edited keeps what was typed.
    ASSERT_TRUE(settings->set(SettingKey::RetentionDays, QStringLiteral("45")).ok());
    ASSERT_TRUE(settings->set(SettingKey::WorkerMaxAttempts, QStringLiteral("12")).ok());
    EXPECT_EQ(editor<QSpinBox>(SettingKey::RetentionDays)->value(), 45);
    EXPECT_EQ(editor<QSpinBox>(SettingKey::WorkerMaxAttempts)->value(), 3);
    QTest::mouseClick(button(QStringLiteral("cancelButton")), Qt::LeftButton);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(stored(SettingKey::WorkerMaxAttempts), QStringLiteral("12"));
}

TEST_F(SettingsDialogTest, RussianLabelsAndLiveLanguageChange)
{
    open();
    QLabel *interval = label(SettingKey::WorkerInterval);
    ASSERT_NE(interval, nullptr);
    EXPECT_EQ(interval->text(), QStringLiteral("Process the queue &every:"));
    language.setLanguage(QStringLiteral("ru"));
    EXPECT_TRUE(QTest::qWaitFor([interval] {
        return interval->text() == QStringLiteral("Обрабатывать &очередь каждые:");
    })) << interval->text().toStdString();
    EXPECT_EQ(dialog->windowTitle(), QStringLiteral("Настройки"));
    EXPECT_EQ(editor<QSpinBox>(SettingKey::WorkerInterval)->suffix(), QStringLiteral(" секунд"));
    EXPECT_EQ(editor<QCheckBox>(SettingKey::HooksAutoRepair)->text(),
              QStringLiteral("&Восстанавливать отключённые или удалённые веб-хуки"));
    EXPECT_TRUE(editor<QSpinBox>(SettingKey::WorkerInterval)->toolTip().startsWith(QStringLiteral("Секунды")))
        << editor<QSpinBox>(SettingKey::WorkerInterval)->toolTip().toStdString();
    // Settings' refusal comes in Russian too.
    typeNumber(editor<QSpinBox>(SettingKey::WorkerInterval), QStringLiteral("0"));
    EXPECT_TRUE(dialog->problem(SettingKey::WorkerInterval).contains(QStringLiteral("целым числом")))
        << dialog->problem(SettingKey::WorkerInterval).toStdString();

    // Opened in Russian from the start, too.
    dialog.reset();
    open();
    EXPECT_EQ(label(SettingKey::ReceiverListen)->text(), QStringLiteral("&Адрес приёмника (адрес:порт):"));
    for (const Settings::Key &key : Settings::keys()) {
        if (QLabel *caption = SettingsDialog::sectionOf(key.id) ? label(key.id) : nullptr) {
            // A product's name stays as it is.
            EXPECT_FALSE(QString(caption->text())
                             .remove(QStringLiteral("PostgreSQL"))
                             .contains(QRegularExpression(QStringLiteral("[A-Za-z]{3}"))))
                << caption->text().toStdString();
        }
    }
}

TEST_F(SettingsDialogTest, FitsIn1024By700WithoutClipping)
{
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("ru")}) {
        SCOPED_TRACE(lang.toStdString());
        language.setLanguage(lang);
        open();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));
        EXPECT_LE(dialog->width(), 1024);
        EXPECT_LE(dialog->height(), 700);
        QWidget *viewport = findWidget<QScrollArea>(dialog.get(), QStringLiteral("settingsScroll"))->viewport();
        for (const Settings::Key &key : Settings::keys()) {
            QWidget *shown = dialog->editor(key.id);
            if (!shown)
                continue;
            // Whole, not cut by the scroll area or squeezed below what it needs.
            const QRect inViewport(shown->mapTo(viewport, QPoint(0, 0)), shown->size());
            EXPECT_TRUE(viewport->rect().contains(inViewport))
                << key.name.toStdString() << " at " << inViewport.x() << "," << inViewport.y() << " in "
                << viewport->width() << "x" << viewport->height();
            EXPECT_GE(shown->width(), shown->minimumSizeHint().width()) << key.name.toStdString();
            if (QLabel *caption = label(key.id)) {
                EXPECT_GE(caption->width(), caption->sizeHint().width()) << key.name.toStdString();
            }
        }
        dialog.reset();
    }
}

TEST_F(SettingsDialogTest, EveryMnemonicIsUniqueInBothLanguages)
{
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("ru")}) {
        SCOPED_TRACE(lang.toStdString());
        language.setLanguage(lang);
        open();
        QHash<QChar, QString> taken;
        for (const Settings::Key &key : Settings::keys()) {
            QWidget *shown = dialog->editor(key.id);
            if (!shown)
                continue;
            auto *check = qobject_cast<QCheckBox *>(shown);
            const QString text = check ? check->text() : label(key.id)->text();
            const qsizetype at = text.indexOf(QLatin1Char('&'));
            ASSERT_TRUE(at >= 0 && at + 1 < text.size()) << text.toStdString();
            const QChar letter = text.at(at + 1).toLower();
            EXPECT_FALSE(taken.contains(letter)) << text.toStdString() << " and " << taken.value(letter).toStdString();
            taken.insert(letter, text);
        }
        dialog.reset();
    }
}

TEST_F(SettingsDialogTest, OpenedFromTheFileMenuWithCtrlComma)
{
    createWindow();
    auto *action = findWidget<QAction>(window.get(), QStringLiteral("settingsAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    EXPECT_EQ(action->text(), QStringLiteral("&Settings…"));
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_Comma, Qt::ControlModifier);
    ASSERT_NE(window->settingsDialog(), nullptr);
    EXPECT_TRUE(window->settingsDialog()->isVisible());
    // Asked again: the same dialog.
    SettingsDialog *first = window->settingsDialog();
    action->trigger();
    EXPECT_EQ(window->settingsDialog(), first);
}

} // namespace
