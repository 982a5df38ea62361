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

namespace {
// Exactly the URL we would have built under `site` for this hook's entity and action, whatever the key.
bool hasOurPath(const Webhook &hook, const QUrl &site)
{
    const QString expected = QUrl(HookUrl::build(site, hook.entityType, hook.action, QString()))
                                 .adjusted(QUrl::NormalizePathSegments)
                                 .path();
    return QUrl(hook.url).adjusted(QUrl::NormalizePathSegments).path() == expected;
}
} // namespace

bool HookPlan::isOwn(const Webhook &hook) const
{
    for (qsizetype i = 0; i < m_ownSites.size(); ++i) {
        const QUrl &site = m_ownSites.at(i);
        if (!HookUrl::isOurs(hook, site))
            continue;
        // Under the current site everything below its path is ours. Under a site used before only the hooks we
        // built there: the user no longer vouches for that whole prefix (another integration may live below it).
        if (i == 0 || hasOurPath(hook, site))
            return true;
    }
    return false;
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
