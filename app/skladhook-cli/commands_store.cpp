// SPDX-License-Identifier: GPL-3.0-or-later
// orders, payments, shipments: the shop store of one data directory, as the documents room wrote it.
#include "clicommand.h"
#include "clicontext.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/shopstore.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

// Kopecks as roubles with two decimals ("1234.56"); the sign is kept apart so that -0.50 does not lose it.
QString roubles(qint64 kopecks)
{
    const qint64 magnitude = kopecks < 0 ? -kopecks : kopecks;
    return QStringLiteral("%1%2.%3")
        .arg(kopecks < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString deletedMark(bool deleted)
{
    return deleted ? QStringLiteral("  ") + QCoreApplication::translate("CliStore", "(deleted)") : QString();
}

// What the three listings share: a read connection of their own, closed before printing; with --json one array of
// the rows' objects (sums in kopecks), otherwise one line per row.
template<typename Row>
void listStore(CliContext &ctx, const QString &command, Result<QList<Row>, QString> (*read)(QSqlDatabase &),
               QJsonObject (*toJson)(const Row &), QString (*toLine)(const Row &))
{
    if (!ctx.expectArguments(0, command))
        return;
    Workspace *workspace = ctx.workspace();
    if (!workspace)
        return;
    QList<Row> rows;
    {
        ReadConnection reader(workspace->storeLocation());
        if (!reader.isOpen()) {
            ctx.fail(reader.error());
            return;
        }
        auto result = read(reader.db());
        if (!result.ok()) {
            ctx.fail(result.error());
            return;
        }
        rows = std::move(result).value();
    }
    if (ctx.json()) {
        QJsonArray array;
        for (const Row &row : rows)
            array.append(toJson(row));
        ctx.printJson(QJsonDocument(array));
    } else {
        for (const Row &row : rows)
            ctx.out() << toLine(row) << '\n';
    }
    ctx.finish(0);
}

QJsonObject orderJson(const ShopStore::Order &order)
{
    return QJsonObject{{QStringLiteral("id"), order.id},
                       {QStringLiteral("name"), order.name},
                       {QStringLiteral("state"), order.state},
                       {QStringLiteral("sum"), order.sum},
                       {QStringLiteral("payedSum"), order.payedSum},
                       {QStringLiteral("shippedSum"), order.shippedSum},
                       {QStringLiteral("agent"), order.agent},
                       {QStringLiteral("moment"), order.moment},
                       {QStringLiteral("updated"), order.updated},
                       {QStringLiteral("deleted"), order.deleted}};
}

QString orderLine(const ShopStore::Order &order)
{
    return QCoreApplication::translate("CliStore", "%1  %2  %3  sum %4  paid %5%6")
        .arg(order.name, -10)
        .arg(order.id, -36)
        .arg(order.state, -16)
        .arg(roubles(order.sum), roubles(order.payedSum), deletedMark(order.deleted));
}

QJsonObject paymentJson(const ShopStore::Payment &payment)
{
    QJsonArray linked;
    for (const ShopStore::LinkedOrder &order : payment.linkedOrders)
        linked.append(QJsonObject{{QStringLiteral("id"), order.id}, {QStringLiteral("linkedSum"), order.linkedSum}});
    return QJsonObject{{QStringLiteral("id"), payment.id},           {QStringLiteral("kind"), payment.kind},
                       {QStringLiteral("name"), payment.name},       {QStringLiteral("sum"), payment.sum},
                       {QStringLiteral("moment"), payment.moment},   {QStringLiteral("linkedOrders"), linked},
                       {QStringLiteral("updated"), payment.updated}, {QStringLiteral("deleted"), payment.deleted}};
}

QString paymentLine(const ShopStore::Payment &payment)
{
    QStringList orders;
    for (const ShopStore::LinkedOrder &order : payment.linkedOrders)
        orders.append(QStringLiteral("%1 (%2)").arg(order.id, roubles(order.linkedSum)));
    return QCoreApplication::translate("CliStore", "%1  %2  %3  %4  sum %5%6%7")
        .arg(payment.name, -10)
        .arg(payment.id, -36)
        .arg(payment.kind, -9)
        .arg(payment.moment, -23)
        .arg(roubles(payment.sum),
             orders.isEmpty()
                 ? QString()
                 : QStringLiteral("  ") +
                       QCoreApplication::translate("CliStore", "for %1").arg(orders.join(QStringLiteral(", "))),
             deletedMark(payment.deleted));
}

QJsonObject shipmentJson(const ShopStore::Shipment &shipment)
{
    return QJsonObject{{QStringLiteral("id"), shipment.id},           {QStringLiteral("name"), shipment.name},
                       {QStringLiteral("sum"), shipment.sum},         {QStringLiteral("state"), shipment.state},
                       {QStringLiteral("orderId"), shipment.orderId}, {QStringLiteral("updated"), shipment.updated},
                       {QStringLiteral("deleted"), shipment.deleted}};
}

QString shipmentLine(const ShopStore::Shipment &shipment)
{
    return QCoreApplication::translate("CliStore", "%1  %2  %3  sum %4%5%6")
        .arg(shipment.name, -10)
        .arg(shipment.id, -36)
        .arg(shipment.state, -16)
        .arg(roubles(shipment.sum),
             shipment.orderId.isEmpty()
                 ? QString()
                 : QStringLiteral("  ") + QCoreApplication::translate("CliStore", "for order %1").arg(shipment.orderId),
             deletedMark(shipment.deleted));
}

void runOrders(CliContext &ctx)
{
    listStore<ShopStore::Order>(ctx, QStringLiteral("orders"), ShopStore::orders, orderJson, orderLine);
}

void runPayments(CliContext &ctx)
{
    listStore<ShopStore::Payment>(ctx, QStringLiteral("payments"), ShopStore::payments, paymentJson, paymentLine);
}

void runShipments(CliContext &ctx)
{
    listStore<ShopStore::Shipment>(ctx, QStringLiteral("shipments"), ShopStore::shipments, shipmentJson, shipmentLine);
}

const CliRegistration orders{
    {QStringLiteral("orders"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Orders in the local shop store (sums in kopecks with --json).")),
     {},
     runOrders}};
const CliRegistration payments{
    {QStringLiteral("payments"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Incoming payments (paymentin, cashin) in the local shop store, "
                                                    "with the orders they pay (sums in kopecks with --json).")),
     {},
     runPayments}};
const CliRegistration shipments{
    {QStringLiteral("shipments"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP(
         "CliHelp", "Shipments (demand) in the local shop store, with their order (sums in kopecks with --json).")),
     {},
     runShipments}};

} // namespace
