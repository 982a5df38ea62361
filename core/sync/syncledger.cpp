// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/syncledger.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString stamp(const QDateTime &moment)
{
    return moment.isValid() ? moment.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime instant(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString failure(const QSqlQuery &query, const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), query.lastError().text());
}

} // namespace

Result<std::optional<QDateTime>, QString> SyncLedger::completeUntil(QSqlDatabase &db, const QString &entityType)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT complete_until FROM sync_state WHERE entity_type = ?"));
    query.addBindValue(entityType);
    if (!query.exec())
        return failure(query, "cannot read the sync watermark");
    if (!query.next())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(instant(query.value(0)));
}

Result<Done, QString> SyncLedger::advance(QSqlDatabase &db, const QString &entityType, const QDateTime &since,
                                          const QDateTime &until, const QDateTime &now)
{
    const auto current = completeUntil(db, entityType);
    if (!current.ok())
        return current.error();
    if (current.value() && (since > *current.value() || until <= *current.value()))
        return Done{}; // a window that leaves a gap, or one behind the watermark, proves nothing new
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO sync_state (entity_type, complete_until, updated_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT(entity_type) DO UPDATE SET complete_until = excluded.complete_until, "
                                 "updated_at = excluded.updated_at"));
    query.addBindValue(entityType);
    query.addBindValue(stamp(until));
    query.addBindValue(stamp(now));
    if (!query.exec())
        return failure(query, "cannot move the sync watermark");
    return Done{};
}

Result<qint64, QString> SyncLedger::startRun(QSqlDatabase &db, const QString &kind, const QDateTime &since,
                                             const QDateTime &until, const QDateTime &now)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO sync_runs (kind, started_at, since, until) VALUES (?, ?, ?, ?) RETURNING id"));
    query.addBindValue(kind);
    query.addBindValue(stamp(now));
    query.addBindValue(stamp(since));
    query.addBindValue(stamp(until));
    if (!query.exec() || !query.next())
        return failure(query, "cannot record the run");
    return query.value(0).toLongLong();
}

Result<Done, QString> SyncLedger::finishRun(QSqlDatabase &db, qint64 id, bool ok, const QJsonObject &summary,
                                            const QString &error, const QDateTime &now)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE sync_runs SET finished_at = ?, ok = ?, summary = ?, error = ? WHERE id = ?"));
    query.addBindValue(stamp(now));
    query.addBindValue(ok ? 1 : 0);
    query.addBindValue(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    query.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
    query.addBindValue(id);
    if (!query.exec())
        return failure(query, "cannot record the end of the run");
    return Done{};
}

Result<std::optional<SyncLedger::Run>, QString> SyncLedger::lastRun(QSqlDatabase &db, const QString &kind,
                                                                    bool finishedOnly)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, started_at, finished_at, since, until, ok, summary, error FROM sync_runs "
                                 "WHERE kind = ?%1 ORDER BY id DESC LIMIT 1")
                      .arg(finishedOnly ? QStringLiteral(" AND finished_at IS NOT NULL") : QString()));
    query.addBindValue(kind);
    if (!query.exec())
        return failure(query, "cannot read the last run");
    if (!query.next())
        return std::optional<Run>();
    Run run;
    run.id = query.value(0).toLongLong();
    run.kind = kind;
    run.startedAt = instant(query.value(1));
    run.finishedAt = instant(query.value(2));
    run.since = instant(query.value(3));
    run.until = instant(query.value(4));
    run.ok = query.value(5).toInt() == 1;
    run.summary = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
    run.error = query.value(7).toString();
    return std::optional<Run>(run);
}
