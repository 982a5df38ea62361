// SPDX-License-Identifier: GPL-3.0-or-later
// StoreConnection on a real PostgreSQL: one session per object, kept while open, a new one after a close, none left
// behind by a failed open, and the session's advisory locks freed with the object.
#include "store/storeconnection.h"
#include "postgresfixture.h"
#include "store/database.h"

#include <gtest/gtest.h>
#include <QSqlQuery>
#include <QTest>

#include <memory>

namespace {

class StoreConnectionTest : public PostgresFixture
{
protected:
    void SetUp() override { ASSERT_TRUE(createNumberedDatabase(QStringLiteral("connection"), &url)); }

    // The server's process for the connection's session (pg_backend_pid), or -1.
    static qint64 backendOf(StoreConnection &connection)
    {
        const auto opened = connection.open();
        if (!opened.ok())
            return -1;
        QSqlQuery query(opened.value());
        return query.exec(QStringLiteral("SELECT pg_backend_pid()")) && query.next() ? query.value(0).toLongLong() : -1;
    }

    static bool tryLock(StoreConnection &connection)
    {
        const auto opened = connection.open();
        if (!opened.ok())
            return false;
        QSqlQuery query(opened.value());
        return query.exec(QStringLiteral("SELECT pg_try_advisory_lock(7, 7)")) && query.next() &&
               query.value(0).toBool();
    }

    QString url;
};

TEST_F(StoreConnectionTest, IsOneSessionUntilClosedAndANewOneAfter)
{
    StoreConnection first(url, QStringLiteral("test"));
    StoreConnection second(url, QStringLiteral("test"));
    EXPECT_EQ(first.session(), 0u);
    const qint64 backend = backendOf(first);
    ASSERT_GT(backend, 0);
    EXPECT_EQ(first.session(), 1u);
    EXPECT_TRUE(first.isOpen());
    EXPECT_EQ(backendOf(first), backend) << "an open connection is kept";
    EXPECT_EQ(first.session(), 1u);
    EXPECT_NE(backendOf(second), backend) << "two objects, two sessions, even with the same purpose";

    first.close();
    EXPECT_FALSE(first.isOpen());
    const qint64 again = backendOf(first);
    EXPECT_GT(again, 0);
    EXPECT_NE(again, backend);
    EXPECT_EQ(first.session(), 2u);
}

TEST_F(StoreConnectionTest, ALockGoesWithTheObject)
{
    auto holder = std::make_unique<StoreConnection>(url, QStringLiteral("holder"));
    StoreConnection other(url, QStringLiteral("other"));
    ASSERT_TRUE(tryLock(*holder));
    EXPECT_FALSE(tryLock(other));
    holder.reset();
    // The server ends the session, and frees its locks, a moment after the socket closes.
    EXPECT_TRUE(QTest::qWaitFor([&] { return tryLock(other); }, 10000));
}

TEST_F(StoreConnectionTest, AFailedOpenSaysWhyMasksThePasswordAndLeavesNothingBehind)
{
    const QStringList before = QSqlDatabase::connectionNames();
    StoreConnection refused(QStringLiteral("postgresql://skladhook:S3cretPassw0rd@127.0.0.1:1/none"),
                            QStringLiteral("refused"));
    const auto opened = refused.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().contains(QStringLiteral("cannot connect"))) << opened.error().toStdString();
    EXPECT_FALSE(opened.error().contains(QStringLiteral("S3cretPassw0rd")));
    EXPECT_EQ(refused.session(), 0u);
    EXPECT_FALSE(refused.isOpen());
    EXPECT_EQ(QSqlDatabase::connectionNames(), before);

    StoreConnection malformed(QStringLiteral("postgresql://"), QStringLiteral("malformed"));
    EXPECT_FALSE(malformed.open().ok());
    EXPECT_EQ(QSqlDatabase::connectionNames(), before);
}

} // namespace
