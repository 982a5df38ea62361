// SPDX-License-Identifier: GPL-3.0-or-later
#include "hooks/hookurl.h"

#include <gtest/gtest.h>

namespace {
QUrl site(const char *url)
{
    return HookUrl::normalizeSite(QString::fromLatin1(url)).value();
}

Webhook at(const QString &url)
{
    Webhook hook;
    hook.entityType = QStringLiteral("customerorder");
    hook.action = QStringLiteral("UPDATE");
    hook.url = url;
    return hook;
}
} // namespace

TEST(HookUrl, BuildsUnderTheSiteUrlWithTheSecret)
{
    EXPECT_EQ(HookUrl::build(site("https://shop.example.com/skladhook"), QStringLiteral("customerorder"),
                             QStringLiteral("UPDATE"), QStringLiteral("AbC-_9")),
              QStringLiteral("https://shop.example.com/skladhook/moysklad/customerorder/update?key=AbC-_9"));
}

TEST(HookUrl, RefusesSiteUrlsThatAreNotAbsoluteHttp)
{
    for (const char *bad : {"", "shop.example.com", "/relative", "ftp://shop.example.com/",
                            "https://shop.example.com/?a=b", "mailto:x@y.z"}) {
        const auto result = HookUrl::normalizeSite(QString::fromLatin1(bad));
        ASSERT_FALSE(result.ok()) << bad;
        EXPECT_TRUE(result.error().contains(QStringLiteral("site.url"))) << bad;
    }
}

TEST(HookUrl, RefusesASiteUrlThatMakesHookUrlsLongerThan255)
{
    const QUrl ok = site("https://shop.example.com/");
    EXPECT_TRUE(HookUrl::validate(ok, QString(43, QLatin1Char('s'))).ok());
    const QUrl longSite =
        HookUrl::normalizeSite(QStringLiteral("https://shop.example.com/") + QString(200, QLatin1Char('p'))).value();
    const auto result = HookUrl::validate(longSite, QString(43, QLatin1Char('s')));
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().contains(QStringLiteral("255")));
    EXPECT_TRUE(result.error().contains(QStringLiteral("site.url")));
    EXPECT_FALSE(result.error().contains(QStringLiteral("site.secret")));
    // A long typed verification string is named too, and the message never repeats it.
    const QString longSecret(128, QLatin1Char('s'));
    const QUrl longerSite =
        HookUrl::normalizeSite(QStringLiteral("https://shop.example.com/") + QString(80, QLatin1Char('p'))).value();
    ASSERT_TRUE(HookUrl::validate(longerSite, QString(43, QLatin1Char('s'))).ok());
    const auto withSecret = HookUrl::validate(longerSite, longSecret);
    ASSERT_FALSE(withSecret.ok());
    EXPECT_TRUE(withSecret.error().contains(QStringLiteral("site.secret")));
    EXPECT_FALSE(withSecret.error().contains(longSecret));
}

TEST(HookUrl, OwnershipNeedsSchemeHostPortAndPathPrefix)
{
    const QUrl ours = site("https://shop.example.com/skladhook/");
    EXPECT_TRUE(HookUrl::isOurs(at(QStringLiteral("https://shop.example.com/skladhook/moysklad/x?key=1")), ours));
    EXPECT_TRUE(HookUrl::isOurs(at(QStringLiteral("https://SHOP.example.com:443/skladhook/a")), ours));
    EXPECT_FALSE(HookUrl::isOurs(at(QStringLiteral("https://shop.example.com.evil.example/skladhook/a")), ours));
    EXPECT_FALSE(HookUrl::isOurs(at(QStringLiteral("http://shop.example.com/skladhook/a")), ours));
    EXPECT_FALSE(HookUrl::isOurs(at(QStringLiteral("https://shop.example.com:8443/skladhook/a")), ours));
    EXPECT_FALSE(HookUrl::isOurs(at(QStringLiteral("https://shop.example.com/skladhookX/a")), ours));
    EXPECT_FALSE(HookUrl::isOurs(at(QStringLiteral("https://shop.example.com/other/a")), ours));
    EXPECT_FALSE(HookUrl::isOurs(at(QStringLiteral("https://evil.example/https://shop.example.com/skladhook/")), ours));
    // The path the server sees decides: a dot-dot segment leaves our prefix.
    EXPECT_FALSE(HookUrl::isOurs(at(QStringLiteral("https://shop.example.com/skladhook/../other/a")), ours));
    EXPECT_TRUE(HookUrl::isOurs(at(QStringLiteral("https://shop.example.com/x/../skladhook/a")), ours));
    const QUrl shop = site("https://shop.example.com/shop");
    EXPECT_TRUE(HookUrl::isOurs(at(QStringLiteral("https://shop.example.com/shop/x")), shop));
    EXPECT_FALSE(HookUrl::isOurs(at(QStringLiteral("https://shop.example.com/shopping/x")), shop));
}

TEST(HookUrl, ASegmentThatOnlyStartsWithADotIsAnOrdinarySegment)
{
    // Found by fuzz_hookurl (its reproducer is in the corpus): Qt's path normalization dropped "/.z/".
    const QUrl site = HookUrl::normalizeSite(QStringLiteral("https://sho4e.com/a/.z/")).value();
    Webhook ours;
    ours.url =
        HookUrl::build(site, QStringLiteral("customerorder"), QStringLiteral("UPDATE"), QStringLiteral("sret-w7t"));
    EXPECT_TRUE(HookUrl::isOurs(ours, site)) << ours.url.toStdString();
    Webhook elsewhere;
    elsewhere.url = QStringLiteral("https://sho4e.com/a/moysklad/customerorder/update?key=x");
    EXPECT_FALSE(HookUrl::isOurs(elsewhere, site));
    Webhook dotted;
    dotted.url = QStringLiteral("https://sho4e.com/a/.z/./moysklad/customerorder/update?key=x");
    EXPECT_TRUE(HookUrl::isOurs(dotted, site));
}

TEST(HookUrl, HooksMadeByAnApplicationAreNeverOurs)
{
    Webhook hook = at(QStringLiteral("https://shop.example.com/moysklad/customerorder/update?key=1"));
    hook.authorApplication = QUrl(QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/application/7"));
    EXPECT_FALSE(HookUrl::isOurs(hook, site("https://shop.example.com/")));
}

TEST(HookUrl, MasksTheKey)
{
    const QString masked =
        HookUrl::mask(QStringLiteral("https://shop.example.com/moysklad/demand/create?key=SuperSecretKey42"));
    EXPECT_FALSE(masked.contains(QStringLiteral("SuperSecretKey42")));
    EXPECT_TRUE(masked.startsWith(QStringLiteral("https://shop.example.com/moysklad/demand/create?key=Su")));
}
