// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitor/logexporter.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

// One export of the log, run on a thread of its own so that the GUI stays live over a million rows; reports
// progress and can be cancelled. Cancelled or failed, it leaves no file behind (LogExporter writes through
// QSaveFile). Deleting the job cancels it and waits for its thread.
class LogExportJob final : public QObject
{
    Q_OBJECT

public:
    LogExportJob(QString databasePath, LogReader::Filter filter, LogExporter::Format format, QString path,
                 QObject *parent = nullptr);
    ~LogExportJob() override;

    void start();
    // Stops after the page being written; finished() then reports LogExporter::cancelledError().
    void cancel();
    bool isRunning() const;
    const QString &path() const { return m_path; }

Q_SIGNALS:
    void progressChanged(int percent);
    // Once, on the job's thread's owner: rows written, or the error (cancelledError() when cancelled).
    void finished(const Result<int, QString> &result);

private:
    QString m_databasePath;
    LogReader::Filter m_filter;
    LogExporter::Format m_format;
    QString m_path;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    QThread *m_thread = nullptr;
};
