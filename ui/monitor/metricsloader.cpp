// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsloader.h"

#include "store/readconnection.h"

#include <algorithm>

bool MetricsLoader::Snapshot::isEmpty() const
{
    return refusals.isEmpty() &&
           std::all_of(series.cbegin(), series.cend(), [](const auto &points) { return points.isEmpty(); });
}

int MetricsLoader::bucketMinutes(Period period)
{
    switch (period) {
    case Period::Day:
        return 10;
    case Period::Week:
        return 60;
    case Period::Hour:
        break;
    }
    return 1;
}

int MetricsLoader::spanMinutes(Period period)
{
    switch (period) {
    case Period::Day:
        return 24 * 60;
    case Period::Week:
        return 7 * 24 * 60;
    case Period::Hour:
        break;
    }
    return 60;
}

MetricsLoader::MetricsLoader(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
{}

MetricsLoader::~MetricsLoader() = default;

void MetricsLoader::load(const MetricsLoader::Request &request)
{
    if (!m_reader)
        m_reader = std::make_unique<ReadConnection>(m_databasePath);
    Snapshot snapshot;
    if (m_reader->ensureOpen()) {
        snapshot = read(m_reader->db(), request);
    } else {
        // No database yet (a GUI started before the first writer): nothing was recorded, which is no error.
        snapshot.request = request;
    }
    Q_EMIT loaded(snapshot);
}

MetricsLoader::Snapshot MetricsLoader::read(QSqlDatabase &db, const Request &request)
{
    Snapshot snapshot;
    snapshot.request = request;
    snapshot.bucketMinutes = bucketMinutes(request.period);
    const qint64 bucket = snapshot.bucketMinutes;
    const qint64 endMinute = (request.now.toSecsSinceEpoch() / 60 / bucket + 1) * bucket;
    snapshot.to = QDateTime::fromSecsSinceEpoch(endMinute * 60, Qt::UTC);
    snapshot.from = snapshot.to.addSecs(-qint64(spanMinutes(request.period)) * 60);

    QDateTime first;
    QDateTime last;
    for (int i = 0; i < metricCount; ++i) {
        auto points = MetricsReader::series(db, Metric(i), snapshot.from, snapshot.to, snapshot.bucketMinutes);
        if (!points.ok()) {
            snapshot.error = points.error();
            return snapshot;
        }
        snapshot.series[std::size_t(i)] = points.value();
        if (!points.value().isEmpty()) {
            if (!first.isValid() || points.value().constFirst().at < first)
                first = points.value().constFirst().at;
            if (!last.isValid() || points.value().constLast().at > last)
                last = points.value().constLast().at;
        }
    }
    auto refusals = MetricsReader::byLabel(db, Metric::RequestsRefused, snapshot.from, snapshot.to);
    if (!refusals.ok()) {
        snapshot.error = refusals.error();
        return snapshot;
    }
    snapshot.refusals = refusals.value();

    if (!first.isValid())
        return snapshot;
    // A count the recorder wrote no row for was zero (it writes only what it counted); fill those buckets, so that a
    // quiet hour draws as zero instead of a line across it.
    for (int i = 0; i < metricCount; ++i) {
        if (metricInfo(Metric(i)).kind != MetricKind::Sum)
            continue;
        QList<MetricsReader::Point> &points = snapshot.series[std::size_t(i)];
        QList<MetricsReader::Point> filled;
        auto next = points.cbegin();
        for (QDateTime at = first; at <= last; at = at.addSecs(bucket * 60)) {
            if (next != points.cend() && next->at == at)
                filled.append(*next++);
            else
                filled.append({at, 0});
        }
        points = filled;
    }
    return snapshot;
}
