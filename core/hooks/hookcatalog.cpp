// SPDX-License-Identifier: GPL-3.0-or-later
#include "hookcatalog.h"

namespace {
HookSpec spec(const char *entity, const char *action, bool mandatory = false)
{
    return HookSpec{QString::fromLatin1(entity), QString::fromLatin1(action), mandatory};
}

QList<HookSpec> paymentGroup()
{
    QList<HookSpec> group;
    for (const char *entity : {"paymentin", "cashin"}) {
        for (const char *action : {"CREATE", "UPDATE", "DELETE"})
            group.append(spec(entity, action));
    }
    return group;
}

QList<HookSpec> shipmentGroup()
{
    return {spec("demand", "CREATE"), spec("demand", "UPDATE")};
}
} // namespace

QList<HookSpec> HookCatalog::all()
{
    return wanted(ExchangeSettings{ExchangeMode::Full, ExchangeMode::Full, true});
}

QList<HookSpec> HookCatalog::wanted(const ExchangeSettings &settings)
{
    QList<HookSpec> hooks{spec("customerorder", "UPDATE", true)};
    if (settings.importOrders)
        hooks.append(spec("customerorder", "CREATE"));
    if (settings.payments == ExchangeMode::Full)
        hooks.append(paymentGroup());
    if (settings.shipments == ExchangeMode::Full)
        hooks.append(shipmentGroup());
    return hooks;
}

QStringList HookCatalog::watchedTypes(const ExchangeSettings &settings)
{
    QStringList types;
    for (const HookSpec &hook : wanted(settings)) {
        if (!types.contains(hook.entityType))
            types.append(hook.entityType);
    }
    return types;
}

std::optional<HookSpec> HookCatalog::find(const QString &entityType, const QString &action)
{
    for (const HookSpec &spec : all()) {
        if (spec.entityType.compare(entityType, Qt::CaseInsensitive) == 0 &&
            spec.action.compare(action, Qt::CaseInsensitive) == 0)
            return spec;
    }
    return std::nullopt;
}
