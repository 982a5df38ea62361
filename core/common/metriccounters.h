// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/metric.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>

// The current minute's counts, kept in memory until the MetricsRecorder takes them (once a minute) into the
// database. Thread-safe, and cheap enough for the receiver's hot path: an unlabelled count is one atomic add, an
// answer time one atomic increment of a histogram bucket. Labelled counts (refusals by cause and peer) take a mutex:
// they are for the unhappy paths only.
class MetricCounters final
{
public:
    // Distinct labels kept per metric and minute; more are counted under "other", so that a flood from many
    // addresses cannot grow the table.
    static constexpr int maxLabels = 50;

    MetricCounters();

    void add(Metric metric, qint64 n = 1);
    void add(Metric metric, const QString &label, qint64 n = 1);
    // A gauge's reading: the minute keeps the highest (MetricKind::Max) or the lowest (Min) one.
    void observe(Metric gauge, qint64 value);
    // One answer of the receiver; the minute's median and 99th percentile are stored (AnswerP50Us, AnswerP99Us).
    void observeAnswerTime(qint64 microseconds);

    struct Value final
    {
        Metric metric;
        QString label; // empty when unlabelled
        qint64 value = 0;
    };
    // Everything counted since the last take(), and starts over. A count racing the take lands in one minute or
    // the next, never in none.
    QList<Value> take();

    // The histogram's buckets: exact below 16 µs, then eight per power of two (a bucket is ≤ 12.5 % wide).
    static int bucketOf(qint64 microseconds);
    static qint64 bucketUpperBound(int bucket);
    static constexpr int bucketCount = 16 + 8 * 44;

private:
    std::array<std::atomic<qint64>, metricCount> m_values;
    std::array<std::atomic<quint32>, bucketCount> m_answerTimes;
    QMutex m_labelsMutex;
    std::array<QHash<QString, qint64>, metricCount> m_labelled;
};
