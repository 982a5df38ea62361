// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logentry.h"
#include "common/result.h"
#include "store/readconnection.h"

#include <QList>
#include <QString>

// Reads the diagnostics log incrementally through its own read-only connection (the GUI pane, `log --follow`),
// opened once the database exists. Belongs to the thread that creates it, as its connection does.
class LogReader final
{
public:
    struct Filter
    {
        LogLevel minimumLevel = LogLevel::Debug;
        QString hook; // "customerorder/UPDATE", empty = all
        QString text; // substring of message, details, requestId or documentId; empty = all
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

private:
    Result<QList<LogEntry>, QString> select(const QString &where, const QList<QVariant> &values, const QString &order,
                                            int limit);

    ReadConnection m_connection;
};
