// SPDX-License-Identifier: GPL-3.0-or-later
// ping: a test delivery to every hook URL of ours, through whatever stands between MoySklad and the receiver.
#include "clicommand.h"
#include "clicontext.h"
#include "settings/secretstore.h"
#include "workspace/testdelivery.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

QJsonObject toJson(const TestDeliveryTarget &target)
{
    QJsonArray steps;
    for (const TestDeliveryStep &step : target.steps)
        steps.append(QJsonObject{{QStringLiteral("step"), TestDeliveryStep::name(step.kind)},
                                 {QStringLiteral("ok"), step.ok},
                                 {QStringLiteral("skipped"), step.skipped},
                                 {QStringLiteral("detail"), step.detail},
                                 {QStringLiteral("elapsedMs"), step.elapsedMs}});
    return QJsonObject{{QStringLiteral("url"), target.url},
                       {QStringLiteral("hook"), target.hook},
                       {QStringLiteral("ok"), target.ok()},
                       {QStringLiteral("steps"), steps}};
}

void printStep(CliContext &ctx, const TestDeliveryStep &step)
{
    const QString mark = step.skipped ? QCoreApplication::translate("CliPing", "skip")
                         : step.ok    ? QCoreApplication::translate("CliPing", "ok")
                                      : QCoreApplication::translate("CliPing", "FAIL");
    const QString took = step.skipped
                             ? QString()
                             : QLatin1Char(' ') + QCoreApplication::translate("CliPing", "(%1 ms)").arg(step.elapsedMs);
    ctx.out() << QStringLiteral("  %1 %2 %3%4\n")
                     .arg(mark, -4)
                     .arg(TestDeliveryStep::name(step.kind), -8)
                     .arg(step.detail, took);
}

void runPing(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("ping")))
        return;
    Workspace *ws = ctx.workspace();
    if (!ws)
        return;
    ws->loadSecrets(Workspace::MissingSiteSecret::Leave, [&ctx, ws](std::optional<SecretError> error) {
        if (error) {
            ctx.fail(QCoreApplication::translate("CliPing", "cannot read the verification string from %1: %2")
                         .arg(ws->secretStore().shownDescription(), error->toString()));
            return;
        }
        auto *ping = new TestDelivery(ws, &ctx);
        if (const std::optional<QString> problem = ping->problem()) {
            ctx.fail(*problem, 2);
            return;
        }
        if (!ctx.json()) {
            // Step by step as they finish: a slow resolver or a silent firewall shows where it waits.
            QObject::connect(ping, &TestDelivery::targetStarted, &ctx,
                             [&ctx](int, const QString &url, const QString &hook) {
                                 ctx.out() << hook << ' ' << url << '\n';
                                 ctx.out().flush();
                             });
            QObject::connect(ping, &TestDelivery::stepFinished, &ctx, [&ctx](int, const TestDeliveryStep &step) {
                printStep(ctx, step);
                ctx.out().flush();
            });
        }
        ping->run([&ctx](const TestDeliveryReport &report) {
            if (ctx.json()) {
                QJsonArray targets;
                for (const TestDeliveryTarget &target : report.targets)
                    targets.append(toJson(target));
                ctx.printJson(QJsonDocument(
                    QJsonObject{{QStringLiteral("ok"), report.ok()}, {QStringLiteral("targets"), targets}}));
            } else {
                int failed = 0;
                for (const TestDeliveryTarget &target : report.targets)
                    failed += target.ok() ? 0 : 1;
                ctx.out() << (failed == 0
                                  ? QCoreApplication::translate("CliPing", "Every hook URL reached the receiver (%1).")
                                        .arg(report.targets.size())
                                  : QCoreApplication::translate("CliPing", "%1 of %n hook URL(s) failed.", nullptr,
                                                                int(report.targets.size()))
                                        .arg(failed))
                          << '\n';
                ctx.out().flush();
            }
            ctx.finish(report.ok() ? 0 : 1);
        });
    });
}

const CliRegistration registration{
    {QStringLiteral("ping"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Send a test delivery to every hook URL (through the proxy or "
                                                    "tunnel) and report each step; never creates a task.")),
     {},
     runPing}};

} // namespace
