// SPDX-License-Identifier: GPL-3.0-or-later
#include "builders.h"
#include "documents/documentprocessors.h"
#include "store/database.h"
#include "store/shopstore.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace Builders;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);

class DocumentProcessorTest : public ::testing::Test
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

    Result<Done, QString> apply(const QString &type, const QJsonObject &document, const QDateTime &fetchedAt = t0)
    {
        return write([&](QSqlDatabase &db) { return processors.processorFor(type)->apply(db, document, fetchedAt); });
    }

    Result<Done, QString> markDeleted(const QString &type, const QString &id, const QDateTime &at = t0)
    {
        return write([&](QSqlDatabase &db) { return processors.processorFor(type)->markDeleted(db, id, at); });
    }

    // Rows of one query on a read-only connection, each as its columns joined with '|'.
    QStringList rows(const QString &sql)
    {
        QStringList out;
        {
            auto db = Database::open(Database::fileIn(dir.path()), QStringLiteral("shop-reader"), true);
            EXPECT_TRUE(db.ok());
            QSqlQuery query(db.value());
            EXPECT_TRUE(query.exec(sql));
            while (query.next()) {
                QStringList columns;
                for (int i = 0; i < query.record().count(); ++i)
                    columns.append(query.value(i).toString());
                out.append(columns.join(QLatin1Char('|')));
            }
        }
        Database::close(QStringLiteral("shop-reader"));
        return out;
    }

    QList<ShopStore::Order> orders()
    {
        QList<ShopStore::Order> out;
        {
            auto db = Database::open(Database::fileIn(dir.path()), QStringLiteral("orders-reader"), true);
            EXPECT_TRUE(db.ok());
            out = ShopStore::orders(db.value()).valueOr({});
        }
        Database::close(QStringLiteral("orders-reader"));
        return out;
    }

    QTemporaryDir dir;
    StoreWriter writer{Database::fileIn(dir.path())};
    DocumentProcessors processors{DocumentProcessors::Options{true}};
};

} // namespace

TEST_F(DocumentProcessorTest, AnOrderIsUpsertedWithItsExpandedNamesAndMarkedDeleted)
{
    const QString id = documentId(17);
    QJsonObject order = customerOrder(id, 123456, QStringLiteral("Новый"), QStringLiteral("2026-12-01 10:05:00.000"));
    order.insert(QStringLiteral("payedSum"), 100000);
    ASSERT_TRUE(apply(QStringLiteral("customerorder"), order).ok());
    order.insert(QStringLiteral("state"), named(QStringLiteral("state"), QStringLiteral("Отгружен")));
    order.insert(QStringLiteral("shippedSum"), 123456);
    ASSERT_TRUE(apply(QStringLiteral("customerorder"), order).ok());

    QList<ShopStore::Order> stored = orders();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored[0].name, QStringLiteral("00017"));
    EXPECT_EQ(stored[0].state, QStringLiteral("Отгружен"));
    EXPECT_EQ(stored[0].agent, QStringLiteral("ООО Ромашка"));
    EXPECT_EQ(stored[0].sum, 123456); // kopecks, as MoySklad gives them
    EXPECT_EQ(stored[0].payedSum, 100000);
    EXPECT_EQ(stored[0].shippedSum, 123456);
    EXPECT_FALSE(stored[0].deleted);

    ASSERT_TRUE(markDeleted(QStringLiteral("customerorder"), id, t0.addSecs(60)).ok());
    stored = orders();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_TRUE(stored[0].deleted);
    EXPECT_EQ(stored[0].sum, 123456); // the last known state stays
}

TEST_F(DocumentProcessorTest, PaymentsKeepTheirKindAndTheOrdersTheyPay)
{
    QJsonObject cashin = payment(QStringLiteral("cashin"), QStringLiteral("c1"), 7000, {{QStringLiteral("o1"), 5000}});
    // A payment also settles other documents: only the orders are kept.
    QJsonArray operations = cashin.value(QLatin1String("operations")).toArray();
    operations.append(QJsonObject{{QStringLiteral("meta"), meta(QStringLiteral("invoiceout"), QStringLiteral("i1"))},
                                  {QStringLiteral("linkedSum"), 2000}});
    cashin.insert(QStringLiteral("operations"), operations);
    ASSERT_TRUE(apply(QStringLiteral("cashin"), cashin).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT kind, sum, linked_orders, deleted FROM payments")),
              QStringList{QStringLiteral("cashin|7000|[{\"id\":\"o1\",\"linkedSum\":5000}]|0")});

    // A payment deleted before we ever saw it is recorded as deleted, with its kind.
    ASSERT_TRUE(markDeleted(QStringLiteral("paymentin"), QStringLiteral("p9")).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT kind, deleted FROM payments WHERE id = 'p9'")),
              QStringList{QStringLiteral("paymentin|1")});
}

