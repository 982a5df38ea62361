// SPDX-License-Identifier: GPL-3.0-or-later
// The store's schema and copy on a real PostgreSQL 15 (a throw-away cluster): the same steps as SQLite through the
// dialect, the completeness check a service runs before it starts, and a failed copy leaving nothing behind.
#include "diagnostics/logreader.h"
#include "diagnostics/metricsreader.h"
#include "diagnostics/metricsrecorder.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "insertedids.h"
#include "postgresfixture.h"
#include "qtmessagefailure.h"
#include "store/database.h"
#include "store/postgresdialect.h"
#include "store/shoplist.h"
#include "store/sqlitedialect.h"
#include "store/storemigration.h"
#include "store/storeurl.h"
#include "store/storewriter.h"
#include "store/writerstatement.h"

#include <gtest/gtest.h>
#include <QScopedValueRollback>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace {

class PostgresStoreTest : public PostgresFixture
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(createNumberedDatabase(QStringLiteral("store"), &location));
        const auto url = StoreUrl::parse(location);
        ASSERT_TRUE(url.ok()) << url.error().toStdString();
        auto opened = url.value().open(QStringLiteral("pg"));
        ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
        pg = opened.value();
        ASSERT_TRUE(sqliteDir.isValid());
        auto sqlite = Database::open(Database::fileIn(sqliteDir.path()), QStringLiteral("sqlite"), false);
        ASSERT_TRUE(sqlite.ok()) << sqlite.error().toStdString();
        lite = sqlite.value();
    }

    void TearDown() override
    {
        pg = QSqlDatabase();
        lite = QSqlDatabase();
        Database::close(QStringLiteral("pg"));
        Database::close(QStringLiteral("sqlite"));
    }

    QStringList pgTables() { return PostgresDialect().tables(pg).valueOr({QStringLiteral("(cannot list)")}); }

    void exec(QSqlDatabase &db, const QString &sql)
    {
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(sql)) << sql.toStdString() << ": " << query.lastError().text().toStdString();
    }

    // The messages of the newest 100 log rows the pane would show for `filter`, oldest first.
    QStringList logMessages(const LogReader::Filter &filter)
    {
        LogReader reader(location);
        const auto rows = reader.readLatest(filter, 100);
        EXPECT_TRUE(rows.ok()) << rows.error().toStdString();
        QStringList found;
        for (const LogEntry &entry : rows.valueOr({}))
            found.append(entry.message);
        return found;
    }

    qint64 count(QSqlDatabase &db, const QString &table)
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    QString location;
    QTemporaryDir sqliteDir;
    QSqlDatabase pg;
    QSqlDatabase lite;
};

} // namespace

TEST_F(PostgresStoreTest, TheSameStepsBuildTheSameTablesAsInSqlite)
{
    ASSERT_TRUE(Database::migrate(pg).ok());
    EXPECT_EQ(PostgresDialect().schemaVersion(pg).valueOr(-1), Database::schemaVersion);
    EXPECT_EQ(pgTables(), SqliteDialect().tables(lite).valueOr({})); // no FTS5 tables on either list
    EXPECT_TRUE(Database::migrate(pg).ok());                         // nothing left to do the second time
    EXPECT_TRUE(Database::checkComplete(pg).ok()) << Database::checkComplete(pg).error().toStdString();
    // The identity column generates ids.
    exec(pg, QStringLiteral("INSERT INTO log (at, level, category, message) VALUES ('2025-01-01', 1, 'test', 'x')"));
    QSqlQuery query(pg);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT id FROM log")) && query.next());
    EXPECT_EQ(query.value(0).toLongLong(), 1);
}

TEST_F(PostgresStoreTest, ANewerSchemaAndAnotherProgramsTablesAreRefused)
{
    exec(pg, QStringLiteral("CREATE TABLE invoices (id BIGINT PRIMARY KEY)"));
    const auto foreign = Database::migrate(pg);
    ASSERT_FALSE(foreign.ok());
    EXPECT_TRUE(foreign.error().contains(QStringLiteral("another program"))) << foreign.error().toStdString();
    exec(pg, QStringLiteral("DROP TABLE invoices"));

    ASSERT_TRUE(Database::migrate(pg).ok());
    exec(pg, QStringLiteral("UPDATE schema_version SET version = %1").arg(Database::schemaVersion + 1));
    const auto newer = Database::migrate(pg);
    ASSERT_FALSE(newer.ok());
    EXPECT_TRUE(newer.error().contains(QStringLiteral("newer SkladHook"))) << newer.error().toStdString();
}

