// SPDX-License-Identifier: GPL-3.0-or-later
// Per-minute metrics: counted in memory, stored once a minute into a real database file, read back as series.
#include "common/metriccounters.h"
#include "diagnostics/logreader.h"
#include "diagnostics/metricsreader.h"
#include "diagnostics/metricsrecorder.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "fakeclock.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

namespace {

qint64 valueOf(const QList<MetricCounters::Value> &values, Metric metric, const QString &label = {})
{
    for (const MetricCounters::Value &value : values) {
        if (value.metric == metric && value.label == label)
            return value.value;
    }
    return -1;
}

class MetricsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(writer.start().ok());
        clock.setUtc(QDateTime(QDate(2026, 11, 30), QTime(10, 41, 7), Qt::UTC));
    }

    qint64 rows(const QString &table)
    {
        writer.flush();
        ReadConnection reader(path);
        QSqlQuery query(reader.db());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    QTemporaryDir dir;
    QString path = Database::fileIn(dir.path());
    StoreWriter writer{path};
    FakeClock clock;
};

} // namespace

TEST(MetricCounters, CountsFromManyThreadsAndStartsOverAfterATake)
{
    MetricCounters counters;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 10000; ++i)
                counters.add(Metric::DeliveriesStored);
        });
    for (std::thread &thread : threads)
        thread.join();
    const auto first = counters.take();
    EXPECT_EQ(valueOf(first, Metric::DeliveriesStored), 40000);
    EXPECT_EQ(valueOf(counters.take(), Metric::DeliveriesStored), -1); // nothing since: nothing stored
}

TEST(MetricCounters, GaugesKeepTheMinutesHighestOrLowestReading)
{
    MetricCounters counters;
    for (int backlog : {5, 120, 30})
        counters.observe(Metric::QueueBacklog, backlog);
    for (int remaining : {40, 3, 17})
        counters.observe(Metric::LimiterRemaining, remaining);
    const auto values = counters.take();
    EXPECT_EQ(valueOf(values, Metric::QueueBacklog), 120);
    EXPECT_EQ(valueOf(values, Metric::LimiterRemaining), 3);
}

TEST(MetricCounters, AnswerTimePercentilesAreWithinABucketOfTheTruth)
{
    MetricCounters counters;
    // 1..1000 ms in µs: the median is 500 ms, the 99th percentile 990 ms.
    for (int ms = 1; ms <= 1000; ++ms)
        counters.observeAnswerTime(qint64(ms) * 1000);
    const auto values = counters.take();
    const qint64 p50 = valueOf(values, Metric::AnswerP50Us);
    const qint64 p99 = valueOf(values, Metric::AnswerP99Us);
    EXPECT_GE(p50, 500000);
    EXPECT_LE(p50, 500000 * 1.125);
    EXPECT_GE(p99, 990000);
    EXPECT_LE(p99, 990000 * 1.125);
    for (qint64 us : {0LL, 7LL, 15LL, 16LL, 17LL, 1000LL, 123456LL, 60LL * 1000 * 1000})
        EXPECT_GE(MetricCounters::bucketUpperBound(MetricCounters::bucketOf(us)), us) << us;
}

TEST(MetricCounters, ManyLabelsFoldIntoOther)
{
    MetricCounters counters;
    for (int i = 0; i < 1000; ++i)
        counters.add(Metric::RequestsRefused,
                     QStringLiteral("403 wrong verification string from 10.0.%1.%2").arg(i / 256).arg(i % 256));
    const auto values = counters.take();
    EXPECT_EQ(values.size(), MetricCounters::maxLabels + 1);
    EXPECT_EQ(valueOf(values, Metric::RequestsRefused, QStringLiteral("other")), 1000 - MetricCounters::maxLabels);
}

