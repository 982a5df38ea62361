// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostics/metricsrecorder.h"

#include "common/diagnosticslog.h"
#include "common/logcategories.h"
#include "store/storewriter.h"

#include <QSqlError>
#include <QSqlQuery>

#include <optional>

#include <algorithm>

namespace {

qint64 minuteOf(const QDateTime &utc)
{
    return utc.toSecsSinceEpoch() / 60;
}

QString upsert(MetricKind kind)
{
    const QString insert =
        QStringLiteral("INSERT INTO metrics (minute, name, label, value) VALUES (?, ?, coalesce(?, ''), ?) "
                       "ON CONFLICT (name, minute, label) DO UPDATE SET value = ");
    // Written for both engines: the stored row named by its table (PostgreSQL finds a bare name ambiguous), and
    // CASE for SQLite's two-argument max()/min(), which PostgreSQL calls greatest()/least().
    switch (kind) {
    case MetricKind::Max:
        return insert + QStringLiteral("CASE WHEN metrics.value > excluded.value THEN metrics.value ELSE "
                                       "excluded.value END");
    case MetricKind::Min:
        return insert + QStringLiteral("CASE WHEN metrics.value < excluded.value THEN metrics.value ELSE "
                                       "excluded.value END");
    case MetricKind::Sum:
        break;
    }
    return insert + QStringLiteral("metrics.value + excluded.value");
}

// "Refused 12 requests in the minute from 10:41 UTC: 403 from 203.0.113.7 ×10, 404 from 198.51.100.2 ×2".
std::optional<LogText> refusalSummary(const QList<MetricCounters::Value> &values, qint64 minute)
{
    QList<MetricCounters::Value> refused;
    qint64 total = 0;
    for (const MetricCounters::Value &value : values) {
        if (value.metric == Metric::RequestsRefused && !value.label.isEmpty()) {
            refused.append(value);
            total += value.value;
        }
    }
    if (total == 0)
        return std::nullopt;
    std::sort(refused.begin(), refused.end(), [](const auto &a, const auto &b) { return a.value > b.value; });
    QStringList parts;
    for (qsizetype i = 0; i < std::min<qsizetype>(refused.size(), 5); ++i)
        parts.append(QStringLiteral("%1 ×%2").arg(refused.at(i).label).arg(refused.at(i).value));
    if (refused.size() > 5)
        parts.append(QStringLiteral("…"));
    return LogText(QT_TRANSLATE_NOOP("LogMessage", "Refused %1 request(s) in the minute from %2 UTC: %3"), total,
                   QDateTime::fromSecsSinceEpoch(minute * 60, Qt::UTC).toString(QStringLiteral("HH:mm")),
                   parts.join(QStringLiteral(", ")));
}

} // namespace

MetricsRecorder::MetricsRecorder(StoreWriter *writer, DiagnosticsLog *log, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_log(log)
    , m_clock(clock)
    , m_minute(minuteOf(clock.utcNow()))
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early, which would flush one minute twice (two refusal summaries for it).
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (minuteOf(m_clock.utcNow()) != m_minute)
            flush();
        scheduleNext();
    });
}

MetricsRecorder::~MetricsRecorder()
{
    flush();
}

void MetricsRecorder::start()
{
    m_minute = minuteOf(m_clock.utcNow());
    scheduleNext();
}

void MetricsRecorder::stop()
{
    m_timer.stop();
    flush();
}

void MetricsRecorder::scheduleNext()
{
    const qint64 nowMs = m_clock.utcNow().toMSecsSinceEpoch();
    const qint64 nextMinuteMs = (nowMs / 60000 + 1) * 60000;
    m_timer.start(int(nextMinuteMs - nowMs + 5));
}

void MetricsRecorder::flush()
{
    if (m_sampler)
        m_sampler(m_counters);
    const QList<MetricCounters::Value> values = m_counters.take();
    const qint64 minute = m_minute;
    m_minute = minuteOf(m_clock.utcNow());
    const bool prune = ++m_flushesSincePrune >= 60;
    if (prune)
        m_flushesSincePrune = 0;
    if (m_log) {
        if (const auto summary = refusalSummary(values, minute))
            m_log->warning(QStringLiteral("intake"), *summary);
    }
    if (prune) {
        // In chunks, each its own writer job (StoreWriter::deleteInChunks): after a long pause the backlog may be
        // weeks of minutes, and one statement deleting them all would hold the deliveries waiting behind it.
        const qint64 oldest = minute - qint64(keepDays) * 24 * 60;
        m_writer->deleteInChunks(QStringLiteral("DELETE FROM metrics WHERE (name, minute, label) IN (SELECT name, "
                                                "minute, label FROM metrics WHERE minute < ? LIMIT %1)"),
                                 {oldest}, [](Result<qint64, QString> pruned) {
                                     if (!pruned.ok())
                                         qCWarning(lcService).noquote() << "old metrics not pruned:" << pruned.error();
                                 });
    }
    if (values.isEmpty())
        return;
    m_writer->submit(
        [values, minute](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery query(db);
            for (const MetricCounters::Value &value : values) {
                query.prepare(upsert(metricInfo(value.metric).kind));
                query.addBindValue(minute);
                query.addBindValue(metricName(value.metric));
                query.addBindValue(value.label);
                query.addBindValue(value.value);
                if (!query.exec())
                    return QStringLiteral("metrics not stored: %1").arg(query.lastError().text());
            }
            return Done{};
        },
        [](const Result<Done, QString> &result) {
            if (!result.ok())
                qCWarning(lcService).noquote() << result.error();
        });
}
