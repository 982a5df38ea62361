// SPDX-License-Identifier: GPL-3.0-or-later
#include "hookplan.h"

#include "hooks/hookurl.h"

#include <algorithm>

QString hookStateName(HookState state)
{
    switch (state) {
    case HookState::InSync:
        return QStringLiteral("in-sync");
    case HookState::Missing:
        return QStringLiteral("missing");
    case HookState::Outdated:
        return QStringLiteral("outdated");
    case HookState::Disabled:
        return QStringLiteral("disabled");
    case HookState::NotNeeded:
        return QStringLiteral("not-needed");
    case HookState::Foreign:
        return QStringLiteral("foreign");
    }
    return {};
}

bool HookPlan::isOwn(const Webhook &hook) const
{
    return std::any_of(m_ownSites.cbegin(), m_ownSites.cend(),
                       [&hook](const QUrl &site) { return HookUrl::isOurs(hook, site); });
}

HookPlan HookPlan::build(const QList<Webhook> &actual, const QList<HookSpec> &wanted, const QList<QUrl> &ownSites,
                         const QString &secret)
{
    HookPlan plan;
    plan.m_ownSites = ownSites;
    const QUrl site = ownSites.value(0);

    QList<Webhook> ours;
    QList<Webhook> foreign;
    for (const Webhook &hook : actual)
        (plan.isOwn(hook) ? ours : foreign).append(hook);

    for (const HookSpec &spec : wanted) {
        HookPlanRow row;
        row.entityType = spec.entityType;
        row.action = spec.action;
        row.mandatory = spec.mandatory;
        row.desiredUrl = site.isValid() ? HookUrl::build(site, spec.entityType, spec.action, secret) : QString();
        // Prefer the hook that already has the right URL, then an enabled one; others of the same kind are extras.
        auto best = ours.end();
        for (auto it = ours.begin(); it != ours.end(); ++it) {
            if (it->entityType != spec.entityType || it->action != spec.action)
                continue;
            const auto rank = [&row](const Webhook &h) {
                return (h.url == row.desiredUrl ? 2 : 0) + (h.enabled ? 1 : 0);
            };
            if (best == ours.end() || rank(*it) > rank(*best))
                best = it;
        }
        if (best == ours.end()) {
            row.state = HookState::Missing;
        } else {
            row.existing = *best;
            ours.erase(best);
            if (row.existing->url != row.desiredUrl)
                row.state = HookState::Outdated;
            else if (!row.existing->enabled)
                row.state = HookState::Disabled;
            else
                row.state = HookState::InSync;
        }
        plan.m_rows.append(row);
    }
    for (const Webhook &hook : ours) {
        HookPlanRow row;
        row.entityType = hook.entityType;
        row.action = hook.action;
        row.state = HookState::NotNeeded;
        row.existing = hook;
        plan.m_rows.append(row);
    }
    for (const Webhook &hook : foreign) {
        HookPlanRow row;
        row.entityType = hook.entityType;
        row.action = hook.action;
        row.state = HookState::Foreign;
        row.existing = hook;
        plan.m_rows.append(row);
    }
    return plan;
}

int HookPlan::count(HookState state) const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [state](const HookPlanRow &row) { return row.state == state; }));
}

bool HookPlan::isInSync(bool updateOwn) const
{
    return count(HookState::Missing) == 0 && count(HookState::Disabled) == 0 &&
           (!updateOwn || count(HookState::Outdated) == 0);
}
