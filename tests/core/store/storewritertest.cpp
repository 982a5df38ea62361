// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/storewriter.h"
#include "insertedids.h"
#include "qtmessagefailure.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/sqlitedialect.h"
#include "store/writelock.h"
#include "store/writerstatement.h"

#include <gtest/gtest.h>
#include <QElapsedTimer>
#include <QScopedValueRollback>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace {
StoreWriter::Job insertState(const QString &key)
{
    return [key](QSqlDatabase &db) -> Result<Done, QString> {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO service_state (key, value, updated_at) VALUES (?, 'v', 'now')"));
        query.addBindValue(key);
        if (!query.exec())
            return query.lastError().text();
        return Done{};
    };
}

// Keeps the writer busy in a job of its own for 200 ms, returning once that job runs: whatever is submitted next
// queues behind it and shares the next transaction.
bool holdWriter(StoreWriter &writer)
{
    auto holding = std::make_shared<std::atomic<bool>>(false);
    writer.submit([holding](QSqlDatabase &) -> Result<Done, QString> {
        *holding = true;
        QThread::msleep(200);
        return Done{};
    });
    return QTest::qWaitFor([holding] { return holding->load(); }, 5000);
}

int countRows(const QString &path)
{
    ReadConnection reader(path);
    if (!reader.isOpen())
        return -1;
    QSqlQuery query(reader.db());
    if (!query.exec(QStringLiteral("SELECT count(*) AS n FROM service_state")) || !query.next())
        return -1;
    return query.value(QStringLiteral("n")).toInt();
}
} // namespace

TEST(StoreWriter, CreatesTheSchemaInWalMode)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    ReadConnection reader(Database::fileIn(dir.path()));
    ASSERT_TRUE(reader.isOpen()) << reader.error().toStdString();
    QSqlQuery query(reader.db());
    ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    EXPECT_EQ(query.value(QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
    EXPECT_EQ(query.value(QStringLiteral("user_version")).toInt(), Database::schemaVersion);
}

TEST(StoreWriter, CommitsJobsFromManyThreadsAndIsolatesAFailingOne)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    std::atomic<int> ok{0};
    std::atomic<int> failed{0};
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&writer, &ok, &failed, t] {
            for (int i = 0; i < 50; ++i) {
                writer.submit(insertState(QStringLiteral("k%1-%2").arg(t).arg(i)),
                              [&ok, &failed](Result<Done, QString> r) { r.ok() ? ++ok : ++failed; });
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    // A duplicate key fails alone; the jobs around it are committed.
    writer.submit(insertState(QStringLiteral("k0-0")), [&failed](Result<Done, QString> r) {
        if (!r.ok())
            ++failed;
    });
    writer.submit(insertState(QStringLiteral("after")), [&ok](Result<Done, QString> r) {
        if (r.ok())
            ++ok;
    });
    writer.flush();
    EXPECT_EQ(ok.load(), 201);
    EXPECT_EQ(failed.load(), 1);
    EXPECT_EQ(countRows(path), 201);
}

TEST(StoreWriter, ReopeningKeepsTheData)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    {
        StoreWriter writer(path);
        ASSERT_TRUE(writer.start().ok());
        writer.submit(insertState(QStringLiteral("kept")));
    } // the destructor commits what is queued
    StoreWriter again(path);
    ASSERT_TRUE(again.start().ok());
    EXPECT_EQ(countRows(path), 1);
}

TEST(StoreWriter, AnUnwritableDirectoryIsAClearError)
{
    StoreWriter writer(QStringLiteral("/proc/no-such-dir/skladhook.db"));
    const auto started = writer.start();
    ASSERT_FALSE(started.ok());
    EXPECT_TRUE(started.error().contains(QStringLiteral("skladhook.db")));
    bool failed = false;
    writer.submit(insertState(QStringLiteral("x")), [&failed](Result<Done, QString> r) { failed = !r.ok(); });
    EXPECT_TRUE(failed);
}

