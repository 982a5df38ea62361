// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logentry.h"
#include "common/result.h"
#include "store/readconnection.h"

#include <QList>
#include <QString>

// Reads the diagnostics log a page at a time through its own read-only connection (the GUI pane's reader thread,
// `log --follow`, exports), opened once the database exists. Belongs to the thread that creates it, as its connection
// does. Every read is a keyset page (ids above or below a known id) that an index answers without counting or
// sorting the rows it skips, so a page costs the same at a million rows as at a hundred.
class LogReader final
{
public:
    struct Filter
    {
        LogLevel minimumLevel = LogLevel::Debug;
        QString hook; // "customerorder/UPDATE", empty = all
        // Words of the message, details, request or document id, in this order and case-insensitive (Russian too);
        // a trailing `*` matches the last word as a prefix. Empty = all. Searched through the log's full-text index
        // (SQLite's FTS5, schema 5); in PostgreSQL as a substring through a trigram index (schema 13). Without
        // either, as a substring, which reads every row.
        QString text;
    };

    explicit LogReader(QString databasePath);
    ~LogReader();
    LogReader(const LogReader &) = delete;
    LogReader &operator=(const LogReader &) = delete;

    // Rows with id > afterId matching the filter, oldest first, at most `limit`.
    Result<QList<LogEntry>, QString> readAfter(qint64 afterId, const Filter &filter, int limit = 1000);
    // The newest `limit` rows matching the filter, oldest first.
    Result<QList<LogEntry>, QString> readLatest(const Filter &filter, int limit);
    // The newest `limit` rows with id < beforeId matching the filter, oldest first (paging back through history).
    Result<QList<LogEntry>, QString> readBefore(qint64 beforeId, const Filter &filter, int limit);
    // The newest id in the table whatever the filter, 0 when it is empty.
    Result<qint64, QString> newestId();
    // Whether text searches use the full-text index (false before schema 5 or without FTS5: a substring scan).
    bool searchesByIndex();

private:
    enum class Direction { Older, Newer };
    // Up to `limit` matching rows beyond `boundary` in `direction`, nearest first.
    Result<QList<LogEntry>, QString> page(Direction direction, qint64 boundary, const Filter &filter, int limit);
    Result<QList<LogEntry>, QString> run(const QString &sql, const QList<QVariant> &values);

    ReadConnection m_connection;
    bool m_hasSearchIndex = false; // once seen it stays: the index is never dropped
};
