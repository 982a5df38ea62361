// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/metriccounters.h"

#include <QObject>
#include <QTimer>

#include <functional>

class DiagnosticsLog;
class StoreWriter;

// Takes each minute's counts (MetricCounters) into skladhook.db, table `metrics` (minute, name, label, value), in one
// small writer job a minute whatever the traffic: the charts read them, and a refused request or a redelivery costs a
// count instead of a log row. Of the refusals it also writes one summary row to the diagnostics log per minute at
// most. Minutes older than keepDays are pruned. Lives on the thread that created it.
class MetricsRecorder final : public QObject
{
    Q_OBJECT

public:
    static constexpr int keepDays = 8; // the charts' week, and a day to spare

    // log may be null (no summary rows).
    MetricsRecorder(StoreWriter *writer, DiagnosticsLog *log, const Clock &clock = Clock::system(),
                    QObject *parent = nullptr);
    ~MetricsRecorder() override; // flushes

    // Where the receiver, the worker and the client count; valid as long as the recorder.
    MetricCounters &counters() { return m_counters; }
    // Called on this thread just before each flush, to read gauges (queue backlog, the limiter's budget) and what
    // others count in their own way (the API client's counters).
    void setSampler(std::function<void(MetricCounters &)> sampler) { m_sampler = std::move(sampler); }

    // Flushes at every minute boundary from now on.
    void start();
    // Flushes what was counted and stops the timer.
    void stop();
    // Writes what was counted since the last flush into the minute that flush started (a partial minute's second
    // flush adds to the same row).
    void flush();

private:
    void scheduleNext();

    StoreWriter *m_writer = nullptr;
    DiagnosticsLog *m_log = nullptr;
    const Clock &m_clock;
    MetricCounters m_counters;
    std::function<void(MetricCounters &)> m_sampler;
    QTimer m_timer;
    qint64 m_minute = 0; // minutes since the epoch (UTC) the counts being gathered belong to
    int m_flushesSincePrune = 0;
};
