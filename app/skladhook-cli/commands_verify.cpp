// SPDX-License-Identifier: GPL-3.0-or-later
// verify: the proof that the shop store follows MoySklad, every document of each handled type compared by id and
// `updated` (ConvergenceCheck).
#include "clicommand.h"
#include "clicontext.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "moysklad/moscowtime.h"
#include "settings/settings.h"
#include "store/storewriter.h"
#include "sync/convergencecheck.h"
#include "workspace/catchupscheduler.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace {

const QCommandLineOption sinceOption(
    QStringLiteral("since"),
    QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "verify: only the documents updated in MoySklad at or after MOMENT, "
                                                   "Moscow time as MoySklad shows it: \"YYYY-MM-DD HH:MM:SS\".")),
    QStringLiteral("MOMENT"));
// 1 says "differences found"; a comparison that could not be made says so with another code.
constexpr int failureExitCode = 3;
constexpr int shownIds = 10;

QString idLine(const QString &entityType, const QString &what, int count, const QStringList &ids)
{
    const QStringList shown = ids.mid(0, shownIds);
    return QStringLiteral("%1 %2: %3%4")
        .arg(entityType, what, shown.join(QStringLiteral(", ")),
             count > shown.size()
                 ? QLatin1Char(' ') +
                       QCoreApplication::translate("CliVerify", "… and %1 more").arg(count - shown.size())
                 : QString());
}

void printTable(QTextStream &out, const ConvergenceCheck::Report &report)
{
    if (report.since)
        out << QCoreApplication::translate("CliVerify",
                                           "Documents updated in MoySklad since %1 (Moscow time); extra is judged only "
                                           "among stored documents updated since then.")
                   .arg(MoscowTime::format(*report.since))
            << '\n';
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(QCoreApplication::translate("CliVerify", "TYPE"), -14)
               .arg(QCoreApplication::translate("CliVerify", "MOYSKLAD"), 9)
               .arg(QCoreApplication::translate("CliVerify", "STORE"), 9)
               .arg(QCoreApplication::translate("CliVerify", "MISSING"), 8)
               .arg(QCoreApplication::translate("CliVerify", "STALE"), 8)
               .arg(QCoreApplication::translate("CliVerify", "EXTRA"), 8);
    for (const ConvergenceCheck::TypeReport &type : report.types)
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(type.entityType, -14)
                   .arg(type.moysklad, 9)
                   .arg(type.store, 9)
                   .arg(type.missing, 8)
                   .arg(type.stale, 8)
                   .arg(type.extra, 8);
    QStringList lines;
    for (const ConvergenceCheck::TypeReport &type : report.types) {
        if (type.missing > 0)
            lines.append(idLine(type.entityType, QCoreApplication::translate("CliVerify", "missing"), type.missing,
                                type.missingIds));
        if (type.stale > 0)
            lines.append(
                idLine(type.entityType, QCoreApplication::translate("CliVerify", "stale"), type.stale, type.staleIds));
        if (type.extra > 0)
            lines.append(
                idLine(type.entityType, QCoreApplication::translate("CliVerify", "extra"), type.extra, type.extraIds));
    }
    if (!lines.isEmpty())
        out << '\n' << lines.join(QLatin1Char('\n')) << '\n';
    out << '\n'
        << (report.converged() ? QCoreApplication::translate("CliVerify", "The store matches MoySklad.")
                               : QCoreApplication::translate("CliVerify", "The store differs from MoySklad."))
        << Qt::endl;
}

void runVerify(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("verify [--since \"YYYY-MM-DD HH:MM:SS\"]")))
        return;
    std::optional<QDateTime> since;
    if (!ctx.readSince(QCoreApplication::translate("CliVerify", "--since must be a Moscow time as MoySklad writes it, "
                                                                "\"YYYY-MM-DD HH:MM:SS\" (got '%1')"),
                       since))
        return;
    Workspace *ws = ctx.workspace();
    ctx.withClient([&ctx, ws, since](MoySkladClient *client) {
        const ConvergenceCheck::Options options = ws->catchUp().comparisonOptions(
            QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "from the command line")));
        auto *check = new ConvergenceCheck(*client, ws->writer(), ws->log(), options, ws->clock(), &ctx);
        // A long comparison shows where it is, on a terminal only: stdout stays the result.
        if (!ctx.json() && isatty(fileno(stderr)) == 1) {
            QObject::connect(check, &ConvergenceCheck::progress, &ctx,
                             [&ctx](const QString &entityType, int listed, int total) {
                                 ctx.err() << '\r'
                                           << QCoreApplication::translate("CliVerify", "listing %1: %2 of %3")
                                                  .arg(entityType)
                                                  .arg(listed)
                                                  .arg(total)
                                           << "   " << Qt::flush;
                             });
        }
        QObject::connect(check, &ConvergenceCheck::finished, &ctx, [&ctx](const ConvergenceCheck::Report &report) {
            if (!ctx.json() && isatty(fileno(stderr)) == 1)
                ctx.err() << "\r\033[K" << Qt::flush;
            if (!report.ok()) {
                QString message = report.error;
                if (report.apiError && report.apiError->kind == ApiError::Kind::Unauthorized)
                    message +=
                        QStringLiteral(" — ") +
                        QCoreApplication::translate("CliVerify", "MoySklad refused the token: save a working one with "
                                                                 "'skladhook-cli config set api.token -', or set "
                                                                 "MOYSKLAD_TOKEN");
                ctx.fail(message);
                return;
            }
            if (ctx.json())
                ctx.printJson(QJsonDocument(report.toJson()));
            else
                printTable(ctx.out(), report);
            ctx.finish(report.converged() ? 0 : 1);
        });
        check->run(since);
    });
}

CliCommand verifyCommand()
{
    CliCommand command{
        QStringLiteral("verify"),
        QString(),
        QString::fromUtf8(QT_TRANSLATE_NOOP(
            "CliHelp",
            "Compare the shop store with MoySklad: documents missing, stale (older `updated`) or extra (gone "
            "from MoySklad). Exit 0 when they match, 1 when they differ, 3 when the comparison failed.")),
        {sinceOption},
        runVerify};
    command.failureExitCode = failureExitCode;
    return command;
}

const CliRegistration registration{verifyCommand()};

} // namespace