TEST_F(PostgresStoreTest, AStoreWhoseCopyDidNotFinishIsRefused)
{
    ASSERT_TRUE(Database::migrate(pg).ok());
    exec(pg, QStringLiteral("UPDATE store_meta SET value = '0' WHERE key = 'complete'"));
    const auto halfWay = Database::checkComplete(pg);
    ASSERT_FALSE(halfWay.ok());
    EXPECT_TRUE(halfWay.error().contains(QStringLiteral("migration did not finish"))) << halfWay.error().toStdString();

    // No marker at all: fine while empty, refused once rows are there that no finished copy vouches for.
    exec(pg, QStringLiteral("DELETE FROM store_meta"));
    EXPECT_TRUE(Database::checkComplete(pg).ok());
    exec(pg, QStringLiteral("INSERT INTO deliveries (request_id, received_at, events) VALUES ('r1', 'now', 1)"));
    const auto unvouched = Database::checkComplete(pg);
    ASSERT_FALSE(unvouched.ok());
    EXPECT_TRUE(unvouched.error().contains(QStringLiteral("no record that its copy finished")))
        << unvouched.error().toStdString();

    // SQLite stores are complete by construction.
    EXPECT_TRUE(Database::checkComplete(lite).ok());
}

TEST_F(PostgresStoreTest, AFailedCopyLeavesNothingBehindAndNamesTheTable)
{
    exec(lite, QStringLiteral("INSERT INTO orders (id, name, sum) VALUES ('o1', '00001', 150000)"));
    // SQLite keeps what it is given; PostgreSQL's BIGINT refuses it.
    exec(lite, QStringLiteral("INSERT INTO shipments (id, name, sum) VALUES ('s1', '00001', 'много')"));
    const auto copied = StoreMigration::copy(lite, pg, QStringLiteral("test.db"));
    ASSERT_FALSE(copied.ok());
    EXPECT_TRUE(copied.error().contains(QStringLiteral("copying shipments failed"))) << copied.error().toStdString();
    EXPECT_TRUE(copied.error().contains(QStringLiteral("bigint"))) << copied.error().toStdString(); // PostgreSQL's
    EXPECT_TRUE(pgTables().isEmpty()) << pgTables().join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(PostgresDialect().schemaVersion(pg).valueOr(-1), 0);

    exec(lite, QStringLiteral("UPDATE shipments SET sum = 5000"));
    const auto again = StoreMigration::copy(lite, pg, QStringLiteral("test.db"));
    ASSERT_TRUE(again.ok()) << again.error().toStdString();
    EXPECT_EQ(count(pg, QStringLiteral("orders")), 1);
    EXPECT_EQ(count(pg, QStringLiteral("shipments")), 1);
    EXPECT_TRUE(Database::checkComplete(pg).ok());
}

// A SQLite store knows redeliveries by the writer's memory of the last hour (RecentRequests), so a delivery sent again
// later is there twice; PostgreSQL's deliveries are keyed by the request id, and the copy keeps the first.
TEST_F(PostgresStoreTest, ADeliveryStoredTwiceInSqliteIsCopiedOnce)
{
    exec(lite, QStringLiteral("INSERT INTO deliveries (request_id, received_at, events) VALUES ('r1', "
                              "'2026-12-01T10:00:00.000Z', 1), ('r1', '2026-12-01T12:00:00.000Z', 1), ('r2', "
                              "'2026-12-01T12:00:01.000Z', 2)"));
    const auto copied = StoreMigration::copy(lite, pg, QStringLiteral("test.db"));
    ASSERT_TRUE(copied.ok()) << copied.error().toStdString();
    EXPECT_EQ(count(pg, QStringLiteral("deliveries")), 2);
    QSqlQuery query(pg);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT received_at FROM deliveries WHERE request_id = 'r1'")) &&
                query.next());
    EXPECT_EQ(query.value(0).toString(), QStringLiteral("2026-12-01T10:00:00.000Z"));
}

