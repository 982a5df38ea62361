// SPDX-License-Identifier: GPL-3.0-or-later
#include "shopstore.h"

#include "store/sqlrow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace ShopStore {

namespace {

QString idOfMeta(const QJsonObject &object)
{
    return object.value(QLatin1String("meta"))
        .toObject()
        .value(QLatin1String("href"))
        .toString()
        .section(QLatin1Char('/'), -1);
}

QString nameOf(const QJsonObject &document, const char *field)
{
    return document.value(QLatin1String(field)).toObject().value(QLatin1String("name")).toString();
}

qint64 money(const QJsonObject &document, const char *field)
{
    return qint64(document.value(QLatin1String(field)).toDouble());
}

Result<Done, QString> exec(QSqlQuery &query)
{
    if (!query.exec())
        return query.lastError().text();
    return Done{};
}

QString iso(const QDateTime &time)
{
    return (time.isValid() ? time : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs);
}

// The tail of every upsert: a deletion recorded after the fetch was sent stands (the answer may predate it), and an
// answer older than what is stored (MoySklad's `updated`, comparable as text) is dropped.
QString upsertGuard(const QString &table)
{
    return QStringLiteral(", deleted = CASE WHEN %1.deleted_at IS NOT NULL AND %1.deleted_at > ? THEN 1 ELSE 0 END "
                          "WHERE coalesce(excluded.updated, '') >= coalesce(%1.updated, '')")
        .arg(table);
}

QString tableOf(const QString &entityType)
{
    if (entityType == QLatin1String("customerorder"))
        return QStringLiteral("orders");
    if (entityType == QLatin1String("paymentin") || entityType == QLatin1String("cashin"))
        return QStringLiteral("payments");
    if (entityType == QLatin1String("demand"))
        return QStringLiteral("shipments");
    return {};
}

} // namespace

bool handles(const QString &entityType)
{
    return !tableOf(entityType).isEmpty();
}

QStringList expandFor(const QString &entityType)
{
    if (entityType == QLatin1String("customerorder"))
        return {QStringLiteral("state"), QStringLiteral("agent")};
    if (entityType == QLatin1String("demand"))
        return {QStringLiteral("state")};
    return {};
}

Result<Done, QString> apply(QSqlDatabase &db, const QString &entityType, const QJsonObject &document,
                            const QDateTime &fetchedAt)
{
    const QString id = document.value(QLatin1String("id")).toString();
    if (id.isEmpty())
        return QStringLiteral("a %1 document without an id").arg(entityType);
    const QString updated = document.value(QLatin1String("updated")).toString();
    QSqlQuery query(db);
    if (entityType == QLatin1String("customerorder")) {
        query.prepare(
            QStringLiteral("INSERT INTO orders (id, name, state, sum, payed_sum, shipped_sum, agent, moment, "
                           "updated, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT(id) DO UPDATE "
                           "SET name = excluded.name, state = excluded.state, sum = excluded.sum, payed_sum = "
                           "excluded.payed_sum, shipped_sum = excluded.shipped_sum, agent = excluded.agent, "
                           "moment = excluded.moment, updated = excluded.updated") +
            upsertGuard(QStringLiteral("orders")));
        query.addBindValue(id);
        query.addBindValue(document.value(QLatin1String("name")).toString());
        query.addBindValue(nameOf(document, "state"));
        query.addBindValue(money(document, "sum"));
        query.addBindValue(money(document, "payedSum"));
        query.addBindValue(money(document, "shippedSum"));
        query.addBindValue(nameOf(document, "agent"));
        query.addBindValue(document.value(QLatin1String("moment")).toString());
        query.addBindValue(updated);
        query.addBindValue(iso(fetchedAt));
        return exec(query);
    }
    if (entityType == QLatin1String("paymentin") || entityType == QLatin1String("cashin")) {
        // operations[]: metas of the linked documents with linkedSum; the orders among them are what a shop needs.
        QJsonArray linked;
        for (const QJsonValue &operation : document.value(QLatin1String("operations")).toArray()) {
            const QJsonObject object = operation.toObject();
            if (object.value(QLatin1String("meta")).toObject().value(QLatin1String("type")).toString() !=
                QLatin1String("customerorder"))
                continue;
            linked.append(QJsonObject{{QStringLiteral("id"), idOfMeta(object)},
                                      {QStringLiteral("linkedSum"), object.value(QLatin1String("linkedSum"))}});
        }
        query.prepare(
            QStringLiteral("INSERT INTO payments (id, kind, name, sum, moment, linked_orders, updated, deleted) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, "
                           "name = excluded.name, sum = excluded.sum, moment = excluded.moment, linked_orders = "
                           "excluded.linked_orders, updated = excluded.updated") +
            upsertGuard(QStringLiteral("payments")));
        query.addBindValue(id);
        query.addBindValue(entityType);
        query.addBindValue(document.value(QLatin1String("name")).toString());
        query.addBindValue(money(document, "sum"));
        query.addBindValue(document.value(QLatin1String("moment")).toString());
        query.addBindValue(QString::fromUtf8(QJsonDocument(linked).toJson(QJsonDocument::Compact)));
        query.addBindValue(updated);
        query.addBindValue(iso(fetchedAt));
        return exec(query);
    }
    if (entityType == QLatin1String("demand")) {
        query.prepare(
            QStringLiteral("INSERT INTO shipments (id, name, sum, state, order_id, updated, deleted) VALUES (?, ?, "
                           "?, ?, ?, ?, 0) ON CONFLICT(id) DO UPDATE SET name = excluded.name, sum = excluded.sum, "
                           "state = excluded.state, order_id = excluded.order_id, updated = excluded.updated") +
            upsertGuard(QStringLiteral("shipments")));
        query.addBindValue(id);
        query.addBindValue(document.value(QLatin1String("name")).toString());
        query.addBindValue(money(document, "sum"));
        query.addBindValue(nameOf(document, "state"));
        query.addBindValue(idOfMeta(document.value(QLatin1String("customerOrder")).toObject()));
        query.addBindValue(updated);
        query.addBindValue(iso(fetchedAt));
        return exec(query);
    }
    return QStringLiteral("the shop store does not keep %1 documents").arg(entityType);
}

Result<Done, QString> markDeleted(QSqlDatabase &db, const QString &entityType, const QString &id, const QDateTime &at)
{
    const QString table = tableOf(entityType);
    if (table.isEmpty())
        return QStringLiteral("the shop store does not keep %1 documents").arg(entityType);
    const bool payment = table == QLatin1String("payments");
    QSqlQuery query(db);
    // A document deleted before we ever saw it is recorded as deleted too: later events for it stay consistent.
    query.prepare(
        QStringLiteral("INSERT INTO %1 (id, deleted, deleted_at%2) VALUES (?, 1, ?%3) ON CONFLICT(id) DO "
                       "UPDATE SET deleted = 1, deleted_at = excluded.deleted_at")
            .arg(table, payment ? QStringLiteral(", kind") : QString(), payment ? QStringLiteral(", ?") : QString()));
    query.addBindValue(id);
    query.addBindValue(iso(at));
    if (payment)
        query.addBindValue(entityType);
    return exec(query);
}

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

} // namespace ShopStore
