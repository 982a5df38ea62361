// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/metric.h"
#include "diagnostics/metricsreader.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <array>
#include <memory>

class ReadConnection;

// The Charts tab's reads, off the GUI thread: lives in the panel's reader thread and owns a ReadConnection there (a
// Qt SQL connection belongs to the thread that opened it). A week is 14 metrics over up to 10,080 minutes each,
// tens of milliseconds of SQLite: too long for the GUI thread.
class MetricsLoader final : public QObject
{
    Q_OBJECT

public:
    enum class Period { Hour, Day, Week };

    struct Request
    {
        Period period = Period::Hour;
        QDateTime now;          // UTC; the period ends with the bucket holding this minute
        quint64 generation = 0; // the panel drops answers to requests older than its latest
    };

    struct Snapshot
    {
        Request request;
        QDateTime from; // UTC, the first bucket's start
        QDateTime to;   // UTC, exclusive
        int bucketMinutes = 1;
        // Per Metric (indexed by its value). Counts have a zero point for every bucket between the first and the
        // last one anything was recorded in (nothing counted is a real zero while SkladHook ran); gauges keep only
        // the buckets they were read in.
        std::array<QList<MetricsReader::Point>, metricCount> series;
        QList<MetricsReader::LabelTotal> refusals; // RequestsRefused by "<status> <cause> from <peer>"
        QString error;                             // empty when the read worked

        const QList<MetricsReader::Point> &points(Metric metric) const { return series.at(std::size_t(metric)); }
        // Nothing recorded in the period.
        bool isEmpty() const;
    };

    // The bucket size each period is drawn with: 60 points an hour, 144 a day, 168 a week.
    static int bucketMinutes(Period period);
    static int spanMinutes(Period period);

    explicit MetricsLoader(QString databasePath, QObject *parent = nullptr);
    ~MetricsLoader() override;

    // Runs on the loader's thread (queue it with QMetaObject::invokeMethod); answers with loaded().
    void load(const MetricsLoader::Request &request);
    // The read itself, on any connection (tests, the screenshot).
    static Snapshot read(QSqlDatabase &db, const Request &request);

Q_SIGNALS:
    void loaded(const MetricsLoader::Snapshot &snapshot);

private:
    QString m_databasePath;
    std::unique_ptr<ReadConnection> m_reader; // made on first use, on the loader's thread
};