TEST_F(PostgresStoreTest, NewRowsAfterACopyGetIdsPastTheCopiedOnes)
{
    for (int i = 0; i < 3; ++i)
        exec(lite, QStringLiteral("INSERT INTO sync_runs (kind, started_at) VALUES ('sync', 'now')"));
    exec(lite, QStringLiteral("DELETE FROM sync_runs WHERE id = 1"));
    ASSERT_TRUE(StoreMigration::copy(lite, pg, QStringLiteral("test.db")).ok());
    exec(pg, QStringLiteral("INSERT INTO sync_runs (kind, started_at) VALUES ('sync', 'later')"));
    QSqlQuery query(pg);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT id FROM sync_runs WHERE started_at = 'later'")) && query.next());
    EXPECT_EQ(query.value(0).toLongLong(), 4);
}

TEST_F(PostgresStoreTest, AWriterWhoseConnectionIsCutOpensItAgainForTheNextTransaction)
{
    StoreWriter writer(location);
    ASSERT_TRUE(writer.start().ok());
    const auto write = [&writer](const QString &key) {
        auto result = std::make_shared<Result<Done, QString>>(QStringLiteral("not run"));
        writer.submit(
            [key](QSqlDatabase &db) -> Result<Done, QString> {
                WriterStatement &query =
                    StoreWriter::prepared(db, QStringLiteral("INSERT INTO store_meta (key, value) VALUES (?, 'x')"));
                query.add(key);
                if (!query.exec())
                    return query.lastError();
                return Done{};
            },
            [result](Result<Done, QString> done) { *result = std::move(done); });
        writer.flush();
        return *result;
    };
    const auto first = write(QStringLiteral("before"));
    ASSERT_TRUE(first.ok()) << first.error().toStdString();

    // What a restart of the server, a network cut or an administrator does to the writer's session.
    exec(pg, QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                            "current_database() AND pid <> pg_backend_pid()"));
    QTest::qWait(300);

    const auto second = write(QStringLiteral("after"));
    ASSERT_TRUE(second.ok()) << second.error().toStdString();
    QSqlQuery query(pg);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM store_meta WHERE key IN ('before', 'after')")) &&
                query.next());
    EXPECT_EQ(query.value(0).toInt(), 2);
}

