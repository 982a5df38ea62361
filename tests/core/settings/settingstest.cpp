// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settings.h"
#include "settings/secretgenerator.h"

#include <gtest/gtest.h>
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

TEST_F(SettingsTest, ValuesAreValidatedAndCanonical)
{
    QSignalSpy changed(&settings, &Settings::changed);
    ASSERT_TRUE(settings.set(QStringLiteral("exchange.payments"), QStringLiteral("FULL")).ok());
    EXPECT_EQ(settings.value(QStringLiteral("exchange.payments")), QStringLiteral("full"));
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
