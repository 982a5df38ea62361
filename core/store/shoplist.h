// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

// The shop store as lists to look through (the desktop app's Orders, Payments and Shipments tabs): filtered, sorted
// and paged in SQL, so that a store of 100,000 orders is read a page at a time. ShopStore reads whole tables for the
// CLI; this reads what a screen shows.
namespace ShopList {

enum class Kind { Orders, Payments, Shipments };

// One document as a list shows it, whatever its kind; what a kind does not have stays empty.
struct Row
{
    QString entityType; // customerorder, paymentin, cashin or demand: MoySklad's type, for its web interface
    QString id;
    QString name;
    QString state;             // orders and shipments; payments: their entity type (they have no state)
    QString agent;             // orders; a shipment's or a payment's through its (first) order
    QString orderNames;        // a shipment's order, a payment's orders, comma-separated
    std::optional<qint64> sum; // kopecks; none when the store has no sum that can be money
    qint64 payedSum = 0;       // orders
    qint64 shippedSum = 0;     // orders
    QString date;              // orders and payments: `moment`; shipments: `updated` (a demand's moment is not kept)
    QString updated;
    bool deleted = false;

    bool operator==(const Row &) const = default;
};

// Where a page continues: after the last row of the one before, in the list's order (keyset paging, so that rows
// written while the user scrolls neither repeat nor go missing, and a deep page costs no more than the first).
struct After
{
    QString date;
    QString id;
};

struct Query
{
    Kind kind = Kind::Orders;
    // Part of the number (name) or of the counterparty (agent), as typed; empty matches everything.
    QString search;
    // Only this state (payments: this entity type, paymentin or cashin); empty matches every one.
    QString state;
    bool includeDeleted = false;
    // Only payments paying this order, or shipments shipping it (orders: only this order).
    QString orderId;
    std::optional<After> after;
    int limit = 200;
};

// The rows matching `query`, newest date first (id breaking ties).
Result<QList<Row>, QString> rows(QSqlDatabase &db, const Query &query);
// The states present among documents of `kind` (payments: the entity types present), sorted; empty ones left out.
Result<QStringList, QString> states(QSqlDatabase &db, Kind kind);
// The store's data version (SqlDialect::dataVersion: SQLite's data_version of this connection, PostgreSQL's count of
// rows written to the shop tables): it moves when another connection commits. Reading it is cheap, so a list polls it
// and reads its rows again only when it moved.
Result<qint64, QString> dataVersion(QSqlDatabase &db);

} // namespace ShopList