TEST_F(DocumentProcessorTest, AShipmentKeepsItsOrderAndUnknownTypesHaveNoProcessor)
{
    ASSERT_TRUE(apply(QStringLiteral("demand"), demand(QStringLiteral("d1"), 9900, QStringLiteral("o1"))).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT sum, state, order_id, deleted FROM shipments")),
              QStringList{QStringLiteral("9900|Собран|o1|0")});

    EXPECT_EQ(processors.processorFor(QStringLiteral("product")), nullptr);
    EXPECT_EQ(processors.entityTypes(), (QStringList{QStringLiteral("customerorder"), QStringLiteral("paymentin"),
                                                     QStringLiteral("cashin"), QStringLiteral("demand")}));
    EXPECT_FALSE(apply(QStringLiteral("demand"), QJsonObject{}).ok()); // no id
    EXPECT_FALSE(apply(QStringLiteral("demand"), demand(QStringLiteral("d2"), 1, QStringLiteral("o1")), {}).ok());
    EXPECT_EQ(processors.processorFor(QStringLiteral("customerorder"))->expand(),
              (QStringList{QStringLiteral("state"), QStringLiteral("agent")}));
    EXPECT_EQ(processors.processorFor(QStringLiteral("demand"))->expand(), QStringList{QStringLiteral("state")});
    EXPECT_TRUE(processors.processorFor(QStringLiteral("paymentin"))->expand().isEmpty());
}

TEST_F(DocumentProcessorTest, AnAnswerFetchedBeforeADeletionOrOlderThanTheStoredOneChangesNothing)
{
    const QString id = documentId(1);
    ASSERT_TRUE(apply(QStringLiteral("customerorder"),
                      customerOrder(id, 200, QStringLiteral("Новый"), QStringLiteral("2026-12-01 12:00:05.000")), t0)
                    .ok());
    // A slower answer to an earlier request, with the older state: dropped.
    ASSERT_TRUE(apply(QStringLiteral("customerorder"),
                      customerOrder(id, 100, QStringLiteral("Новый"), QStringLiteral("2026-12-01 11:59:00.000")), t0)
                    .ok());
    EXPECT_EQ(orders().first().sum, 200);

    // Deleted at t0 + 10 s; an answer to a request sent before that does not bring the order back…
    ASSERT_TRUE(markDeleted(QStringLiteral("customerorder"), id, t0.addSecs(10)).ok());
    ASSERT_TRUE(apply(QStringLiteral("customerorder"),
                      customerOrder(id, 300, QStringLiteral("Новый"), QStringLiteral("2026-12-01 12:00:06.000")),
                      t0.addSecs(5))
                    .ok());
    EXPECT_TRUE(orders().first().deleted);
    EXPECT_EQ(orders().first().sum, 300);
    // …one sent after it does (MoySklad restored it from the bin).
    ASSERT_TRUE(apply(QStringLiteral("customerorder"),
                      customerOrder(id, 300, QStringLiteral("Новый"), QStringLiteral("2026-12-01 12:01:00.000")),
                      t0.addSecs(20))
                    .ok());
    EXPECT_FALSE(orders().first().deleted);
}

