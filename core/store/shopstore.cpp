// SPDX-License-Identifier: GPL-3.0-or-later
#include "shopstore.h"

#include "store/sqlrow.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ShopStore {

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
