// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/serviceregistry.h"

#include "store/sqlrow.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ServiceRegistry {

Result<Done, QString> write(QSqlDatabase &db, const Entry &entry)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO services (id, host, pid, state, detail, receiver, has_token, has_site_secret, seen_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, detail = excluded.detail, "
        "receiver = excluded.receiver, has_token = excluded.has_token, has_site_secret = excluded.has_site_secret, "
        "seen_at = excluded.seen_at"));
    for (const QVariant &value :
         {QVariant(entry.id), QVariant(entry.host), QVariant(entry.pid), QVariant(entry.state), QVariant(entry.detail),
          QVariant(entry.receiver), QVariant(entry.hasToken ? 1 : 0), QVariant(entry.hasSiteSecret ? 1 : 0),
          QVariant(entry.seenAt.toUTC().toString(Qt::ISODateWithMs))})
        query.addBindValue(value);
    if (!query.exec())
        return QStringLiteral("cannot record the service %1: %2").arg(entry.id, query.lastError().text());
    return Done{};
}

Result<Done, QString> remove(QSqlDatabase &db, const QString &id)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM services WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return QStringLiteral("cannot remove the service %1: %2").arg(id, query.lastError().text());
    return Done{};
}

Result<QList<Entry>, QString> read(QSqlDatabase &db, const QDateTime &since)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, host, pid, state, detail, receiver, has_token, has_site_secret, seen_at "
                                 "FROM services WHERE seen_at >= ? ORDER BY host, pid"));
    query.addBindValue(since.toUTC().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return QStringLiteral("cannot read the services: %1").arg(query.lastError().text());
    QList<Entry> entries;
    const SqlRow row(query);
    while (query.next()) {
        Entry entry;
        entry.id = row.text(QStringLiteral("id"));
        entry.host = row.text(QStringLiteral("host"));
        entry.pid = row.integer(QStringLiteral("pid"));
        entry.state = row.text(QStringLiteral("state"));
        entry.detail = row.text(QStringLiteral("detail"));
        entry.receiver = row.text(QStringLiteral("receiver"));
        entry.hasToken = row.integer(QStringLiteral("has_token")) != 0;
        entry.hasSiteSecret = row.integer(QStringLiteral("has_site_secret")) != 0;
        entry.seenAt = row.time(QStringLiteral("seen_at"));
        entries.append(entry);
    }
    return entries;
}

} // namespace ServiceRegistry
