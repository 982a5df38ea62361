// SPDX-License-Identifier: GPL-3.0-or-later
#include "builders.h"

#include <QJsonArray>

namespace Builders {

namespace {
const QString api = QStringLiteral("https://api.moysklad.ru/api/remap/1.2");
}

QString documentId(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

QUrl documentHref(const QString &entityType, const QString &id)
{
    return QUrl(api + QStringLiteral("/entity/%1/%2").arg(entityType, id));
}

QJsonObject meta(const QString &entityType, const QString &id)
{
    return QJsonObject{{QStringLiteral("href"), documentHref(entityType, id).toString()},
                       {QStringLiteral("type"), entityType},
                       {QStringLiteral("mediaType"), QStringLiteral("application/json")}};
}

QJsonObject reference(const QString &entityType, const QString &id)
{
    return QJsonObject{{QStringLiteral("meta"), meta(entityType, id)}};
}

QJsonObject named(const QString &entityType, const QString &name)
{
    return QJsonObject{{QStringLiteral("meta"), meta(entityType, QStringLiteral("%1-of-%2").arg(entityType, name))},
                       {QStringLiteral("name"), name}};
}

DeliveryEvent deliveryEvent(const QString &entityType, const QString &action, const QString &id)
{
    DeliveryEvent event;
    event.entityType = entityType;
    event.action = action;
    event.documentId = id;
    event.href = documentHref(entityType, id).toString();
    return event;
}

Delivery delivery(const QString &requestId, const QList<DeliveryEvent> &events)
{
    Delivery delivery;
    delivery.requestId = requestId;
    delivery.events = events;
    return delivery;
}

Delivery delivery(const QString &requestId, int count, const QString &entityType, const QString &action)
{
    QList<DeliveryEvent> events;
    for (int i = 0; i < count; ++i)
        events.append(deliveryEvent(entityType, action, documentId(i)));
    return delivery(requestId, events);
}

Webhook webhook(const QString &entityType, const QString &action, const QString &url)
{
    Webhook hook;
    hook.entityType = entityType;
    hook.action = action;
    hook.url = url;
    return hook;
}

QJsonObject customerOrder(const QString &id, qint64 sum, const QString &state, const QString &updated,
                          const QString &agent)
{
    return QJsonObject{{QStringLiteral("meta"), meta(QStringLiteral("customerorder"), id)},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("name"), id.right(5)},
                       {QStringLiteral("moment"), QStringLiteral("2026-12-01 10:00:00.000")},
                       {QStringLiteral("updated"), updated},
                       {QStringLiteral("sum"), sum},
                       {QStringLiteral("payedSum"), 0},
                       {QStringLiteral("shippedSum"), 0},
                       {QStringLiteral("state"), named(QStringLiteral("state"), state)},
                       {QStringLiteral("agent"), named(QStringLiteral("counterparty"), agent)}};
}

QJsonObject payment(const QString &kind, const QString &id, qint64 sum, const QList<std::pair<QString, qint64>> &orders,
                    const QString &updated)
{
    QJsonArray operations;
    for (const auto &[orderId, linkedSum] : orders)
        operations.append(QJsonObject{{QStringLiteral("meta"), meta(QStringLiteral("customerorder"), orderId)},
                                      {QStringLiteral("linkedSum"), linkedSum}});
    return QJsonObject{{QStringLiteral("meta"), meta(kind, id)},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("name"), id.right(5)},
                       {QStringLiteral("moment"), QStringLiteral("2026-12-01 10:00:00.000")},
                       {QStringLiteral("updated"), updated},
                       {QStringLiteral("sum"), sum},
                       {QStringLiteral("operations"), operations}};
}

QJsonObject demand(const QString &id, qint64 sum, const QString &orderId, const QString &state, const QString &updated)
{
    return QJsonObject{{QStringLiteral("meta"), meta(QStringLiteral("demand"), id)},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("name"), id.right(5)},
                       {QStringLiteral("moment"), QStringLiteral("2026-12-01 10:00:00.000")},
                       {QStringLiteral("updated"), updated},
                       {QStringLiteral("sum"), sum},
                       {QStringLiteral("state"), named(QStringLiteral("state"), state)},
                       {QStringLiteral("customerOrder"), reference(QStringLiteral("customerorder"), orderId)}};
}

} // namespace Builders
