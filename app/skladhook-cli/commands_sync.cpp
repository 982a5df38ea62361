// SPDX-License-Identifier: GPL-3.0-or-later
// sync [--since]: the store catches up with MoySklad now.
#include "clicommand.h"
#include "clicontext.h"
#include "moysklad/moscowtime.h"
#include "workspace/catchupscheduler.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace {

const QString sinceOption = QStringLiteral("since");

void printReport(CliContext &ctx, const CatchUpSync::Report &report)
{
    if (ctx.json()) {
        ctx.printJson(QJsonDocument(report.toJson()));
        return;
    }
    ctx.out() << QCoreApplication::translate("CliSync", "Window:   %1 – %2 (Moscow time)")
                     .arg(MoscowTime::format(report.since), MoscowTime::format(report.until))
              << '\n';
    for (auto it = report.byType.cbegin(); it != report.byType.cend(); ++it) {
        ctx.out() << QCoreApplication::translate("CliSync", "%1 %2 fetched, %3 applied, %4 marked deleted, %5 requests")
                         .arg(it.key() + QLatin1Char(':'), -15)
                         .arg(it.value().fetched)
                         .arg(it.value().applied)
                         .arg(it.value().deleted)
                         .arg(it.value().requests)
                  << '\n';
    }
    ctx.out() << QCoreApplication::translate("CliSync",
                                             "Total:          %1 fetched, %2 applied, %3 marked deleted, %4 requests")
                     .arg(report.total.fetched)
                     .arg(report.total.applied)
                     .arg(report.total.deleted)
                     .arg(report.total.requests)
              << '\n';
    ctx.out().flush();
}

void runSync(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("sync [--since \"YYYY-MM-DD HH:MM:SS\"]")))
        return;
    std::optional<QDateTime> since;
    if (!ctx.readSince(QCoreApplication::translate("CliSync", "--since '%1': expected \"YYYY-MM-DD HH:MM:SS\" (Moscow "
                                                              "time, as MoySklad writes it)"),
                       since))
        return;
    ctx.withClient([&ctx, since](MoySkladClient *) {
        CatchUpScheduler &catchUp = ctx.workspace()->catchUp();
        if (!ctx.json()) {
            QObject::connect(&catchUp, &CatchUpScheduler::progress, &ctx, [&ctx](const CatchUpSync::Progress &p) {
                ctx.err() << QCoreApplication::translate("CliSync", "%1: %2 fetched, %3 pages left")
                                 .arg(p.entityType)
                                 .arg(p.fetched)
                                 .arg(p.pagesLeft)
                          << Qt::endl;
            });
        }
        QObject::connect(&catchUp, &CatchUpScheduler::finished, &ctx, [&ctx](const CatchUpSync::Report &report) {
            printReport(ctx, report);
            if (report.ok)
                ctx.finish(0);
            else if (report.unauthorized)
                ctx.fail(QCoreApplication::translate("CliSync", "MoySklad refused the API token (%1): save a working "
                                                                "one with 'skladhook-cli config set api.token -'")
                             .arg(report.error));
            else
                ctx.fail(QCoreApplication::translate("CliSync",
                                                     "the sync stopped: %1 (what was applied stays; run it again)")
                             .arg(report.error));
        });
        const auto started =
            catchUp.runNow(since, QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "from the command line")));
        if (!started.ok())
            ctx.fail(started.error());
    });
}

const CliRegistration registration{
    {QStringLiteral("sync"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Catch up with MoySklad now: apply every handled document changed "
                                                    "since the store was last known complete (or since --since), and "
                                                    "mark the deleted ones.")),
     {QCommandLineOption(sinceOption,
                         QString::fromUtf8(QT_TRANSLATE_NOOP(
                             "CliHelp", "Fetch what changed since this moment, Moscow time, as MoySklad writes it.")),
                         QStringLiteral("YYYY-MM-DD HH:MM:SS"))},
     runSync}};

} // namespace
