// SPDX-License-Identifier: GPL-3.0-or-later
// webhooks plan|apply|mode: the module's hooks against the account's, and bringing them in sync.
#include "clicommand.h"
#include "clicontext.h"
#include "common/diagnosticslog.h"
#include "common/secretmasker.h"
#include "hooks/hookurl.h"
#include "settings/settings.h"
#include "workspace/hooksync.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

const QCommandLineOption updateOwnOption(
    QStringLiteral("update-own"),
    QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "webhooks apply: also rewrite our outdated hook URLs.")));
const QCommandLineOption removeUnwantedOption(
    QStringLiteral("remove-unwanted"),
    QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "webhooks apply: delete our hooks no longer in the catalog.")));

QString problemText(const HookSync::Problem &problem)
{
    switch (problem.blocker) {
    case HookSync::Blocker::NoCredentials:
        return CliContext::noCredentials();
    case HookSync::Blocker::NoSiteUrl:
        return QCoreApplication::translate(
            "CliWebhooks", "site.url is not set: skladhook-cli config set site.url https://your-shop.example/");
    case HookSync::Blocker::NoSiteSecret:
        return QCoreApplication::translate("CliWebhooks",
                                           "site.secret is not set: skladhook-cli config set site.secret VALUE");
    case HookSync::Blocker::UrlTooLong:
    case HookSync::Blocker::NotListed:
        break;
    }
    return problem.detail;
}

// Secrets loaded (a missing verification string generated and saved, as on the GUI's first start), the site URL
// and the hook URLs checked, the hooks listed: the plan.
void withPlan(CliContext &ctx, std::function<void(HookSync *, HookPlan)> ready)
{
    Workspace *ws = ctx.workspace();
    QObject::connect(ws, &Workspace::siteSecretGenerated, &ctx, [&ctx, ws] {
        ctx.err() << QCoreApplication::translate(
                         "CliWebhooks",
                         "site.secret was not set: generated a new verification string and saved it in %1")
                         .arg(ws->secretStore().shownDescription())
                  << Qt::endl;
    });
    ws->loadSecrets(Workspace::MissingSiteSecret::Generate, [&ctx, ws, ready](std::optional<SecretError> error) {
        if (error && (ws->siteSecret().isEmpty() || !ws->hasCredentials())) {
            ctx.fail(QCoreApplication::translate("CliWebhooks", "cannot read the secrets from %1: %2")
                         .arg(ws->secretStore().shownDescription(), error->toString()));
            return;
        }
        auto *sync = new HookSync(ws, &ctx);
        if (const auto problem = sync->problemBeforeListing()) {
            ctx.fail(problemText(*problem), problem->blocker == HookSync::Blocker::NoCredentials ? 1 : 2);
            return;
        }
        sync->list([&ctx, sync, ready](Result<HookPlan, ApiError> plan) {
            if (!plan.ok()) {
                ctx.fail(QCoreApplication::translate("CliWebhooks", "cannot list webhooks: %1")
                             .arg(plan.error().toString()));
                return;
            }
            ready(sync, plan.value());
        });
    });
}

void runPlan(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("webhooks plan")))
        return;
    withPlan(ctx, [&ctx](HookSync *, HookPlan plan) {
        QJsonArray array;
        for (const HookPlanRow &row : plan.rows()) {
            const QString mode =
                row.ours() ? executionModeName(ctx.settings().executionMode(row.entityType, row.action)) : QString();
            if (ctx.json()) {
                array.append(QJsonObject{
                    {QStringLiteral("id"), row.existing ? row.existing->id : QString()},
                    {QStringLiteral("entityType"), row.entityType},
                    {QStringLiteral("action"), row.action},
                    {QStringLiteral("url"), HookUrl::mask(row.url())},
                    {QStringLiteral("enabled"), row.existing ? row.existing->enabled : false},
                    {QStringLiteral("owner"), row.ours() ? QStringLiteral("ours") : QStringLiteral("foreign")},
                    {QStringLiteral("state"), hookStateName(row.state)},
                    {QStringLiteral("mandatory"), row.mandatory},
                    {QStringLiteral("mode"), mode.isEmpty() ? QJsonValue() : QJsonValue(mode)}});
            } else {
                ctx.out() << QStringLiteral("%1  %2  %3  %4  %5\n")
                                 .arg(row.key(), -22)
                                 .arg(hookStateName(row.state), -10)
                                 .arg(row.ours() ? QStringLiteral("ours") : QStringLiteral("foreign"), -7)
                                 .arg(mode, -15)
                                 .arg(HookUrl::mask(row.url()));
            }
        }
        if (ctx.json())
            ctx.printJson(QJsonDocument(array));
        ctx.finish(0);
    });
}

