// SPDX-License-Identifier: GPL-3.0-or-later
// webhooks plan|apply|mode: the module's hooks against the account's, and bringing them in sync.
#include "clicommand.h"
#include "clicontext.h"
#include "common/diagnosticslog.h"
#include "common/secretmasker.h"
#include "hooks/hookapplier.h"
#include "hooks/hookurl.h"
#include "moysklad/moyskladclient.h"
#include "settings/secretgenerator.h"
#include "settings/secretstore.h"
#include "settings/settings.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

const QCommandLineOption updateOwnOption(QStringLiteral("update-own"),
                                         QStringLiteral("webhooks apply: also rewrite our outdated hook URLs."));
const QCommandLineOption
    removeUnwantedOption(QStringLiteral("remove-unwanted"),
                         QStringLiteral("webhooks apply: delete our hooks no longer in the catalog."));

// Site URL checked, verification string loaded (generated and saved on first use), hooks listed: the plan.
void withPlan(CliContext &ctx, std::function<void(MoySkladClient *, HookPlan)> ready)
{
    const QList<QUrl> sites = ctx.settings().ownSites();
    if (sites.isEmpty() || ctx.settings().siteUrl().isEmpty()) {
        ctx.fail(QStringLiteral("site.url is not set: skladhook-cli config set site.url https://your-shop.example/"),
                 2);
        return;
    }
    ctx.withSecret(SecretKey::siteSecret, [&ctx, sites, ready](std::optional<QString> stored) {
        const auto proceed = [&ctx, sites, ready](const QString &secret) {
            const auto fits = HookUrl::validate(sites.first(), secret);
            if (!fits.ok()) {
                ctx.fail(fits.error(), 2);
                return;
            }
            ctx.withClient([&ctx, sites, secret, ready](MoySkladClient *client) {
                client->listWebhooks(&ctx, [&ctx, client, sites, secret,
                                            ready](Result<QList<Webhook>, ApiError> hooks) {
                    if (!hooks.ok()) {
                        ctx.fail(QStringLiteral("cannot list webhooks: %1").arg(hooks.error().toString()));
                        return;
                    }
                    HookPlan plan =
                        HookPlan::build(hooks.value(), HookCatalog::wanted(ctx.settings().exchange()), sites, secret);
                    ctx.log().info(QStringLiteral("hooks"),
                                   QStringLiteral("listed %1 webhooks: %2 in sync, %3 missing, %4 outdated, "
                                                  "%5 disabled, %6 not needed, %7 foreign")
                                       .arg(hooks.value().size())
                                       .arg(plan.count(HookState::InSync))
                                       .arg(plan.count(HookState::Missing))
                                       .arg(plan.count(HookState::Outdated))
                                       .arg(plan.count(HookState::Disabled))
                                       .arg(plan.count(HookState::NotNeeded))
                                       .arg(plan.count(HookState::Foreign)));
                    ready(client, std::move(plan));
                });
            });
        };
        if (stored && !stored->isEmpty()) {
            proceed(*stored);
            return;
        }
        const QString secret = SecretGenerator::verificationString();
        SecretMasker::instance().add(secret);
        ctx.secrets().write(SecretKey::siteSecret, secret, [&ctx, secret, proceed](Result<Done, SecretError> saved) {
            if (!saved.ok()) {
                ctx.fail(QStringLiteral("cannot save the new verification string in %1: %2")
                             .arg(ctx.secrets().description(), saved.error().toString()));
                return;
            }
            ctx.err() << "site.secret was not set: generated a new verification string and saved it in "
                      << ctx.secrets().description() << Qt::endl;
            ctx.log().info(QStringLiteral("settings"),
                           QStringLiteral("site.secret generated and saved in %1").arg(ctx.secrets().description()));
            proceed(secret);
        });
    });
}

void runPlan(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("webhooks plan")))
        return;
    withPlan(ctx, [&ctx](MoySkladClient *, HookPlan plan) {
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

void runApply(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("webhooks apply [--update-own] [--remove-unwanted]")))
        return;
    withPlan(ctx, [&ctx](MoySkladClient *client, HookPlan plan) {
        ApplyOptions options;
        options.updateOwn = ctx.isSet(QStringLiteral("update-own"));
        options.removeUnwanted = ctx.isSet(QStringLiteral("remove-unwanted"));
        auto *applier = new HookApplier(client, &ctx.log(), &ctx);
        applier->apply(plan, options, [&ctx, plan, options](ApplyReport report) {
            for (const QString &line : std::as_const(report.lines))
                ctx.out() << line << '\n';
            if (!report.ok()) {
                // A refusal of our own (before any request) has nothing from MoySklad to quote.
                if (report.error->kind == ApiError::Kind::InvalidInput)
                    ctx.fail(report.explanation, 2);
                else
                    ctx.fail(QStringLiteral("%1 MoySklad said: %2").arg(report.explanation, report.error->toString()));
                return;
            }
            const int outdated = plan.count(HookState::Outdated);
            if (outdated > 0 && !options.updateOwn)
                ctx.out() << outdated
                          << " outdated hook(s) of ours left as they are: add --update-own to rewrite them\n";
            const int unwanted = plan.count(HookState::NotNeeded);
            if (unwanted > 0 && !options.removeUnwanted)
                ctx.out() << unwanted
                          << " hook(s) of ours are no longer needed: add --remove-unwanted to delete them\n";
            ctx.out() << QStringLiteral("%1 created, %2 updated, %3 enabled, %4 deleted")
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
    const QString entity = ctx.arguments().at(0).toLower();
    const QString action = ctx.arguments().at(1).toUpper();
    if (!HookCatalog::isKnown(entity, action)) {
        ctx.fail(QStringLiteral("%1/%2 is not one of the module's hooks").arg(entity, action), 2);
        return;
    }
    const auto mode = parseExecutionMode(ctx.arguments().at(2));
    if (!mode) {
        ctx.fail(QStringLiteral("the mode must be immediate, queued or first-immediate (got '%1')")
                     .arg(ctx.arguments().at(2)),
                 2);
        return;
    }
    ctx.settings().setExecutionMode(entity, action, *mode);
    ctx.finish(0);
}

const CliRegistration plan{{QStringLiteral("webhooks plan"),
                            QString(),
                            QStringLiteral("Show what apply would do, per hook (ours and other applications')."),
                            {},
                            runPlan}};
const CliRegistration apply{{QStringLiteral("webhooks apply"),
                             QString(),
                             QStringLiteral("Create missing hooks and enable our disabled ones."),
                             {updateOwnOption, removeUnwantedOption},
                             runApply}};
const CliRegistration mode{{QStringLiteral("webhooks mode"),
                            QStringLiteral("ENTITY ACTION MODE"),
                            QStringLiteral("Set a hook's execution mode: immediate, queued or first-immediate."),
                            {},
                            runMode}};

} // namespace