TEST_F(MetricsTest, AMinutesCountsAreOneRowPerMetricAndAddUpAcrossFlushes)
{
    MetricsRecorder recorder(&writer, nullptr, clock);
    recorder.start();
    for (int i = 0; i < 500; ++i)
        recorder.counters().add(Metric::DeliveriesStored);
    recorder.counters().observe(Metric::QueueBacklog, 40);
    recorder.flush();
    // Stopped and started again within the same minute (a restart): the second flush adds to the same rows.
    recorder.counters().add(Metric::DeliveriesStored, 20);
    recorder.counters().observe(Metric::QueueBacklog, 12);
    recorder.flush();
    EXPECT_EQ(rows(QStringLiteral("metrics")), 2);

    ReadConnection reader(path);
    const QDateTime minute(QDate(2026, 11, 30), QTime(10, 41), Qt::UTC);
    const auto stored = MetricsReader::series(reader.db(), Metric::DeliveriesStored, minute, minute.addSecs(60));
    ASSERT_TRUE(stored.ok()) << stored.error().toStdString();
    ASSERT_EQ(stored.value().size(), 1);
    EXPECT_EQ(stored.value().first().at, minute);
    EXPECT_EQ(stored.value().first().value, 520);
    const auto backlog = MetricsReader::series(reader.db(), Metric::QueueBacklog, minute, minute.addSecs(60));
    ASSERT_EQ(backlog.value().size(), 1);
    EXPECT_EQ(backlog.value().first().value, 40);
}

TEST_F(MetricsTest, SeriesAddCountsAndKeepGaugesPerBucket)
{
    MetricsRecorder recorder(&writer, nullptr, clock);
    const QDateTime start(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
    clock.setUtc(start);
    recorder.start();
    // 90 minutes: i deliveries and a backlog of i in minute i.
    for (int i = 1; i <= 90; ++i) {
        recorder.counters().add(Metric::DeliveriesStored, i);
        recorder.counters().observe(Metric::QueueBacklog, i);
        recorder.counters().observe(Metric::LimiterRemaining, 100 - i);
        clock.advance(60 * 1000);
        recorder.flush();
    }
    writer.flush();
    ReadConnection reader(path);
    const auto hourly =
        MetricsReader::series(reader.db(), Metric::DeliveriesStored, start, start.addSecs(2 * 3600), 60);
    ASSERT_TRUE(hourly.ok()) << hourly.error().toStdString();
    ASSERT_EQ(hourly.value().size(), 2);
    EXPECT_EQ(hourly.value().at(0).value, 60 * 61 / 2);
    EXPECT_EQ(hourly.value().at(1).value, 90 * 91 / 2 - 60 * 61 / 2);
    const auto backlog = MetricsReader::series(reader.db(), Metric::QueueBacklog, start, start.addSecs(2 * 3600), 60);
    EXPECT_EQ(backlog.value().at(0).value, 60);
    EXPECT_EQ(backlog.value().at(1).value, 90);
    const auto remaining =
        MetricsReader::series(reader.db(), Metric::LimiterRemaining, start, start.addSecs(2 * 3600), 60);
    EXPECT_EQ(remaining.value().at(0).value, 40);
    EXPECT_EQ(remaining.value().at(1).value, 10);
    // Minutes without data are left out, not zero-filled.
    const auto none =
        MetricsReader::series(reader.db(), Metric::DeliveriesStored, start.addDays(-1), start.addSecs(-60));
    EXPECT_TRUE(none.value().isEmpty());
}

TEST_F(MetricsTest, RefusalsAreOneSummaryRowAMinuteWithTotalsByLabel)
{
    SqliteDiagnosticsLog log(&writer, clock);
    MetricsRecorder recorder(&writer, &log, clock);
    recorder.start();
    for (int i = 0; i < 3000; ++i)
        recorder.counters().add(Metric::RequestsRefused,
                                i % 3 == 0 ? QStringLiteral("404 not a hook path from 203.0.113.9")
                                           : QStringLiteral("403 wrong verification string from 203.0.113.7"));
    recorder.flush();
    recorder.flush(); // nothing new: no second row
    EXPECT_EQ(rows(QStringLiteral("log")), 1);
    LogReader logReader(path);
    const auto summary = logReader.readLatest({}, 1);
    ASSERT_EQ(summary.value().size(), 1);
    EXPECT_EQ(summary.value().first().level, LogLevel::Warning);
    EXPECT_TRUE(summary.value().first().message.contains(QStringLiteral("3000")))
        << summary.value().first().message.toStdString();
    EXPECT_TRUE(summary.value().first().message.contains(
        QStringLiteral("403 wrong verification string from 203.0.113.7 ×2000")))
        << summary.value().first().message.toStdString();

    ReadConnection reader(path);
    const QDateTime day = clock.utcNow().addDays(-1);
    const auto totals = MetricsReader::byLabel(reader.db(), Metric::RequestsRefused, day, day.addDays(2));
    ASSERT_TRUE(totals.ok()) << totals.error().toStdString();
    ASSERT_EQ(totals.value().size(), 2);
    EXPECT_EQ(totals.value().at(0).value, 2000);
    EXPECT_EQ(totals.value().at(1).label, QStringLiteral("404 not a hook path from 203.0.113.9"));
}

TEST_F(MetricsTest, ATimerThatFiresBeforeTheMinuteIsOverFlushesNothing)
{
    // The timer is due 50 ms after this; the fake clock stands still, as a real one seems to a timer firing early.
    clock.setUtc(QDateTime(QDate(2026, 11, 30), QTime(10, 41, 59, 950), Qt::UTC));
    SqliteDiagnosticsLog log(&writer, clock);
    MetricsRecorder recorder(&writer, &log, clock);
    recorder.start();
    recorder.counters().add(Metric::RequestsRefused, QStringLiteral("403 wrong verification string from 203.0.113.7"));
    QTest::qWait(300);
    EXPECT_EQ(rows(QStringLiteral("log")), 0);
    EXPECT_EQ(rows(QStringLiteral("metrics")), 0);

    clock.advance(100); // now in the next minute: the next firing stores the last one
    ASSERT_TRUE(QTest::qWaitFor([&] { return rows(QStringLiteral("log")) == 1; }, 5000));
    EXPECT_EQ(rows(QStringLiteral("metrics")), 1);
}

TEST_F(MetricsTest, MinutesOlderThanAWeekAndADayArePruned)
{
    MetricsRecorder recorder(&writer, nullptr, clock);
    recorder.start();
    recorder.counters().add(Metric::TasksProcessed, 3);
    recorder.flush();
    clock.advance(qint64(MetricsRecorder::keepDays + 1) * 24 * 3600 * 1000);
    recorder.flush(); // nothing counted: the next minute begins
    // Pruning runs once an hour of flushes.
    for (int i = 0; i < 60; ++i) {
        recorder.counters().add(Metric::TasksProcessed);
        clock.advance(60 * 1000);
        recorder.flush();
    }
    writer.flush();
    ReadConnection reader(path);
    const QDateTime epoch = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    const auto all = MetricsReader::series(reader.db(), Metric::TasksProcessed, epoch, clock.utcNow().addDays(1));
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all.value().size(), 60); // the first minute is gone
}

