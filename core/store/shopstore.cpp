// SPDX-License-Identifier: GPL-3.0-or-later
#include "shopstore.h"

#include "store/sqlrow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace ShopStore {

namespace {

// linked_orders as PaymentProcessor writes it: a JSON array of {id, linkedSum}. A row written before the column
// existed, or marked deleted before it was ever fetched, has none.
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

} // namespace

Result<QList<Order>, QString> orders(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("SELECT id, name, state, sum, payed_sum, shipped_sum, agent, moment, updated, deleted "
                           "FROM orders ORDER BY moment, name")))
        return query.lastError().text();
    QList<Order> rows;
    const SqlRow row(query);
    while (query.next()) {
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
        rows.append(order);
    }
    return rows;
}

Result<QList<Payment>, QString> payments(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, kind, name, sum, moment, linked_orders, updated, deleted "
                                   "FROM payments ORDER BY moment, name")))
        return query.lastError().text();
    QList<Payment> rows;
    const SqlRow row(query);
    while (query.next()) {
        Payment payment;
        payment.id = row.text(QStringLiteral("id"));
        payment.kind = row.text(QStringLiteral("kind"));
        payment.name = row.text(QStringLiteral("name"));
        payment.sum = row.integer(QStringLiteral("sum"));
        payment.moment = row.text(QStringLiteral("moment"));
        payment.linkedOrders = linkedOrdersFrom(row.text(QStringLiteral("linked_orders")));
        payment.updated = row.text(QStringLiteral("updated"));
        payment.deleted = row.flag(QStringLiteral("deleted"));
        rows.append(payment);
    }
    return rows;
}

Result<QList<Shipment>, QString> shipments(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, name, sum, state, order_id, updated, deleted "
                                   "FROM shipments ORDER BY name, id")))
        return query.lastError().text();
    QList<Shipment> rows;
    const SqlRow row(query);
    while (query.next()) {
        Shipment shipment;
        shipment.id = row.text(QStringLiteral("id"));
        shipment.name = row.text(QStringLiteral("name"));
        shipment.sum = row.integer(QStringLiteral("sum"));
        shipment.state = row.text(QStringLiteral("state"));
        shipment.orderId = row.text(QStringLiteral("order_id"));
        shipment.updated = row.text(QStringLiteral("updated"));
        shipment.deleted = row.flag(QStringLiteral("deleted"));
        rows.append(shipment);
    }
    return rows;
}

} // namespace ShopStore
