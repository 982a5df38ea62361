// SPDX-License-Identifier: GPL-3.0-or-later
// store.url: what is accepted, what is refused with which words, and a password never shown.
#include "store/storeurl.h"

#include <gtest/gtest.h>

TEST(StoreUrl, ReadsUserHostPortAndDatabase)
{
    const auto url = StoreUrl::parse(QStringLiteral("postgresql://shop@db.example.com:6432/skladhook"));
    ASSERT_TRUE(url.ok()) << url.error().toStdString();
    EXPECT_EQ(url.value().user(), QStringLiteral("shop"));
    EXPECT_EQ(url.value().host(), QStringLiteral("db.example.com"));
    EXPECT_EQ(url.value().port(), 6432);
    EXPECT_EQ(url.value().database(), QStringLiteral("skladhook"));
    EXPECT_TRUE(url.value().password().isEmpty());
    EXPECT_EQ(url.value().masked(), QStringLiteral("postgresql://shop@db.example.com:6432/skladhook"));
}

TEST(StoreUrl, DefaultsThePortAndAcceptsPostgresAndASocketDirectory)
{
    const auto url = StoreUrl::parse(QStringLiteral("postgres://shop@/склад?host=/run/postgresql"));
    ASSERT_TRUE(url.ok()) << url.error().toStdString();
    EXPECT_EQ(url.value().port(), 5432);
    EXPECT_EQ(url.value().host(), QStringLiteral("/run/postgresql"));
    EXPECT_EQ(url.value().database(), QStringLiteral("склад"));
    const auto tls = StoreUrl::parse(QStringLiteral("postgresql://shop@db/skladhook?sslmode=verify-full"));
    ASSERT_TRUE(tls.ok()) << tls.error().toStdString();
    EXPECT_EQ(tls.value().sslMode(), QStringLiteral("verify-full"));
}

TEST(StoreUrl, APasswordIsAcceptedButMasked)
{
    const auto url = StoreUrl::parse(QStringLiteral("postgresql://shop:S3cr%40t-pw@db/skladhook"));
    ASSERT_TRUE(url.ok()) << url.error().toStdString();
    EXPECT_EQ(url.value().password(), QStringLiteral("S3cr@t-pw"));
    EXPECT_EQ(url.value().masked(), QStringLiteral("postgresql://shop:***@db/skladhook"));
}

TEST(StoreUrl, RefusesAnythingElseClearly)
{
    const QList<std::pair<QString, QString>> cases{
        {QStringLiteral("mysql://shop@db/skladhook"), QStringLiteral("scheme \"mysql\" is not supported")},
        {QStringLiteral("/var/lib/skladhook.db"), QStringLiteral("is not a URL")},
        {QStringLiteral("postgresql://shop@db"), QStringLiteral("names no database")},
        {QStringLiteral("postgresql://shop@db:http/skladhook"), QStringLiteral("\"http\" is not a port number")},
        {QStringLiteral("postgresql://shop@db:70000/skladhook"), QStringLiteral("is not a port number")},
        {QStringLiteral("postgresql://shop@/skladhook?host=relative"), QStringLiteral("is not a socket directory")},
        {QStringLiteral("postgresql://shop@db/skladhook?application_name=x"),
         QStringLiteral("\"application_name\" is not supported")},
        {QStringLiteral("postgresql://shop@db/skladhook?sslmode=maybe"), QStringLiteral("sslmode=maybe is not one")},
    };
    for (const auto &[text, error] : cases) {
        const auto url = StoreUrl::parse(text);
        ASSERT_FALSE(url.ok()) << text.toStdString();
        EXPECT_TRUE(url.error().contains(error)) << text.toStdString() << ": " << url.error().toStdString();
    }
    // A refused URL with a password does not quote it.
    const auto refused = StoreUrl::parse(QStringLiteral("postgresql://shop:Hidden-pw@db:x/skladhook"));
    ASSERT_FALSE(refused.ok());
    EXPECT_FALSE(refused.error().contains(QStringLiteral("Hidden-pw"))) << refused.error().toStdString();
}
