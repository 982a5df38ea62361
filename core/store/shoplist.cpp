// SPDX-License-Identifier: GPL-3.0-or-later
#include "shoplist.h"

#include "store/shopstore.h"
#include "store/sqldialect.h"
#include "store/sqlrow.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

namespace ShopList {

namespace {

// Every kind as the same columns, so that filtering, sorting and decoding are written once. `links` is what ties a
// document to an order: an order's own id, a shipment's order_id, a payment's linked_orders (JSON, as
// PaymentProcessor writes it).
QString sourceOf(Kind kind, const SqlDialect &dialect)
{
    switch (kind) {
    case Kind::Orders:
        return QStringLiteral("SELECT 'customerorder' AS entity_type, o.id, COALESCE(o.name, '') AS name, "
                              "COALESCE(o.state, '') AS state, COALESCE(o.agent, '') AS agent, '' AS order_names, "
                              "o.sum, COALESCE(o.payed_sum, 0) AS payed_sum, COALESCE(o.shipped_sum, 0) AS "
                              "shipped_sum, COALESCE(o.moment, '') AS date, COALESCE(o.updated, '') AS updated, "
                              "o.deleted, o.id AS links FROM orders o WHERE %1")
            .arg(ShopStore::hasBeenFetched(QStringLiteral("o")));
    case Kind::Payments:
        // A payment has no counterparty of its own in the store: its first order's is shown. Its orders in the order
        // the payment lists them, on both engines (a join's order is the engine's choice).
        return QStringLiteral(
                   "SELECT p.kind AS entity_type, p.id, COALESCE(p.name, '') AS name, p.kind AS state, "
                   "COALESCE((SELECT o.agent FROM %1 j JOIN orders o ON o.id = j.id WHERE o.agent <> '' ORDER BY "
                   "j.ordinal LIMIT 1), '') AS agent, COALESCE((SELECT %2 FROM (SELECT o.name, j.ordinal FROM %1 j "
                   "JOIN orders o ON o.id = j.id ORDER BY j.ordinal) linked), '') AS order_names, p.sum, 0 AS "
                   "payed_sum, 0 AS shipped_sum, COALESCE(p.moment, '') AS date, COALESCE(p.updated, '') AS updated, "
                   "p.deleted, p.linked_orders AS links FROM payments p WHERE %3")
            .arg(dialect.jsonArrayIds(QStringLiteral("p.linked_orders")),
                 dialect.joinedValues(QStringLiteral("linked.name"), QStringLiteral("', '"),
                                      QStringLiteral("linked.ordinal")),
                 ShopStore::hasBeenFetched(QStringLiteral("p")));
    case Kind::Shipments:
        return QStringLiteral("SELECT 'demand' AS entity_type, s.id, COALESCE(s.name, '') AS name, COALESCE(s.state, "
                              "'') AS state, COALESCE(o.agent, '') AS agent, COALESCE(o.name, '') AS order_names, "
                              "s.sum, 0 AS payed_sum, 0 AS shipped_sum, COALESCE(s.updated, '') AS date, "
                              "COALESCE(s.updated, '') AS updated, s.deleted, s.order_id AS links FROM shipments s "
                              "LEFT JOIN orders o ON o.id = s.order_id WHERE %1")
            .arg(ShopStore::hasBeenFetched(QStringLiteral("s")));
    }
    return {};
}

Row rowFrom(const SqlRow &row)
{
    Row decoded;
    decoded.entityType = row.text(QStringLiteral("entity_type"));
    decoded.id = row.text(QStringLiteral("id"));
    decoded.name = row.text(QStringLiteral("name"));
    decoded.state = row.text(QStringLiteral("state"));
    decoded.agent = row.text(QStringLiteral("agent"));
    decoded.orderNames = row.text(QStringLiteral("order_names"));
    const QVariant sum = row.value(QStringLiteral("sum"));
    // NULL: a sum MoySklad gave that cannot be money.
    if (!sum.isNull())
        decoded.sum = sum.toLongLong();
    decoded.payedSum = row.integer(QStringLiteral("payed_sum"));
    decoded.shippedSum = row.integer(QStringLiteral("shipped_sum"));
    decoded.date = row.text(QStringLiteral("date"));
    decoded.updated = row.text(QStringLiteral("updated"));
    decoded.deleted = row.flag(QStringLiteral("deleted"));
    return decoded;
}

} // namespace

Result<QList<Row>, QString> rows(QSqlDatabase &db, const Query &query)
{
    const SqlDialect *dialect = SqlDialect::of(db);
    QStringList conditions;
    QVariantList values;
    if (!query.search.isEmpty()) {
        conditions.append(QStringLiteral("(%1 OR %2)")
                              .arg(dialect->containsIgnoringCase(QStringLiteral("name")),
                                   dialect->containsIgnoringCase(QStringLiteral("agent"))));
        const QString pattern = SqlDialect::containsPattern(query.search);
        values << pattern << pattern;
    }
    if (!query.state.isEmpty()) {
        conditions.append(QStringLiteral("state = ?"));
        values << query.state;
    }
    if (!query.includeDeleted)
        conditions.append(QStringLiteral("deleted = 0"));
    if (!query.orderId.isEmpty()) {
        if (query.kind == Kind::Payments) {
            // The text search first: it is what keeps an order's payments quick among 100,000 (json_each on every
            // row alone takes a quarter of a second); the JSON then checks it is an id and not part of one.
            conditions.append(QStringLiteral("%1 > 0 AND EXISTS (SELECT 1 FROM %2 j WHERE j.id = ?)")
                                  .arg(dialect->position(QStringLiteral("?"), QStringLiteral("links")),
                                       dialect->jsonArrayIds(QStringLiteral("links"))));
            values << QString(QLatin1Char('"') + query.orderId + QLatin1Char('"')) << query.orderId;
        } else {
            conditions.append(QStringLiteral("links = ?"));
            values << query.orderId;
        }
    }
    if (query.after) {
        conditions.append(QStringLiteral("(date < ? OR (date = ? AND id < ?))"));
        values << query.after->date << query.after->date << query.after->id;
    }
    QString sql = QStringLiteral("SELECT * FROM (") + sourceOf(query.kind, *dialect) + QStringLiteral(") shown");
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY date DESC, id DESC LIMIT ?");
    values << qMax(1, query.limit);

    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.prepare(sql))
        return select.lastError().text();
    for (const QVariant &value : std::as_const(values))
        select.addBindValue(value);
    if (!select.exec())
        return select.lastError().text();
    QList<Row> found;
    const SqlRow row(select);
    while (select.next())
        found.append(rowFrom(row));
    return found;
}

Result<QStringList, QString> states(QSqlDatabase &db, Kind kind)
{
    static const QString sql[] = {
        QStringLiteral("SELECT DISTINCT state FROM orders WHERE state <> '' ORDER BY state"),
        QStringLiteral("SELECT DISTINCT kind FROM payments WHERE kind <> '' ORDER BY kind"),
        QStringLiteral("SELECT DISTINCT state FROM shipments WHERE state <> '' ORDER BY state"),
    };
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.exec(sql[int(kind)]))
        return select.lastError().text();
    QStringList found;
    while (select.next())
        found.append(select.value(0).toString());
    return found;
}

Result<qint64, QString> dataVersion(QSqlDatabase &db)
{
    QSqlQuery version(db);
    if (!version.exec(SqlDialect::of(db)->dataVersion()) || !version.next())
        return version.lastError().text();
    return version.value(0).toLongLong();
}

} // namespace ShopList
