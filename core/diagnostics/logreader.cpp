// SPDX-License-Identifier: GPL-3.0-or-later
#include "logreader.h"

#include "store/sqlrow.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

LogReader::LogReader(QString databasePath)
    : m_connection(std::move(databasePath))
{}

LogReader::~LogReader() = default;

namespace {
// The filter as SQL conditions with their bound values.
QString conditions(const LogReader::Filter &filter, QList<QVariant> *values)
{
    // `+level`: keeps SQLite off the (level, id) index, which would sort every matching row to find the newest page;
    // walking the rowid newest first and testing the level stops after one page.
    QStringList parts{QStringLiteral("+level >= ?")};
    values->append(int(filter.minimumLevel));
    if (!filter.hook.isEmpty()) {
        parts.append(QStringLiteral("hook = ?"));
        values->append(filter.hook);
    }
    if (!filter.text.isEmpty()) {
        parts.append(QStringLiteral("(instr(lower(message), lower(?)) > 0 OR instr(lower(details), lower(?)) > 0 OR "
                                    "request_id = ? OR document_id = ?)"));
        for (int i = 0; i < 4; ++i)
            values->append(filter.text);
    }
    return parts.join(QStringLiteral(" AND "));
}
} // namespace

Result<QList<LogEntry>, QString> LogReader::readAfter(qint64 afterId, const Filter &filter, int limit)
{
    QList<QVariant> values{afterId};
    const QString where = QStringLiteral("id > ? AND ") + conditions(filter, &values);
    return select(where, values, QStringLiteral("id ASC"), limit);
}

Result<QList<LogEntry>, QString> LogReader::readLatest(const Filter &filter, int limit)
{
    QList<QVariant> values;
    const QString where = conditions(filter, &values);
    auto rows = select(where, values, QStringLiteral("id DESC"), limit);
    if (rows.ok())
        std::reverse(rows.value().begin(), rows.value().end());
    return rows;
}

Result<QList<LogEntry>, QString> LogReader::readBefore(qint64 beforeId, const Filter &filter, int limit)
{
    QList<QVariant> values{beforeId};
    const QString where = QStringLiteral("id < ? AND ") + conditions(filter, &values);
    auto rows = select(where, values, QStringLiteral("id DESC"), limit);
    if (rows.ok())
        std::reverse(rows.value().begin(), rows.value().end());
    return rows;
}

Result<QList<LogEntry>, QString> LogReader::select(const QString &where, const QList<QVariant> &values,
                                                   const QString &order, int limit)
{
    if (!m_connection.ensureOpen())
        return m_connection.error();
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, at, level, category, hook, request_id, document_id, message, details "
                                 "FROM log WHERE %1 ORDER BY %2 LIMIT %3")
                      .arg(where, order)
                      .arg(limit));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return query.lastError().text();
    QList<LogEntry> rows;
    const SqlRow row(query);
    while (query.next()) {
        LogEntry entry = LogEntry::make(LogLevel(row.integer(QStringLiteral("level"))),
                                        row.text(QStringLiteral("category")), row.text(QStringLiteral("message")))
                             .withTime(row.time(QStringLiteral("at")))
                             .withHook(row.text(QStringLiteral("hook")))
                             .withRequestId(row.text(QStringLiteral("request_id")))
                             .withDocument(row.text(QStringLiteral("document_id")))
                             .withDetails(row.text(QStringLiteral("details")));
        entry.id = row.integer(QStringLiteral("id"));
        rows.append(std::move(entry));
    }
    return rows;
}
