// SPDX-License-Identifier: GPL-3.0-or-later
#include "hookhealth.h"

#include "common/clock.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "settings/settings.h"
#include "store/servicestate.h"
#include "store/storewriter.h"
#include "workspace/hooksync.h"
#include "workspace/workspace.h"

#include <algorithm>

namespace {
const QString hookHealthCategory = QStringLiteral("hooks");
const QString lastCheckKey = QStringLiteral("hooks.lastCheck");
const QString issuesKey = QStringLiteral("hooks.issues");

// service_state's form of the issues: one line per hook, "<entity>/<action> <state>[ repaired]".
QString encode(const QList<HookIssue> &issues)
{
    QStringList lines;
    for (const HookIssue &issue : issues)
        lines.append(issue.key() + QLatin1Char(' ') + hookStateName(issue.state) +
                     (issue.repaired ? QStringLiteral(" repaired") : QString()));
    return lines.join(QLatin1Char('\n'));
}

QList<HookIssue> decode(const QString &text)
{
    QList<HookIssue> issues;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QStringList key = words.value(0).split(QLatin1Char('/'));
        if (key.size() != 2 || words.size() < 2)
            continue;
        HookIssue issue;
        issue.entityType = key.at(0);
        issue.action = key.at(1);
        issue.state = words.at(1) == hookStateName(HookState::Missing) ? HookState::Missing : HookState::Disabled;
        issue.repaired = words.value(2) == QLatin1String("repaired");
        issues.append(issue);
    }
    return issues;
}

bool sameFinding(const HookIssue &a, const HookIssue &b)
{
    return a.key() == b.key() && a.state == b.state;
}
} // namespace