// The writer reads a new task's id from PostgreSQL's RETURNING row (SqlDialect::returningId), and reports none for
// an insert that inserted nothing.
TEST_F(PostgresStoreTest, AnInsertedRowsIdIsReadFromTheReturningRow)
{
    StoreWriter writer(location);
    ASSERT_TRUE(writer.start().ok());
    QString error;
    const auto ids = insertedIds(writer, {true, false, true}, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_EQ(ids.size(), 3u);
    ASSERT_TRUE(ids.at(0).has_value());
    EXPECT_EQ(ids.at(1), std::nullopt);
    EXPECT_EQ(ids.at(2), std::optional<qint64>(*ids.at(0) + 1));
}

TEST_F(PostgresStoreTest, TheShopListsReadTheSameRowsFromBothEngines)
{
    const auto migrated = Database::migrate(pg);
    ASSERT_TRUE(migrated.ok()) << migrated.error().toStdString();
    // The same shop data in both: two orders, a payment linked to both (as PaymentProcessor writes it), a payment
    // whose text merely contains an order's id, a shipment, a deleted order.
    const QStringList statements{
        QStringLiteral("INSERT INTO orders (id, name, state, sum, agent, moment, updated, deleted) VALUES ('o-1', "
                       "'00001', 'Новый', 1000, 'ООО Ромашка', '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000', "
                       "0)"),
        QStringLiteral(
            "INSERT INTO orders (id, name, state, sum, agent, moment, updated, deleted) VALUES ('o-2', "
            "'00002', 'Отгружен', 2000, 'iPhone Store', '2026-11-02 10:00:00.000', '2026-11-02 10:00:00.000', 0)"),
        QStringLiteral("INSERT INTO orders (id, name, state, sum, agent, moment, updated, deleted) VALUES ('o-3', "
                       "'00003', 'Отменён', 3000, 'ИП Лютик', '2026-11-03 10:00:00.000', '2026-11-03 10:00:00.000', "
                       "1)"),
        QStringLiteral("INSERT INTO payments (id, kind, name, sum, moment, linked_orders, updated, deleted) VALUES "
                       "('p-1', 'paymentin', 'В-1', 3000, '2026-11-04 10:00:00.000', "
                       "'[{\"id\":\"o-1\",\"linkedSum\":1000},{\"id\":\"o-2\",\"linkedSum\":2000}]', "
                       "'2026-11-04 10:00:00.000', 0)"),
        QStringLiteral("INSERT INTO payments (id, kind, name, sum, moment, linked_orders, updated, deleted) VALUES "
                       "('p-2', 'cashin', 'П-2', 500, '2026-11-05 10:00:00.000', '[{\"id\":\"xo-1\"}]', "
                       "'2026-11-05 10:00:00.000', 0)"),
        QStringLiteral("INSERT INTO shipments (id, name, sum, state, order_id, updated, deleted) VALUES ('s-1', "
                       "'ОТ-1', 2000, 'Собран', 'o-2', '2026-11-06 10:00:00.000', 0)"),
    };
    for (const QString &statement : statements) {
        exec(lite, statement);
        exec(pg, statement);
    }
    const auto listed = [](QSqlDatabase &db, const ShopList::Query &query) {
        const auto rows = ShopList::rows(db, query);
        EXPECT_TRUE(rows.ok()) << rows.error().toStdString();
        QStringList lines;
        for (const ShopList::Row &row : rows.valueOr({}))
            lines.append(QStringList{row.entityType, row.id, row.name, row.state, row.agent, row.orderNames,
                                     QString::number(row.sum.value_or(-1)), row.date,
                                     row.deleted ? QStringLiteral("deleted") : QString()}
                             .join(QLatin1Char('|')));
        return lines;
    };
    QList<ShopList::Query> queries;
    for (const ShopList::Kind kind : {ShopList::Kind::Orders, ShopList::Kind::Payments, ShopList::Kind::Shipments}) {
        ShopList::Query all;
        all.kind = kind;
        all.includeDeleted = true;
        queries.append(all);
        ShopList::Query ofOrder = all;
        ofOrder.orderId = kind == ShopList::Kind::Orders ? QStringLiteral("o-1") : QStringLiteral("o-2");
        queries.append(ofOrder);
    }
    ShopList::Query search;
    search.search = QStringLiteral("ромашка");
    queries.append(search);
    // Latin letters in any case, as SQLite's LIKE takes them.
    search.search = QStringLiteral("IPHONE store");
    queries.append(search);
    // Cyrillic in any case too: SQLite's own lower() knows ASCII only.
    search.search = QStringLiteral("ооо РОМАШКА");
    queries.append(search);
    for (const ShopList::Query &query : std::as_const(queries)) {
        SCOPED_TRACE(int(query.kind));
        const QStringList fromSqlite = listed(lite, query);
        EXPECT_FALSE(fromSqlite.isEmpty());
        EXPECT_EQ(listed(pg, query), fromSqlite);
    }
    // An order's payments: the one that links it, not the one whose text merely contains its id.
    ShopList::Query paymentsOfOrder;
    paymentsOfOrder.kind = ShopList::Kind::Payments;
    paymentsOfOrder.orderId = QStringLiteral("o-1");
    EXPECT_EQ(listed(pg, paymentsOfOrder).size(), 1);
    EXPECT_TRUE(listed(pg, paymentsOfOrder).value(0).contains(QStringLiteral("ООО Ромашка|00001, 00002")))
        << listed(pg, paymentsOfOrder).value(0).toStdString();

    // The data version moves once another connection wrote to the shop tables.
    const auto before = ShopList::dataVersion(pg);
    ASSERT_TRUE(before.ok()) << before.error().toStdString();
    {
        auto other = StoreUrl::parse(location).value().open(QStringLiteral("pg-other"));
        ASSERT_TRUE(other.ok());
        QSqlQuery update(other.value());
        ASSERT_TRUE(update.exec(QStringLiteral("UPDATE orders SET sum = 1100 WHERE id = 'o-1'")));
    }
    Database::close(QStringLiteral("pg-other"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return ShopList::dataVersion(pg).valueOr(-1) != before.value(); }, 5000));
}

