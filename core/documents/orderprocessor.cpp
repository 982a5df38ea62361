// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderprocessor.h"

OrderProcessor::OrderProcessor(bool importOrders)
    : m_importOrders(importOrders)
{}

QString OrderProcessor::entityType() const
{
    return QStringLiteral("customerorder");
}

QStringList OrderProcessor::expand() const
{
    return {QStringLiteral("state"), QStringLiteral("agent")};
}

DocumentProcessor::Handling OrderProcessor::handlingOf(const QString &action) const
{
    if (action == QLatin1String("CREATE") && !m_importOrders)
        return Handling::Skip;
    return DocumentProcessor::handlingOf(action);
}

QString OrderProcessor::skipReason(const QString &action) const
{
    if (!isWatched())
        return DocumentProcessor::skipReason(action);
    return QStringLiteral("Order import is off: customerorder/%1 not imported").arg(action);
}

Result<Done, QString> OrderProcessor::apply(QSqlDatabase &db, const QJsonObject &document,
                                            const QDateTime &fetchedAt) const
{
    const QString id = idOf(document);
    if (id.isEmpty())
        return QStringLiteral("a customerorder document without an id");
    return store(db, QStringLiteral("orders"),
                 {{QStringLiteral("id"), id},
                  {QStringLiteral("name"), document.value(QLatin1String("name")).toString()},
                  {QStringLiteral("state"), nameOf(document, "state")},
                  {QStringLiteral("sum"), money(document, "sum")},
                  {QStringLiteral("payed_sum"), money(document, "payedSum")},
                  {QStringLiteral("shipped_sum"), money(document, "shippedSum")},
                  {QStringLiteral("agent"), nameOf(document, "agent")},
                  {QStringLiteral("moment"), document.value(QLatin1String("moment")).toString()},
                  {QStringLiteral("updated"), document.value(QLatin1String("updated")).toString()}},
                 fetchedAt, m_importOrders ? Rows::InsertOrUpdate : Rows::UpdateOnly);
}

Result<Done, QString> OrderProcessor::markDeleted(QSqlDatabase &db, const QString &id, const QDateTime &at) const
{
    // Import off: an order never stored stays out, deleted or not; one that is stored is marked like any other.
    return markDeletedIn(db, QStringLiteral("orders"), id, at,
                         m_importOrders ? Rows::InsertOrUpdate : Rows::UpdateOnly);
}