HookHealth::HookHealth(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_sync(new HookSync(workspace, this))
{
    connect(&m_timer, &QTimer::timeout, this, &HookHealth::checkNow);
    // A new token gets its check at once, and whatever it meets is said again.
    connect(workspace, &Workspace::tokenChanged, this, [this] {
        m_said.clear();
        if (isRunning())
            QTimer::singleShot(0, this, &HookHealth::checkNow);
    });
}

HookHealth::~HookHealth() = default;

void HookHealth::start()
{
    m_timer.setInterval(std::max(m_workspace->settings().value(SettingKey::HooksCheckInterval).toInt(), 1) * 1000);
    m_timer.start();
    checkNow();
}

void HookHealth::stop()
{
    m_timer.stop();
}

void HookHealth::setIntervalSeconds(int seconds)
{
    const int ms = std::max(seconds, 1) * 1000;
    if (m_timer.interval() == ms)
        return;
    m_timer.setInterval(ms); // restarts an active timer: the next check is one new interval away
}

void HookHealth::checkNow()
{
    // Services sharing a store check its hooks once: the one that leads does.
    if (m_checking || !m_timer.isActive() || !m_workspace->leadsPeriodicJobs())
        return;
    // A token MoySklad refused would be refused again: the hold already says what to do, once.
    if (m_workspace->isTokenRejected()) {
        sayOnce(LogText(QT_TRANSLATE_NOOP("LogMessage", "Hooks are not checked: MoySklad refused the API token. They "
                                                        "are checked again once a working token is saved")),
                true);
        return;
    }
    if (const auto problem = m_sync->problemBeforeListing()) {
        LogText why(QT_TRANSLATE_NOOP("LogMessage", "Hooks are not checked: %1"), problem->detail);
        switch (problem->blocker) {
        case HookSync::Blocker::NoCredentials:
            why = LogText(QT_TRANSLATE_NOOP("LogMessage", "Hooks are not checked: no API token yet"));
            break;
        case HookSync::Blocker::NoSiteUrl:
            why = LogText(QT_TRANSLATE_NOOP("LogMessage", "Hooks are not checked: no site URL (site.url)"));
            break;
        case HookSync::Blocker::NoSiteSecret:
            why = LogText(QT_TRANSLATE_NOOP("LogMessage", "Hooks are not checked: no verification string yet"));
            break;
        case HookSync::Blocker::UrlTooLong:
        case HookSync::Blocker::NotListed:
            break;
        }
        sayOnce(why, false);
        return;
    }
    m_checking = true;
    m_sync->list([this](Result<HookPlan, ApiError> listed) { onListed(std::move(listed)); },
                 HookSync::ListingLog::Silent);
}

void HookHealth::onListed(Result<HookPlan, ApiError> listed)
{
    if (!listed.ok()) {
        m_checking = false;
        if (listed.error().kind == ApiError::Kind::Unauthorized) {
            sayOnce(
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Hooks are not checked: MoySklad refused the API token. They "
                                                        "are checked again once a working token is saved")),
                true);
            m_workspace->reportTokenRejected();
            return;
        }
        sayOnce(LogText(QT_TRANSLATE_NOOP("LogMessage", "Hooks could not be checked: %1"), listed.error().toString()),
                true);
        return;
    }
    const HookPlan &plan = listed.value();
    const bool anyOurs = std::any_of(plan.rows().cbegin(), plan.rows().cend(), [](const HookPlanRow &row) {
        return row.existing && row.state != HookState::Foreign;
    });
    if (!anyOurs) {
        // Nothing was ever applied (or everything of ours was deleted on purpose): nothing to keep working.
        sayOnce(LogText(QT_TRANSLATE_NOOP("LogMessage", "No hook of ours is installed in MoySklad: nothing to check "
                                                        "until the hooks are applied")),
                false);
        finish({});
        return;
    }
    m_said.clear();
    QList<HookIssue> issues;
    for (const HookPlanRow &row : plan.rows()) {
        const bool disabled = row.state == HookState::Disabled ||
                              (row.state == HookState::Outdated && row.existing && !row.existing->enabled);
        if (disabled || row.state == HookState::Missing)
            issues.append(HookIssue{row.entityType, row.action, disabled ? HookState::Disabled : HookState::Missing});
    }
    logFindings(issues);
    const bool repairable = std::any_of(plan.rows().cbegin(), plan.rows().cend(), [](const HookPlanRow &row) {
        return row.state == HookState::Disabled || row.state == HookState::Missing;
    });
    if (repairable && m_workspace->settings().value(SettingKey::HooksAutoRepair) == QLatin1String("on")) {
        repair(plan, issues);
        return;
    }
    finish(issues);
}

void HookHealth::logFindings(const QList<HookIssue> &issues) const
{
    const bool autoRepair = m_workspace->settings().value(SettingKey::HooksAutoRepair) == QLatin1String("on");
    for (const HookIssue &issue : issues) {
        // Said when found, not again at every interval while it stays so.
        if (std::any_of(m_issues.cbegin(), m_issues.cend(),
                        [&issue](const HookIssue &known) { return sameFinding(known, issue) && !known.repaired; }))
            continue;
        const bool missing = issue.state == HookState::Missing;
        const char *message =
            autoRepair
                ? (missing ? QT_TRANSLATE_NOOP("LogMessage", "The hook %1 of ours is gone from MoySklad (deleted by "
                                                             "a person or by MoySklad): its changes are not "
                                                             "delivered")
                           : QT_TRANSLATE_NOOP("LogMessage", "The hook %1 of ours is disabled in MoySklad (by "
                                                             "MoySklad after failed deliveries, or by a person): "
                                                             "its changes are not delivered"))
                : (missing ? QT_TRANSLATE_NOOP("LogMessage", "The hook %1 of ours is gone from MoySklad (deleted by "
                                                             "a person or by MoySklad): its changes are not "
                                                             "delivered. hooks.autoRepair is off: apply the "
                                                             "webhooks to repair it")
                           : QT_TRANSLATE_NOOP("LogMessage", "The hook %1 of ours is disabled in MoySklad (by "
                                                             "MoySklad after failed deliveries, or by a person): "
                                                             "its changes are not delivered. hooks.autoRepair is "
                                                             "off: apply the webhooks to repair it"));
        m_workspace->log().write(
            LogEntry::warning(hookHealthCategory, LogText(message, issue.key())).withHook(issue.key()));
    }
    const bool hadOpenIssues =
        std::any_of(m_issues.cbegin(), m_issues.cend(), [](const HookIssue &known) { return !known.repaired; });
    if (issues.isEmpty() && hadOpenIssues)
        m_workspace->log().info(
            hookHealthCategory,
            LogText(QT_TRANSLATE_NOOP("LogMessage", "Every hook of ours is enabled in MoySklad again")));
}