TEST_F(PostgresStoreTest, TheChartsReadTheSameFiguresFromBothEngines)
{
    // What a service's MetricsRecorder writes, twice in one minute (the second flush adds to the first's rows), through
    // each engine's writer; then the charts' reads of both.
    const QDateTime from = QDateTime::currentDateTimeUtc().addSecs(-120);
    for (const QString &store : {Database::fileIn(sqliteDir.path()), location}) {
        StoreWriter writer(store);
        ASSERT_TRUE(writer.start().ok());
        MetricsRecorder recorder(&writer, nullptr);
        recorder.counters().add(Metric::DeliveriesStored, 5);
        recorder.counters().add(Metric::RequestsRefused, QStringLiteral("403 203.0.113.7"), 3);
        recorder.counters().observe(Metric::QueueBacklog, 7);
        recorder.counters().observe(Metric::LimiterRemaining, 30);
        recorder.flush();
        recorder.counters().add(Metric::DeliveriesStored, 2);
        recorder.counters().add(Metric::RequestsRefused, QStringLiteral("403 203.0.113.7"), 1);
        recorder.counters().observe(Metric::QueueBacklog, 4);
        recorder.counters().observe(Metric::LimiterRemaining, 12);
        recorder.flush();
        writer.flush();
    }
    const QDateTime to = QDateTime::currentDateTimeUtc().addSecs(120);
    const auto figures = [&](QSqlDatabase &db) {
        QStringList found;
        for (const Metric metric : {Metric::DeliveriesStored, Metric::QueueBacklog, Metric::LimiterRemaining}) {
            const auto series = MetricsReader::series(db, metric, from, to);
            EXPECT_TRUE(series.ok()) << series.error().toStdString();
            // Per bucket: a count adds up, a gauge keeps its extreme (the two flushes may fall into two minutes).
            qint64 figure = metric == Metric::LimiterRemaining ? std::numeric_limits<qint64>::max() : 0;
            for (const MetricsReader::Point &point : series.valueOr({})) {
                if (metric == Metric::DeliveriesStored)
                    figure += point.value;
                else if (metric == Metric::QueueBacklog)
                    figure = std::max(figure, point.value);
                else
                    figure = std::min(figure, point.value);
            }
            found.append(QString::number(figure));
        }
        const auto labels = MetricsReader::byLabel(db, Metric::RequestsRefused, from, to);
        EXPECT_TRUE(labels.ok()) << labels.error().toStdString();
        for (const MetricsReader::LabelTotal &label : labels.valueOr({}))
            found.append(label.label + QLatin1Char('=') + QString::number(label.value));
        return found;
    };
    const QStringList expected{QStringLiteral("7"), QStringLiteral("7"), QStringLiteral("12"),
                               QStringLiteral("403 203.0.113.7=4")};
    EXPECT_EQ(figures(lite), expected);
    EXPECT_EQ(figures(pg), expected);
}

// The hourly prune of old minutes deletes them in chunks with a statement PostgreSQL runs as SQLite does.
TEST_F(PostgresStoreTest, OldMinutesOfTheChartsArePrunedAndRecentOnesKept)
{
    StoreWriter writer(location);
    ASSERT_TRUE(writer.start().ok());
    const qint64 now = QDateTime::currentSecsSinceEpoch() / 60;
    exec(pg, QStringLiteral("INSERT INTO metrics (minute, name, label, value) VALUES (%1, 'old', '', 1), (%1, 'old', "
                            "'x', 1), (%2, 'recent', '', 1)")
                 .arg(now - 60 * 24 * 30)
                 .arg(now - 60 * 24));
    MetricsRecorder recorder(&writer, nullptr);
    for (int i = 0; i < 60; ++i) // the prune runs once an hour of flushes
        recorder.flush();
    writer.flush();
    QSqlQuery query(pg);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT name, count(*) FROM metrics GROUP BY name ORDER BY name")));
    QStringList left;
    while (query.next())
        left.append(query.value(0).toString() + QLatin1Char('=') + query.value(1).toString());
    EXPECT_EQ(left, QStringList{QStringLiteral("recent=1")});
}

