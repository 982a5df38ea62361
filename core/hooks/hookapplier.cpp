// SPDX-License-Identifier: GPL-3.0-or-later
#include "hookapplier.h"

#include "common/diagnosticslog.h"
#include "common/logcategories.h"
#include "hooks/hookerrors.h"
#include "hooks/hookurl.h"
#include "moysklad/moyskladclient.h"

namespace {
const QString category = QStringLiteral("hooks");

QString describe(const Webhook &hook)
{
    return QStringLiteral("%1/%2 → %3").arg(hook.entityType, hook.action, HookUrl::mask(hook.url));
}

// "created customerorder/UPDATE → https://…?key=Xk••••••": one line of an apply's report.
LogText writtenLine(HookWriteKind kind, const QString &entityType, const QString &action, const QString &maskedUrl)
{
    switch (kind) {
    case HookWriteKind::Create:
        return LogText(QT_TRANSLATE_NOOP("LogMessage", "created %1/%2 → %3"), entityType, action, maskedUrl);
    case HookWriteKind::Update:
        return LogText(QT_TRANSLATE_NOOP("LogMessage", "updated %1/%2 → %3"), entityType, action, maskedUrl);
    case HookWriteKind::Enable:
        return LogText(QT_TRANSLATE_NOOP("LogMessage", "enabled %1/%2 → %3"), entityType, action, maskedUrl);
    case HookWriteKind::Delete:
        return LogText(QT_TRANSLATE_NOOP("LogMessage", "deleted %1/%2 → %3"), entityType, action, maskedUrl);
    }
    return {};
}

// What is about to be written, before the first request.
LogText plannedLine(HookWriteKind kind, const QString &hook)
{
    switch (kind) {
    case HookWriteKind::Create:
        return LogText(QT_TRANSLATE_NOOP("LogMessage", "create %1"), hook);
    case HookWriteKind::Update:
        return LogText(QT_TRANSLATE_NOOP("LogMessage", "update %1"), hook);
    case HookWriteKind::Enable:
        return LogText(QT_TRANSLATE_NOOP("LogMessage", "enable %1"), hook);
    case HookWriteKind::Delete:
        return LogText(QT_TRANSLATE_NOOP("LogMessage", "delete %1"), hook);
    }
    return {};
}

ApplyRowResult resultFor(const PlannedWrite &write)
{
    ApplyRowResult result;
    result.kind = write.kind;
    result.entityType = write.hook.entityType;
    result.action = write.hook.action;
    result.id = write.hook.id;
    result.maskedUrl = HookUrl::mask(write.hook.url);
    return result;
}

ApiError refusal(const QString &text)
{
    ApiError error;
    error.kind = ApiError::Kind::InvalidInput;
    error.detail = text;
    return error;
}
} // namespace