// After a long pause the hourly prune may find weeks of minutes: it deletes them a chunk per writer job, so that
// deliveries commit between the chunks, and keeps every minute of the last week and a day.
TEST_F(MetricsTest, ALargeBacklogOfOldMinutesIsPrunedInChunksAndTheRecentOnesAreKept)
{
    const qint64 now = clock.utcNow().toSecsSinceEpoch() / 60;
    const qint64 old = StoreWriter::deleteChunkRows * 2 + 345;
    writer.submit([&](QSqlDatabase &db) -> Result<Done, QString> {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO metrics (minute, name, label, value) VALUES (?, ?, '', 1)"));
        // Old minutes of one metric, a month back; recent ones of another, within the week.
        for (qint64 i = 0; i < old + 5; ++i) {
            const bool recent = i >= old;
            insert.addBindValue(recent ? now - 60 * 24 * 3 - i : now - 60 * 24 * 30 - i);
            insert.addBindValue(recent ? QStringLiteral("recent") : QStringLiteral("old"));
            if (!insert.exec())
                return insert.lastError().text();
        }
        return Done{};
    });
    writer.flush();
    const quint64 jobsBefore = writer.stats().jobs;

    MetricsRecorder recorder(&writer, nullptr, clock);
    for (int i = 0; i < 60; ++i) { // the prune runs once an hour of flushes
        clock.advance(60 * 1000);
        recorder.flush(); // nothing counted: no job of its own
    }
    writer.flush();
    EXPECT_GE(writer.stats().jobs - jobsBefore, 3u) << "two full chunks and a short one, each a job";
    EXPECT_EQ(rows(QStringLiteral("metrics WHERE name = 'old'")), 0);
    EXPECT_EQ(rows(QStringLiteral("metrics WHERE name = 'recent'")), 5);
}
