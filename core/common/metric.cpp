// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/metric.h"

namespace {

constexpr std::array<MetricInfo, metricCount> infos{{
    {"deliveries.stored", MetricKind::Sum},
    {"deliveries.redelivered", MetricKind::Sum},
    {"requests.refused", MetricKind::Sum},
    {"deliveries.unavailable", MetricKind::Sum},
    {"answer.p50us", MetricKind::Max},
    {"answer.p99us", MetricKind::Max},
    {"tasks.processed", MetricKind::Sum},
    {"tasks.failed", MetricKind::Sum},
    {"queue.backlog", MetricKind::Max},
    {"api.requests", MetricKind::Sum},
    {"api.rateLimited", MetricKind::Sum},
    {"api.timeouts", MetricKind::Sum},
    {"api.serverErrors", MetricKind::Sum},
    {"limiter.remaining", MetricKind::Min},
}};

} // namespace

const MetricInfo &metricInfo(Metric metric)
{
    return infos.at(std::size_t(metric));
}

QString metricName(Metric metric)
{
    return QString::fromLatin1(metricInfo(metric).name);
}

bool parseMetric(const QString &name, Metric *metric)
{
    for (int i = 0; i < metricCount; ++i) {
        if (name == QLatin1String(infos.at(std::size_t(i)).name)) {
            *metric = Metric(i);
            return true;
        }
    }
    return false;
}
