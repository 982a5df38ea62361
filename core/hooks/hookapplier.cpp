// SPDX-License-Identifier: GPL-3.0-or-later
#include "hookapplier.h"

#include "common/logcategories.h"
#include "diagnostics/diagnosticslog.h"
#include "hooks/hookerrors.h"
#include "hooks/hookurl.h"
#include "moysklad/moyskladclient.h"

namespace {
const QString category = QStringLiteral("hooks");

QString describe(const Webhook &hook)
{
    return QStringLiteral("%1/%2 → %3").arg(hook.entityType, hook.action, HookUrl::mask(hook.url));
}
} // namespace

HookApplier::HookApplier(MoySkladClient *client, DiagnosticsLog *log, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_log(log)
{}

HookWrites HookApplier::writesFor(const HookPlan &plan, const ApplyOptions &options)
{
    HookWrites writes;
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
                writes.saves.append(hook);
            }
            break;
        case HookState::Outdated: {
            const bool update = options.updateOnly ? options.updateOnly->contains(row.existing->id) : options.updateOwn;
            Webhook hook = *row.existing;
            if (update && !row.desiredUrl.isEmpty()) {
                hook.url = row.desiredUrl;
                hook.enabled = true;
                writes.saves.append(hook);
            } else if (!hook.enabled && options.enableDisabled) {
                hook.enabled = true;
                writes.saves.append(hook);
            }
            break;
        }
        case HookState::Disabled:
            if (options.enableDisabled) {
                Webhook hook = *row.existing;
                hook.enabled = true;
                writes.saves.append(hook);
            }
            break;
        case HookState::NotNeeded:
            if (options.removeUnwanted)
                writes.deletions.append(*row.existing);
            break;
        case HookState::InSync:
        case HookState::Foreign:
            break;
        }
    }
    return writes;
}

void HookApplier::apply(const HookPlan &plan, const ApplyOptions &options, std::function<void(ApplyReport)> done)
{
    const HookWrites writes = writesFor(plan, options);
    ApplyReport report;
    if (writes.isEmpty()) {
        report.lines.append(QStringLiteral("Nothing to write: the webhooks are in sync."));
        finishWith(report, done);
        return;
    }
    // Count what each save is, from the plan, before sending.
    QHash<QString, QString> kindOfUpdate; // id → "updated" | "enabled"
    for (const HookPlanRow &row : plan.rows()) {
        if (row.existing)
            kindOfUpdate.insert(row.existing->id, row.state == HookState::Disabled ? QStringLiteral("enabled")
                                                                                   : QStringLiteral("updated"));
    }
    const auto removeStep = [this, writes, done](ApplyReport report) {
        if (writes.deletions.isEmpty()) {
            finishWith(report, done);
            return;
        }
        QStringList ids;
        for (const Webhook &hook : writes.deletions)
            ids.append(hook.id);
        m_client->deleteWebhooks(ids, this, [this, writes, report, done](Result<Done, ApiError> result) mutable {
            if (!result.ok()) {
                report.error = result.error();
            } else {
                for (const Webhook &hook : writes.deletions) {
                    ++report.deleted;
                    report.lines.append(QStringLiteral("deleted %1").arg(describe(hook)));
                }
            }
            finishWith(report, done);
        });
    };
    if (writes.saves.isEmpty()) {
        removeStep(report);
        return;
    }
    m_client->saveWebhooks(
        writes.saves, this,
        [this, writes, kindOfUpdate, report, removeStep, done](Result<QList<Webhook>, ApiError> result) mutable {
            if (!result.ok()) {
                report.error = result.error();
                finishWith(report, done);
                return;
            }
            for (const Webhook &hook : writes.saves) {
                if (hook.href.isEmpty()) {
                    ++report.created;
                    report.lines.append(QStringLiteral("created %1").arg(describe(hook)));
                } else if (kindOfUpdate.value(hook.id) == QLatin1String("enabled")) {
                    ++report.enabled;
                    report.lines.append(QStringLiteral("enabled %1").arg(describe(hook)));
                } else {
                    ++report.updated;
                    report.lines.append(QStringLiteral("updated %1").arg(describe(hook)));
                }
            }
            removeStep(report);
        });
}

void HookApplier::finishWith(ApplyReport report, const std::function<void(ApplyReport)> &done)
{
    if (m_log) {
        for (const QString &line : std::as_const(report.lines))
            m_log->info(category, line);
    }
    if (report.error) {
        report.explanation = HookErrors::explain(*report.error);
        qCWarning(lcHooks) << "apply failed:" << report.error->toString();
        if (m_log)
            m_log->error(category, QStringLiteral("Applying webhooks failed: %1").arg(report.explanation),
                         report.error->toString());
    } else {
        qCInfo(lcHooks) << "apply done:" << report.created << "created," << report.updated << "updated,"
                        << report.enabled << "enabled," << report.deleted << "deleted";
    }
    if (done)
        done(std::move(report));
}
