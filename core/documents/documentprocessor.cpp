// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentprocessor.h"

#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace {

// Empty for an invalid time: every time comes from the caller's clock, none is made up here.
QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

Result<Done, QString> exec(QSqlQuery &query)
{
    if (!query.exec())
        return query.lastError().text();
    return Done{};
}

} // namespace

DocumentProcessor::Handling DocumentProcessor::handlingOf(const QString &action) const
{
    if (!m_watched)
        return Handling::Skip;
    return action == QLatin1String("DELETE") ? Handling::MarkDeleted : Handling::Fetch;
}

QString DocumentProcessor::skipReason(const QString &action) const
{
    if (!m_watched)
        return QStringLiteral("The exchange settings leave %1 out: %1/%2 not applied").arg(entityType(), action);
    return {};
}

Result<Done, QString> DocumentProcessor::store(QSqlDatabase &db, const QString &table, const Columns &columns,
                                               const QDateTime &fetchedAt, Rows rows)
{
    const QString fetched = iso(fetchedAt);
    if (fetched.isEmpty())
        return QStringLiteral("no fetch time given for %1").arg(table);
    QString id;
    QString updated;
    QStringList names;
    for (const auto &[name, value] : columns) {
        names.append(name);
        if (name == QLatin1String("id"))
            id = value.toString();
        else if (name == QLatin1String("updated"))
            updated = value.toString();
    }
    if (id.isEmpty())
        return QStringLiteral("a document without an id for %1").arg(table);
    // The tail of every write: a deletion recorded after the fetch was sent stands (the answer may predate it), and
    // an answer older than what is stored (MoySklad's `updated`, comparable as text) is dropped.
    const QString deleted =
        QStringLiteral("deleted = CASE WHEN %1.deleted_at IS NOT NULL AND %1.deleted_at > ? THEN 1 ELSE 0 END")
            .arg(table);
    QSqlQuery query(db);
    if (rows == Rows::InsertOrUpdate) {
        QStringList placeholders;
        QStringList assignments;
        for (const QString &name : std::as_const(names)) {
            placeholders.append(QStringLiteral("?"));
            if (name != QLatin1String("id"))
                assignments.append(QStringLiteral("%1 = excluded.%1").arg(name));
        }
        assignments.append(deleted);
        query.prepare(QStringLiteral("INSERT INTO %1 (%2, deleted) VALUES (%3, 0) ON CONFLICT(id) DO UPDATE SET %4 "
                                     "WHERE coalesce(excluded.updated, '') >= coalesce(%1.updated, '')")
                          .arg(table, names.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", ")),
                               assignments.join(QStringLiteral(", "))));
        for (const auto &column : columns)
            query.addBindValue(column.second);
        query.addBindValue(fetched);
        return exec(query);
    }
    QStringList assignments;
    for (const QString &name : std::as_const(names)) {
        if (name != QLatin1String("id"))
            assignments.append(QStringLiteral("%1 = ?").arg(name));
    }
    assignments.append(deleted);
    query.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ? AND coalesce(?, '') >= coalesce(%1.updated, '')")
                      .arg(table, assignments.join(QStringLiteral(", "))));
    for (const auto &[name, value] : columns) {
        if (name != QLatin1String("id"))
            query.addBindValue(value);
    }
    query.addBindValue(fetched);
    query.addBindValue(id);
    query.addBindValue(updated);
    return exec(query);
}

Result<Done, QString> DocumentProcessor::markDeletedIn(QSqlDatabase &db, const QString &table, const QString &id,
                                                       const QDateTime &at, Rows rows, const Columns &extra)
{
    const QString deletedAt = iso(at);
    if (deletedAt.isEmpty())
        return QStringLiteral("no deletion time given for %1").arg(table);
    if (id.isEmpty())
        return QStringLiteral("a deletion without an id for %1").arg(table);
    QSqlQuery query(db);
    if (rows == Rows::UpdateOnly) {
        query.prepare(QStringLiteral("UPDATE %1 SET deleted = 1, deleted_at = ? WHERE id = ?").arg(table));
        query.addBindValue(deletedAt);
        query.addBindValue(id);
        return exec(query);
    }
    QString names;
    QString placeholders;
    for (const auto &column : extra) {
        names += QStringLiteral(", ") + column.first;
        placeholders += QStringLiteral(", ?");
    }
    query.prepare(QStringLiteral("INSERT INTO %1 (id, deleted, deleted_at%2) VALUES (?, 1, ?%3) ON CONFLICT(id) DO "
                                 "UPDATE SET deleted = 1, deleted_at = excluded.deleted_at")
                      .arg(table, names, placeholders));
    query.addBindValue(id);
    query.addBindValue(deletedAt);
    for (const auto &column : extra)
        query.addBindValue(column.second);
    return exec(query);
}

QString DocumentProcessor::idOf(const QJsonObject &document)
{
    return document.value(QLatin1String("id")).toString();
}

QString DocumentProcessor::idOfMeta(const QJsonObject &object)
{
    return object.value(QLatin1String("meta"))
        .toObject()
        .value(QLatin1String("href"))
        .toString()
        .section(QLatin1Char('/'), -1);
}

QString DocumentProcessor::nameOf(const QJsonObject &document, const char *field)
{
    return document.value(QLatin1String(field)).toObject().value(QLatin1String("name")).toString();
}

QVariant DocumentProcessor::money(const QJsonObject &document, const char *field)
{
    constexpr double largestExact = 9007199254740992.0; // 2^53
    const double value = document.value(QLatin1String(field)).toDouble();
    if (!std::isfinite(value) || std::fabs(value) > largestExact)
        return QVariant(); // bound as NULL
    return qint64(std::llround(value));
}
