// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

// Reads of the local shop store: orders (customerorder), payments (paymentin, cashin) and shipments (demand), as
// MoySklad's current documents say. Sums are in minor units (kopecks), as MoySklad gives them. What writes them is
// core/documents (a DocumentProcessor per entity type), through the StoreWriter.
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

// Every order, deleted ones included, by moment and name (`skladhook-cli orders`).
Result<QList<Order>, QString> orders(QSqlDatabase &db);

} // namespace ShopStore
