// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hooks/hookapplier.h"
#include "hooks/hookplan.h"
#include "moysklad/moyskladclient.h"

#include <QObject>

#include <functional>
#include <optional>

class Workspace;

// The webhook use cases both faces call: check the connection, list the account's hooks and plan them against the
// module's set (the exchange settings, the site URL and the verification string), and apply a plan. Each step is
// logged. The faces only choose what to show and what to ask.
class HookSync final : public QObject
{
    Q_OBJECT

public:
    // Why nothing can be written yet; the faces word it (and say where to fix it).
    enum class Blocker {
        NoCredentials, // no token (nor login and password)
        NoSiteUrl,
        NoSiteSecret,
        UrlTooLong, // detail: which URL and its length
        NotListed,  // the account's hooks were not listed yet
    };
    struct Problem
    {
        Blocker blocker;
        QString detail;
    };

    explicit HookSync(Workspace *workspace, QObject *parent = nullptr);

    // May this user manage webhooks?
    void check(std::function<void(Result<AccessReport, ApiError>)> done);
    // How a listing is logged: its counts and a failure (a person asked), or nothing (the periodic hook-health
    // check, which logs what needs attention itself and says a repeated failure once).
    enum class ListingLog { Counts, Silent };
    // Lists every hook of the account, keeps them and builds the plan.
    void list(std::function<void(Result<HookPlan, ApiError>)> done, ListingLog logging = ListingLog::Counts);
    bool hasListed() const { return m_listed; }
    const QList<Webhook> &actual() const { return m_actual; }
    // The plan of the last listing under the current settings and verification string (empty before a listing).
    HookPlan plan() const;

    std::optional<Problem> problemBeforeListing() const; // credentials, site URL, verification string, URL length
    std::optional<Problem> problemBeforeWriting() const; // the above, and a listing
    // Applies `plan`; the listing is refreshed afterwards when anything was written or refused.
    void apply(const HookPlan &plan, const ApplyOptions &options, std::function<void(ApplyReport)> done);

    // Does a hook of ours in the module's set still point at our path under `site` (a site URL being replaced)?
    static bool pointsAt(const HookPlan &plan, const QUrl &site);

private:
    // Keeps a listing, logs its counts and ends a verification-string rotation or a site move the hooks no longer
    // need.
    HookPlan adopt(const QList<Webhook> &hooks, ListingLog logging = ListingLog::Counts);

    Workspace *m_workspace = nullptr;
    HookApplier *m_applier = nullptr;
    QList<Webhook> m_actual;
    bool m_listed = false;
};
