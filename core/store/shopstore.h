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

// An order a payment pays, with the part of the payment that goes to it (kopecks).
struct LinkedOrder
{
    QString id;
    qint64 linkedSum = 0;
};

struct Payment
{
    QString id;
    QString kind; // paymentin (bank) or cashin (cash)
    QString name;
    qint64 sum = 0;
    QString moment;
    QList<LinkedOrder> linkedOrders;
    QString updated;
    bool deleted = false;
};

struct Shipment
{
    QString id;
    QString name;
    qint64 sum = 0;
    QString state;
    QString orderId;
    QString updated;
    bool deleted = false;
};

// Every order, deleted ones included, by moment and name (`skladhook-cli orders`).
Result<QList<Order>, QString> orders(QSqlDatabase &db);

// The lists show the documents the shop has had. A deletion of a document never fetched leaves a row too (so that an
// answer fetched before the deletion cannot insert it later, DocumentProcessor::markDeletedIn), but it has nothing to
// show: an SQL condition on `table` (its name or alias) that leaves such rows out.
QString hasBeenFetched(const QString &table);
// Every payment of both kinds, deleted ones included, by moment and name (`skladhook-cli payments`).
Result<QList<Payment>, QString> payments(QSqlDatabase &db);
// Every shipment, deleted ones included, by name (`skladhook-cli shipments`; a demand's moment is not kept).
Result<QList<Shipment>, QString> shipments(QSqlDatabase &db);

// What the comparison with MoySklad needs of a stored document: its id, MoySklad's `updated` as stored (the API's
// text, Moscow time; empty for a row written before the column existed) and whether it is marked deleted.
struct Version
{
    QString id;
    QString updated;
    bool deleted = false;
};
// Every stored document of one MoySklad entity type (customerorder, paymentin, cashin, demand), deleted ones included;
// an error for a type the store does not keep.
Result<QList<Version>, QString> versions(QSqlDatabase &db, const QString &entityType);

} // namespace ShopStore
