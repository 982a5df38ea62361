// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "intake/delivery.h"
#include "moysklad/webhook.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

// Small factories for test data: deliveries, hooks and MoySklad documents shaped as the API gives them. Each takes
// what a test varies and fills the rest with plausible values.
namespace Builders {

inline const QString defaultUpdated = QStringLiteral("2026-12-01 12:00:00.000");

// A MoySklad-shaped id (a UUID) from a number: documentId(7) = "00000000-0000-4000-8000-000000000007".
QString documentId(int n);
QUrl documentHref(const QString &entityType, const QString &id);
// {"href", "type", "mediaType"}: the meta of a reference.
QJsonObject meta(const QString &entityType, const QString &id);
// {"meta": …}: a reference to another document, unexpanded.
QJsonObject reference(const QString &entityType, const QString &id);
// {"meta": …, "name": …}: an expanded object (state, agent).
QJsonObject named(const QString &entityType, const QString &name);

DeliveryEvent deliveryEvent(const QString &entityType, const QString &action, const QString &id);
Delivery delivery(const QString &requestId, const QList<DeliveryEvent> &events);
// `count` events of one type and action on documentId(0 … count-1).
Delivery delivery(const QString &requestId, int count, const QString &entityType = QStringLiteral("customerorder"),
                  const QString &action = QStringLiteral("UPDATE"));
Webhook webhook(const QString &entityType, const QString &action, const QString &url);

// customerorder with state and agent expanded; sums in kopecks.
QJsonObject customerOrder(const QString &id, qint64 sum, const QString &state = QStringLiteral("Новый"),
                          const QString &updated = defaultUpdated,
                          const QString &agent = QStringLiteral("ООО Ромашка"));
// paymentin or cashin paying `orders` (order id, linked sum in kopecks).
QJsonObject payment(const QString &kind, const QString &id, qint64 sum,
                    const QList<std::pair<QString, qint64>> &orders = {}, const QString &updated = defaultUpdated);
// demand shipping `orderId`, state expanded.
QJsonObject demand(const QString &id, qint64 sum, const QString &orderId,
                   const QString &state = QStringLiteral("Собран"), const QString &updated = defaultUpdated);

} // namespace Builders