QString hookWriteKindName(HookWriteKind kind)
{
    switch (kind) {
    case HookWriteKind::Create:
        return QStringLiteral("create");
    case HookWriteKind::Update:
        return QStringLiteral("update");
    case HookWriteKind::Enable:
        return QStringLiteral("enable");
    case HookWriteKind::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

HookApplier::HookApplier(MoySkladClient *client, DiagnosticsLog *log, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_log(log)
{}

HookWrites HookApplier::writesFor(const HookPlan &plan, const ApplyOptions &options)
{
    HookWrites writes;
    QList<PlannedWrite> deletions;
    const auto save = [&writes](HookWriteKind kind, const Webhook &hook) {
        writes.saves.append(hook);
        writes.planned.append(PlannedWrite{kind, hook});
    };
    for (const HookPlanRow &row : plan.rows()) {
        // Foreign hooks are never written; the check is repeated on the hook itself, not only on the row's state.
        if (row.state == HookState::Foreign || (row.existing && !plan.isOwn(*row.existing)))
            continue;
        switch (row.state) {
        case HookState::Missing:
            if (options.createMissing && !row.desiredUrl.isEmpty()) {
                Webhook hook;
                hook.entityType = row.entityType;
                hook.action = row.action;
                hook.url = row.desiredUrl;
                save(HookWriteKind::Create, hook);
            }
            break;
        case HookState::Outdated: {
            const bool update = options.updateOnly ? options.updateOnly->contains(row.existing->id) : options.updateOwn;
            Webhook hook = *row.existing;
            if (update && !row.desiredUrl.isEmpty()) {
                // One write both rewrites the URL and enables a hook MoySklad disabled.
                hook.url = row.desiredUrl;
                hook.enabled = true;
                save(HookWriteKind::Update, hook);
            } else if (!hook.enabled && options.enableDisabled) {
                hook.enabled = true;
                save(HookWriteKind::Enable, hook);
            }
            break;
        }
        case HookState::Disabled:
            if (options.enableDisabled) {
                Webhook hook = *row.existing;
                hook.enabled = true;
                save(HookWriteKind::Enable, hook);
            }
            break;
        case HookState::NotNeeded:
            if (options.removeUnwanted) {
                writes.deletions.append(*row.existing);
                deletions.append(PlannedWrite{HookWriteKind::Delete, *row.existing});
            }
            break;
        case HookState::InSync:
        case HookState::Foreign:
            break;
        }
    }
    writes.planned.append(deletions);
    return writes;
}

void HookApplier::apply(const HookPlan &plan, const ApplyOptions &options, std::function<void(ApplyReport)> done)
{
    const HookWrites writes = writesFor(plan, options);
    ApplyReport report;
    for (const PlannedWrite &write : writes.planned)
        report.results.append(resultFor(write));
    if (writes.isEmpty()) {
        // "In sync" only when it is true: outdated or unneeded hooks left by these options are not.
        const bool inSync = plan.count(HookState::Outdated) == 0 && plan.count(HookState::NotNeeded) == 0 &&
                            plan.count(HookState::Missing) == 0 && plan.count(HookState::Disabled) == 0;
        report.lines.append(
            inSync ? LogText(QT_TRANSLATE_NOOP("LogMessage", "Nothing to write: the webhooks are in sync."))
                   : LogText(QT_TRANSLATE_NOOP("LogMessage", "Nothing written: these options leave the other "
                                                             "webhooks of ours as they are.")));
        finishWith(report, done);
        return;
    }

    // Checked again here, on what is about to be sent, so that no caller can make the applier write a foreign hook
    // or a URL MoySklad would refuse.
    for (qsizetype i = 0; i < writes.planned.size(); ++i) {
        const Webhook &hook = writes.planned.at(i).hook;
        QString problem;
        if (!plan.isOwn(hook))
            problem = QStringLiteral("%1 is not one of our hooks (another site or application): it is never written.")
                          .arg(describe(hook));
        else if (hook.url.size() > HookUrl::maxLength)
            problem = QStringLiteral("The hook URL for %1/%2 would have %3 characters; MoySklad accepts at most %4. "
                                     "Shorten the site URL (site.url).")
                          .arg(hook.entityType, hook.action)
                          .arg(hook.url.size())
                          .arg(HookUrl::maxLength);
        if (problem.isEmpty())
            continue;
        report.error = refusal(problem);
        for (ApplyRowResult &result : report.results)
            result.message = QStringLiteral("not attempted: the apply was refused before any request");
        report.results[i].message = problem;
        finishWith(report, done);
        return;
    }

    if (m_log) {
        for (const PlannedWrite &write : writes.planned)
            m_log->info(category, plannedLine(write.kind, describe(write.hook)));
    }

    const qsizetype saveCount = writes.saves.size();
    // Result `index` done, or failed with the error's text (the first error of the apply becomes the report's).
    const auto settle = [](ApplyReport &report, qsizetype index, const std::optional<ApiError> &error) {
        ApplyRowResult &result = report.results[index];
        if (error) {
            result.message = error->toString();
            if (!report.error)
                report.error = error;
            return;
        }
        result.ok = true;
        report.lines.append(writtenLine(result.kind, result.entityType, result.action, result.maskedUrl));
        switch (result.kind) {
        case HookWriteKind::Create:
            ++report.created;
            break;
        case HookWriteKind::Update:
            ++report.updated;
            break;
        case HookWriteKind::Enable:
            ++report.enabled;
            break;
        case HookWriteKind::Delete:
            ++report.deleted;
            break;
        }
    };
    // An array request answered 200 may still have refused some of its items: each is settled by its own outcome.
    // A request that failed as a whole fails every item of it.
    const auto settleItems = [settle](ApplyReport &report, qsizetype from, qsizetype to, const auto &outcome) {
        for (qsizetype i = from; i < to; ++i) {
            if (!outcome.ok())
                settle(report, i, outcome.error());
            else if (i - from >= outcome.value().size())
                settle(report, i, ApiError{ApiError::Kind::BadResponse, 200, {}, QStringLiteral("no outcome")});
            else if (const auto &item = outcome.value().at(i - from); !item.ok())
                settle(report, i, item.error());
            else
                settle(report, i, std::nullopt);
        }
    };
    const auto notAttempted = [](ApplyReport &report, qsizetype from) {
        for (qsizetype i = from; i < report.results.size(); ++i)
            report.results[i].message = QStringLiteral("not attempted: an earlier write of this apply failed");
    };

    const auto removeStep = [this, writes, saveCount, settleItems, done](ApplyReport report) {
        if (writes.deletions.isEmpty()) {
            finishWith(report, done);
            return;
        }
        QStringList ids;
        for (const Webhook &hook : writes.deletions)
            ids.append(hook.id);
        m_client->deleteWebhooks(ids, this,
                                 [this, saveCount, settleItems, report,
                                  done](Result<MoySkladClient::ItemResults<Done>, ApiError> deleted) mutable {
                                     settleItems(report, saveCount, report.results.size(), deleted);
                                     finishWith(report, done);
                                 });
    };
    if (writes.saves.isEmpty()) {
        removeStep(report);
        return;
    }
    m_client->saveWebhooks(writes.saves, this,
                           [this, saveCount, settleItems, notAttempted, report, removeStep,
                            done](Result<MoySkladClient::ItemResults<Webhook>, ApiError> saved) mutable {
                               settleItems(report, 0, saveCount, saved);
                               // MoySklad answers the array in the order sent: created hooks get their new ids.
                               for (qsizetype i = 0; saved.ok() && i < saveCount && i < saved.value().size(); ++i) {
                                   if (saved.value().at(i).ok() && report.results[i].id.isEmpty())
                                       report.results[i].id = saved.value().at(i).value().id;
                               }
                               // The first failure ends the apply: nothing is deleted after a save that did not happen.
                               if (report.error) {
                                   notAttempted(report, saveCount);
                                   finishWith(report, done);
                                   return;
                               }
                               removeStep(report);
                           });
}

void HookApplier::finishWith(ApplyReport report, const std::function<void(ApplyReport)> &done)
{
    if (m_log) {
        for (const LogText &line : std::as_const(report.lines))
            m_log->info(category, line);
    }
    if (report.error) {
        report.explanation = HookErrors::explain(*report.error);
        qCWarning(lcHooks) << "apply failed:" << report.error->toString();
        if (m_log)
            m_log->error(category,
                         LogText(QT_TRANSLATE_NOOP("LogMessage", "Applying webhooks failed: %1"), report.explanation),
                         report.error->toString());
    } else {
        qCInfo(lcHooks) << "apply done:" << report.created << "created," << report.updated << "updated,"
                        << report.enabled << "enabled," << report.deleted << "deleted";
    }
    if (done)
        done(std::move(report));
}
