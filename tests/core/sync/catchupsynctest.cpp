// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/catchupsync.h"
#include "builders.h"
#include "common/clock.h"
#include "documents/documentprocessors.h"
#include "fakemoysklad.h"
#include "moysklad/moscowtime.h"
#include "moysklad/moyskladclient.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/shopstore.h"
#include "store/storewriter.h"
#include "sync/syncledger.h"

#include <gtest/gtest.h>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Builders::documentId;

const QString orders = QStringLiteral("customerorder");
const QString payments = QStringLiteral("paymentin");
const QString demands = QStringLiteral("demand");

// MoySklad's `updated` for a change made `secondsAgo` seconds ago.
QString changedAgo(int secondsAgo)
{
    return MoscowTime::format(QDateTime::currentDateTimeUtc().addSecs(-secondsAgo),
                              MoscowTime::Precision::Milliseconds);
}

class CatchUpSyncTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        ASSERT_TRUE(writer.start().ok());
        ClientConfig config;
        config.baseUrl = fake.baseUrl();
        config.token = fake.token();
        config.backoffBaseMs = 10;
        client = std::make_unique<MoySkladClient>(config);
        sync = std::make_unique<CatchUpSync>(*client, writer, Clock::system());
    }

    CatchUpSync::Report run(const QStringList &types, std::optional<QDateTime> since = {})
    {
        QSignalSpy finished(sync.get(), &CatchUpSync::finished);
        EXPECT_TRUE(sync->start(types, processors, since));
        EXPECT_TRUE(finished.count() > 0 || finished.wait(30000));
        writer.flush();
        return finished.isEmpty() ? CatchUpSync::Report{} : finished.first().first().value<CatchUpSync::Report>();
    }

    // The store complete up to `secondsAgo` seconds ago for `type`.
    void completeUntil(const QString &type, int secondsAgo)
    {
        const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
        writer.submit([=](QSqlDatabase &db) { return SyncLedger::advance(db, type, until, until, until); });
        writer.flush();
    }

    std::optional<QDateTime> watermark(const QString &type)
    {
        ReadConnection reader(Database::fileIn(dir.path()));
        return SyncLedger::completeUntil(reader.db(), type).value();
    }

    QList<ShopStore::Order> storedOrders()
    {
        ReadConnection reader(Database::fileIn(dir.path()));
        return ShopStore::orders(reader.db()).value();
    }

    FakeMoySklad fake;
    QTemporaryDir dir;
    StoreWriter writer{Database::fileIn(dir.path())};
    std::unique_ptr<MoySkladClient> client;
    std::shared_ptr<const DocumentProcessors> processors =
        std::make_shared<DocumentProcessors>(DocumentProcessors::Options{true});
    std::unique_ptr<CatchUpSync> sync;
};

} // namespace

TEST_F(CatchUpSyncTest, TheFirstRunMarksTheStoreCompleteFromNowAndFetchesNothing)
{
    fake.seedDocument(orders, Builders::customerOrder(documentId(1), 100, QStringLiteral("Новый"), changedAgo(3600)));
    const auto report = run({orders, payments});
    ASSERT_TRUE(report.ok) << report.error.toStdString();
    EXPECT_EQ(report.total.requests, 0);
    EXPECT_EQ(fake.requests().size(), 0);
    EXPECT_EQ(watermark(orders), report.until);
    EXPECT_EQ(watermark(payments), report.until);
    EXPECT_TRUE(storedOrders().isEmpty());
}

TEST_F(CatchUpSyncTest, BringsWhatChangedAndWhatWasDeletedSinceTheWatermark)
{
    completeUntil(orders, 3600);
    completeUntil(payments, 3600);
    for (int i = 0; i < 300; ++i)
        fake.seedDocument(
            orders, Builders::customerOrder(documentId(i), 100 * i, QStringLiteral("Новый"), changedAgo(1800 - i)));
    // Changed before the window (less the overlap): not fetched.
    fake.seedDocument(orders, Builders::customerOrder(documentId(999), 5, QStringLiteral("Новый"), changedAgo(7200)));
    for (int i = 0; i < 50; ++i)
        fake.seedDocument(payments, Builders::payment(payments, documentId(1000 + i), 10 * i, {}, changedAgo(600)));
    // Two orders the store has, deleted in MoySklad meanwhile.
    const QString old = changedAgo(5000);
    for (int i : {2000, 2001}) {
        fake.seedDocument(orders, Builders::customerOrder(documentId(i), 1, QStringLiteral("Новый"), old));
        writer.submit([&, i](QSqlDatabase &db) {
            return processors->processorFor(orders)->apply(
                db, Builders::customerOrder(documentId(i), 1, QStringLiteral("Новый"), old),
                QDateTime::currentDateTimeUtc());
        });
        fake.removeDocument(orders, documentId(i));
    }

    const auto report = run({orders, payments});
    ASSERT_TRUE(report.ok) << report.error.toStdString();
    EXPECT_EQ(report.byType.value(orders).fetched, 300);
    EXPECT_EQ(report.byType.value(orders).deleted, 2);
    EXPECT_EQ(report.byType.value(payments).fetched, 50);
    // 3 pages of 100 expanded orders, the audit feed and the events of its two deletions; 1 page of payments and the
    // (empty) audit feed.
    EXPECT_EQ(report.byType.value(orders).requests, 3 + 1 + 2);
    EXPECT_EQ(report.byType.value(payments).requests, 1 + 1);
    EXPECT_EQ(report.total.requests, fake.requests().size());

    const auto stored = storedOrders();
    EXPECT_EQ(std::count_if(stored.cbegin(), stored.cend(), [](const auto &o) { return !o.deleted; }), 300);
    EXPECT_EQ(std::count_if(stored.cbegin(), stored.cend(), [](const auto &o) { return o.deleted; }), 2);
    for (const auto &order : stored) {
        if (!order.deleted) {
            EXPECT_EQ(order.state, QStringLiteral("Новый")) << "expanded: the state's name is kept";
        }
    }
    EXPECT_EQ(watermark(orders), report.until);
    for (const auto &request : fake.requests()) {
        if (request.path.endsWith(QLatin1String("/entity/customerorder"))) {
            EXPECT_EQ(request.query.queryItemValue(QStringLiteral("expand")), QStringLiteral("state,agent"));
        }
    }

    // The next run overlaps the last one a little and finds nothing new.
    fake.clearRequests();
    const auto again = run({orders, payments});
    ASSERT_TRUE(again.ok);
    EXPECT_EQ(again.total.fetched, 0);
    EXPECT_EQ(again.since, report.until.addSecs(-CatchUpSync::overlapSeconds));
}