TEST_F(PostgresStoreTest, TheDiagnosticsPaneReadsTheLogOfAPostgresStore)
{
    {
        StoreWriter writer(location);
        ASSERT_TRUE(writer.start().ok());
        SqliteDiagnosticsLog log(&writer);
        log.info(QStringLiteral("queue"), QStringLiteral("Заказ 00042 применён"));
        log.warning(QStringLiteral("receiver"), QStringLiteral("Refused 3 requests"));
        log.error(QStringLiteral("worker"), QStringLiteral("МойСклад ответил 500"), QStringLiteral("Ошибка сервера"));
        writer.flush();
    }
    const auto messages = [this](const LogReader::Filter &filter) { return logMessages(filter); };
    // The newest rows, oldest first (as the pane shows them).
    EXPECT_EQ(messages({}), (QStringList{QStringLiteral("Заказ 00042 применён"), QStringLiteral("Refused 3 requests"),
                                         QStringLiteral("МойСклад ответил 500")}));
    LogReader::Filter warnings;
    warnings.minimumLevel = LogLevel::Warning;
    EXPECT_EQ(messages(warnings),
              (QStringList{QStringLiteral("Refused 3 requests"), QStringLiteral("МойСклад ответил 500")}));
    // Case-insensitive, Russian too, in the message or the details.
    LogReader::Filter search;
    search.text = QStringLiteral("заказ");
    EXPECT_EQ(messages(search), QStringList{QStringLiteral("Заказ 00042 применён")});
    search.text = QStringLiteral("ошибка");
    EXPECT_EQ(messages(search), QStringList{QStringLiteral("МойСклад ответил 500")});
}

TEST_F(PostgresStoreTest, TheLogsTextSearchGoesThroughATrigramIndexAndTakesWildcardsLiterally)
{
    const auto migrated = Database::migrate(pg);
    ASSERT_TRUE(migrated.ok()) << migrated.error().toStdString();
    QSqlQuery index(pg);
    ASSERT_TRUE(index.exec(QStringLiteral("SELECT 1 FROM pg_indexes WHERE indexname = 'log_text_trgm'")) &&
                index.next())
        << "no trigram index on the log";

    // 30,000 routine rows, and a few to find among them.
    exec(pg, QStringLiteral("INSERT INTO log (at, level, category, message) SELECT '2026-11-30T10:00:00.000Z', 1, "
                            "'queue', 'Заказ ' || g || ' применён' FROM generate_series(1, 30000) g"));
    exec(pg, QStringLiteral(
                 "INSERT INTO log (at, level, category, message, details, request_id) VALUES "
                 "('2026-11-30T10:00:01.000Z', 3, 'worker', 'МойСклад ответил 429', 'Превышен ЛИМИТ запросов', "
                 "'req-7f3a'), ('2026-11-30T10:00:02.000Z', 2, 'receiver', 'Refused 50% of the requests', NULL, NULL), "
                 "('2026-11-30T10:00:03.000Z', 2, 'receiver', 'Refused 500 requests', NULL, NULL), "
                 "('2026-11-30T10:00:04.000Z', 1, 'queue', 'paymentin_1 applied', NULL, NULL), "
                 "('2026-11-30T10:00:05.000Z', 1, 'queue', 'paymentinX1 applied', NULL, NULL)"));
    // As autovacuum leaves a table: statistics taken, and the rows of GIN's pending list moved into the index.
    exec(pg, QStringLiteral("VACUUM ANALYZE log"));

    // A rare word is looked up in the index, not found by walking down the ids. (Latin here: pg_trgm takes its
    // letters from the database's LC_CTYPE, and this test cluster's is C, where Cyrillic letters are not letters.)
    QSqlQuery plan(pg);
    ASSERT_TRUE(
        plan.exec(QStringLiteral("EXPLAIN SELECT l.id FROM log l, (SELECT CAST('REQ-7f3a' AS TEXT) AS needle) n "
                                 "WHERE %1 ORDER BY l.id DESC LIMIT 100")
                      .arg(PostgresDialect().logContains(QStringLiteral("n.needle")))))
        << plan.lastError().text().toStdString();
    QString planText;
    while (plan.next())
        planText += plan.value(0).toString() + QLatin1Char('\n');
    EXPECT_TRUE(planText.contains(QStringLiteral("log_text_trgm"))) << planText.toStdString();

    const auto searchFor = [this](const QString &text) {
        LogReader::Filter filter;
        filter.text = text;
        return logMessages(filter);
    };
    const auto expectTheSameAnswers = [&] {
        // In the details, whatever the case, Russian too; a request id; % and _ as themselves, not wildcards.
        EXPECT_EQ(searchFor(QStringLiteral("лимит")), QStringList{QStringLiteral("МойСклад ответил 429")});
        EXPECT_EQ(searchFor(QStringLiteral("REQ-7F3A")), QStringList{QStringLiteral("МойСклад ответил 429")});
        EXPECT_EQ(searchFor(QStringLiteral("50%")), QStringList{QStringLiteral("Refused 50% of the requests")});
        EXPECT_EQ(searchFor(QStringLiteral("paymentin_1")), QStringList{QStringLiteral("paymentin_1 applied")});
        EXPECT_EQ(searchFor(QStringLiteral("\\")), QStringList());
        const QStringList common = searchFor(QStringLiteral("ПРИМЕНЁН"));
        ASSERT_EQ(common.size(), 100);
        EXPECT_EQ(common.constLast(), QStringLiteral("Заказ 30000 применён")) << "the newest page";
    };
    expectTheSameAnswers();
    // A server without pg_trgm (or a role that may not add it): the same answers, the rows read one by one.
    exec(pg, QStringLiteral("DROP EXTENSION pg_trgm CASCADE"));
    ASSERT_TRUE(index.exec(QStringLiteral("SELECT 1 FROM pg_indexes WHERE indexname = 'log_text_trgm'")));
    EXPECT_FALSE(index.next());
    expectTheSameAnswers();
}

