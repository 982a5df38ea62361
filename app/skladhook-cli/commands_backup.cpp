// SPDX-License-Identifier: GPL-3.0-or-later
// backup, restore, store move-aside: skladhook.db as a file. None of them opens the workspace, so they also work
// when the database is the problem.
#include "clicommand.h"
#include "clicontext.h"
#include "service/service.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/databasefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSettings>

namespace {

QString databasePath(CliContext &ctx)
{
    return Database::fileIn(ctx.dataDir());
}

// These work on the SQLite file. With store.url set the store is a PostgreSQL database, and the file (if an older
// copy is still there, from before `store migrate`) is not the store: a backup of it would be silently stale.
bool refuseForPostgres(CliContext &ctx)
{
    QSettings ini(Settings::fileIn(ctx.dataDir()), QSettings::IniFormat);
    const QString url = Settings(&ini).storeUrl();
    if (url.isEmpty())
        return false;
    ctx.fail(QCoreApplication::translate("CliBackup",
                                         "the store is the PostgreSQL database %1 (store.url), not skladhook.db: back "
                                         "it up and restore it with PostgreSQL's own tools (pg_dump, pg_restore)")
                 .arg(Database::displayName(url)));
    return true;
}

// restore and move-aside replace the file under a running service otherwise.
// `refusal` names the action: "cannot restore while a service serves %1 (%2): …".
bool refuseWhileServing(CliContext &ctx, const QString &refusal)
{
    const QString holder = Service::lockHolder(ctx.dataDir());
    if (holder.isEmpty())
        return false;
    ctx.fail(refusal.arg(ctx.dataDir(), holder));
    return true;
}

void report(CliContext &ctx, const QJsonObject &json, const QString &line)
{
    if (ctx.json())
        ctx.printJson(QJsonDocument(json));
    else
        ctx.out() << line << '\n';
    ctx.finish(0);
}

// FILE given but empty: SQLite would take "" for a temporary database, so a backup would vanish and a restore would
// name nothing.
bool refuseEmptyFile(CliContext &ctx, const QString &usage)
{
    if (!ctx.arguments().constFirst().trimmed().isEmpty())
        return false;
    ctx.fail(QCoreApplication::translate("CliBackup", "FILE must not be empty (usage: skladhook-cli %1)").arg(usage),
             2);
    return true;
}

void runBackup(CliContext &ctx)
{
    const QString usage = QStringLiteral("backup FILE");
    if (!ctx.expectArguments(1, usage) || refuseEmptyFile(ctx, usage) || refuseForPostgres(ctx))
        return;
    const QString target = QFileInfo(ctx.arguments().constFirst()).absoluteFilePath();
    const QFileInfo directory(QFileInfo(target).absolutePath());
    if (!directory.isDir()) {
        ctx.fail(QCoreApplication::translate("CliBackup", "cannot write the backup %1: the directory %2 does not exist")
                     .arg(target, directory.filePath()));
        return;
    }
    const auto written = DatabaseFile::backup(databasePath(ctx), target);
    if (!written.ok()) {
        ctx.fail(written.error());
        return;
    }
    report(ctx, QJsonObject{{QStringLiteral("backup"), target}, {QStringLiteral("database"), databasePath(ctx)}},
           QCoreApplication::translate("CliBackup", "Backed up %1 to %2").arg(databasePath(ctx), target));
}

void runRestore(CliContext &ctx)
{
    const QString usage = QStringLiteral("restore FILE");
    if (!ctx.expectArguments(1, usage) || refuseEmptyFile(ctx, usage) || refuseForPostgres(ctx) ||
        refuseWhileServing(ctx,
                           QCoreApplication::translate("CliBackup", "cannot restore while a service serves %1 (%2): "
                                                                    "stop it first (and close the desktop app)")))
        return;
    const QString source = QFileInfo(ctx.arguments().constFirst()).absoluteFilePath();
    if (QFileInfo(source).isDir()) {
        ctx.fail(QCoreApplication::translate("CliBackup", "%1 is a directory, not a backup file").arg(source));
        return;
    }
    QDir().mkpath(ctx.dataDir());
    const auto restored = DatabaseFile::restore(source, databasePath(ctx), QDateTime::currentDateTimeUtc());
    if (!restored.ok()) {
        ctx.fail(restored.error());
        return;
    }
    const QString previous = restored.value().path;
    report(ctx,
           QJsonObject{{QStringLiteral("restored"), source},
                       {QStringLiteral("database"), databasePath(ctx)},
                       {QStringLiteral("previous"), previous}},
           previous.isEmpty()
               ? QCoreApplication::translate("CliBackup",
                                             "Restored %1 from %2. The next start of the service catches up with "
                                             "MoySklad.")
                     .arg(databasePath(ctx), source)
               : QCoreApplication::translate("CliBackup",
                                             "Restored %1 from %2; the previous database is kept as %3. The next "
                                             "start of the service catches up with MoySklad.")
                     .arg(databasePath(ctx), source, previous));
}

void runMoveAside(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("store move-aside")) || refuseForPostgres(ctx) ||
        refuseWhileServing(ctx, QCoreApplication::translate("CliBackup",
                                                            "cannot move the database aside while a service serves "
                                                            "%1 (%2): stop it first (and close the desktop app)")))
        return;
    const auto moved = DatabaseFile::moveAside(databasePath(ctx), QDateTime::currentDateTimeUtc());
    if (!moved.ok()) {
        ctx.fail(moved.error());
        return;
    }
    report(
        ctx,
        QJsonObject{{QStringLiteral("database"), databasePath(ctx)}, {QStringLiteral("movedTo"), moved.value().path}},
        QCoreApplication::translate("CliBackup", "Moved %1 aside to %2 (kept). The next start creates a fresh "
                                                 "database; run `skladhook-cli sync --since DATE` to fetch the "
                                                 "documents again.")
            .arg(databasePath(ctx), moved.value().path));
}

const CliRegistration backup{{QStringLiteral("backup"),
                              QStringLiteral("FILE"),
                              QString::fromUtf8(QT_TRANSLATE_NOOP(
                                  "CliHelp", "A consistent copy of skladhook.db (safe while the service runs).")),
                              {},
                              runBackup,
                              1,
                              false}};
const CliRegistration restore{
    {QStringLiteral("restore"),
     QStringLiteral("FILE"),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Puts a backup in place of skladhook.db (the current one is kept "
                                                    "aside); the service must be stopped.")),
     {},
     runRestore,
     1,
     false}};
const CliRegistration moveAside{
    {QStringLiteral("store move-aside"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP(
         "CliHelp", "Renames a damaged skladhook.db (kept, never deleted) so that the next start begins afresh.")),
     {},
     runMoveAside,
     1,
     false}};

} // namespace