void HookHealth::repair(const HookPlan &plan, QList<HookIssue> issues)
{
    // Enables and creates only: an outdated URL is rewritten when a person applies it, never behind their back.
    ApplyOptions options;
    options.createMissing = true;
    options.enableDisabled = true;
    options.updateOwn = false;
    options.removeUnwanted = false;
    m_sync->apply(plan, options, [this, issues](ApplyReport report) mutable {
        QStringList repaired;
        for (const ApplyRowResult &result : report.results) {
            if (!result.ok || (result.kind != HookWriteKind::Create && result.kind != HookWriteKind::Enable))
                continue;
            for (HookIssue &issue : issues) {
                if (issue.entityType == result.entityType && issue.action == result.action && !issue.repaired) {
                    issue.repaired = true;
                    const char *message =
                        result.kind == HookWriteKind::Create
                            ? QT_TRANSLATE_NOOP("LogMessage", "The hook %1 of ours was created again")
                            : QT_TRANSLATE_NOOP("LogMessage", "The hook %1 of ours was enabled again");
                    m_workspace->log().write(
                        LogEntry::info(hookHealthCategory, LogText(message, issue.key())).withHook(issue.key()));
                    repaired.append(issue.key());
                    break;
                }
            }
        }
        if (!report.ok()) {
            if (report.error->kind == ApiError::Kind::Unauthorized)
                m_workspace->reportTokenRejected();
            m_workspace->log().warning(
                hookHealthCategory,
                LogText(QT_TRANSLATE_NOOP("LogMessage", "The hooks of ours could not all be repaired")),
                report.explanation.isEmpty() ? report.error->toString() : report.explanation);
        }
        finish(issues);
        if (!repaired.isEmpty()) {
            m_workspace->log().info(
                hookHealthCategory,
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Repaired %1 hook(s) of ours: %2; changes made "
                                                        "in MoySklad while they were off need a "
                                                        "catch-up sync"),
                        repaired.size(), repaired.join(QStringLiteral(", "))));
            Q_EMIT hooksRepaired();
        }
    });
}

void HookHealth::finish(QList<HookIssue> issues)
{
    m_checking = false;
    m_lastCheck = m_workspace->clock().utcNow();
    m_issues = std::move(issues);
    saveState();
    Q_EMIT checked();
}

void HookHealth::sayOnce(const LogText &message, bool warning)
{
    if (message.english() == m_said)
        return;
    m_said = message.english();
    if (warning)
        m_workspace->log().warning(hookHealthCategory, message);
    else
        m_workspace->log().info(hookHealthCategory, message);
}

void HookHealth::saveState() const
{
    const QList<std::pair<QString, QString>> values{
        {lastCheckKey, m_lastCheck.toString(Qt::ISODateWithMs)},
        {issuesKey, encode(m_issues)},
    };
    const QDateTime at = m_lastCheck;
    m_workspace->writer().submit([values, at](QSqlDatabase &db) { return ServiceState::write(db, values, at); });
}

HookHealth::Snapshot HookHealth::readSnapshot(QSqlDatabase &db)
{
    const QHash<QString, QString> values = ServiceState::read(db);
    Snapshot snapshot;
    snapshot.lastCheck = QDateTime::fromString(values.value(lastCheckKey), Qt::ISODateWithMs);
    snapshot.issues = decode(values.value(issuesKey));
    return snapshot;
}
