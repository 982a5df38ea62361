// SPDX-License-Identifier: GPL-3.0-or-later
#include "logreader.h"

#include "store/database.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("skladhook-logreader-%1").arg(counter.fetchAndAddRelaxed(1));
}
} // namespace

LogReader::LogReader(QString databasePath)
    : m_path(std::move(databasePath))
    , m_connection(nextConnectionName())
{}

LogReader::~LogReader()
{
    if (m_open)
        Database::close(m_connection);
}

bool LogReader::ensureOpen(QString *error)
{
    if (m_open)
        return true;
    auto opened = Database::open(m_path, m_connection, true);
    if (!opened.ok()) {
        Database::close(m_connection);
        *error = opened.error();
        return false;
    }
    m_open = true;
    return true;
}

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
    QString error;
    if (!ensureOpen(&error))
        return error;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
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
    while (query.next()) {
        LogEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        entry.level = LogLevel(query.value(2).toInt());
        entry.category = query.value(3).toString();
        entry.hook = query.value(4).toString();
        entry.requestId = query.value(5).toString();
        entry.documentId = query.value(6).toString();
        entry.message = query.value(7).toString();
        entry.details = query.value(8).toString();
        rows.append(entry);
    }
    return rows;
}
