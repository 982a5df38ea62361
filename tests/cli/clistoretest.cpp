// SPDX-License-Identifier: GPL-3.0-or-later
// skladhook-cli orders, payments and shipments over a shop store that the documents room's processors filled, as the
// worker would have.
#include "await.h"
#include "builders.h"
#include "clirunner.h"
#include "documents/orderprocessor.h"
#include "documents/paymentprocessor.h"
#include "documents/shipmentprocessor.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QJsonObject>

namespace {

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

// The listing's object with `id`; an empty object (and a failure) when it is missing.
QJsonObject byId(const QJsonArray &rows, const QString &id)
{
    for (const QJsonValue &row : rows) {
        if (row.toObject().value(QLatin1String("id")).toString() == id)
            return row.toObject();
    }
    ADD_FAILURE() << "no row " << id.toStdString();
    return {};
}

class CliStoreTest : public ::testing::Test
{
protected:
    using Job = StoreWriter::Job;

    // Applies the jobs in the CLI's data directory, one writer job each, and waits until they are committed.
    void seed(const QList<Job> &jobs)
    {
        StoreWriter writer(Database::fileIn(cli.dataDir()));
        ASSERT_TRUE(writer.start().ok());
        for (const Job &job : jobs) {
            const auto applied =
                awaitResult<Result<Done, QString>>([&](auto done) { writer.submit(job, std::move(done)); });
            ASSERT_TRUE(applied.ok()) << applied.error().toStdString();
        }
        writer.flush();
    }

    QJsonArray list(const QString &command) const
    {
        const auto result = cli.run({QStringLiteral("--json"), command});
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        EXPECT_TRUE(result.json().isArray()) << result.out.toStdString();
        return result.json().array();
    }

    const QString orderA = Builders::documentId(1);
    const QString orderB = Builders::documentId(2);
    const QString bankPayment = Builders::documentId(11);
    const QString cashPayment = Builders::documentId(12);
    const QString shipment = Builders::documentId(21);
    const QString goneShipment = Builders::documentId(22);
    const QDateTime fetchedAt = QDateTime::currentDateTimeUtc();
    CliRunner cli;
};

} // namespace

TEST_F(CliStoreTest, AnEmptyStoreListsNothing)
{
    for (const QString &command : {QStringLiteral("orders"), QStringLiteral("payments"), QStringLiteral("shipments")}) {
        const auto result = cli.run({QStringLiteral("--json"), command});
        ASSERT_EQ(result.exitCode, 0) << command.toStdString() << ": " << result.err.toStdString();
        EXPECT_TRUE(result.json().isArray()) << result.out.toStdString();
        EXPECT_TRUE(result.json().array().isEmpty()) << result.out.toStdString();
        const auto text = cli.run({command});
        EXPECT_EQ(text.exitCode, 0);
        EXPECT_TRUE(text.out.isEmpty()) << text.out.toStdString();
    }
}

TEST_F(CliStoreTest, PaymentsAreListedWithTheOrdersTheyPay)
{
    seed({[&](QSqlDatabase &db) {
              return PaymentProcessor(QStringLiteral("paymentin"))
                  .apply(db,
                         Builders::payment(QStringLiteral("paymentin"), bankPayment, 150000,
                                           {{orderA, 100000}, {orderB, 50000}}),
                         fetchedAt);
          },
          [&](QSqlDatabase &db) {
              return PaymentProcessor(QStringLiteral("cashin"))
                  .apply(db, Builders::payment(QStringLiteral("cashin"), cashPayment, 2550, {{orderA, 2550}}),
                         fetchedAt);
          },
          [&](QSqlDatabase &db) {
              return PaymentProcessor(QStringLiteral("cashin")).markDeleted(db, cashPayment, fetchedAt.addSecs(1));
          }});

    const QJsonArray payments = list(QStringLiteral("payments"));
    ASSERT_EQ(payments.size(), 2);
    const QJsonObject bank = byId(payments, bankPayment);
    EXPECT_EQ(sortedKeys(bank),
              (QStringList{QStringLiteral("deleted"), QStringLiteral("id"), QStringLiteral("kind"),
                           QStringLiteral("linkedOrders"), QStringLiteral("moment"), QStringLiteral("name"),
                           QStringLiteral("sum"), QStringLiteral("updated")}));
    EXPECT_EQ(bank.value(QLatin1String("kind")).toString(), QStringLiteral("paymentin"));
    EXPECT_EQ(bank.value(QLatin1String("name")).toString(), bankPayment.right(5));
    EXPECT_EQ(bank.value(QLatin1String("sum")).toInteger(), 150000);
    EXPECT_EQ(bank.value(QLatin1String("moment")).toString(), QStringLiteral("2026-12-01 10:00:00.000"));
    EXPECT_FALSE(bank.value(QLatin1String("deleted")).toBool());
    const QJsonArray linked = bank.value(QLatin1String("linkedOrders")).toArray();
    ASSERT_EQ(linked.size(), 2);
    EXPECT_EQ(sortedKeys(linked[0].toObject()), (QStringList{QStringLiteral("id"), QStringLiteral("linkedSum")}));
    EXPECT_EQ(linked[0].toObject().value(QLatin1String("id")).toString(), orderA);
    EXPECT_EQ(linked[0].toObject().value(QLatin1String("linkedSum")).toInteger(), 100000);
    EXPECT_EQ(linked[1].toObject().value(QLatin1String("id")).toString(), orderB);
    EXPECT_EQ(linked[1].toObject().value(QLatin1String("linkedSum")).toInteger(), 50000);

    const QJsonObject cash = byId(payments, cashPayment);
    EXPECT_EQ(cash.value(QLatin1String("kind")).toString(), QStringLiteral("cashin"));
    EXPECT_EQ(cash.value(QLatin1String("sum")).toInteger(), 2550);
    EXPECT_TRUE(cash.value(QLatin1String("deleted")).toBool());

    // Text: roubles with two decimals, the deleted one marked.
    const auto text = cli.run({QStringLiteral("payments")});
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << text.out.toStdString();
    for (const QString &line : lines) {
        if (line.contains(bankPayment)) {
            EXPECT_TRUE(line.contains(QStringLiteral("sum 1500.00"))) << line.toStdString();
            EXPECT_TRUE(line.contains(orderB)) << line.toStdString();
            EXPECT_FALSE(line.contains(QStringLiteral("(deleted)"))) << line.toStdString();
        } else {
            EXPECT_TRUE(line.contains(QStringLiteral("sum 25.50"))) << line.toStdString();
            EXPECT_TRUE(line.endsWith(QStringLiteral("(deleted)"))) << line.toStdString();
        }
    }
}

