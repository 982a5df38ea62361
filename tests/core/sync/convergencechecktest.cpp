// SPDX-License-Identifier: GPL-3.0-or-later
// ConvergenceCheck against the fake MoySklad over loopback, with a store the documents room's processors filled.
#include "sync/convergencecheck.h"
#include "await.h"
#include "builders.h"
#include "common/diagnosticslog.h"
#include "documents/documentprocessors.h"
#include "fakemoysklad.h"
#include "moysklad/moscowtime.h"
#include "moysklad/moyskladclient.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/storewriter.h"
#include "sync/syncledger.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QMutex>
#include <QTemporaryDir>

namespace {

using Builders::documentId;
using Report = ConvergenceCheck::Report;
using TypeReport = ConvergenceCheck::TypeReport;

const QString orders = QStringLiteral("customerorder");
const QString bank = QStringLiteral("paymentin");
const QString cash = QStringLiteral("cashin");
const QString demands = QStringLiteral("demand");

// MoySklad's form of a past moment: updated values in the fake's past, so that an edit (now) is newer.
const QString earlier = QStringLiteral("2026-11-01 10:00:00.000");
const QString later = QStringLiteral("2026-11-20 10:00:00.000");

// Keeps what was logged, to check that each run is logged.
class RecordingLog final : public DiagnosticsLog
{
public:
    void write(LogEntry entry) override
    {
        const QMutexLocker lock(&m_mutex);
        m_entries.append(entry);
    }
    QList<LogEntry> entries() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_entries;
    }

private:
    mutable QMutex m_mutex;
    QList<LogEntry> m_entries;
};

class ConvergenceCheckTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(fake.start());
        ASSERT_TRUE(writer.start().ok());
        ClientConfig config;
        config.baseUrl = fake.baseUrl();
        config.token = fake.token();
        config.backoffBaseMs = 10;
        config.backoffMaxMs = 100;
        client = std::make_unique<MoySkladClient>(config);
    }

    // A document of `type` in both MoySklad and the store, as a delivery would have left it.
    void seedBoth(const QString &type, const QString &id, const QString &updated = earlier)
    {
        const QJsonObject document = make(type, id, updated);
        fake.seedDocument(type, document);
        store(type, document);
    }

    static QJsonObject make(const QString &type, const QString &id, const QString &updated)
    {
        if (type == orders)
            return Builders::customerOrder(id, 1000, QStringLiteral("Новый"), updated);
        if (type == demands)
            return Builders::demand(id, 1000, documentId(999), QStringLiteral("Собран"), updated);
        return Builders::payment(type, id, 1000, {}, updated);
    }

    void store(const QString &type, const QJsonObject &document) { storeAll(type, {document}); }

    // In one writer job: thousands of rows in one commit.
    void storeAll(const QString &type, const QList<QJsonObject> &documents)
    {
        write([type, documents](QSqlDatabase &db) -> Result<Done, QString> {
            const auto apply = processor(type);
            for (const QJsonObject &document : documents) {
                const auto applied = apply->apply(db, document, fetchedAt());
                if (!applied.ok())
                    return applied.error();
            }
            return Done{};
        });
    }

    void markDeleted(const QString &type, const QString &id)
    {
        write([type, id](QSqlDatabase &db) { return processor(type)->markDeleted(db, id, fetchedAt()); });
    }

    static const DocumentProcessor *processor(const QString &type)
    {
        static const DocumentProcessors all(DocumentProcessors::Options{true});
        return all.processorFor(type);
    }

    static QDateTime fetchedAt() { return QDateTime::currentDateTimeUtc(); }

    void write(const StoreWriter::Job &job)
    {
        const auto written = awaitResult<Result<Done, QString>>([&](auto done) { writer.submit(job, done); });
        ASSERT_TRUE(written.ok()) << written.error().toStdString();
    }

    Report check(std::optional<QDateTime> since = std::nullopt,
                 const QStringList &types = {orders, bank, cash, demands},
                 const std::function<void(const QString &, int, int)> &onProgress = {},
                 const QStringList &knownOnly = {})
    {
        ConvergenceCheck::Options options;
        options.entityTypes = types;
        options.knownOnly = knownOnly;
        options.origin = QStringLiteral("from a test");
        ConvergenceCheck check(*client, writer, log, options);
        if (onProgress)
            QObject::connect(&check, &ConvergenceCheck::progress, &check, onProgress);
        return awaitResult<Report>(
            [&](auto done) {
                QObject::connect(&check, &ConvergenceCheck::finished, &check, done);
                EXPECT_TRUE(check.run(since));
                EXPECT_FALSE(check.run(since)) << "a second run while one runs";
            },
            60000);
    }

    static TypeReport typeOf(const Report &report, const QString &type)
    {
        for (const TypeReport &each : report.types) {
            if (each.entityType == type)
                return each;
        }
        ADD_FAILURE() << "no report for " << type.toStdString();
        return {};
    }

    std::optional<SyncLedger::Run> lastRun()
    {
        ReadConnection reader(Database::fileIn(dir.path()));
        const auto run = SyncLedger::lastRun(reader.db(), QStringLiteral("verify"));
        EXPECT_TRUE(run.ok());
        return run.ok() ? run.value() : std::nullopt;
    }

    QTemporaryDir dir;
    FakeMoySklad fake;
    StoreWriter writer{Database::fileIn(dir.path())};
    RecordingLog log;
    std::unique_ptr<MoySkladClient> client;
};

} // namespace