TEST_F(DocumentProcessorTest, WithOrderImportOffOnlyOrdersAlreadyStoredChange)
{
    const DocumentProcessors importOff{DocumentProcessors::Options{false}};
    const DocumentProcessor *orders = importOff.processorFor(QStringLiteral("customerorder"));
    ASSERT_NE(orders, nullptr);
    EXPECT_EQ(orders->handlingOf(QStringLiteral("CREATE")), DocumentProcessor::Handling::Skip);
    EXPECT_EQ(orders->handlingOf(QStringLiteral("UPDATE")), DocumentProcessor::Handling::Fetch);
    EXPECT_EQ(orders->handlingOf(QStringLiteral("DELETE")), DocumentProcessor::Handling::MarkDeleted);
    EXPECT_EQ(processors.processorFor(QStringLiteral("customerorder"))->handlingOf(QStringLiteral("CREATE")),
              DocumentProcessor::Handling::Fetch);

    // Known: imported while import was on.
    ASSERT_TRUE(apply(QStringLiteral("customerorder"), customerOrder(documentId(1), 100)).ok());
    ASSERT_TRUE(write([&](QSqlDatabase &db) {
                    return orders->apply(db,
                                         customerOrder(documentId(1), 150, QStringLiteral("Оплачен"),
                                                       QStringLiteral("2026-12-01 12:30:00.000")),
                                         t0);
                }).ok());
    ASSERT_TRUE(write([&](QSqlDatabase &db) { return orders->apply(db, customerOrder(documentId(2), 999), t0); }).ok());
    ASSERT_TRUE(write([&](QSqlDatabase &db) { return orders->markDeleted(db, documentId(3), t0); }).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT id, sum, state, deleted FROM orders")),
              QStringList{documentId(1) + QStringLiteral("|150|Оплачен|0")});
    // A stored order is still marked deleted.
    ASSERT_TRUE(write([&](QSqlDatabase &db) { return orders->markDeleted(db, documentId(1), t0.addSecs(1)); }).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT deleted FROM orders")), QStringList{QStringLiteral("1")});
}

// Found by fuzz_documents (tests/fuzz/corpus/documents/sum-out-of-range.json): a sum far beyond qint64 was converted
// with undefined behaviour. A number that cannot be money is stored as unknown; others round to whole kopecks.
TEST_F(DocumentProcessorTest, ASumThatCannotBeMoneyIsStoredAsUnknown)
{
    const QString id = documentId(21);
    QJsonObject order = customerOrder(id, 0);
    order.insert(QStringLiteral("sum"), -9223372036854775808000.0);
    order.insert(QStringLiteral("payedSum"), 1e300);
    order.insert(QStringLiteral("shippedSum"), 129998.99999999999);
    ASSERT_TRUE(apply(QStringLiteral("customerorder"), order).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT sum IS NULL, payed_sum IS NULL, shipped_sum FROM orders")),
              QStringList{QStringLiteral("1|1|129999")});
}

// A deletion of a document the store never had (a delivery for a shipment deleted before it was fetched) keeps its
// row, so that an answer fetched before the deletion cannot insert the shipment later; but the lists do not show an
// empty "deleted" document the shop never had. Once fetched, a deleted document is listed as deleted.
TEST_F(DocumentProcessorTest, ADeletionOfADocumentNeverFetchedGuardsButIsNotListed)
{
    const QString never = documentId(7);
    const QString order = documentId(8);
    ASSERT_TRUE(markDeleted(QStringLiteral("demand"), never, t0.addSecs(10)).ok());
    ASSERT_TRUE(apply(QStringLiteral("demand"), demand(never, 500, order), t0.addSecs(5)).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT deleted FROM shipments WHERE id = '%1'").arg(never)),
              QStringList{QStringLiteral("1")});
    ASSERT_TRUE(markDeleted(QStringLiteral("paymentin"), documentId(9), t0).ok());

    QList<ShopStore::Shipment> shipments;
    QList<ShopStore::Payment> payments;
    QList<ShopStore::Version> versions;
    {
        auto db = Database::open(Database::fileIn(dir.path()), QStringLiteral("lists-reader"), true);
        ASSERT_TRUE(db.ok());
        shipments = ShopStore::shipments(db.value()).valueOr({});
        payments = ShopStore::payments(db.value()).valueOr({});
        versions = ShopStore::versions(db.value(), QStringLiteral("paymentin")).valueOr({});
    }
    Database::close(QStringLiteral("lists-reader"));
    ASSERT_EQ(shipments.size(), 1); // fetched (the answer's content), then kept deleted
    EXPECT_TRUE(shipments.first().deleted);
    EXPECT_TRUE(payments.isEmpty());
    ASSERT_EQ(versions.size(), 1); // the comparison with MoySklad still knows of it
    EXPECT_TRUE(versions.first().deleted);
}
