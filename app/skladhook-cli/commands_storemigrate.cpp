// SPDX-License-Identifier: GPL-3.0-or-later
// store migrate --to URL: copies the data directory's SQLite store into an empty PostgreSQL database.
#include "clicommand.h"
#include "clicontext.h"
#include "common/diagnosticslog.h"
#include "common/secretmasker.h"
#include "service/service.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/storemigration.h"
#include "store/storeurl.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace {

const QCommandLineOption toOption(
    QStringLiteral("to"),
    QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "store migrate: the PostgreSQL database to copy the store into, "
                                                   "postgresql://user@host:port/dbname (password from PGPASSWORD).")),
    QStringLiteral("URL"));

const QString targetConnection = QStringLiteral("store-migrate-target");

void runMigrate(CliContext &ctx)
{
    const QString usage = QStringLiteral("store migrate --to postgresql://user@host:port/dbname");
    if (!ctx.expectArguments(0, usage))
        return;
    if (!ctx.isSet(toOption.names().constFirst())) {
        ctx.fail(QCoreApplication::translate("CliContext", "usage: skladhook-cli %1").arg(usage), 2);
        return;
    }
    // A service writing the SQLite store while it is copied would leave its newer rows behind.
    const QString holder = Service::lockHolder(ctx.dataDir());
    if (!holder.isEmpty()) {
        ctx.fail(QCoreApplication::translate("CliStoreMigrate",
                                             "cannot migrate the store while a service serves %1 (%2): stop it first "
                                             "(and close the desktop app)")
                     .arg(ctx.dataDir(), holder));
        return;
    }
    const auto url = StoreUrl::parse(ctx.value(toOption.names().constFirst()));
    if (!url.ok()) {
        ctx.fail(url.error());
        return;
    }
    if (!url.value().password().isEmpty())
        SecretMasker::instance().add(url.value().password()); // whatever PostgreSQL or Qt says, it is never shown
    const QString target = url.value().masked();

    Result<StoreMigration::Counts, QString> copied = QString();
    {
        ReadConnection source(Database::fileIn(ctx.dataDir()));
        if (!source.isOpen()) {
            ctx.fail(source.error());
            return;
        }
        auto opened = url.value().open(targetConnection);
        if (!opened.ok()) {
            ctx.fail(opened.error());
            return;
        }
        copied = StoreMigration::copy(source.db(), opened.value(), Database::fileIn(ctx.dataDir()));
    }
    Database::close(targetConnection);
    if (!copied.ok()) {
        ctx.fail(
            QCoreApplication::translate("CliStoreMigrate", "nothing was copied to %1: %2").arg(target, copied.error()));
        return;
    }

    ctx.log().info(QStringLiteral("store"), LogText(QT_TRANSLATE_NOOP("LogMessage", "Store migrated to %1"), target));
    if (ctx.json()) {
        QJsonObject tables;
        for (const auto &[table, rows] : copied.value())
            tables.insert(table, rows);
        ctx.printJson(
            QJsonDocument(QJsonObject{{QStringLiteral("tables"), tables}, {QStringLiteral("target"), target}}));
    } else {
        for (const auto &[table, rows] : copied.value())
            ctx.out() << QStringLiteral("%1  %2").arg(table, -16).arg(rows) << '\n';
        ctx.out() << QCoreApplication::translate("CliStoreMigrate",
                                                 "Copied the store to %1. The service keeps using SQLite until it "
                                                 "can run on PostgreSQL.")
                         .arg(target)
                  << '\n';
    }
    ctx.finish(0);
}

const CliRegistration migrate{{QStringLiteral("store migrate"),
                               QString(),
                               QString::fromUtf8(QT_TRANSLATE_NOOP(
                                   "CliHelp", "Copies the local store (queue, log, shop data, sync state) into an "
                                              "empty PostgreSQL database, all or nothing.")),
                               {toOption},
                               runMigrate}};

} // namespace
