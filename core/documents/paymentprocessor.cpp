// SPDX-License-Identifier: GPL-3.0-or-later
#include "paymentprocessor.h"

#include <QJsonArray>
#include <QJsonDocument>

PaymentProcessor::PaymentProcessor(QString kind)
    : m_kind(std::move(kind))
{}

QString PaymentProcessor::entityType() const
{
    return m_kind;
}

Result<Done, QString> PaymentProcessor::apply(QSqlDatabase &db, const QJsonObject &document,
                                              const QDateTime &fetchedAt) const
{
    const QString id = idOf(document);
    if (id.isEmpty())
        return QStringLiteral("a %1 document without an id").arg(m_kind);
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
    return store(
        db, QStringLiteral("payments"),
        {{QStringLiteral("id"), id},
         {QStringLiteral("kind"), m_kind},
         {QStringLiteral("name"), document.value(QLatin1String("name")).toString()},
         {QStringLiteral("sum"), money(document, "sum")},
         {QStringLiteral("moment"), document.value(QLatin1String("moment")).toString()},
         {QStringLiteral("linked_orders"), QString::fromUtf8(QJsonDocument(linked).toJson(QJsonDocument::Compact))},
         {QStringLiteral("updated"), document.value(QLatin1String("updated")).toString()}},
        fetchedAt, Rows::InsertOrUpdate);
}

Result<Done, QString> PaymentProcessor::markDeleted(QSqlDatabase &db, const QString &id, const QDateTime &at) const
{
    return markDeletedIn(db, QStringLiteral("payments"), id, at, Rows::InsertOrUpdate,
                         {{QStringLiteral("kind"), m_kind}});
}
