// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <array>

// What SkladHook counts per minute (table `metrics`): the charts' series and the counters that replace a log row
// per refused request or redelivery. A name is stored, so a renamed enumerator keeps its name().
enum class Metric {
    DeliveriesStored,      // 200, new deliveries committed
    DeliveriesRedelivered, // 200, a requestId seen before
    RequestsRefused,       // 400/403/404/405/413, labelled "<status> <peer>"
    DeliveriesUnavailable, // 500/503: not stored, MoySklad retries
    AnswerP50Us,           // the receiver's answer time to stored deliveries, median of the minute (µs)
    AnswerP99Us,           // … 99th percentile (µs)
    TasksProcessed,
    TasksFailed,      // attempts that failed (retrying or dead)
    QueueBacklog,     // tasks waiting, the highest seen in the minute
    ApiRequests,      // requests answered by MoySklad (any status)
    ApiRateLimited,   // 429 answers
    ApiTimeouts,      // requests given up after the client's timeout
    ApiServerErrors,  // 5xx answers and dropped connections sent again
    LimiterRemaining, // the rate limiter's remaining budget (requests), the lowest seen in the minute
};
inline constexpr int metricCount = int(Metric::LimiterRemaining) + 1;

// How two values of one minute (two flushes, two processes) combine, and how minutes combine into a bucket.
enum class MetricKind { Sum, Max, Min };

struct MetricInfo final
{
    const char *name; // "deliveries.stored"
    MetricKind kind;
};

const MetricInfo &metricInfo(Metric metric);
QString metricName(Metric metric);
// The inverse of metricName(); false when unknown.
bool parseMetric(const QString &name, Metric *metric);
