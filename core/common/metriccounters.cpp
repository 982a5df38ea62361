// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/metriccounters.h"

#include <QMutexLocker>

#include <bit>
#include <limits>

namespace {

// A gauge that saw nothing this minute holds its kind's identity, and is not stored.
qint64 emptyValue(Metric metric)
{
    switch (metricInfo(metric).kind) {
    case MetricKind::Max:
        return std::numeric_limits<qint64>::min();
    case MetricKind::Min:
        return std::numeric_limits<qint64>::max();
    case MetricKind::Sum:
        break;
    }
    return 0;
}

const QString &otherLabel()
{
    static const QString other = QStringLiteral("other");
    return other;
}

} // namespace

MetricCounters::MetricCounters()
{
    for (int i = 0; i < metricCount; ++i)
        m_values.at(std::size_t(i)).store(emptyValue(Metric(i)), std::memory_order_relaxed);
    for (auto &bucket : m_answerTimes)
        bucket.store(0, std::memory_order_relaxed);
}

void MetricCounters::add(Metric metric, qint64 n)
{
    m_values.at(std::size_t(metric)).fetch_add(n, std::memory_order_relaxed);
}

void MetricCounters::add(Metric metric, const QString &label, qint64 n)
{
    QMutexLocker lock(&m_labelsMutex);
    QHash<QString, qint64> &labels = m_labelled.at(std::size_t(metric));
    const auto found = labels.find(label);
    if (found != labels.end())
        *found += n;
    else if (labels.size() < maxLabels)
        labels.insert(label, n);
    else
        labels[otherLabel()] += n;
}

void MetricCounters::observe(Metric gauge, qint64 value)
{
    std::atomic<qint64> &slot = m_values.at(std::size_t(gauge));
    const bool keepHighest = metricInfo(gauge).kind == MetricKind::Max;
    qint64 current = slot.load(std::memory_order_relaxed);
    while (keepHighest ? value > current : value < current) {
        if (slot.compare_exchange_weak(current, value, std::memory_order_relaxed))
            break;
    }
}

void MetricCounters::observeAnswerTime(qint64 microseconds)
{
    m_answerTimes.at(std::size_t(bucketOf(microseconds))).fetch_add(1, std::memory_order_relaxed);
}

int MetricCounters::bucketOf(qint64 microseconds)
{
    if (microseconds < 16)
        return int(std::max<qint64>(microseconds, 0));
    const int exponent = std::bit_width(quint64(microseconds)) - 1; // ≥ 4
    const int sub = int((quint64(microseconds) >> (exponent - 3)) & 7);
    return std::min(16 + (exponent - 4) * 8 + sub, bucketCount - 1);
}

qint64 MetricCounters::bucketUpperBound(int bucket)
{
    if (bucket < 16)
        return bucket;
    const int exponent = (bucket - 16) / 8 + 4;
    const int sub = (bucket - 16) % 8;
    return ((qint64(8 + sub + 1)) << (exponent - 3)) - 1;
}

QList<MetricCounters::Value> MetricCounters::take()
{
    QList<Value> values;
    for (int i = 0; i < metricCount; ++i) {
        const Metric metric = Metric(i);
        const qint64 empty = emptyValue(metric);
        const qint64 value = m_values.at(std::size_t(i)).exchange(empty, std::memory_order_relaxed);
        if (value != empty)
            values.append({metric, {}, value});
    }

    std::array<quint32, bucketCount> counts{};
    quint64 total = 0;
    for (int i = 0; i < bucketCount; ++i) {
        counts.at(std::size_t(i)) = m_answerTimes.at(std::size_t(i)).exchange(0, std::memory_order_relaxed);
        total += counts.at(std::size_t(i));
    }
    if (total > 0) {
        // The smallest bucket bound that covers the rank: never lower than the real percentile.
        const auto percentile = [&](quint64 rank) {
            quint64 seen = 0;
            for (int i = 0; i < bucketCount; ++i) {
                seen += counts.at(std::size_t(i));
                if (seen >= rank)
                    return bucketUpperBound(i);
            }
            return bucketUpperBound(bucketCount - 1);
        };
        values.append({Metric::AnswerP50Us, {}, percentile((total + 1) / 2)});
        values.append({Metric::AnswerP99Us, {}, percentile((total * 99 + 99) / 100)});
    }

    QMutexLocker lock(&m_labelsMutex);
    for (int i = 0; i < metricCount; ++i) {
        QHash<QString, qint64> &labels = m_labelled.at(std::size_t(i));
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            values.append({Metric(i), it.key(), it.value()});
        labels.clear();
    }
    return values;
}
