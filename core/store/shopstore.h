// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The local shop store: orders (customerorder), payments (paymentin, cashin) and shipments (demand), as
// MoySklad's current documents say. Sums are kept in minor units (kopecks), as MoySklad gives them.
// The apply functions run on the StoreWriter's connection, inside its transaction.
namespace ShopStore {

struct Order
{
    QString id;
    QString name;
    QString state;
    qint64 sum = 0;
    qint64 payedSum = 0;
    qint64 shippedSum = 0;
    QString agent;
    QString moment;
    QString updated;
    bool deleted = false;
};

// Upserts the document (a MoySklad JSON object of that type, expanded state/agent where relevant), fetched by a
// request sent at `fetchedAt` (invalid: now). Answers overlap: one older than the stored `updated` changes nothing,
// and one fetched before the document was marked deleted does not bring it back.
Result<Done, QString> apply(QSqlDatabase &db, const QString &entityType, const QJsonObject &document,
                            const QDateTime &fetchedAt = {});
// Marks the document deleted at `at` (invalid: now): DELETE events, or a document MoySklad no longer has.
Result<Done, QString> markDeleted(QSqlDatabase &db, const QString &entityType, const QString &id,
                                  const QDateTime &at = {});
// Whether the store handles this entity type.
bool handles(const QString &entityType);
// The expand parameter to fetch a document of this type with.
QStringList expandFor(const QString &entityType);

Result<QList<Order>, QString> orders(QSqlDatabase &db);

} // namespace ShopStore