TEST(WriteLock, TwoHoldersExcludeEachOtherEvenInOneProcess)
{
    QTemporaryDir dir;
    const QString path = WriteLock::pathFor(Database::fileIn(dir.path()));
    WriteLock first(path);
    WriteLock second(path);
    ASSERT_TRUE(first.acquire(0).ok());
    const auto refused = second.acquire(0);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().contains(QStringLiteral("busy")));
    first.release();
    EXPECT_TRUE(second.acquire(0).ok());
    EXPECT_TRUE(second.isHeld());
}

TEST(StoreWriter, WritesOnlyWhileNoOtherWriterHoldsTheLock)
{
    // Another process's StoreWriter in the middle of a transaction (or a checkpoint) is this lock, held.
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    WriteLock other(WriteLock::pathFor(path));
    ASSERT_TRUE(other.acquire(0).ok());
    std::atomic<bool> committed = false;
    writer.submit(insertState(QStringLiteral("waits")),
                  [&committed](Result<Done, QString> result) { committed = result.ok(); });
    QTest::qWait(100); // time for the writer to go ahead, which it must not
    EXPECT_FALSE(committed);
    EXPECT_EQ(countRows(path), 0);
    other.release();
    EXPECT_TRUE(QTest::qWaitFor([&committed] { return bool(committed); }, 5000));
    EXPECT_EQ(countRows(path), 1);
}

TEST(StoreWriter, ADatabaseFromANewerSkladHookIsRefusedUntouched)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    {
        StoreWriter writer(path);
        ASSERT_TRUE(writer.start().ok());
        writer.submit([](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::schemaVersion + 1)))
                return query.lastError().text();
            return Done{};
        });
    }
    StoreWriter again(path);
    const auto started = again.start();
    ASSERT_FALSE(started.ok());
    EXPECT_TRUE(started.error().contains(QStringLiteral("newer"))) << started.error().toStdString();
}

TEST(StoreWriter, AFailedJobWhoseWritesCannotBeUndoneKeepsNothingOfItsTransaction)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    ASSERT_TRUE(holdWriter(writer)); // the next two jobs share one transaction
    std::optional<Result<Done, QString>> first, second;
    writer.submit(insertState(QStringLiteral("first")), [&first](Result<Done, QString> r) { first.emplace(r); });
    const QScopedValueRollback warned(allowQtWarnings(), true); // the writer warns of the abandoned transaction
    // A job that ends its own savepoint, writes, then fails: its writes cannot be rolled back to the savepoint.
    writer.submit(
        [](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("RELEASE job")))
                return QStringLiteral("the test's premise broke: %1").arg(query.lastError().text());
            if (!insertState(QStringLiteral("half"))(db).ok())
                return QStringLiteral("the test's premise broke: no insert");
            return QStringLiteral("failed after writing");
        },
        [&second](Result<Done, QString> r) { second.emplace(r); });
    writer.flush();
    ASSERT_TRUE(first && second);
    EXPECT_FALSE(second->ok());
    EXPECT_FALSE(first->ok()) << "its transaction was abandoned: it must not be reported as written";
    EXPECT_EQ(countRows(path), 0) << "nothing half-written is committed";

    // The writer goes on.
    bool after = false;
    writer.submit(insertState(QStringLiteral("after")), [&after](Result<Done, QString> r) { after = r.ok(); });
    writer.flush();
    EXPECT_TRUE(after);
    EXPECT_EQ(countRows(path), 1);
}

