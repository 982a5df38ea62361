// SPDX-License-Identifier: GPL-3.0-or-later
#include "shipmentprocessor.h"

QString ShipmentProcessor::entityType() const
{
    return QStringLiteral("demand");
}

QStringList ShipmentProcessor::expand() const
{
    return {QStringLiteral("state")};
}

Result<Done, QString> ShipmentProcessor::apply(QSqlDatabase &db, const QJsonObject &document,
                                               const QDateTime &fetchedAt) const
{
    const QString id = idOf(document);
    if (id.isEmpty())
        return QStringLiteral("a demand document without an id");
    return store(db, QStringLiteral("shipments"),
                 {{QStringLiteral("id"), id},
                  {QStringLiteral("name"), document.value(QLatin1String("name")).toString()},
                  {QStringLiteral("sum"), money(document, "sum")},
                  {QStringLiteral("state"), nameOf(document, "state")},
                  {QStringLiteral("order_id"), idOfMeta(document.value(QLatin1String("customerOrder")).toObject())},
                  {QStringLiteral("updated"), document.value(QLatin1String("updated")).toString()}},
                 fetchedAt, Rows::InsertOrUpdate);
}

Result<Done, QString> ShipmentProcessor::markDeleted(QSqlDatabase &db, const QString &id, const QDateTime &at) const
{
    return markDeletedIn(db, QStringLiteral("shipments"), id, at, Rows::InsertOrUpdate);
}
