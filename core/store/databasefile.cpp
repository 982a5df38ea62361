// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/databasefile.h"

#include "store/database.h"
#include "store/readconnection.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace DatabaseFile {

namespace {

const QStringList &companions()
{
    static const QStringList suffixes{QString(), QStringLiteral("-wal"), QStringLiteral("-shm")};
    return suffixes;
}

bool isNotADatabase(const QString &error)
{
    // SQLITE_NOTADB's text; a file cut short reads as "database disk image is malformed" (SQLITE_CORRUPT).
    return error.contains(QLatin1String("not a database")) || error.contains(QLatin1String("malformed"));
}

// SQLite's own words ("file is not a database"), without Qt's "Unable to execute statement" glued on.
QString sqliteText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

} // namespace

QString Problem::finding() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::NotADatabase:
        return QStringLiteral("it is not a SkladHook database (damaged or cut short: %1)").arg(detail);
    case Kind::Damaged:
        return QStringLiteral("it is damaged (integrity check: %1)").arg(detail);
    case Kind::Foreign:
        return QStringLiteral("it belongs to another program (%1)").arg(detail);
    case Kind::Newer:
        return QStringLiteral("it was written by a newer SkladHook (%1)").arg(detail);
    case Kind::Unreadable:
        return QStringLiteral("it cannot be opened: %1").arg(detail);
    }
    return {};
}

QString Problem::message() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::NotADatabase:
        return QStringLiteral("%1 is not a SkladHook database (damaged or cut short: %2). Move it aside (it is kept) "
                              "and start with a fresh one; a catch-up sync then fetches the documents again.")
            .arg(path, detail);
    case Kind::Damaged:
        return QStringLiteral("%1 is damaged (integrity check: %2). Restore a backup (skladhook-cli restore FILE), or "
                              "move it aside (it is kept) and start with a fresh one.")
            .arg(path, detail);
    case Kind::Foreign:
        return QStringLiteral("%1 belongs to another program (%2). Move it aside (it is kept) and start with a fresh "
                              "one, or choose another data directory.")
            .arg(path, detail);
    case Kind::Newer:
        return QStringLiteral("%1 was written by a newer SkladHook (%2): install that version, or restore a backup "
                              "made by this one.")
            .arg(path, detail);
    case Kind::Unreadable:
        return QStringLiteral("%1 cannot be opened: %2").arg(path, detail);
    }
    return {};
}

Problem inspect(const QString &path)
{
    Problem problem;
    problem.path = path;
    if (!QFileInfo::exists(path))
        return problem;
    const auto found = [&](Problem::Kind kind, const QString &detail) {
        problem.kind = kind;
        problem.detail = detail;
        return problem;
    };
    // Never open the file itself: closing any descriptor of it drops every POSIX lock this process holds on it,
    // the serving writer's too (SQLite's own connections share theirs).
    if (!QFileInfo(path).isReadable())
        return found(Problem::Kind::Unreadable, QStringLiteral("not readable by this user"));

    ReadConnection connection(path);
    if (!connection.isOpen())
        return found(isNotADatabase(connection.error()) ? Problem::Kind::NotADatabase : Problem::Kind::Unreadable,
                     connection.error());
    QSqlQuery query(connection.db());
    if (!query.exec(QStringLiteral("PRAGMA quick_check(5)"))) {
        const QString error = sqliteText(query.lastError());
        return found(isNotADatabase(error) ? Problem::Kind::NotADatabase : Problem::Kind::Unreadable, error);
    }
    QStringList findings;
    while (query.next())
        findings.append(query.value(0).toString());
    if (findings != QStringList{QStringLiteral("ok")})
        return found(Problem::Kind::Damaged, findings.join(QStringLiteral("; ")));

    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return found(Problem::Kind::Unreadable, sqliteText(query.lastError()));
    const int version = query.value(0).toInt();
    if (version > Database::schemaVersion)
        return found(Problem::Kind::Newer,
                     QStringLiteral("schema %1, this one knows %2").arg(version).arg(Database::schemaVersion));
    if (version == 0) {
        // Ours start with the log table; an empty file is a fresh start.
        QStringList tables;
        if (query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))) {
            while (query.next())
                tables.append(query.value(0).toString());
        }
        if (!tables.isEmpty())
            return found(Problem::Kind::Foreign, QStringLiteral("tables %1").arg(tables.join(QStringLiteral(", "))));
    }
    return problem;
}

Result<Moved, QString> moveAside(const QString &path, const QDateTime &nowUtc, Why why)
{
    // A name no file has: two moves in one second get "-2", "-3"…
    const QString stem = path + (why == Why::Damaged ? QStringLiteral(".damaged-") : QStringLiteral(".replaced-")) +
                         nowUtc.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const auto taken = [](const QString &name) {
        return std::any_of(companions().cbegin(), companions().cend(),
                           [&name](const QString &suffix) { return QFileInfo::exists(name + suffix); });
    };
    QString aside = stem;
    for (int n = 2; taken(aside); ++n)
        aside = stem + QLatin1Char('-') + QString::number(n);
    for (const QString &suffix : companions()) {
        if (!QFileInfo::exists(path + suffix))
            continue;
        if (!QFile::rename(path + suffix, aside + suffix))
            return QStringLiteral("cannot rename %1 to %2").arg(path + suffix, aside + suffix);
    }
    return Moved{aside};
}

Result<Done, QString> backup(const QString &path, const QString &target)
{
    if (!QFileInfo::exists(path))
        return QStringLiteral("there is no database to back up at %1").arg(path);
    if (QFileInfo::exists(target))
        return QStringLiteral("%1 exists already: choose a new file name").arg(target);
    ReadConnection connection(path);
    if (!connection.isOpen())
        return connection.error();
    QSqlQuery query(connection.db());
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(target);
    if (!query.exec()) {
        const QString error = query.lastError().text();
        QFile::remove(target); // half a copy is no backup
        return QStringLiteral("cannot write the backup %1: %2").arg(target, error);
    }
    return Done{};
}

Result<Moved, QString> restore(const QString &source, const QString &path, const QDateTime &nowUtc)
{
    if (!QFileInfo::exists(source))
        return QStringLiteral("%1 does not exist").arg(source);
    const Problem problem = inspect(source);
    if (!problem.ok())
        return QStringLiteral("%1 cannot be restored: %2").arg(source, problem.finding());
    {
        ReadConnection connection(source);
        QSqlQuery query(connection.db());
        if (!query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tasks'")) ||
            !query.next())
            return QStringLiteral("%1 is not a SkladHook database (it has no task queue)").arg(source);
    }
    QString previous;
    if (QFileInfo::exists(path)) {
        auto moved = moveAside(path, nowUtc, Why::Replaced);
        if (!moved.ok())
            return moved.error();
        previous = moved.value().path;
    }
    // Copied through a temporary name: a half-copied file never sits where the service looks.
    const QString partial = path + QStringLiteral(".restoring");
    QFile::remove(partial);
    if (!QFile::copy(source, partial) || !QFile::rename(partial, path)) {
        QFile::remove(partial);
        for (const QString &suffix : companions()) { // the previous file back where it was
            if (!previous.isEmpty() && QFileInfo::exists(previous + suffix))
                QFile::rename(previous + suffix, path + suffix);
        }
        return QStringLiteral("cannot copy %1 to %2").arg(source, path);
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return Moved{previous};
}

} // namespace DatabaseFile
