// SPDX-License-Identifier: GPL-3.0-or-later
// log [--follow] [--level LEVEL]: the diagnostics log of the data directory.
#include "clicommand.h"
#include "clicontext.h"
#include "diagnostics/logreader.h"
#include "store/database.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace {

const QCommandLineOption followOption(QStringLiteral("follow"),
                                      QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "log: keep printing new rows.")));
const QCommandLineOption levelOption(
    QStringLiteral("level"),
    QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "log: the lowest level shown: debug, info, warning, error.")),
    QStringLiteral("LEVEL"));
constexpr int followPollMs = 500;

QString line(const LogEntry &entry)
{
    QString text = QStringLiteral("%1 %2 %3")
                       .arg(entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
                            logLevelName(entry.level).toUpper(), entry.category);
    if (!entry.hook.isEmpty())
        text += QLatin1Char(' ') + entry.hook;
    if (!entry.requestId.isEmpty())
        text += QStringLiteral(" request=") + entry.requestId;
    if (!entry.documentId.isEmpty())
        text += QStringLiteral(" document=") + entry.documentId;
    text += QStringLiteral(": ") + entry.shownMessage();
    if (!entry.details.isEmpty())
        text += QStringLiteral("\n    ") + entry.details;
    return text;
}

QJsonObject json(const LogEntry &entry)
{
    return QJsonObject{{QStringLiteral("id"), entry.id},
                       {QStringLiteral("at"), entry.at.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("level"), logLevelName(entry.level)},
                       {QStringLiteral("category"), entry.category},
                       {QStringLiteral("hook"), entry.hook},
                       {QStringLiteral("requestId"), entry.requestId},
                       {QStringLiteral("documentId"), entry.documentId},
                       {QStringLiteral("message"), entry.message},
                       {QStringLiteral("details"), entry.details}};
}

void runLog(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("log [--follow] [--level LEVEL]")))
        return;
    LogReader::Filter filter;
    if (ctx.isSet(QStringLiteral("level")) &&
        !parseLogLevel(ctx.value(QStringLiteral("level")), &filter.minimumLevel)) {
        ctx.fail(QCoreApplication::translate("CliLog", "unknown level '%1': debug, info, warning or error")
                     .arg(ctx.value(QStringLiteral("level"))),
                 2);
        return;
    }
    Workspace *workspace = ctx.workspace();
    if (!workspace)
        return;
    auto reader = std::make_shared<LogReader>(workspace->storeLocation());
    const auto rows = reader->readLatest(filter, 1000);
    if (!rows.ok()) {
        ctx.fail(QCoreApplication::translate("CliLog", "cannot read the log: %1").arg(rows.error()));
        return;
    }
    const bool follow = ctx.isSet(QStringLiteral("follow"));
    qint64 last = 0;
    QJsonArray array;
    for (const LogEntry &entry : rows.value()) {
        last = entry.id;
        if (ctx.json() && !follow)
            array.append(json(entry));
        else if (ctx.json())
            ctx.out() << QString::fromUtf8(QJsonDocument(json(entry)).toJson(QJsonDocument::Compact)) << '\n';
        else
            ctx.out() << line(entry) << '\n';
    }
    if (!follow) {
        if (ctx.json())
            ctx.printJson(QJsonDocument(array));
        ctx.finish(0);
        return;
    }
    ctx.out().flush();
    // --follow: one JSON object per line with --json; runs until interrupted.
    auto *timer = new QTimer(&ctx);
    QObject::connect(timer, &QTimer::timeout, &ctx, [&ctx, reader, filter, last]() mutable {
        const auto more = reader->readAfter(last, filter);
        if (!more.ok())
            return;
        for (const LogEntry &entry : more.value()) {
            last = entry.id;
            if (ctx.json())
                ctx.out() << QString::fromUtf8(QJsonDocument(json(entry)).toJson(QJsonDocument::Compact)) << '\n';
            else
                ctx.out() << line(entry) << '\n';
        }
        ctx.out().flush();
    });
    timer->start(followPollMs);
}

const CliRegistration registration{{QStringLiteral("log"),
                                    QString(),
                                    QString::fromUtf8(QT_TRANSLATE_NOOP(
                                        "CliHelp", "The diagnostics log (newest 1000 rows; --follow keeps printing).")),
                                    {followOption, levelOption},
                                    runLog}};

} // namespace
