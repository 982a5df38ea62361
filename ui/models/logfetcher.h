// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostics/logreader.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <memory>

// LogModel's reads, off the GUI thread: lives in the model's reader thread and owns a LogReader there (a Qt SQL
// connection belongs to the thread that opened it). Answers each request with pageRead(), in the order asked.
// A request older than the model's latest generation (a filter changed since) is skipped unread.
class LogFetcher final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        enum class Kind {
            Reload, // the newest page; rows newest first
            Older,  // the page below `boundary`; rows newest first
            Newer,  // the page above `boundary`; rows oldest first
            Poll,   // as Newer: the rows written since `boundary`
        };
        Kind kind = Kind::Reload;
        quint64 generation = 0;
        qint64 boundary = 0;
        LogReader::Filter filter;
        int limit = 0;
    };
    struct Page
    {
        Request request;
        QList<LogEntry> rows;
        qint64 newestId = 0; // the table's newest id, read before the rows
        QString error;       // empty when the read worked
    };

    // `generation`: the model's latest generation, shared with it.
    LogFetcher(QString databasePath, std::shared_ptr<const std::atomic<quint64>> generation);
    ~LogFetcher() override;

    // Runs on the fetcher's thread (queue it with QMetaObject::invokeMethod).
    void read(const LogFetcher::Request &request);

Q_SIGNALS:
    void pageRead(const LogFetcher::Page &page);

private:
    QString m_databasePath;
    std::shared_ptr<const std::atomic<quint64>> m_generation;
    std::unique_ptr<LogReader> m_reader; // made on first use, on the fetcher's thread
};
