// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/storewriter.h"
#include "qtmessagefailure.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/writelock.h"

#include <gtest/gtest.h>
#include <QScopedValueRollback>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
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
    // Holds the writer so that the next two jobs share one transaction.
    writer.submit([](QSqlDatabase &) -> Result<Done, QString> {
        QThread::msleep(200);
        return Done{};
    });
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

TEST(StoreWriter, APreparedStatementIsReusedAcrossJobsAndTransactionsAreCounted)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    const QString sql = QStringLiteral("INSERT INTO service_state (key, value, updated_at) VALUES (?, ?, 'now')");
    std::vector<const QSqlResult *> statements;
    for (int i = 0; i < 3; ++i) {
        writer.submit([&, i](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery &query = StoreWriter::prepared(db, sql);
            statements.push_back(query.result());
            query.addBindValue(QStringLiteral("k%1").arg(i));
            query.addBindValue(i);
            if (!query.exec())
                return query.lastError().text();
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