TEST_F(ConvergenceCheckTest, AStoreThatFollowsMoySkladShowsNoDifferenceAndTheRunIsRecorded)
{
    for (int i = 1; i <= 3; ++i)
        seedBoth(orders, documentId(i));
    seedBoth(bank, documentId(11));
    seedBoth(cash, documentId(12), later);
    seedBoth(demands, documentId(21));
    // Deleted in MoySklad and marked deleted in the store: no difference.
    store(orders, make(orders, documentId(9), earlier));
    markDeleted(orders, documentId(9));

    const Report report = check();
    ASSERT_TRUE(report.ok()) << report.error.toStdString();
    EXPECT_TRUE(report.converged());
    ASSERT_EQ(report.types.size(), 4);
    EXPECT_EQ(typeOf(report, orders).moysklad, 3);
    EXPECT_EQ(typeOf(report, orders).store, 3);
    EXPECT_EQ(typeOf(report, bank).moysklad, 1);
    EXPECT_EQ(typeOf(report, bank).store, 1);
    EXPECT_EQ(typeOf(report, cash).store, 1);
    EXPECT_EQ(typeOf(report, demands).store, 1);
    EXPECT_EQ(report.requests, 4);
    // Without expand, a page of 1000, in a stable order.
    for (const FakeMoySklad::Request &request : fake.requests()) {
        EXPECT_EQ(request.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("1000"));
        EXPECT_FALSE(request.query.hasQueryItem(QStringLiteral("expand")));
        EXPECT_EQ(request.query.queryItemValue(QStringLiteral("order"), QUrl::FullyDecoded),
                  QStringLiteral("updated,asc;id,asc"));
    }

    writer.flush();
    const auto run = lastRun();
    ASSERT_TRUE(run.has_value());
    EXPECT_TRUE(run->ok);
    EXPECT_TRUE(run->finishedAt.isValid());
    EXPECT_EQ(run->summary, report.toJson());
    const QJsonObject ordersJson = run->summary.value(orders).toObject();
    EXPECT_EQ(ordersJson.value(QLatin1String("moysklad")).toInt(), 3);
    EXPECT_EQ(ordersJson.value(QLatin1String("missing")).toInt(), 0);

    const QList<LogEntry> entries = log.entries();
    ASSERT_EQ(entries.size(), 2);
    EXPECT_TRUE(entries.at(0).message.startsWith(QStringLiteral("Comparison with MoySklad started from a test")))
        << entries.at(0).message.toStdString();
    EXPECT_EQ(entries.at(1).level, LogLevel::Info);
    EXPECT_TRUE(entries.at(1).message.contains(QStringLiteral("the store matches")))
        << entries.at(1).message.toStdString();
}

