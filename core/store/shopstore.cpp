// SPDX-License-Identifier: GPL-3.0-or-later
#include "shopstore.h"

#include "store/sqlrow.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace ShopStore {

namespace {

// linked_orders as PaymentProcessor writes it: a JSON array of {id, linkedSum}. A row written before the column
// existed has none.
QList<LinkedOrder> linkedOrdersFrom(const QString &json)
{
    QList<LinkedOrder> linked;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        linked.append({object.value(QLatin1String("id")).toString(),
                       qint64(object.value(QLatin1String("linkedSum")).toDouble())});
    }
    return linked;
}

// Every row of `sql`, each decoded by `decode`.
template<typename Row>
Result<QList<Row>, QString> readAll(QSqlDatabase &db, const QString &sql,
                                    const std::function<Row(const SqlRow &)> &decode)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return query.lastError().text();
    QList<Row> rows;
    const SqlRow row(query);
    while (query.next())
        rows.append(decode(row));
    return rows;
}

} // namespace

QString hasBeenFetched(const QString &table)
{
    return QStringLiteral("NOT (%1.deleted = 1 AND %1.updated IS NULL)").arg(table);
}

// The listings come in the same order on both engines: a document with no moment or no name comes first, where SQLite
// puts NULLs (PostgreSQL would put them last); the id breaks ties.
Result<QList<Order>, QString> orders(QSqlDatabase &db)
{
    return readAll<Order>(
        db,
        QStringLiteral("SELECT id, name, state, sum, payed_sum, shipped_sum, agent, moment, updated, "
                       "deleted FROM orders WHERE %1 ORDER BY moment NULLS FIRST, name NULLS FIRST, id")
            .arg(hasBeenFetched(QStringLiteral("orders"))),
        [](const SqlRow &row) {
            Order order;
            order.id = row.text(QStringLiteral("id"));
            order.name = row.text(QStringLiteral("name"));
            order.state = row.text(QStringLiteral("state"));
            order.sum = row.integer(QStringLiteral("sum"));
            order.payedSum = row.integer(QStringLiteral("payed_sum"));
            order.shippedSum = row.integer(QStringLiteral("shipped_sum"));
            order.agent = row.text(QStringLiteral("agent"));
            order.moment = row.text(QStringLiteral("moment"));
            order.updated = row.text(QStringLiteral("updated"));
            order.deleted = row.flag(QStringLiteral("deleted"));
            return order;
        });
}

Result<QList<Payment>, QString> payments(QSqlDatabase &db)
{
    return readAll<Payment>(db,
                            QStringLiteral("SELECT id, kind, name, sum, moment, linked_orders, updated, deleted "
                                           "FROM payments WHERE %1 ORDER BY moment NULLS FIRST, name NULLS FIRST, id")
                                .arg(hasBeenFetched(QStringLiteral("payments"))),
                            [](const SqlRow &row) {
                                Payment payment;
                                payment.id = row.text(QStringLiteral("id"));
                                payment.kind = row.text(QStringLiteral("kind"));
                                payment.name = row.text(QStringLiteral("name"));
                                payment.sum = row.integer(QStringLiteral("sum"));
                                payment.moment = row.text(QStringLiteral("moment"));
                                payment.linkedOrders = linkedOrdersFrom(row.text(QStringLiteral("linked_orders")));
                                payment.updated = row.text(QStringLiteral("updated"));
                                payment.deleted = row.flag(QStringLiteral("deleted"));
                                return payment;
                            });
}

Result<QList<Shipment>, QString> shipments(QSqlDatabase &db)
{
    return readAll<Shipment>(db,
                             QStringLiteral("SELECT id, name, sum, state, order_id, updated, deleted FROM shipments "
                                            "WHERE %1 ORDER BY name NULLS FIRST, id")
                                 .arg(hasBeenFetched(QStringLiteral("shipments"))),
                             [](const SqlRow &row) {
                                 Shipment shipment;
                                 shipment.id = row.text(QStringLiteral("id"));
                                 shipment.name = row.text(QStringLiteral("name"));
                                 shipment.sum = row.integer(QStringLiteral("sum"));
                                 shipment.state = row.text(QStringLiteral("state"));
                                 shipment.orderId = row.text(QStringLiteral("order_id"));
                                 shipment.updated = row.text(QStringLiteral("updated"));
                                 shipment.deleted = row.flag(QStringLiteral("deleted"));
                                 return shipment;
                             });
}

Result<QList<Version>, QString> versions(QSqlDatabase &db, const QString &entityType)
{
    // Payments of both kinds share a table; the kind comes from this fixed list, never from outside text.
    static const QHash<QString, QString> sources{
        {QStringLiteral("customerorder"), QStringLiteral("orders")},
        {QStringLiteral("paymentin"), QStringLiteral("payments WHERE kind = 'paymentin'")},
        {QStringLiteral("cashin"), QStringLiteral("payments WHERE kind = 'cashin'")},
        {QStringLiteral("demand"), QStringLiteral("shipments")},
    };
    const auto source = sources.constFind(entityType);
    if (source == sources.cend())
        return QStringLiteral("the shop store keeps no %1 documents").arg(entityType);
    return readAll<Version>(db, QStringLiteral("SELECT id, updated, deleted FROM ") + *source, [](const SqlRow &row) {
        Version version;
        version.id = row.text(QStringLiteral("id"));
        version.updated = row.text(QStringLiteral("updated"));
        version.deleted = row.flag(QStringLiteral("deleted"));
        return version;
    });
}

} // namespace ShopStore