// A job without a savepoint of its own (the hot intake job) that fails takes its whole transaction with it: the jobs
// before it are not reported written, the ones after it do not run, nothing is committed, everyone gets its error (a
// full disk, said as one), and the writer goes on.
TEST(StoreWriter, AJobThatSharesTheTransactionAndFailsAbandonsItWhole)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    QStringList problems;
    QObject::connect(
        &writer, &StoreWriter::storageChanged, &writer,
        [&problems](const QString &problem) { problems.append(problem); }, Qt::DirectConnection);
    ASSERT_TRUE(holdWriter(writer)); // the next three jobs share one transaction
    std::optional<Result<Done, QString>> before, failing, after;
    bool afterRan = false;
    writer.submit(insertState(QStringLiteral("before")), [&before](Result<Done, QString> r) { before.emplace(r); });
    const QScopedValueRollback warned(allowQtWarnings(), true); // the writer warns of the abandoned transaction
    writer.submit(
        [](QSqlDatabase &db) -> Result<Done, QString> {
            if (!insertState(QStringLiteral("half"))(db).ok())
                return QStringLiteral("the test's premise broke: no insert");
            return QStringLiteral("database or disk is full");
        },
        [&failing](Result<Done, QString> r) { failing.emplace(r); }, StoreWriter::Isolation::SharesTheTransaction);
    writer.submit(
        [&afterRan](QSqlDatabase &db) {
            afterRan = true;
            return insertState(QStringLiteral("after"))(db);
        },
        [&after](Result<Done, QString> r) { after.emplace(r); });
    writer.flush();
    ASSERT_TRUE(before && failing && after);
    for (const auto *result : {&*before, &*failing, &*after}) {
        ASSERT_FALSE(result->ok());
        EXPECT_TRUE(result->error().contains(QLatin1String("database or disk is full")))
            << result->error().toStdString();
    }
    EXPECT_FALSE(afterRan) << "a job after the failure runs in no transaction that will commit";
    EXPECT_EQ(countRows(path), 0) << "nothing of the abandoned transaction is committed";
    EXPECT_EQ(problems, QStringList{QStringLiteral("disk full")});

    // The writer goes on, and says the storage is fine again.
    bool next = false;
    writer.submit(
        insertState(QStringLiteral("next")), [&next](Result<Done, QString> r) { next = r.ok(); },
        StoreWriter::Isolation::SharesTheTransaction);
    writer.flush();
    EXPECT_TRUE(next);
    EXPECT_EQ(countRows(path), 1);
    EXPECT_EQ(problems, (QStringList{QStringLiteral("disk full"), QString()}));
}

// Jobs that share their transaction commit together, beside jobs with savepoints of their own, as one transaction.
TEST(StoreWriter, JobsThatShareTheTransactionCommitTogetherWithTheOthers)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    const StoreWriter::Stats before = writer.stats();
    ASSERT_TRUE(holdWriter(writer)); // the next four share one transaction
    int written = 0;
    for (int i = 0; i < 4; ++i)
        writer.submit(
            insertState(QStringLiteral("k%1").arg(i)), [&written](Result<Done, QString> r) { written += r.ok(); },
            i % 2 ? StoreWriter::Isolation::OwnSavepoint : StoreWriter::Isolation::SharesTheTransaction);
    writer.flush();
    EXPECT_EQ(written, 4);
    EXPECT_EQ(countRows(path), 4);
    EXPECT_EQ(writer.stats().transactions - before.transactions, 2u) << "the hold's, then the four jobs' together";
}

// After a group of several jobs the writer waits for more while they keep coming (StoreWriter::gather): a job that
// comes alone must not be held for company that never arrives, beyond a slice.
TEST(StoreWriter, AfterAGroupALoneJobIsCommittedWithoutWaitingForCompany)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    ASSERT_TRUE(holdWriter(writer));
    for (int i = 0; i < 4; ++i)
        writer.submit(insertState(QStringLiteral("group-%1").arg(i)));
    writer.flush(); // the last group had four jobs: the next one finds the writer gathering
    const StoreWriter::Stats before = writer.stats();

    auto committed = std::make_shared<std::atomic<bool>>(false);
    QElapsedTimer elapsed;
    elapsed.start();
    writer.submit(insertState(QStringLiteral("lone")), [committed](Result<Done, QString> r) { *committed = r.ok(); });
    ASSERT_TRUE(QTest::qWaitFor([committed] { return committed->load(); }, 5000));
    // A slice (0.1 ms) and the COMMIT's fsync; a second is far beyond either, and far below "held until company".
    EXPECT_LT(elapsed.elapsed(), 1000);
    EXPECT_EQ(writer.stats().transactions - before.transactions, 1u);
}