// {"ok", "created", "updated", "enabled", "deleted", "outdatedLeft", "unneededLeft", "results": [{"kind", "hook",
// "id", "url", "ok", "message"}][, "reason", "error"]}; exit codes as the plain output's.
void printApplyJson(CliContext &ctx, const ApplyReport &report, const HookPlan &plan, const ApplyOptions &options)
{
    QJsonArray results;
    for (const ApplyRowResult &result : report.results)
        results.append(
            QJsonObject{{QStringLiteral("kind"), hookWriteKindName(result.kind)},
                        {QStringLiteral("hook"), QString(result.entityType + QLatin1Char('/') + result.action)},
                        {QStringLiteral("id"), result.id},
                        {QStringLiteral("url"), result.maskedUrl},
                        {QStringLiteral("ok"), result.ok},
                        {QStringLiteral("message"), result.message}});
    QJsonObject object{{QStringLiteral("ok"), report.ok()},
                       {QStringLiteral("created"), report.created},
                       {QStringLiteral("updated"), report.updated},
                       {QStringLiteral("enabled"), report.enabled},
                       {QStringLiteral("deleted"), report.deleted},
                       {QStringLiteral("outdatedLeft"), options.updateOwn ? 0 : plan.count(HookState::Outdated)},
                       {QStringLiteral("unneededLeft"), options.removeUnwanted ? 0 : plan.count(HookState::NotNeeded)},
                       {QStringLiteral("results"), results}};
    if (!report.ok()) {
        object.insert(QStringLiteral("reason"), report.explanation);
        object.insert(QStringLiteral("error"), report.error->toString());
    }
    ctx.printJson(QJsonDocument(object));
    ctx.finish(report.ok() ? 0 : report.error->kind == ApiError::Kind::InvalidInput ? 2 : 1);
}

void runApply(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("webhooks apply [--update-own] [--remove-unwanted]")))
        return;
    withPlan(ctx, [&ctx](HookSync *sync, HookPlan plan) {
        ApplyOptions options;
        options.updateOwn = ctx.isSet(QStringLiteral("update-own"));
        options.removeUnwanted = ctx.isSet(QStringLiteral("remove-unwanted"));
        sync->apply(plan, options, [&ctx, plan, options](ApplyReport report) {
            if (ctx.json()) {
                printApplyJson(ctx, report, plan, options);
                return;
            }
            for (const LogText &line : std::as_const(report.lines))
                ctx.out() << line.translated() << '\n';
            if (!report.ok()) {
                // A refusal of our own (before any request) has nothing from MoySklad to quote.
                if (report.error->kind == ApiError::Kind::InvalidInput)
                    ctx.fail(report.explanation, 2);
                else
                    ctx.fail(QCoreApplication::translate("CliWebhooks", "%1 MoySklad said: %2")
                                 .arg(report.explanation, report.error->toString()));
                return;
            }
            const int outdated = plan.count(HookState::Outdated);
            if (outdated > 0 && !options.updateOwn)
                ctx.out() << QCoreApplication::translate(
                                 "CliWebhooks",
                                 "%n outdated hook(s) of ours left as they are: add --update-own to rewrite them",
                                 nullptr, outdated)
                          << '\n';
            const int unwanted = plan.count(HookState::NotNeeded);
            if (unwanted > 0 && !options.removeUnwanted)
                ctx.out() << QCoreApplication::translate(
                                 "CliWebhooks",
                                 "%n hook(s) of ours are no longer needed: add --remove-unwanted to delete them",
                                 nullptr, unwanted)
                          << '\n';
            ctx.out() << QCoreApplication::translate("CliWebhooks", "%1 created, %2 updated, %3 enabled, %4 deleted")
                             .arg(report.created)
                             .arg(report.updated)
                             .arg(report.enabled)
                             .arg(report.deleted)
                      << Qt::endl;
            ctx.finish(0);
        });
    });
}

void runMode(CliContext &ctx)
{
    if (!ctx.expectArguments(3, QStringLiteral("webhooks mode ENTITY ACTION immediate|queued|first-immediate")))
        return;
    const auto spec = HookCatalog::find(ctx.arguments().at(0), ctx.arguments().at(1));
    if (!spec) {
        ctx.fail(QCoreApplication::translate("CliWebhooks", "%1/%2 is not one of the module's hooks")
                     .arg(ctx.arguments().at(0).toLower(), ctx.arguments().at(1).toUpper()),
                 2);
        return;
    }
    const auto mode = parseExecutionMode(ctx.arguments().at(2));
    if (!mode) {
        ctx.fail(QCoreApplication::translate("CliWebhooks",
                                             "the mode must be immediate, queued or first-immediate (got '%1')")
                     .arg(ctx.arguments().at(2)),
                 2);
        return;
    }
    ctx.settings().setExecutionMode(spec->entityType, spec->action, *mode);
    if (ctx.json())
        ctx.printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("hook"), spec->key()}, {QStringLiteral("mode"), executionModeName(*mode)}}));
    ctx.finish(0);
}

const CliRegistration plan{{QStringLiteral("webhooks plan"),
                            QString(),
                            QString::fromUtf8(QT_TRANSLATE_NOOP(
                                "CliHelp", "Show what apply would do, per hook (ours and other applications').")),
                            {},
                            runPlan}};
const CliRegistration apply{
    {QStringLiteral("webhooks apply"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Create missing hooks and enable our disabled ones.")),
     {updateOwnOption, removeUnwantedOption},
     runApply}};
const CliRegistration mode{{QStringLiteral("webhooks mode"),
                            QStringLiteral("ENTITY ACTION MODE"),
                            QString::fromUtf8(QT_TRANSLATE_NOOP(
                                "CliHelp", "Set a hook's execution mode: immediate, queued or first-immediate.")),
                            {},
                            runMode}};

} // namespace