TEST_F(CliStoreTest, ShipmentsAreListedWithTheirOrderAndState)
{
    seed({[&](QSqlDatabase &db) {
              return ShipmentProcessor().apply(db, Builders::demand(shipment, 123405, orderA), fetchedAt);
          },
          [&](QSqlDatabase &db) {
              return ShipmentProcessor().apply(
                  db, Builders::demand(goneShipment, 700, orderB, QStringLiteral("Отгружен")), fetchedAt);
          },
          [&](QSqlDatabase &db) { return ShipmentProcessor().markDeleted(db, goneShipment, fetchedAt.addSecs(1)); }});

    const QJsonArray shipments = list(QStringLiteral("shipments"));
    ASSERT_EQ(shipments.size(), 2);
    const QJsonObject kept = byId(shipments, shipment);
    EXPECT_EQ(sortedKeys(kept), (QStringList{QStringLiteral("deleted"), QStringLiteral("id"), QStringLiteral("name"),
                                             QStringLiteral("orderId"), QStringLiteral("state"), QStringLiteral("sum"),
                                             QStringLiteral("updated")}));
    EXPECT_EQ(kept.value(QLatin1String("sum")).toInteger(), 123405);
    EXPECT_EQ(kept.value(QLatin1String("state")).toString(), QStringLiteral("Собран"));
    EXPECT_EQ(kept.value(QLatin1String("orderId")).toString(), orderA);
    EXPECT_FALSE(kept.value(QLatin1String("deleted")).toBool());
    const QJsonObject gone = byId(shipments, goneShipment);
    EXPECT_EQ(gone.value(QLatin1String("state")).toString(), QStringLiteral("Отгружен"));
    EXPECT_EQ(gone.value(QLatin1String("orderId")).toString(), orderB);
    EXPECT_TRUE(gone.value(QLatin1String("deleted")).toBool());

    const auto text = cli.run({QStringLiteral("shipments")});
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << text.out.toStdString();
    for (const QString &line : lines) {
        if (line.contains(shipment)) {
            EXPECT_TRUE(line.contains(QStringLiteral("sum 1234.05"))) << line.toStdString();
            EXPECT_FALSE(line.contains(QStringLiteral("(deleted)"))) << line.toStdString();
        } else {
            EXPECT_TRUE(line.contains(QStringLiteral("sum 7.00"))) << line.toStdString();
            EXPECT_TRUE(line.endsWith(QStringLiteral("(deleted)"))) << line.toStdString();
        }
    }
}

TEST_F(CliStoreTest, ADeletedOrderIsMarked)
{
    seed({[&](QSqlDatabase &db) {
              return OrderProcessor(true).apply(db, Builders::customerOrder(orderA, 99), fetchedAt);
          },
          [&](QSqlDatabase &db) { return OrderProcessor(true).markDeleted(db, orderA, fetchedAt.addSecs(1)); }});
    const QJsonArray orders = list(QStringLiteral("orders"));
    ASSERT_EQ(orders.size(), 1);
    EXPECT_TRUE(byId(orders, orderA).value(QLatin1String("deleted")).toBool());
    const auto text = cli.run({QStringLiteral("orders")});
    EXPECT_TRUE(text.out.contains(QStringLiteral("sum 0.99"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.trimmed().endsWith(QStringLiteral("(deleted)"))) << text.out.toStdString();
}