TEST(StoreWriter, APreparedStatementIsReusedAcrossJobsAndTransactionsAreCounted)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    const QString sql = QStringLiteral("INSERT INTO service_state (key, value, updated_at) VALUES (?, ?, 'now')");
    std::vector<const WriterStatement *> statements;
    for (int i = 0; i < 3; ++i) {
        writer.submit([&, i](QSqlDatabase &db) -> Result<Done, QString> {
            WriterStatement &query = StoreWriter::prepared(db, sql);
            statements.push_back(&query);
            query.add(QStringLiteral("k%1").arg(i));
            query.add(qint64(i));
            if (!query.exec())
                return query.lastError();
            return Done{};
        });
        writer.flush(); // one transaction each
    }
    ASSERT_EQ(statements.size(), 3u);
    EXPECT_EQ(statements[0], statements[1]);
    EXPECT_EQ(statements[1], statements[2]);
    const StoreWriter::Stats stats = writer.stats();
    EXPECT_EQ(stats.transactions, 3u);
    EXPECT_EQ(stats.jobs, 3u);

    ReadConnection reader(Database::fileIn(dir.path()));
    QSqlQuery query(reader.db());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) AS n FROM service_state WHERE key LIKE 'k%'")) &&
                query.next());
    EXPECT_EQ(query.value(QStringLiteral("n")).toInt(), 3);
}

// The writer's statements bind through SQLite's own API: the values must arrive as QSqlQuery would have sent them
// (NULLs, Cyrillic text, 64-bit numbers), RETURNING and the count of changed rows must read back, and a failure must
// carry SQLite's words (the storage problems are recognised by them).
TEST(StoreWriter, APreparedStatementBindsNullsTextUtf8AndNumbersAndReportsSqlitesOwnError)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    const QString insert =
        QStringLiteral("INSERT INTO services (id, host, pid, state, detail, receiver, has_token, has_site_secret, "
                       "seen_at) VALUES (?, 'here', ?, ?, ?, ?, 1, 0, 'now') ON CONFLICT (id) DO NOTHING");
    const QString cyrillic = QStringLiteral("Заказ №7 — «Ёлка»");
    std::vector<int> changed;
    QString error;
    qint64 returned = -1;
    for (int i = 0; i < 2; ++i) {
        writer.submit([&](QSqlDatabase &db) -> Result<Done, QString> {
            WriterStatement &statement = StoreWriter::prepared(db, insert);
            statement.add(QStringLiteral("s-1"));
            statement.add(std::optional<qint64>(Q_INT64_C(9000000000)));
            statement.add(cyrillic);
            statement.add(cyrillic.toUtf8()); // text already in UTF-8
            statement.add(QByteArray());      // NULL
            if (!statement.exec())
                return statement.lastError();
            changed.push_back(statement.rowsAffected());
            return Done{};
        });
    }
    writer.submit([&](QSqlDatabase &db) -> Result<Done, QString> {
        WriterStatement &statement = StoreWriter::prepared(
            db, QStringLiteral("INSERT INTO sync_runs (kind, started_at) VALUES (?, ?) RETURNING id"));
        statement.add(QStringLiteral("catch-up"));
        statement.add(QStringLiteral("2026-11-30T12:00:00.000Z"));
        if (!statement.exec() || !statement.next())
            return statement.lastError();
        returned = statement.int64At(0);
        statement.finish();
        WriterStatement &missing = StoreWriter::prepared(
            db, QStringLiteral("INSERT INTO deliveries (request_id, received_at, events) VALUES (?, NULL, 1)"));
        missing.add(QStringLiteral("r-2"));
        if (missing.exec())
            return QStringLiteral("a NULL in a NOT NULL column was accepted");
        error = missing.lastError();
        return Done{};
    });
    writer.flush();
    EXPECT_EQ(changed, (std::vector<int>{1, 0})) << "the second insert's key is taken";
    EXPECT_GT(returned, 0);
    EXPECT_TRUE(error.contains(QLatin1String("NOT NULL constraint failed"))) << qPrintable(error);

    ReadConnection reader(Database::fileIn(dir.path()));
    QSqlQuery query(reader.db());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT state, detail, receiver IS NULL, pid, typeof(pid) FROM services")) &&
                query.next());
    EXPECT_EQ(query.value(0).toString(), cyrillic);
    EXPECT_EQ(query.value(1).toString(), cyrillic);
    EXPECT_TRUE(query.value(2).toBool());
    EXPECT_EQ(query.value(3).toLongLong(), Q_INT64_C(9000000000));
    EXPECT_EQ(query.value(4).toString(), QStringLiteral("integer"));
    EXPECT_FALSE(query.next());
}