TEST_F(CatchUpSyncTest, PagesOverManyDocumentsWithTheSameUpdatedWithoutLosingOrRepeatingOne)
{
    completeUntil(orders, 3600);
    const QString same = changedAgo(60);
    for (int i = 0; i < 250; ++i)
        fake.seedDocument(orders, Builders::customerOrder(documentId(i), i, QStringLiteral("Новый"), same));
    const auto report = run({orders});
    ASSERT_TRUE(report.ok) << report.error.toStdString();
    EXPECT_EQ(report.total.fetched, 250);
    EXPECT_EQ(storedOrders().size(), 250);
}

TEST_F(CatchUpSyncTest, ALargeListOfATypeExpandedOnlyForItsStateTakesTheStatesFromTheMetadata)
{
    completeUntil(demands, 3600);
    for (int i = 0; i < 450; ++i)
        fake.seedDocument(demands, Builders::demand(documentId(i), i, documentId(5000), QStringLiteral("Собран"),
                                                    changedAgo(900 - i)));
    const auto report = run({demands});
    ASSERT_TRUE(report.ok) << report.error.toStdString();
    EXPECT_EQ(report.total.fetched, 450);
    // One expanded page says how many there are; then the metadata and one page of 1000 beat four more pages.
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/demand/metadata")), 1);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/demand")), 1 + 1 + 1);
    ReadConnection reader(Database::fileIn(dir.path()));
    const auto shipments = ShopStore::shipments(reader.db()).value();
    ASSERT_EQ(shipments.size(), 450);
    for (const auto &shipment : shipments)
        ASSERT_EQ(shipment.state, QStringLiteral("Собран")) << shipment.id.toStdString();
}

TEST_F(CatchUpSyncTest, AWindowAskedForIsFetchedButLeavesTheWatermarkWhenItLeavesAGap)
{
    completeUntil(orders, 600);
    const QDateTime before = *watermark(orders);
    fake.seedDocument(orders, Builders::customerOrder(documentId(1), 1, QStringLiteral("Новый"), changedAgo(86400)));
    fake.seedDocument(orders, Builders::customerOrder(documentId(2), 2, QStringLiteral("Новый"), changedAgo(10)));
    // An old window: fetched, and since it reaches back past the watermark, the watermark moves on.
    auto report = run({orders}, QDateTime::currentDateTimeUtc().addDays(-2));
    ASSERT_TRUE(report.ok);
    EXPECT_EQ(report.total.fetched, 2);
    EXPECT_EQ(watermark(orders), report.until);

    // A window starting after the watermark proves nothing about the gap before it.
    completeUntil(orders, 3600); // no effect: behind
    writer.submit([&](QSqlDatabase &db) -> Result<Done, QString> {
        QSqlQuery query(db);
        return query.exec(QStringLiteral("UPDATE sync_state SET complete_until = '%1'")
                              .arg(before.addSecs(-3000).toString(Qt::ISODateWithMs)))
                   ? Result<Done, QString>(Done{})
                   : Result<Done, QString>(QStringLiteral("reset"));
    });
    writer.flush();
    report = run({orders}, QDateTime::currentDateTimeUtc().addSecs(-60));
    ASSERT_TRUE(report.ok);
    EXPECT_EQ(report.total.fetched, 1);
    EXPECT_EQ(watermark(orders), before.addSecs(-3000));
}

TEST_F(CatchUpSyncTest, ARevokedTokenStopsTheRunAndKeepsTheWatermark)
{
    completeUntil(orders, 3600);
    const QDateTime before = *watermark(orders);
    fake.seedDocument(orders, Builders::customerOrder(documentId(1), 1, QStringLiteral("Новый"), changedAgo(10)));
    fake.revokeTokens();
    const auto report = run({orders});
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(report.unauthorized);
    EXPECT_EQ(watermark(orders), before);
    ReadConnection reader(Database::fileIn(dir.path()));
    const auto last = SyncLedger::lastRun(reader.db(), QStringLiteral("sync")).value();
    ASSERT_TRUE(last.has_value());
    EXPECT_FALSE(last->ok);
    EXPECT_FALSE(last->error.isEmpty());
}
