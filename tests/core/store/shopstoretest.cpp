// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/shopstore.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

namespace {

QJsonObject named(const QString &name)
{
    return QJsonObject{{QStringLiteral("meta"), QJsonObject{{QStringLiteral("href"), QStringLiteral("x")}}},
                       {QStringLiteral("name"), name}};
}

QJsonObject metaOf(const QString &type, const QString &id)
{
    return QJsonObject{
        {QStringLiteral("href"), QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/%1/%2").arg(type, id)},
        {QStringLiteral("type"), type}};
}

class ShopStoreTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(writer.start().ok()); }

    Result<Done, QString> write(const StoreWriter::Job &job)
    {
        std::optional<Result<Done, QString>> outcome;
        writer.submit(job, [&outcome](Result<Done, QString> result) { outcome.emplace(std::move(result)); });
        writer.flush();
        return outcome.value_or(Result<Done, QString>(QStringLiteral("no answer")));
    }

    // Rows of one query on a read-only connection, each as its columns joined with '|'.
    QStringList rows(const QString &sql)
    {
        QStringList out;
        ReadConnection reader(Database::fileIn(dir.path()));
        EXPECT_TRUE(reader.isOpen()) << reader.error().toStdString();
        QSqlQuery query(reader.db());
        EXPECT_TRUE(query.exec(sql));
        while (query.next()) {
            QStringList columns;
            for (int i = 0; i < query.record().count(); ++i)
                columns.append(query.value(i).toString());
            out.append(columns.join(QLatin1Char('|')));
        }
        return out;
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

TEST_F(ShopStoreTest, AnOrderIsUpsertedWithItsExpandedNamesAndMarkedDeleted)
{
    QJsonObject order{{QStringLiteral("id"), QStringLiteral("o1")},
                      {QStringLiteral("name"), QStringLiteral("00017")},
                      {QStringLiteral("sum"), 123456},
                      {QStringLiteral("payedSum"), 100000},
                      {QStringLiteral("shippedSum"), 0},
                      {QStringLiteral("moment"), QStringLiteral("2026-12-01 10:00:00.000")},
                      {QStringLiteral("updated"), QStringLiteral("2026-12-01 10:05:00.000")},
                      {QStringLiteral("state"), named(QStringLiteral("Новый"))},
                      {QStringLiteral("agent"), named(QStringLiteral("ООО Ромашка"))}};
    ASSERT_TRUE(
        write([&](QSqlDatabase &db) { return ShopStore::apply(db, QStringLiteral("customerorder"), order); }).ok());
    order.insert(QStringLiteral("state"), named(QStringLiteral("Отгружен")));
    order.insert(QStringLiteral("shippedSum"), 123456);
    ASSERT_TRUE(
        write([&](QSqlDatabase &db) { return ShopStore::apply(db, QStringLiteral("customerorder"), order); }).ok());

    QList<ShopStore::Order> stored = orders();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored[0].name, QStringLiteral("00017"));
    EXPECT_EQ(stored[0].state, QStringLiteral("Отгружен"));
    EXPECT_EQ(stored[0].agent, QStringLiteral("ООО Ромашка"));
    EXPECT_EQ(stored[0].sum, 123456); // kopecks, as MoySklad gives them
    EXPECT_EQ(stored[0].payedSum, 100000);
    EXPECT_EQ(stored[0].shippedSum, 123456);
    EXPECT_FALSE(stored[0].deleted);

    ASSERT_TRUE(write([](QSqlDatabase &db) {
                    return ShopStore::markDeleted(db, QStringLiteral("customerorder"), QStringLiteral("o1"));
                }).ok());
    stored = orders();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_TRUE(stored[0].deleted);
    EXPECT_EQ(stored[0].sum, 123456); // the last known state stays
}

TEST_F(ShopStoreTest, PaymentsKeepTheirKindAndTheOrdersTheyPay)
{
    const QJsonObject cashin{
        {QStringLiteral("id"), QStringLiteral("c1")},
        {QStringLiteral("name"), QStringLiteral("ПКО-5")},
        {QStringLiteral("sum"), 7000},
        {QStringLiteral("operations"),
         QJsonArray{QJsonObject{{QStringLiteral("meta"), metaOf(QStringLiteral("customerorder"), QStringLiteral("o1"))},
                                {QStringLiteral("linkedSum"), 5000}},
                    QJsonObject{{QStringLiteral("meta"), metaOf(QStringLiteral("invoiceout"), QStringLiteral("i1"))},
                                {QStringLiteral("linkedSum"), 2000}}}}};
    ASSERT_TRUE(write([&](QSqlDatabase &db) { return ShopStore::apply(db, QStringLiteral("cashin"), cashin); }).ok());
    const QStringList payment = rows(QStringLiteral("SELECT kind, sum, linked_orders, deleted FROM payments"));
    ASSERT_EQ(payment.size(), 1);
    EXPECT_EQ(payment[0], QStringLiteral("cashin|7000|[{\"id\":\"o1\",\"linkedSum\":5000}]|0"));

    // A payment deleted before we ever saw it is recorded as deleted, with its kind.
    ASSERT_TRUE(write([](QSqlDatabase &db) {
                    return ShopStore::markDeleted(db, QStringLiteral("paymentin"), QStringLiteral("p9"));
                }).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT kind, deleted FROM payments WHERE id = 'p9'")),
              QStringList{QStringLiteral("paymentin|1")});
}

TEST_F(ShopStoreTest, AShipmentKeepsItsOrderAndUnknownTypesAreRefused)
{
    const QJsonObject demand{
        {QStringLiteral("id"), QStringLiteral("d1")},
        {QStringLiteral("name"), QStringLiteral("00003")},
        {QStringLiteral("sum"), 9900},
        {QStringLiteral("state"), named(QStringLiteral("Собран"))},
        {QStringLiteral("customerOrder"),
         QJsonObject{{QStringLiteral("meta"), metaOf(QStringLiteral("customerorder"), QStringLiteral("o1"))}}}};
    ASSERT_TRUE(write([&](QSqlDatabase &db) { return ShopStore::apply(db, QStringLiteral("demand"), demand); }).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT name, sum, state, order_id, deleted FROM shipments")),
              QStringList{QStringLiteral("00003|9900|Собран|o1|0")});

    EXPECT_FALSE(ShopStore::handles(QStringLiteral("product")));
    EXPECT_FALSE(write([](QSqlDatabase &db) {
                     return ShopStore::apply(db, QStringLiteral("product"),
                                             QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}});
                 }).ok());
    EXPECT_FALSE(write([](QSqlDatabase &db) {
                     return ShopStore::apply(db, QStringLiteral("demand"), QJsonObject{});
                 }).ok()); // no id
    EXPECT_EQ(ShopStore::expandFor(QStringLiteral("customerorder")),
              (QStringList{QStringLiteral("state"), QStringLiteral("agent")}));
}