// A task's id is read without RETURNING on SQLite (SqlDialect::returningId is empty there): the connection's last
// rowid, right after each insert, and none for an insert that inserted nothing.
TEST(StoreWriter, AnInsertedRowsIdIsReadWithoutReturningAndThereIsNoneWhenNothingWasInserted)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    EXPECT_TRUE(SqliteDialect().returningId().isEmpty());
    QString error;
    const auto ids = insertedIds(writer, {true, true, false, true}, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_EQ(ids.size(), 4u);
    EXPECT_EQ(ids.at(0), std::optional<qint64>(1));
    EXPECT_EQ(ids.at(1), std::optional<qint64>(2));
    EXPECT_EQ(ids.at(2), std::nullopt) << "nothing was inserted: the previous row's id must not be reported";
    EXPECT_EQ(ids.at(3), std::optional<qint64>(3));
}

// SQLite reads the bound text in place (SQLITE_STATIC) from buffers the statement keeps until it has run: every value
// of a long row, each from a temporary, arrives whole, however often the statement's list of buffers grew meanwhile,
// and a second run binds afresh.
TEST(StoreWriter, TextBoundFromTemporariesArrivesWholeInEveryColumnOfEveryRun)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    const auto valueOf = [](int run, int column) {
        return QStringLiteral("run %1 column %2 — «%3»").arg(run).arg(column).arg(QString(column * 7, u'ж'));
    };
    writer.submit([&](QSqlDatabase &db) -> Result<Done, QString> {
        WriterStatement &insert = StoreWriter::prepared(
            db, QStringLiteral("INSERT INTO log (at, level, category, hook, request_id, document_id, message, details, "
                               "message_id, args) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int run = 0; run < 2; ++run) {
            for (int column = 0; column < 10; ++column) {
                if (column == 1)
                    insert.add(qint64(run));
                else
                    insert.add(valueOf(run, column)); // a temporary, gone when add() returns
            }
            if (!insert.exec())
                return insert.lastError();
        }
        return Done{};
    });
    writer.flush();

    ReadConnection reader(Database::fileIn(dir.path()));
    QSqlQuery query(reader.db());
    ASSERT_TRUE(
        query.exec(QStringLiteral("SELECT at, level, category, hook, request_id, document_id, message, details, "
                                  "message_id, args FROM log ORDER BY level")));
    for (int run = 0; run < 2; ++run) {
        ASSERT_TRUE(query.next());
        for (int column = 0; column < 10; ++column) {
            if (column == 1)
                EXPECT_EQ(query.value(column).toInt(), run);
            else
                EXPECT_EQ(query.value(column).toString(), valueOf(run, column)) << "column " << column;
        }
    }
    EXPECT_FALSE(query.next());
}
