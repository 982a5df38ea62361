// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

enum class ExchangeMode { None, Full };

// The exchange settings that decide which hooks the module needs.
struct ExchangeSettings final
{
    ExchangeMode payments = ExchangeMode::None;
    ExchangeMode shipments = ExchangeMode::None;
    bool importOrders = false;
};

// One hook the module may need: an entity type and an action.
struct HookSpec final
{
    QString entityType;
    QString action;
    bool mandatory = false;
    bool operator==(const HookSpec &other) const { return entityType == other.entityType && action == other.action; }
    QString key() const { return entityType + QLatin1Char('/') + action; } // "customerorder/UPDATE"
};

// The module's hook set. Groups are installed whole: payments (paymentin and cashin × CREATE, UPDATE, DELETE),
// shipments (demand × CREATE, UPDATE).
class HookCatalog final
{
public:
    // Every hook the module can install, in display order.
    static QList<HookSpec> all();
    // The hooks these settings need: customerorder/UPDATE always; customerorder/CREATE with order import;
    // the payment group when payments are full; the shipment group when shipments are full.
    static QList<HookSpec> wanted(const ExchangeSettings &settings);
    // The entity types those hooks watch, once each: what the store follows (catch-up sync, verify).
    static QStringList watchedTypes(const ExchangeSettings &settings);
    // The catalog's hook for an entity type and action typed in any case ("CustomerOrder", "update"), or none.
    static std::optional<HookSpec> find(const QString &entityType, const QString &action);
};
