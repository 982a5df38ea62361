// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settings.h"
#include "settings/filesecretstore.h"
#include "settings/secretgenerator.h"

#include <gtest/gtest.h>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace {
class SettingsTest : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    QSettings ini{Settings::fileIn(dir.path()), QSettings::IniFormat};
    Settings settings{&ini};
};
} // namespace

TEST_F(SettingsTest, DefaultsAreTheProductionApiAndLoopbackReceiver)
{
    EXPECT_EQ(settings.apiUrl(), QUrl(QStringLiteral("https://api.moysklad.ru/api/remap/1.2")));
    EXPECT_EQ(settings.receiverListen(), QStringLiteral("127.0.0.1:8765"));
    EXPECT_EQ(settings.workerIntervalSeconds(), 60);
    EXPECT_EQ(settings.exchange().payments, ExchangeMode::None);
    EXPECT_FALSE(settings.exchange().importOrders);
    EXPECT_FALSE(settings.secretsInFile());
}

TEST_F(SettingsTest, AReceiverReachableFromOtherMachinesNeedsTheExplicitOptIn)
{
    EXPECT_TRUE(settings.set(QStringLiteral("receiver.listen"), QStringLiteral("[::1]:9000")).ok());
    const auto refused = settings.set(QStringLiteral("receiver.listen"), QStringLiteral("0.0.0.0:8765"));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().contains(QStringLiteral("receiver.allowExternal")));
    EXPECT_EQ(settings.receiverListen(), QStringLiteral("[::1]:9000"));
    ASSERT_TRUE(settings.set(QStringLiteral("receiver.allowExternal"), QStringLiteral("on")).ok());
    EXPECT_TRUE(settings.set(QStringLiteral("receiver.listen"), QStringLiteral("0.0.0.0:8765")).ok());
    EXPECT_EQ(settings.receiverListen(), QStringLiteral("0.0.0.0:8765"));
}

TEST_F(SettingsTest, ValuesAreValidatedAndCanonical)
{
    QSignalSpy changed(&settings, &Settings::changed);
    ASSERT_TRUE(settings.set(QStringLiteral("exchange.payments"), QStringLiteral("FULL")).ok());
    EXPECT_EQ(settings.value(SettingKey::ExchangePayments), QStringLiteral("full"));
    EXPECT_EQ(changed.size(), 1);
    ASSERT_TRUE(settings.set(QStringLiteral("site.url"), QStringLiteral("https://Shop.Example.com/skladhook")).ok());
    EXPECT_EQ(settings.siteUrl(), QStringLiteral("https://shop.example.com/skladhook/"));

    const auto bad = settings.set(QStringLiteral("exchange.shipments"), QStringLiteral("partial"));
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().contains(QStringLiteral("exchange.shipments")));
    EXPECT_FALSE(settings.set(QStringLiteral("worker.interval"), QStringLiteral("0")).ok());
    EXPECT_FALSE(settings.set(QStringLiteral("receiver.listen"), QStringLiteral("localhost")).ok());
    EXPECT_FALSE(settings.set(QStringLiteral("api.url"), QStringLiteral("api.moysklad.ru")).ok());
    EXPECT_FALSE(settings.set(QStringLiteral("no.such.key"), QStringLiteral("1")).ok());
    const auto longSite = settings.set(QStringLiteral("site.url"),
                                       QStringLiteral("https://shop.example.com/") + QString(220, QLatin1Char('a')));
    ASSERT_FALSE(longSite.ok());
    EXPECT_TRUE(longSite.error().contains(QStringLiteral("255")));
    EXPECT_EQ(settings.siteUrl(), QStringLiteral("https://shop.example.com/skladhook/")); // unchanged
}

TEST_F(SettingsTest, PreviousSiteUrlsStayOurs)
{
    ASSERT_TRUE(settings.set(QStringLiteral("site.url"), QStringLiteral("https://old.example.com/")).ok());
    ASSERT_TRUE(settings.set(QStringLiteral("site.url"), QStringLiteral("https://new.example.com/")).ok());
    const QList<QUrl> sites = settings.ownSites();
    ASSERT_EQ(sites.size(), 2);
    EXPECT_EQ(sites[0], QUrl(QStringLiteral("https://new.example.com/")));
    EXPECT_EQ(sites[1], QUrl(QStringLiteral("https://old.example.com/")));
}

