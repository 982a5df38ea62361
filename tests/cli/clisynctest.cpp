// SPDX-License-Identifier: GPL-3.0-or-later
// Catch-up sync end to end: `skladhook-cli serve` started after changes it never received, `sync --since` on demand,
// and a kill -9 in the middle of a sync — against the fake MoySklad over loopback.
#include "builders.h"
#include "clirunner.h"
#include "fakemoysklad.h"
#include "serveprocess.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

using Builders::documentId;

const QString secret = QStringLiteral("SyncSecret_abcdefghijklmnopqrstuvwxyz0123456789");
const QString orders = QStringLiteral("customerorder");
const QString payments = QStringLiteral("paymentin");

struct Listing
{
    int live = 0;
    int deleted = 0;
    QHash<QString, QString> updated; // id → updated, live rows
};

class CliSyncTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
        ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), secret));
        ASSERT_TRUE(cli.configSet(QStringLiteral("exchange.payments"), QStringLiteral("full")));
    }

    Listing listing(const QString &command) const
    {
        const auto result = cli.run({QStringLiteral("--json"), command});
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        Listing listing;
        for (const QJsonValue &value : result.json().array()) {
            const QJsonObject row = value.toObject();
            if (row.value(QLatin1String("deleted")).toBool()) {
                ++listing.deleted;
            } else {
                ++listing.live;
                listing.updated.insert(row.value(QLatin1String("id")).toString(),
                                       row.value(QLatin1String("updated")).toString());
            }
        }
        return listing;
    }

    // `sync` once with no watermark: the store is complete from now on (and, with --since, has what came before).
    CliRunner::Output sync(const QStringList &arguments = {}) const
    {
        return cli.run(QStringList{QStringLiteral("--json"), QStringLiteral("sync")} + arguments);
    }

    void seedOrders(int from, int count, const QString &updated = FakeMoySklad::moscowNow())
    {
        for (int i = from; i < from + count; ++i)
            fake.seedDocument(orders,
                              Builders::customerOrder(documentId(i), 100 * i, QStringLiteral("Новый"), updated));
    }

    FakeMoySklad fake;
    CliRunner cli;
    ServeProcess serve{cli};
};

} // namespace

