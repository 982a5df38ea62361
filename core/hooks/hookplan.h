// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hooks/hookcatalog.h"
#include "moysklad/webhook.h"

#include <optional>
#include <QList>
#include <QUrl>

enum class HookState {
    InSync,    // ours, enabled, URL as it should be
    Missing,   // wanted, not in MoySklad: create
    Outdated,  // ours with an old URL (site URL or verification string changed): update in place
    Disabled,  // ours, right URL, disabled (MoySklad disables failing hooks by itself): enable
    NotNeeded, // ours, no longer in the catalog (or a duplicate): removal offered, only on an explicit action
    Foreign,   // another application's or another site's hook: shown, never written
};
QString hookStateName(HookState state); // "in-sync" | "missing" | "outdated" | "disabled" | "not-needed" | "foreign"

struct HookPlanRow final
{
    QString entityType;
    QString action;
    HookState state = HookState::Missing;
    std::optional<Webhook> existing; // empty for Missing
    QString desiredUrl;              // our URL for this entity and action; empty for Foreign and NotNeeded
    bool mandatory = false;

    bool ours() const { return state != HookState::Foreign; }
    QString key() const { return entityType + QLatin1Char('/') + action; }
    // The URL shown: the existing hook's, or the one to be created.
    QString url() const { return existing ? existing->url : desiredUrl; }
};

// Desired (the catalog for the exchange settings) against actual (every hook of the account).
// ownSites: the current site URL first (every hook below it is ours), then site URLs used before — the hooks we built
// under them (<old site>moysklad/<entity>/<action>) are ours too, so that a changed site URL updates our hooks in
// place instead of duplicating them, without claiming whatever else lives under an old prefix.
class HookPlan final
{
public:
    static HookPlan build(const QList<Webhook> &actual, const QList<HookSpec> &wanted, const QList<QUrl> &ownSites,
                          const QString &secret);

    const QList<HookPlanRow> &rows() const { return m_rows; }
    const QList<QUrl> &ownSites() const { return m_ownSites; }
    int count(HookState state) const;
    // True when an apply would write nothing for creates, enables and (with updateOwn) updates.
    bool isInSync(bool updateOwn) const;
    // The hook belongs to one of our sites and no application: the only hooks we ever write.
    bool isOwn(const Webhook &hook) const;

private:
    QList<HookPlanRow> m_rows;
    QList<QUrl> m_ownSites;
};