TEST_F(ConvergenceCheckTest, EachKindOfDifferenceIsFoundExactly)
{
    for (int i = 1; i <= 5; ++i)
        seedBoth(orders, documentId(i));
    seedBoth(bank, documentId(11));
    seedBoth(cash, documentId(12));
    // Edited in MoySklad, no delivery: stale.
    ASSERT_TRUE(fake.editDocument(orders, documentId(2), QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}));
    // Deleted in MoySklad, live in the store: extra.
    fake.removeDocument(orders, documentId(3));
    // Only in MoySklad: missing; and one marked deleted in the store although MoySklad still has it.
    fake.seedDocument(orders, make(orders, documentId(6), earlier));
    markDeleted(orders, documentId(4));
    // A payment kind is compared with its own rows only: the cash payment is not an extra paymentin.
    fake.removeDocument(cash, documentId(12));

    const Report report = check();
    ASSERT_TRUE(report.ok()) << report.error.toStdString();
    EXPECT_FALSE(report.converged());
    const TypeReport o = typeOf(report, orders);
    EXPECT_EQ(o.moysklad, 5);
    EXPECT_EQ(o.store, 4);
    EXPECT_EQ(o.stale, 1);
    EXPECT_EQ(o.staleIds, QStringList{documentId(2)});
    EXPECT_EQ(o.extra, 1);
    EXPECT_EQ(o.extraIds, QStringList{documentId(3)});
    EXPECT_EQ(o.missing, 2);
    EXPECT_EQ(o.missingIds, (QStringList{documentId(4), documentId(6)}));
    EXPECT_TRUE(typeOf(report, bank).converged());
    EXPECT_EQ(typeOf(report, cash).extraIds, QStringList{documentId(12)});
    EXPECT_EQ(typeOf(report, cash).missing + typeOf(report, cash).stale, 0);

    const QJsonObject json = report.toJson().value(orders).toObject();
    EXPECT_EQ(json.value(QLatin1String("stale")).toInt(), 1);
    EXPECT_EQ(json.value(QLatin1String("staleIds")).toArray().first().toString(), documentId(2));
    const QList<LogEntry> entries = log.entries();
    ASSERT_FALSE(entries.isEmpty());
    EXPECT_EQ(entries.last().level, LogLevel::Warning);
    EXPECT_TRUE(entries.last().message.contains(QStringLiteral("customerorder 2 missing, 1 stale, 1 extra")))
        << entries.last().message.toStdString();
}

TEST_F(ConvergenceCheckTest, WithoutOrderImportAnOrderTheStoreNeverHadIsNotMissing)
{
    seedBoth(orders, documentId(1));
    fake.seedDocument(orders, make(orders, documentId(2), earlier)); // another channel's order: not the shop's
    fake.seedDocument(orders, make(orders, documentId(3), earlier));
    markDeleted(orders, documentId(3)); // the store had it: MoySklad still has it, so it is missing all the same

    const Report report = check(std::nullopt, {orders}, {}, {orders});
    ASSERT_TRUE(report.ok()) << report.error.toStdString();
    const TypeReport o = typeOf(report, orders);
    EXPECT_EQ(o.missingIds, QStringList{documentId(3)});
    EXPECT_EQ(o.stale + o.extra, 0);
}

TEST_F(ConvergenceCheckTest, AnOlderUpdatedInTheStoreIsStaleComparedAsInstantsNotText)
{
    // The same instant written with and without milliseconds is not stale; a second later is.
    fake.seedDocument(orders, make(orders, documentId(1), QStringLiteral("2026-11-01 10:00:00.000")));
    store(orders, make(orders, documentId(1), QStringLiteral("2026-11-01 10:00:00")));
    fake.seedDocument(orders, make(orders, documentId(2), QStringLiteral("2026-11-01 10:00:01.000")));
    store(orders, make(orders, documentId(2), QStringLiteral("2026-11-01 10:00:00.999")));
    const Report report = check(std::nullopt, {orders});
    ASSERT_TRUE(report.ok()) << report.error.toStdString();
    EXPECT_EQ(typeOf(report, orders).staleIds, QStringList{documentId(2)});
}

TEST_F(ConvergenceCheckTest, AWindowListsOnlyWhatChangedSinceAndJudgesExtraOnlyWhereItCan)
{
    seedBoth(orders, documentId(1), earlier);
    seedBoth(orders, documentId(2), earlier);
    seedBoth(orders, documentId(3), later);
    seedBoth(orders, documentId(4), later);
    fake.removeDocument(orders, documentId(2));                    // old: outside what the window can prove
    fake.removeDocument(orders, documentId(4));                    // updated in the window: gone
    ASSERT_TRUE(fake.editDocument(orders, documentId(1), {}));     // now in the window, stale in the store
    fake.seedDocument(orders, make(orders, documentId(5), later)); // missing

    const QDateTime since = MoscowTime::parse(QStringLiteral("2026-11-10 00:00:00"));
    const Report report = check(since, {orders});
    ASSERT_TRUE(report.ok()) << report.error.toStdString();
    ASSERT_TRUE(report.since.has_value());
    EXPECT_EQ(*report.since, since);
    const TypeReport o = typeOf(report, orders);
    EXPECT_EQ(o.moysklad, 3); // 1 (edited), 3, 5
    EXPECT_EQ(o.store, 2);    // 3 and 4: the live rows updated in the window
    EXPECT_EQ(o.staleIds, QStringList{documentId(1)});
    EXPECT_EQ(o.missingIds, QStringList{documentId(5)});
    EXPECT_EQ(o.extraIds, QStringList{documentId(4)});
    const auto requests = fake.requests();
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests.first().query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded),
              QStringLiteral("updated>=2026-11-10 00:00:00"));
    writer.flush();
    const auto run = lastRun();
    ASSERT_TRUE(run.has_value());
    EXPECT_EQ(run->since, since);
}