TEST_F(CliSyncTest, WhatChangedWhileServeWasStoppedIsInTheStoreWithinAMinuteOfItsStart)
{
    // Two orders the store already has (brought by an earlier sync of the last two days).
    const QString twoDaysAgo = QDateTime::currentDateTimeUtc().addDays(-2).toOffsetFromUtc(3 * 3600).toString(
        QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    seedOrders(9000, 2, FakeMoySklad::moscowNow());
    QTest::qWait(1100); // a window ends at a whole second: past this one
    const auto first = sync({QStringLiteral("--since"), twoDaysAgo});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_EQ(first.json().object().value(QLatin1String("fetched")).toInt(), 2);
    ASSERT_EQ(listing(QStringLiteral("orders")).live, 2);

    // While nothing serves: 300 orders and 50 payments change, and the two orders are deleted.
    QTest::qWait(1100); // past the first sync's second
    seedOrders(0, 300);
    for (int i = 0; i < 50; ++i)
        fake.seedDocument(payments,
                          Builders::payment(payments, documentId(5000 + i), 10 * i, {}, FakeMoySklad::moscowNow()));
    fake.removeDocument(orders, documentId(9000));
    fake.removeDocument(orders, documentId(9001));
    fake.clearRequests();

    QElapsedTimer sinceStart;
    ASSERT_TRUE(serve.start());
    sinceStart.start();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const Listing o = listing(QStringLiteral("orders"));
            return o.live == 300 && o.deleted == 2 && listing(QStringLiteral("payments")).live == 50;
        },
        60000))
        << "orders " << listing(QStringLiteral("orders")).live << ", deleted "
        << listing(QStringLiteral("orders")).deleted << ", payments " << listing(QStringLiteral("payments")).live
        << "\n"
        << serve.errors().toStdString();
    EXPECT_LT(sinceStart.elapsed(), 60000);

    // ⌈300 / 100⌉ expanded pages of orders, ⌈50 / 1000⌉ of each payment type, and a few for the audit feed.
    EXPECT_LE(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")), 3 + 1);
    EXPECT_LE(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/paymentin")), 1 + 1);
    EXPECT_LE(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/audit")), 2 + 2 + 3);
    EXPECT_EQ(fake.rateLimitedCount(), 0);

    // The proof: nothing differs; a change made behind the store's back is exactly one stale order; a sync clears it.
    const auto verify = [this] {
        const auto result = cli.run({QStringLiteral("--json"), QStringLiteral("verify")});
        EXPECT_TRUE(result.json().isObject()) << result.out.toStdString() << result.err.toStdString();
        return std::make_pair(result.exitCode, result.json().object());
    };
    auto [code, report] = verify();
    EXPECT_EQ(code, 0) << QJsonDocument(report).toJson().toStdString();
    ASSERT_TRUE(fake.editDocument(orders, documentId(42), QJsonObject{{QStringLiteral("sum"), 1}}));
    std::tie(code, report) = verify();
    EXPECT_EQ(code, 1);
    const QJsonObject orderReport = report.value(orders).toObject();
    EXPECT_EQ(orderReport.value(QLatin1String("stale")).toInt(), 1);
    EXPECT_EQ(orderReport.value(QLatin1String("missing")).toInt() + orderReport.value(QLatin1String("extra")).toInt(),
              0);
    EXPECT_EQ(orderReport.value(QLatin1String("staleIds")).toArray().first().toString(), documentId(42));
    const auto synced = sync();
    ASSERT_EQ(synced.exitCode, 0) << synced.err.toStdString();
    EXPECT_GE(synced.json().object().value(QLatin1String("fetched")).toInt(), 1);
    std::tie(code, report) = verify();
    EXPECT_EQ(code, 0) << QJsonDocument(report).toJson().toStdString();
    EXPECT_EQ(serve.stop(), 0);
}

TEST_F(CliSyncTest, SyncSinceFetchesAWindowOnDemandAndSaysWhatItDid)
{
    ASSERT_EQ(sync().exitCode, 0); // the first run: complete from now, nothing fetched
    seedOrders(0, 3, QStringLiteral("2026-11-01 10:00:00.000"));
    seedOrders(3, 2, QStringLiteral("2026-10-01 10:00:00.000"));

    auto result = sync();
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.json().object().value(QLatin1String("fetched")).toInt(), 0) << "older than the watermark";

    result = sync({QStringLiteral("--since"), QStringLiteral("2026-10-15 00:00:00")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonObject report = result.json().object();
    for (const char *key : {"fetched", "applied", "deleted", "requests", "since", "until"})
        EXPECT_TRUE(report.contains(QLatin1String(key))) << key;
    EXPECT_EQ(report.value(QLatin1String("fetched")).toInt(), 3);
    EXPECT_EQ(report.value(QLatin1String("applied")).toInt(), 3);
    EXPECT_EQ(report.value(QLatin1String("since")).toString(), QStringLiteral("2026-10-15 00:00:00"));
    EXPECT_EQ(listing(QStringLiteral("orders")).live, 3);

    const auto human =
        cli.run({QStringLiteral("sync"), QStringLiteral("--since"), QStringLiteral("2026-09-01 00:00:00")});
    ASSERT_EQ(human.exitCode, 0) << human.err.toStdString();
    EXPECT_TRUE(human.out.contains(QLatin1String("5 fetched"))) << human.out.toStdString();

    const auto bad = cli.run({QStringLiteral("sync"), QStringLiteral("--since"), QStringLiteral("yesterday")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QLatin1String("YYYY-MM-DD HH:MM:SS"))) << bad.err.toStdString();
}

TEST_F(CliSyncTest, AKillInTheMiddleOfASyncEndsWithTheSameStoreAsAnUninterruptedOne)
{
    ASSERT_EQ(sync().exitCode, 0);
    QTest::qWait(1100);
    seedOrders(0, 1500);
    fake.setResponseDelayMs(400); // 15 pages: the kill lands in the middle
    ASSERT_TRUE(serve.start());
    ASSERT_TRUE(QTest::qWaitFor([&] { return listing(QStringLiteral("orders")).live >= 200; }, 30000));
    serve.kill();
    const int before = listing(QStringLiteral("orders")).live;
    ASSERT_LT(before, 1500) << "the kill came too late to test anything";

    // Meanwhile some change again: the restarted run must bring their newest state.
    fake.setResponseDelayMs(0);
    for (int i : {1, 700, 1499})
        ASSERT_TRUE(fake.editDocument(orders, documentId(i), QJsonObject{{QStringLiteral("sum"), 7}}));
    ASSERT_TRUE(serve.start());
    ASSERT_TRUE(QTest::qWaitFor([&] { return listing(QStringLiteral("orders")).live == 1500; }, 60000))
        << listing(QStringLiteral("orders")).live;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto last = cli.run({QStringLiteral("--json"), QStringLiteral("orders")});
            for (const QJsonValue &value : last.json().array()) {
                const QJsonObject row = value.toObject();
                if (row.value(QLatin1String("id")).toString() == documentId(700))
                    return row.value(QLatin1String("sum")).toInteger() == 7;
            }
            return false;
        },
        30000));
    EXPECT_EQ(serve.stop(), 0);
    // An uninterrupted run's store is MoySklad's: every order, each with MoySklad's current `updated`.
    const Listing stored = listing(QStringLiteral("orders"));
    ASSERT_EQ(stored.live, 1500);
    int differing = 0;
    for (int i = 0; i < 1500; ++i) {
        if (stored.updated.value(documentId(i)) !=
            fake.document(orders, documentId(i)).value(QLatin1String("updated")).toString())
            ++differing;
    }
    EXPECT_EQ(differing, 0);
}

TEST_F(CliSyncTest, ARevokedTokenEndsTheSyncWithWhatToDo)
{
    ASSERT_EQ(sync().exitCode, 0);
    fake.revokeTokens();
    const auto result = cli.run({QStringLiteral("sync")});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.err.contains(QLatin1String("config set api.token"))) << result.err.toStdString();
}
