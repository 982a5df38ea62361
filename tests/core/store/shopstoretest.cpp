// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/shopstore.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace {

class ShopStoreTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(writer.start().ok()); }

    Result<Done, QString> write(const QString &sql)
    {
        std::optional<Result<Done, QString>> outcome;
        writer.submit(
            [sql](QSqlDatabase &db) -> Result<Done, QString> {
                QSqlQuery query(db);
                if (!query.exec(sql))
                    return query.lastError().text();
                return Done{};
            },
            [&outcome](Result<Done, QString> result) { outcome.emplace(std::move(result)); });
        writer.flush();
        return outcome.value_or(Result<Done, QString>(QStringLiteral("no answer")));
    }

    QList<ShopStore::Order> orders()
    {
        ReadConnection reader(Database::fileIn(dir.path()));
        EXPECT_TRUE(reader.isOpen()) << reader.error().toStdString();
        return ShopStore::orders(reader.db()).valueOr({});
    }

    QTemporaryDir dir;
    StoreWriter writer{Database::fileIn(dir.path())};
};

} // namespace

// What the document processors write (tests/core/documents) is read back here, by column name.
TEST_F(ShopStoreTest, OrdersAreListedByMomentWithEveryColumnAndDeletedOnesToo)
{
    ASSERT_TRUE(write(QStringLiteral("INSERT INTO orders (id, name, state, sum, payed_sum, shipped_sum, agent, moment, "
                                     "updated, deleted) VALUES ('o2', '00002', 'Новый', 500, 0, 0, 'ИП Петров', "
                                     "'2026-12-02 10:00:00.000', '2026-12-02 10:00:00.000', 1), ('o1', '00001', "
                                     "'Отгружен', 123456, 100000, 123456, 'ООО Ромашка', '2026-12-01 10:00:00.000', "
                                     "'2026-12-01 10:05:00.000', 0)"))
                    .ok());
    const QList<ShopStore::Order> stored = orders();
    ASSERT_EQ(stored.size(), 2);
    const ShopStore::Order &first = stored[0];
    EXPECT_EQ(first.id, QStringLiteral("o1"));
    EXPECT_EQ(first.name, QStringLiteral("00001"));
    EXPECT_EQ(first.state, QStringLiteral("Отгружен"));
    EXPECT_EQ(first.sum, 123456);
    EXPECT_EQ(first.payedSum, 100000);
    EXPECT_EQ(first.shippedSum, 123456);
    EXPECT_EQ(first.agent, QStringLiteral("ООО Ромашка"));
    EXPECT_EQ(first.updated, QStringLiteral("2026-12-01 10:05:00.000"));
    EXPECT_FALSE(first.deleted);
    EXPECT_EQ(stored[1].id, QStringLiteral("o2"));
    EXPECT_TRUE(stored[1].deleted);
}

