// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostics/metricsreader.h"

#include <QSqlError>
#include <QSqlQuery>

namespace MetricsReader {

namespace {

qint64 minuteOf(const QDateTime &at)
{
    return at.toSecsSinceEpoch() / 60;
}

QString aggregate(MetricKind kind)
{
    switch (kind) {
    case MetricKind::Max:
        return QStringLiteral("max(value)");
    case MetricKind::Min:
        return QStringLiteral("min(value)");
    case MetricKind::Sum:
        break;
    }
    return QStringLiteral("sum(value)");
}

} // namespace

Result<QList<Point>, QString> series(QSqlDatabase &db, Metric metric, const QDateTime &from, const QDateTime &to,
                                     int bucketMinutes)
{
    const qint64 bucket = std::max(1, bucketMinutes);
    const MetricKind kind = metricInfo(metric).kind;
    // Labels first combine within a minute (a sum for counts), then minutes within a bucket by the metric's kind. The
    // derived table is named: PostgreSQL 15 wants it.
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT (minute / :bucket) * :bucket AS b, %1 FROM (SELECT minute, %2 AS value FROM "
                                 "metrics WHERE name = :name AND minute >= :from AND minute < :to GROUP BY minute) "
                                 "per_minute GROUP BY b ORDER BY b")
                      .arg(aggregate(kind), aggregate(kind == MetricKind::Sum ? MetricKind::Sum : kind)));
    query.bindValue(QStringLiteral(":bucket"), bucket);
    query.bindValue(QStringLiteral(":name"), metricName(metric));
    query.bindValue(QStringLiteral(":from"), minuteOf(from));
    query.bindValue(QStringLiteral(":to"), minuteOf(to));
    if (!query.exec())
        return QStringLiteral("cannot read the metrics: %1").arg(query.lastError().text());
    QList<Point> points;
    while (query.next())
        points.append(
            {QDateTime::fromSecsSinceEpoch(query.value(0).toLongLong() * 60, Qt::UTC), query.value(1).toLongLong()});
    return points;
}

Result<QList<LabelTotal>, QString> byLabel(QSqlDatabase &db, Metric metric, const QDateTime &from, const QDateTime &to)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT label, sum(value) AS total FROM metrics WHERE name = ? AND minute >= ? AND "
                                 "minute < ? AND label != '' GROUP BY label ORDER BY total DESC, label"));
    query.addBindValue(metricName(metric));
    query.addBindValue(minuteOf(from));
    query.addBindValue(minuteOf(to));
    if (!query.exec())
        return QStringLiteral("cannot read the metrics: %1").arg(query.lastError().text());
    QList<LabelTotal> totals;
    while (query.next())
        totals.append({query.value(0).toString(), query.value(1).toLongLong()});
    return totals;
}

} // namespace MetricsReader