TEST_F(ShopStoreTest, AnAnswerFetchedBeforeADeletionOrOlderThanTheStoredOneChangesNothing)
{
    const QDateTime t0 = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
    const auto order = [](const QString &updated, qint64 sum) {
        return QJsonObject{{QStringLiteral("id"), QStringLiteral("o1")},
                           {QStringLiteral("name"), QStringLiteral("00001")},
                           {QStringLiteral("sum"), sum},
                           {QStringLiteral("updated"), updated}};
    };
    const auto apply = [&](const QJsonObject &document, const QDateTime &fetchedAt) {
        return write([=](QSqlDatabase &db) {
            return ShopStore::apply(db, QStringLiteral("customerorder"), document, fetchedAt);
        });
    };
    ASSERT_TRUE(apply(order(QStringLiteral("2026-12-01 12:00:05.000"), 200), t0).ok());
    // A slower answer to an earlier request, with the older state: dropped.
    ASSERT_TRUE(apply(order(QStringLiteral("2026-12-01 11:59:00.000"), 100), t0).ok());
    EXPECT_EQ(orders().first().sum, 200);

    // Deleted at t0 + 10 s; an answer to a request sent before that does not bring the order back…
    ASSERT_TRUE(write([&](QSqlDatabase &db) {
                    return ShopStore::markDeleted(db, QStringLiteral("customerorder"), QStringLiteral("o1"),
                                                  t0.addSecs(10));
                }).ok());
    ASSERT_TRUE(apply(order(QStringLiteral("2026-12-01 12:00:06.000"), 300), t0.addSecs(5)).ok());
    EXPECT_TRUE(orders().first().deleted);
    EXPECT_EQ(orders().first().sum, 300);
    // …one sent after it does (MoySklad restored it from the bin).
    ASSERT_TRUE(apply(order(QStringLiteral("2026-12-01 12:01:00.000"), 300), t0.addSecs(20)).ok());
    EXPECT_FALSE(orders().first().deleted);
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
            {"CREATE TABLE tasks (id INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT NOT NULL, action TEXT NOT "
             "NULL, document_id TEXT NOT NULL, href TEXT, request_id TEXT NOT NULL, event_index INTEGER NOT NULL, mode "
             "TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, "
             "lease_until TEXT, lease_token INTEGER NOT NULL DEFAULT 0, last_error TEXT, created_at TEXT NOT NULL, "
             "updated_at TEXT NOT NULL, finished_at TEXT)",
             "INSERT INTO tasks (entity_type, action, document_id, request_id, event_index, mode, status, "
             "next_attempt_at, created_at, updated_at) VALUES ('demand', 'UPDATE', 'd1', 'r1', 0, 'queued', "
             "'pending', 'x', 'x', 'x')",
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
    ASSERT_TRUE(upgraded.start().ok());
    std::optional<Result<Done, QString>> marked;
    upgraded.submit(
        [](QSqlDatabase &db) { return ShopStore::markDeleted(db, QStringLiteral("demand"), QStringLiteral("d1")); },
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
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT sum FROM orders WHERE id = 'o1'")) && query.next());
        EXPECT_EQ(query.value(0).toInt(), 500);
    }
    db = QString();
    Database::close(QStringLiteral("migrated"));
}