TEST_F(SettingsTest, ExecutionModesArePerEntityAndAction)
{
    EXPECT_EQ(settings.executionMode(QStringLiteral("demand"), QStringLiteral("CREATE")), ExecutionMode::Immediate);
    settings.setExecutionMode(QStringLiteral("demand"), QStringLiteral("CREATE"), ExecutionMode::Queued);
    EXPECT_EQ(settings.executionMode(QStringLiteral("demand"), QStringLiteral("CREATE")), ExecutionMode::Queued);
    EXPECT_EQ(settings.executionMode(QStringLiteral("demand"), QStringLiteral("UPDATE")), ExecutionMode::Immediate);
    QSettings reread(Settings::fileIn(dir.path()), QSettings::IniFormat);
    EXPECT_EQ(Settings(&reread).executionMode(QStringLiteral("demand"), QStringLiteral("CREATE")),
              ExecutionMode::Queued);
}

TEST(SecretGenerator, MakesUrlSafeStringsOfAtLeast128Bits)
{
    const QString a = SecretGenerator::verificationString();
    const QString b = SecretGenerator::verificationString();
    EXPECT_NE(a, b);
    EXPECT_GE(a.size(), 22); // 128 bits in base64
    for (const QChar c : a)
        EXPECT_TRUE(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')) << int(c.unicode());
}

TEST(SecretGenerator, AcceptsItsOwnStringsAndRefusesWhatWouldBreakAHookUrl)
{
    EXPECT_TRUE(SecretGenerator::check(SecretGenerator::verificationString()).ok());
    EXPECT_TRUE(SecretGenerator::check(QStringLiteral("Old.module-secret_~123")).ok());
    const auto refusedWithoutEcho = [](const QString &secret) {
        const auto result = SecretGenerator::check(secret);
        if (result.ok())
            return false;
        EXPECT_TRUE(result.error().contains(QStringLiteral("site.secret")));
        EXPECT_FALSE(result.error().contains(secret)) << "the message repeats the secret";
        return true;
    };
    EXPECT_TRUE(refusedWithoutEcho(QStringLiteral("short-secret")));
    EXPECT_TRUE(refusedWithoutEcho(QString(129, QLatin1Char('a'))));
    EXPECT_TRUE(refusedWithoutEcho(QStringLiteral("with&ampersand-and-more")));
    EXPECT_TRUE(refusedWithoutEcho(QStringLiteral("with spaces in it, long")));
    EXPECT_TRUE(refusedWithoutEcho(QStringLiteral("кириллица-длинная-строка")));
    EXPECT_TRUE(refusedWithoutEcho(QStringLiteral("hash#and?query=long")));
}

TEST(FileSecretStore, ASecondWriteKeepsTheFileOwnerOnly)
{
    QTemporaryDir dir;
    QSettings ini(Settings::fileIn(dir.path()), QSettings::IniFormat);
    Settings settings(&ini);
    ASSERT_TRUE(settings.set(QStringLiteral("site.url"), QStringLiteral("https://shop.example.com/")).ok());
    QFile::setPermissions(ini.fileName(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    FileSecretStore store(&ini);
    for (const QString &value : {QStringLiteral("first-secret-value"), QStringLiteral("second-secret-value")}) {
        bool written = false;
        store.write(SecretKey::siteSecret, value, [&](Result<Done, SecretError> r) { written = r.ok(); });
        ASSERT_TRUE(written);
        EXPECT_EQ(QFile::permissions(ini.fileName()) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }
    EXPECT_EQ(settings.siteUrl(), QStringLiteral("https://shop.example.com/"));
}

TEST(SettingsTable, EveryKeyIsListedInEnumOrderWithAScope)
{
    // Settings::key(id) indexes the table by the enumerator: a key added to one and not the other fails here.
    for (qsizetype i = 0; i < Settings::keys().size(); ++i)
        EXPECT_EQ(qsizetype(Settings::keys().at(i).id), i) << Settings::keys().at(i).name.toStdString();
    EXPECT_EQ(Settings::keys().size(), qsizetype(SettingKey::StoreUrl) + 1);
    EXPECT_EQ(Settings::key(SettingKey::StoreUrl).scope, SettingScope::Machine);
    EXPECT_EQ(Settings::key(SettingKey::ReceiverListen).scope, SettingScope::Machine);
    EXPECT_EQ(Settings::key(SettingKey::SecretsStore).scope, SettingScope::Machine);
    EXPECT_EQ(Settings::key(SettingKey::SiteUrl).scope, SettingScope::Account);
    EXPECT_EQ(Settings::key(SettingKey::WorkerInterval).scope, SettingScope::Account);
    EXPECT_EQ(Settings::nameOf(SettingKey::ImportOrders), QStringLiteral("import.orders"));
}

TEST(SettingsReload, ReportsExactlyWhatAnotherWriterChanged)
{
    // Two Settings over one file stand for two processes: the CLI beside a running service.
    QTemporaryDir dir;
    QSettings serviceIni(Settings::fileIn(dir.path()), QSettings::IniFormat);
    Settings service(&serviceIni);
    QSettings cliIni(Settings::fileIn(dir.path()), QSettings::IniFormat);
    Settings cli(&cliIni);
    ASSERT_TRUE(cli.set(SettingKey::WorkerInterval, QStringLiteral("3600")).ok());
    cli.setExecutionMode(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), ExecutionMode::Queued);

    QSignalSpy changed(&service, &Settings::changed);
    QSignalSpy modes(&service, &Settings::executionModeChanged);
    service.reload();
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<SettingKey>(), SettingKey::WorkerInterval);
    EXPECT_EQ(service.workerIntervalSeconds(), 3600);
    ASSERT_EQ(modes.size(), 1);
    EXPECT_EQ(modes.at(0).at(0).toString(), QStringLiteral("customerorder"));
    EXPECT_EQ(service.executionMode(QStringLiteral("customerorder"), QStringLiteral("UPDATE")), ExecutionMode::Queued);

    service.reload(); // nothing new: nothing reported
    EXPECT_EQ(changed.size(), 1);
    EXPECT_EQ(modes.size(), 1);
}

TEST(SettingsFromAHandEditedFile, ABadValueGivesWayToTheDefaultAndIsReported)
{
    QTemporaryDir dir;
    QFile file(Settings::fileIn(dir.path()));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("[worker]\ninterval=0\nmaxAttempts=5\n[receiver]\nlisten=0.0.0.0:8765\n[sync]\ninterval=soon\n");
    file.close();
    QSettings ini(file.fileName(), QSettings::IniFormat);
    Settings settings(&ini);

    EXPECT_EQ(settings.workerIntervalSeconds(), 60) << "never a zero interval";
    EXPECT_EQ(settings.workerMaxAttempts(), 5) << "a good value is kept";
    EXPECT_EQ(settings.receiverListen(), QStringLiteral("127.0.0.1:8765")) << "no open port without the opt-in";
    EXPECT_EQ(settings.syncIntervalSeconds(), 900);
    const QStringList problems = settings.problems();
    ASSERT_EQ(problems.size(), 3) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems.at(0).startsWith(QLatin1String("receiver.listen = '0.0.0.0:8765'")))
        << problems.at(0).toStdString();
    EXPECT_TRUE(problems.at(1).startsWith(QLatin1String("worker.interval = '0'"))) << problems.at(1).toStdString();
    EXPECT_TRUE(problems.at(1).contains(QLatin1String("the default '60' is used")));
}

TEST_F(SettingsTest, ThePerAddressConnectionLimitIsACountWith64ByDefault)
{
    EXPECT_EQ(settings.receiverMaxConnectionsPerAddress(), 64);
    ASSERT_TRUE(settings.set(QStringLiteral("receiver.maxConnectionsPerAddress"), QStringLiteral("256")).ok());
    EXPECT_EQ(settings.receiverMaxConnectionsPerAddress(), 256);
    ASSERT_TRUE(settings.set(QStringLiteral("receiver.maxConnectionsPerAddress"), QStringLiteral("0")).ok());
    EXPECT_EQ(settings.receiverMaxConnectionsPerAddress(), 0); // no limit
    for (const char *bad : {"-1", "many", "100001", ""}) {
        const auto refused =
            settings.set(QStringLiteral("receiver.maxConnectionsPerAddress"), QString::fromLatin1(bad));
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_TRUE(refused.error().contains(QStringLiteral("receiver.maxConnectionsPerAddress"))) << bad;
    }
    EXPECT_EQ(settings.receiverMaxConnectionsPerAddress(), 0);
    EXPECT_EQ(Settings::key(SettingKey::ReceiverMaxConnectionsPerAddress).scope, SettingScope::Machine);
}

TEST(SettingsTable, AKeysRangeAndChoicesAreExactlyWhatItsValidationAccepts)
{
    for (const Settings::Key &key : Settings::keys()) {
        SCOPED_TRACE(key.name.toStdString());
        EXPECT_FALSE(key.rule.range && !key.rule.choices.isEmpty()) << "a key is a number or a word, not both";
        EXPECT_TRUE(key.validate(key.defaultValue).ok()) << "the default is a valid value";
        if (key.rule.range) {
            const auto [minimum, maximum] = *key.rule.range;
            EXPECT_TRUE(key.validate(QString::number(minimum)).ok());
            EXPECT_TRUE(key.validate(QString::number(maximum)).ok());
            EXPECT_FALSE(key.validate(QString::number(qint64(minimum) - 1)).ok());
            EXPECT_FALSE(key.validate(QString::number(qint64(maximum) + 1)).ok());
        }
        for (const QString &choice : key.rule.choices)
            EXPECT_EQ(key.validate(choice).value(), choice);
        if (!key.rule.choices.isEmpty()) {
            EXPECT_FALSE(key.validate(QStringLiteral("maybe")).ok());
        }
        // Untranslated (no translator installed), the description as `config list` shows it.
        EXPECT_EQ(Settings::describe(key.id), key.description);
    }
    EXPECT_EQ(Settings::key(SettingKey::WorkerInterval).rule.range, (std::pair{1, 86400}));
    EXPECT_EQ(Settings::key(SettingKey::UiCloseToTray).rule.choices,
              (QStringList{QStringLiteral("ask"), QStringLiteral("on"), QStringLiteral("off")}));
    EXPECT_FALSE(Settings::key(SettingKey::ReceiverListen).rule.range);
    EXPECT_TRUE(Settings::key(SettingKey::ReceiverListen).rule.choices.isEmpty());
}

TEST_F(SettingsTest, AFormChecksAnAddressAgainstTheOptInItWillSaveWithIt)
{
    const QString outside = QStringLiteral("0.0.0.0:8765");
    EXPECT_FALSE(settings.check(SettingKey::ReceiverListen, outside, {}).ok());
    const auto withOptIn = settings.check(SettingKey::ReceiverListen, outside,
                                          {{SettingKey::ReceiverAllowExternal, QStringLiteral("on")}});
    ASSERT_TRUE(withOptIn.ok()) << withOptIn.error().message.toStdString();
    EXPECT_EQ(withOptIn.value(), outside);
    // Only checked: nothing is stored.
    EXPECT_FALSE(settings.isSet(SettingKey::ReceiverListen));
    ASSERT_TRUE(settings.set(SettingKey::ReceiverAllowExternal, QStringLiteral("on")).ok());
    EXPECT_TRUE(settings.check(SettingKey::ReceiverListen, outside, {}).ok());
    EXPECT_FALSE(
        settings
            .check(SettingKey::ReceiverListen, outside, {{SettingKey::ReceiverAllowExternal, QStringLiteral("off")}})
            .ok());
    EXPECT_EQ(settings.check(SettingKey::WorkerInterval, QStringLiteral(" 120 "), {}).value(), QStringLiteral("120"));
}