TEST_F(PostgresStoreTest, AnUpgradeLeavesTheSearchIndexOfALongLogToBeBuiltByHandAndSaysHow)
{
    // A store at schema 12 whose log already holds more rows than a migration indexes itself.
    ASSERT_TRUE(Database::migrate(pg).ok());
    exec(pg, QStringLiteral("DROP EXTENSION pg_trgm CASCADE"));
    exec(pg, QStringLiteral("UPDATE schema_version SET version = 12"));
    exec(pg, QStringLiteral("INSERT INTO log (at, level, category, message) SELECT '2026-11-30T10:00:00.000Z', 1, "
                            "'queue', 'Order ' || g || ' applied' FROM generate_series(1, 100001) g"));

    QStringList warnings;
    {
        QScopedValueRollback allow(allowQtWarnings(), true);
        static QStringList *seen = nullptr;
        seen = &warnings;
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &text) { seen->append(text); });
        const auto migrated = Database::migrate(pg);
        qInstallMessageHandler(previous);
        ASSERT_TRUE(migrated.ok()) << migrated.error().toStdString();
    }
    QSqlQuery query(pg);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT version FROM schema_version")) && query.next());
    EXPECT_EQ(query.value(0).toInt(), Database::schemaVersion);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT 1 FROM pg_indexes WHERE indexname = 'log_text_trgm'")));
    EXPECT_FALSE(query.next()) << "a long log is not indexed inside the migration";
    ASSERT_EQ(warnings.size(), 1) << warnings.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(warnings.constFirst().contains(QStringLiteral("CREATE INDEX CONCURRENTLY log_text_trgm ON log")))
        << warnings.constFirst().toStdString();

    // The statement it gives builds the index the search then uses (run as the warning says, outside a transaction).
    const QString given = warnings.constFirst().mid(warnings.constFirst().indexOf(QStringLiteral("CREATE EXTENSION")));
    for (const QString &statement : given.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (!statement.trimmed().isEmpty())
            exec(pg, statement.trimmed());
    }
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT 1 FROM pg_indexes WHERE indexname = 'log_text_trgm'")));
    EXPECT_TRUE(query.next());
}