TEST_F(ShopStoreTest, ADatabaseOfSchemaOneIsMigratedInPlace)
{
    // The first schema's tables with a row in them, as an older SkladHook left them.
    QTemporaryDir old;
    const QString path = Database::fileIn(old.path());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema-one"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        for (
            const char *statement :
            {"CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, level INTEGER NOT NULL, "
             "category TEXT NOT NULL, hook TEXT, request_id TEXT, document_id TEXT, message TEXT NOT NULL, details "
             "TEXT)",
             "CREATE INDEX log_level ON log(level, id)", "CREATE INDEX log_hook ON log(hook, id)",
             "CREATE INDEX log_at ON log(at)",
             "INSERT INTO log (at, level, category, message, details) VALUES ('2024-01-01T00:00:00.000Z', 1, "
             "'service', 'written before the search index', 'an old row')",
             "CREATE TABLE tasks (id INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT NOT NULL, action TEXT NOT "
             "NULL, document_id TEXT NOT NULL, href TEXT, request_id TEXT NOT NULL, event_index INTEGER NOT NULL, mode "
             "TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, "
             "lease_until TEXT, lease_token INTEGER NOT NULL DEFAULT 0, last_error TEXT, created_at TEXT NOT NULL, "
             "updated_at TEXT NOT NULL, finished_at TEXT)",
             "INSERT INTO tasks (entity_type, action, document_id, request_id, event_index, mode, status, "
             "next_attempt_at, created_at, updated_at) VALUES ('demand', 'UPDATE', 'd1', 'r1', 0, 'queued', "
             "'pending', 'x', 'x', 'x')",
             "CREATE TABLE deliveries (request_id TEXT PRIMARY KEY, received_at TEXT NOT NULL, peer TEXT, events "
             "INTEGER NOT NULL)",
             "INSERT INTO deliveries (request_id, received_at, peer, events) VALUES ('r1', "
             "'2024-01-01T00:00:00.000Z', '185.12.4.7', 1)",
             "CREATE TABLE orders (id TEXT PRIMARY KEY, name TEXT, state TEXT, sum INTEGER, payed_sum INTEGER, "
             "shipped_sum INTEGER, agent TEXT, moment TEXT, updated TEXT, deleted INTEGER NOT NULL DEFAULT 0)",
             "INSERT INTO orders (id, name, sum, deleted) VALUES ('o1', '00001', 500, 0)",
             "CREATE TABLE payments (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT, sum INTEGER, moment TEXT, "
             "linked_orders TEXT, deleted INTEGER NOT NULL DEFAULT 0)",
             "CREATE TABLE shipments (id TEXT PRIMARY KEY, name TEXT, sum INTEGER, state TEXT, order_id TEXT, deleted "
             "INTEGER NOT NULL DEFAULT 0)",
             "PRAGMA user_version = 1"})
            ASSERT_TRUE(query.exec(QString::fromLatin1(statement))) << statement;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema-one"));

    StoreWriter upgraded(path);
    const auto started = upgraded.start();
    ASSERT_TRUE(started.ok()) << started.error().toStdString();
    std::optional<Result<Done, QString>> marked;
    // A write into a column schema 2 added.
    upgraded.submit(
        [](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("INSERT INTO shipments (id, deleted, deleted_at) VALUES ('d1', 1, "
                                           "'2026-12-01T12:00:00.000Z')")))
                return query.lastError().text();
            return Done{};
        },
        [&marked](Result<Done, QString> result) { marked.emplace(std::move(result)); });
    upgraded.flush();
    ASSERT_TRUE(marked && marked->ok()) << (marked ? marked->error().toStdString() : std::string("no answer"));

    auto db = Database::open(path, QStringLiteral("migrated"), true);
    ASSERT_TRUE(db.ok());
    {
        QSqlQuery query(db.value());
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        EXPECT_EQ(query.value(0).toInt(), Database::schemaVersion);
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT status FROM tasks")) && query.next());
        EXPECT_EQ(query.value(0).toString(), QStringLiteral("pending")); // the queued task is still there
        // Schema 14: the same task under the same id, in a table without AUTOINCREMENT, with its index.
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT id, document_id FROM tasks")) && query.next());
        EXPECT_EQ(query.value(0).toInt(), 1);
        EXPECT_EQ(query.value(1).toString(), QStringLiteral("d1"));
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'tasks'")) && query.next());
        EXPECT_FALSE(query.value(0).toString().contains(QLatin1String("AUTOINCREMENT")));
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                                              "'tasks_due' AND tbl_name = 'tasks'")) &&
                    query.next());
        EXPECT_EQ(query.value(0).toInt(), 1);
        // Schema 14: the delivery kept, in a table with no unique key on the request id, indexed by time.
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT request_id, peer FROM deliveries")) && query.next());
        EXPECT_EQ(query.value(0).toString(), QStringLiteral("r1"));
        EXPECT_EQ(query.value(1).toString(), QStringLiteral("185.12.4.7"));
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT group_concat(name) FROM sqlite_master WHERE type = 'index' AND "
                                              "tbl_name = 'deliveries'")) &&
                    query.next());
        EXPECT_EQ(query.value(0).toString(), QStringLiteral("deliveries_received"));
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT sum FROM orders WHERE id = 'o1'")) && query.next());
        EXPECT_EQ(query.value(0).toInt(), 500);
        // Schema 5: log rows written before it are in the full-text index, the hook filter has its index.
        ASSERT_TRUE(Database::hasLogSearchIndex(db.value()));
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT rowid FROM log_fts WHERE log_fts MATCH 'OLD'")));
        ASSERT_TRUE(query.next());
        EXPECT_EQ(query.value(0).toInt(), 1);
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'log_hook_level'")));
        EXPECT_TRUE(query.next());
    }
    db = QString();
    Database::close(QStringLiteral("migrated"));
}
