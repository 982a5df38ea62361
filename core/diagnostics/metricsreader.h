// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/metric.h"
#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

// Reads the per-minute metrics MetricsRecorder stores, for the charts and the CLI.
namespace MetricsReader {

struct Point final
{
    QDateTime at; // the bucket's first minute, UTC
    qint64 value = 0;
};

// One metric in [from, to), in buckets of `bucketMinutes` aligned to the epoch: counts add up, gauges keep their
// highest (Max) or lowest (Min) minute; labels are combined. Buckets where nothing was recorded are left out.
Result<QList<Point>, QString> series(QSqlDatabase &db, Metric metric, const QDateTime &from, const QDateTime &to,
                                     int bucketMinutes = 1);

struct LabelTotal final
{
    QString label;
    qint64 value = 0;
};
// A labelled count's totals per label in [from, to), the largest first (refusals by cause and peer).
Result<QList<LabelTotal>, QString> byLabel(QSqlDatabase &db, Metric metric, const QDateTime &from, const QDateTime &to);

} // namespace MetricsReader
