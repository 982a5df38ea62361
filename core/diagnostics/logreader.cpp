// SPDX-License-Identifier: GPL-3.0-or-later
#include "logreader.h"

#include "store/database.h"
#include "store/sqldialect.h"
#include "store/sqlrow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

LogReader::LogReader(QString databasePath)
    : m_connection(std::move(databasePath))
{}

LogReader::~LogReader() = default;

namespace {
const QString columns = QStringLiteral(
    "l.id, l.at, l.level, l.category, l.hook, l.request_id, l.document_id, l.message, l.details, l.message_id, "
    "l.args");

// The search text as one FTS5 phrase: its words in order, each whole, the last one a prefix when it ends with `*`.
// Empty when the text has no word characters (FTS5 would find nothing; the substring search still can).
QString ftsPhrase(QString text)
{
    const bool prefix = text.endsWith(QLatin1Char('*'));
    while (text.endsWith(QLatin1Char('*')))
        text.chop(1);
    if (std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
        return {};
    text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"') + (prefix ? QStringLiteral("*") : QString());
}
} // namespace

Result<QList<LogEntry>, QString> LogReader::readAfter(qint64 afterId, const Filter &filter, int limit)
{
    return page(Direction::Newer, afterId, filter, limit);
}

Result<QList<LogEntry>, QString> LogReader::readLatest(const Filter &filter, int limit)
{
    return readBefore(std::numeric_limits<qint64>::max(), filter, limit);
}

Result<QList<LogEntry>, QString> LogReader::readBefore(qint64 beforeId, const Filter &filter, int limit)
{
    auto rows = page(Direction::Older, beforeId, filter, limit);
    if (rows.ok())
        std::reverse(rows.value().begin(), rows.value().end());
    return rows;
}

Result<qint64, QString> LogReader::newestId()
{
    if (!m_connection.ensureOpen())
        return m_connection.error();
    QSqlQuery query(m_connection.db());
    if (!query.exec(QStringLiteral("SELECT max(id) FROM log")))
        return query.lastError().text();
    return query.next() ? query.value(0).toLongLong() : qint64(0);
}

bool LogReader::searchesByIndex()
{
    if (!m_hasSearchIndex && m_connection.ensureOpen())
        m_hasSearchIndex = Database::hasLogSearchIndex(m_connection.db());
    return m_hasSearchIndex;
}

Result<QList<LogEntry>, QString> LogReader::page(Direction direction, qint64 boundary, const Filter &filter, int limit)
{
    if (!m_connection.ensureOpen())
        return m_connection.error();
    const bool older = direction == Direction::Older;
    const QString beyond = older ? QStringLiteral("< ?") : QStringLiteral("> ?");
    const QString order = older ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString phrase = filter.text.isEmpty() || !searchesByIndex() ? QString() : ftsPhrase(filter.text);
    QList<QVariant> values;

    if (!phrase.isEmpty()) {
        // The index yields matching ids in id order from the boundary on, so the first page stops early; level and
        // hook are checked on the rows it yields.
        QString sql = QStringLiteral("SELECT %1 FROM log_fts f JOIN log l ON l.id = f.rowid WHERE log_fts MATCH ? "
                                     "AND f.rowid %2")
                          .arg(columns, beyond);
        values << phrase << boundary;
        if (filter.minimumLevel > LogLevel::Debug) {
            sql += QStringLiteral(" AND l.level >= ?");
            values << int(filter.minimumLevel);
        }
        if (!filter.hook.isEmpty()) {
            sql += QStringLiteral(" AND l.hook = ?");
            values << filter.hook;
        }
        return run(sql + QStringLiteral(" ORDER BY f.rowid %1 LIMIT %2").arg(order).arg(limit), values);
    }

    if (!filter.text.isEmpty()) {
        // No FTS5 index (or nothing it could search for): a substring anywhere, newest first. The text is bound once,
        // as `n.needle`, however often the dialect's condition names it.
        const SqlDialect *dialect = SqlDialect::of(m_connection.db());
        QString sql = QStringLiteral("SELECT %1 FROM log l, (SELECT CAST(? AS TEXT) AS needle) n WHERE l.id %2 AND "
                                     "+l.level >= ? AND %3")
                          .arg(columns, beyond, dialect->logContains(QStringLiteral("n.needle")));
        values << filter.text << boundary << int(filter.minimumLevel);
        if (!filter.hook.isEmpty()) {
            sql += QStringLiteral(" AND l.hook = ?");
            values << filter.hook;
        }
        return run(sql + QStringLiteral(" ORDER BY l.id %1 LIMIT %2").arg(order).arg(limit), values);
    }

    if (filter.minimumLevel == LogLevel::Debug && filter.hook.isEmpty())
        return run(QStringLiteral("SELECT %1 FROM log l WHERE l.id %2 ORDER BY l.id %3 LIMIT %4")
                       .arg(columns, beyond, order)
                       .arg(limit),
                   values << boundary);

    // A level range is not an order an index can give: one page per level, each straight from (level, id) or
    // (hook, level, id), merged. Reads at most a page per level however rare the matching rows are.
    QStringList parts;
    for (int level = int(filter.minimumLevel); level <= int(LogLevel::Error); ++level) {
        QString part =
            QStringLiteral("SELECT * FROM (SELECT %1 FROM log l WHERE l.level = ? AND l.id %2").arg(columns, beyond);
        values << level << boundary;
        if (!filter.hook.isEmpty()) {
            part += QStringLiteral(" AND l.hook = ?");
            values << filter.hook;
        }
        // Each page a named derived table: PostgreSQL 15 wants the name.
        parts.append(part + QStringLiteral(" ORDER BY l.id %1 LIMIT %2) level_%3").arg(order).arg(limit).arg(level));
    }
    return run(parts.join(QStringLiteral(" UNION ALL ")) +
                   QStringLiteral(" ORDER BY id %1 LIMIT %2").arg(order).arg(limit),
               values);
}

Result<QList<LogEntry>, QString> LogReader::run(const QString &sql, const QList<QVariant> &values)
{
    QSqlQuery query(m_connection.db());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return query.lastError().text();
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
        entry.messageId = row.text(QStringLiteral("message_id"));
        if (!entry.messageId.isEmpty()) {
            const QJsonArray args = QJsonDocument::fromJson(row.text(QStringLiteral("args")).toUtf8()).array();
            for (const QJsonValue &arg : args)
                entry.args.append(arg.toString());
        }
        rows.append(std::move(entry));
    }
    return rows;
}
