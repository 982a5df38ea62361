// SPDX-License-Identifier: GPL-3.0-or-later
#include "logexportjob.h"

#include <QThread>

LogExportJob::LogExportJob(QString databasePath, LogReader::Filter filter, LogExporter::Format format, QString path,
                           QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_filter(std::move(filter))
    , m_format(format)
    , m_path(std::move(path))
{}

LogExportJob::~LogExportJob()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

void LogExportJob::start()
{
    if (m_thread)
        return;
    // The destructor waits for the thread, so the job outlives every use of `job` there; an event queued to a job
    // deleted since is dropped by Qt.
    LogExportJob *job = this;
    m_thread = QThread::create(
        [job, cancel = m_cancel, databasePath = m_databasePath, filter = m_filter, format = m_format, path = m_path] {
            const auto progress = [job, cancel](int percent) {
                QMetaObject::invokeMethod(job, [job, percent] { Q_EMIT job->progressChanged(percent); });
                return !cancel->load();
            };
            const Result<int, QString> result = LogExporter::write(databasePath, filter, format, path, progress);
            QMetaObject::invokeMethod(job, [job, result] { Q_EMIT job->finished(result); });
        });
    m_thread->setObjectName(QStringLiteral("LogExportJob"));
    m_thread->start();
}

void LogExportJob::cancel()
{
    m_cancel->store(true);
}

bool LogExportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}
