// SPDX-License-Identifier: GPL-3.0-or-later
#include "hooksync.h"

#include "diagnostics/sqlitediagnosticslog.h"
#include "hooks/hookcatalog.h"
#include "hooks/hookurl.h"
#include "settings/settings.h"
#include "workspace/workspace.h"

namespace {
const QString hookSyncCategory = QStringLiteral("hooks");
}

HookSync::HookSync(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_applier(new HookApplier(&workspace->client(), &workspace->log(), this))
{}

void HookSync::check(std::function<void(Result<AccessReport, ApiError>)> done)
{
    m_workspace->client().checkAccess(this, [this, done](Result<AccessReport, ApiError> result) {
        if (!result.ok())
            m_workspace->log().error(hookSyncCategory,
                                     LogText(QT_TRANSLATE_NOOP("LogMessage", "The connection check failed")),
                                     result.error().toString());
        else if (result.value().canManageWebhooks)
            m_workspace->log().info(
                hookSyncCategory,
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Connected to MoySklad as %1; webhooks may be managed"),
                        result.value().login));
        else
            m_workspace->log().warning(
                hookSyncCategory,
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Connected as %1, but webhooks may not be managed: %2"),
                        result.value().login, result.value().reason));
        done(result);
    });
}

void HookSync::list(std::function<void(Result<HookPlan, ApiError>)> done, ListingLog logging)
{
    m_workspace->client().listWebhooks(this, [this, done, logging](Result<QList<Webhook>, ApiError> hooks) {
        if (!hooks.ok()) {
            if (logging == ListingLog::Counts)
                m_workspace->log().error(hookSyncCategory,
                                         LogText(QT_TRANSLATE_NOOP("LogMessage", "Could not list the webhooks")),
                                         hooks.error().toString());
            done(hooks.error());
            return;
        }
        done(adopt(hooks.value(), logging));
    });
}

bool HookSync::pointsAt(const HookPlan &plan, const QUrl &site)
{
    // The receiver sees the path only: a hook of ours whose path is the one we built under `site`.
    for (const HookPlanRow &row : plan.rows()) {
        if (!row.existing || row.state == HookState::Foreign || row.state == HookState::NotNeeded)
            continue;
        const QString path = QUrl(HookUrl::build(site, row.entityType, row.action, QString()))
                                 .adjusted(QUrl::NormalizePathSegments)
                                 .path();
        if (QUrl(row.existing->url).adjusted(QUrl::NormalizePathSegments).path() == path)
            return true;
    }
    return false;
}

HookPlan HookSync::adopt(const QList<Webhook> &hooks, ListingLog logging)
{
    m_actual = hooks;
    m_listed = true;
    const HookPlan current = plan();
    if (logging == ListingLog::Counts)
        m_workspace->log().info(
            hookSyncCategory,
            LogText(QT_TRANSLATE_NOOP("LogMessage", "Listed %1 webhooks: %2 in sync, %3 missing, %4 outdated, "
                                                    "%5 disabled, %6 not needed, %7 foreign"),
                    m_actual.size(), current.count(HookState::InSync), current.count(HookState::Missing),
                    current.count(HookState::Outdated), current.count(HookState::Disabled),
                    current.count(HookState::NotNeeded), current.count(HookState::Foreign)));
    // The hooks are what still carries a replaced verification string: once none of ours is outdated, it goes.
    if (m_workspace->isRotatingSecret() && current.count(HookState::Outdated) == 0)
        m_workspace->endSecretRotation(QString::fromUtf8(
            QT_TRANSLATE_NOOP("LogMessage", "every hook of ours carries the new verification string")));
    // The same for a site move: MoySklad delivers to the previous path as long as a hook of ours points there.
    if (const std::optional<SiteMove> move = m_workspace->siteMove(); move && !pointsAt(current, move->from))
        m_workspace->endSiteMove(
            QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "every hook of ours points at the new site URL")));
    return current;
}

HookPlan HookSync::plan() const
{
    if (!m_listed)
        return {};
    const Settings &settings = m_workspace->settings();
    return HookPlan::build(m_actual, HookCatalog::wanted(settings.exchange()), settings.ownSites(),
                           m_workspace->siteSecret());
}

std::optional<HookSync::Problem> HookSync::problemBeforeListing() const
{
    if (!m_workspace->hasCredentials())
        return Problem{Blocker::NoCredentials, {}};
    const QString siteUrl = m_workspace->settings().siteUrl();
    const auto site = HookUrl::normalizeSite(siteUrl);
    if (siteUrl.isEmpty() || !site.ok())
        return Problem{Blocker::NoSiteUrl, site.ok() ? QString() : site.error()};
    if (m_workspace->siteSecret().isEmpty())
        return Problem{Blocker::NoSiteSecret, {}};
    const auto fits = HookUrl::validate(site.value(), m_workspace->siteSecret());
    if (!fits.ok())
        return Problem{Blocker::UrlTooLong, fits.error()};
    return std::nullopt;
}

std::optional<HookSync::Problem> HookSync::problemBeforeWriting() const
{
    if (auto problem = problemBeforeListing())
        return problem;
    if (!m_listed)
        return Problem{Blocker::NotListed, {}};
    return std::nullopt;
}

void HookSync::apply(const HookPlan &plan, const ApplyOptions &options, std::function<void(ApplyReport)> done)
{
    m_applier->apply(plan, options, [this, done](ApplyReport report) {
        if (report.writes() == 0 && report.ok()) {
            done(std::move(report));
            return;
        }
        // Whatever went through (all of it, or part before a refusal): the listing follows the account.
        m_workspace->client().listWebhooks(this, [this, done, report](Result<QList<Webhook>, ApiError> hooks) {
            if (hooks.ok())
                adopt(hooks.value());
            done(report);
        });
    });
}