TEST_F(ConvergenceCheckTest, ThousandsOfDocumentsArePagedByTheThousand)
{
    // 2500 orders in tie groups of 700 per second (bulk imports), so that pages end inside a second.
    const QDateTime base = MoscowTime::parse(earlier);
    QList<QJsonObject> stored;
    for (int i = 0; i < 2500; ++i) {
        const QString updated = MoscowTime::format(base.addSecs(i / 700), MoscowTime::Precision::Milliseconds);
        fake.seedDocument(orders, make(orders, documentId(i), updated));
        if (i != 1234)
            stored.append(make(orders, documentId(i), updated));
    }
    storeAll(orders, stored);
    seedBoth(bank, documentId(100000));

    const Report report = check(std::nullopt, {orders, bank});
    ASSERT_TRUE(report.ok()) << report.error.toStdString();
    const TypeReport o = typeOf(report, orders);
    EXPECT_EQ(o.moysklad, 2500);
    EXPECT_EQ(o.store, 2499);
    EXPECT_EQ(o.missingIds, QStringList{documentId(1234)});
    EXPECT_EQ(o.stale + o.extra, 0);
    // ⌈2500 / 1000⌉ pages, and at most one more for the rows of a page's last second read again.
    const int orderPages = fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder"));
    EXPECT_GE(orderPages, 3);
    EXPECT_LE(orderPages, 4);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/paymentin")), 1);
    EXPECT_EQ(report.requests, orderPages + 1);
}

TEST_F(ConvergenceCheckTest, DocumentsEditedOrDeletedWhileTheListingRunsAreNotSkipped)
{
    // One second with 2500 orders: paging inside it needs an offset, which edits and deletions of rows already read
    // shift. The rows moved away between pages must not make the listing skip the rows behind them.
    QList<QJsonObject> documents;
    for (int i = 0; i < 2500; ++i) {
        documents.append(make(orders, documentId(i), earlier));
        fake.seedDocument(orders, documents.last());
    }
    storeAll(orders, documents);
    bool changed = false;
    const Report report = check(std::nullopt, {orders}, [&](const QString &, int listed, int) {
        if (changed || listed < 1000)
            return;
        changed = true;
        // Ids sort as their numbers: the first page read 0 … 999.
        for (int i : {10, 500, 990})
            ASSERT_TRUE(fake.editDocument(orders, documentId(i), {}));
        // Read on the first page, deleted after it: it counts as read (the comparison shows what it saw).
        fake.removeDocument(orders, documentId(20));
    });
    ASSERT_TRUE(report.ok()) << report.error.toStdString();
    const TypeReport o = typeOf(report, orders);
    EXPECT_EQ(o.moysklad, 2500);
    EXPECT_EQ(o.extra, 0) << "skipped: " << o.extraIds.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(o.missing, 0);
    EXPECT_EQ(o.staleIds, (QStringList{documentId(10), documentId(500), documentId(990)}));
}

TEST_F(ConvergenceCheckTest, ARefusedTokenEndsTheRunWithAClearError)
{
    seedBoth(orders, documentId(1));
    fake.revokeTokens();
    const Report report = check();
    EXPECT_FALSE(report.ok());
    EXPECT_FALSE(report.converged());
    ASSERT_TRUE(report.apiError.has_value());
    EXPECT_EQ(report.apiError->kind, ApiError::Kind::Unauthorized);
    EXPECT_TRUE(report.error.startsWith(QStringLiteral("cannot list customerorder in MoySklad")))
        << report.error.toStdString();
    EXPECT_TRUE(report.types.isEmpty());
    writer.flush();
    const auto run = lastRun();
    ASSERT_TRUE(run.has_value());
    EXPECT_FALSE(run->ok);
    EXPECT_EQ(run->error, report.error);
    ASSERT_FALSE(log.entries().isEmpty());
    EXPECT_EQ(log.entries().last().level, LogLevel::Error);
}
