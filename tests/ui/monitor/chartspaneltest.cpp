// SPDX-License-Identifier: GPL-3.0-or-later
// The Charts tab over a real skladhook.db whose metrics MetricsRecorder wrote minute by minute (a fake clock moves
// the minutes): each chart's points, the period switch, the refusals table, hover texts and an empty database.
#include "monitor/chartspanel.h"
#include "common/metriccounters.h"
#include "diagnostics/metricsrecorder.h"
#include "fakeclock.h"
#include "monitorfixture.h"
#include "qtmessagefailure.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QScopedValueRollback>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

#include <memory>

namespace {

QDateTime utc(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC);
}

class ChartsPanelTest : public MonitorFixture
{
protected:
    void SetUp() override
    {
        MonitorFixture::SetUp();
        clock.setUtc(utc(30, 10, 40));
    }

    // Counts `fill` into the minute starting at `at` and stores it, as the recorder does at the minute's end.
    template<typename Fill>
    void recordMinute(const QDateTime &at, Fill fill)
    {
        clock.setUtc(at);
        MetricsRecorder recorder(&writer, nullptr, clock);
        fill(recorder.counters());
        clock.setUtc(at.addSecs(60));
        recorder.flush();
    }

    // Hour 10:40–10:42 of 30 November, one minute at 07:40 (in the day, not the hour) and one on 28 November (in the
    // week only).
    void recordDay()
    {
        recordMinute(utc(30, 10, 40), [](MetricCounters &c) {
            c.add(Metric::DeliveriesStored, 3);
            c.add(Metric::DeliveriesRedelivered, 1);
            c.add(Metric::RequestsRefused, QStringLiteral("403 wrong verification string from 203.0.113.7"), 2);
            for (int i = 0; i < 3; ++i)
                c.observeAnswerTime(1500);
            c.add(Metric::TasksProcessed, 5);
            c.add(Metric::TasksFailed, 1);
            c.observe(Metric::QueueBacklog, 7);
            c.add(Metric::ApiRequests, 10);
            c.add(Metric::ApiRateLimited, 2);
            c.observe(Metric::LimiterRemaining, 40);
        });
        recordMinute(utc(30, 10, 42), [](MetricCounters &c) {
            c.add(Metric::DeliveriesStored, 4);
            c.add(Metric::RequestsRefused, QStringLiteral("404 not a hook path from 198.51.100.2"), 1);
            c.observe(Metric::QueueBacklog, 2);
            c.observe(Metric::LimiterRemaining, 45);
        });
        recordMinute(utc(30, 7, 40), [](MetricCounters &c) { c.add(Metric::DeliveriesStored, 5); });
        recordMinute(utc(28, 9, 15), [](MetricCounters &c) { c.add(Metric::DeliveriesStored, 6); });
        writer.flush();
        clock.setUtc(utc(30, 10, 43));
    }

    void makePanel()
    {
        panel = std::make_unique<ChartsPanel>(databasePath, nullptr, &clock);
        panel->resize(1000, 900);
        QSignalSpy refreshed(panel.get(), &ChartsPanel::refreshed);
        panel->show(); // reads on show
        ASSERT_TRUE(refreshed.wait(5000));
    }

    void switchTo(ChartsPanel::Period period)
    {
        QSignalSpy refreshed(panel.get(), &ChartsPanel::refreshed);
        auto *combo = panel->findChild<QComboBox *>(QStringLiteral("periodCombo"));
        ASSERT_NE(combo, nullptr);
        combo->setCurrentIndex(int(period));
        ASSERT_TRUE(refreshed.wait(5000));
        ASSERT_EQ(panel->period(), period);
    }

    QLineSeries *series(const QString &chart, const QString &name)
    {
        QChartView *view = panel->chartView(chart);
        if (!view)
            return nullptr;
        const QList<QAbstractSeries *> all = view->chart()->series();
        for (QAbstractSeries *s : all) {
            if (s->name() == name)
                return qobject_cast<QLineSeries *>(s);
        }
        return nullptr;
    }

    // The series' points as (minutes after `origin`, value).
    QList<QPair<qint64, double>> points(const QString &chart, const QString &name, const QDateTime &origin)
    {
        QList<QPair<qint64, double>> out;
        QLineSeries *s = series(chart, name);
        if (!s)
            return {{-1, -1}};
        const QList<QPointF> xy = s->points();
        for (const QPointF &p : xy)
            out.append({(qint64(p.x()) - origin.toMSecsSinceEpoch()) / 60000, p.y()});
        return out;
    }

    FakeClock clock;
    std::unique_ptr<ChartsPanel> panel;
};

using Points = QList<QPair<qint64, double>>;

} // namespace

TEST_F(ChartsPanelTest, EmptyDatabaseSaysNoDataYet)
{
    {
        // Before its first read the panel claims nothing.
        const ChartsPanel unread(databasePath, nullptr, &clock);
        auto *label = unread.findChild<QLabel *>(QStringLiteral("chartsEmpty"));
        ASSERT_NE(label, nullptr);
        EXPECT_EQ(label->text(), QStringLiteral("Reading the charts…"));
    }
    makePanel();
    auto *empty = panel->findChild<QLabel *>(QStringLiteral("chartsEmpty"));
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
    EXPECT_TRUE(empty->text().startsWith(QStringLiteral("No data yet"))) << empty->text().toStdString();
    EXPECT_FALSE(panel->chartView(QStringLiteral("deliveriesChart"))->isVisible());

    // The first recorded minute shows up with the next refresh.
    recordDay();
    QSignalSpy refreshed(panel.get(), &ChartsPanel::refreshed);
    panel->refresh();
    ASSERT_TRUE(refreshed.wait(5000));
    EXPECT_FALSE(empty->isVisible());
    EXPECT_TRUE(panel->chartView(QStringLiteral("deliveriesChart"))->isVisible());
}

TEST_F(ChartsPanelTest, EachChartShowsItsMetricsForTheLastHour)
{
    recordDay();
    makePanel(); // a panel opened after a restart: the minutes are in the database
    ASSERT_EQ(panel->period(), ChartsPanel::Period::Hour);
    EXPECT_EQ(panel->chartViews().size(), 6);
    const QDateTime t0 = utc(30, 10, 40);
    // Counts: a zero for the quiet minute between two recorded ones.
    EXPECT_EQ(points(QStringLiteral("deliveriesChart"), QStringLiteral("stored"), t0),
              (Points{{0, 3}, {1, 0}, {2, 4}}));
    EXPECT_EQ(points(QStringLiteral("deliveriesChart"), QStringLiteral("redelivered"), t0),
              (Points{{0, 1}, {1, 0}, {2, 0}}));
    EXPECT_EQ(points(QStringLiteral("deliveriesChart"), QStringLiteral("refused"), t0),
              (Points{{0, 2}, {1, 0}, {2, 1}}));
    EXPECT_EQ(points(QStringLiteral("tasksChart"), QStringLiteral("processed"), t0), (Points{{0, 5}, {1, 0}, {2, 0}}));
    EXPECT_EQ(points(QStringLiteral("tasksChart"), QStringLiteral("failed"), t0), (Points{{0, 1}, {1, 0}, {2, 0}}));
    // Gauges: only the minutes they were read in.
    EXPECT_EQ(points(QStringLiteral("backlogChart"), QStringLiteral("waiting (highest)"), t0),
              (Points{{0, 7}, {2, 2}}));
    EXPECT_EQ(points(QStringLiteral("limiterChart"), QStringLiteral("remaining (lowest)"), t0),
              (Points{{0, 40}, {2, 45}}));
    EXPECT_EQ(points(QStringLiteral("apiChart"), QStringLiteral("answered"), t0), (Points{{0, 10}, {1, 0}, {2, 0}}));
    EXPECT_EQ(points(QStringLiteral("apiChart"), QStringLiteral("429 Too Many Requests"), t0),
              (Points{{0, 2}, {1, 0}, {2, 0}}));
    // Answer times in milliseconds: the histogram bucket 1.5 ms falls in, at its upper bound.
    const double ms = double(MetricCounters::bucketUpperBound(MetricCounters::bucketOf(1500))) / 1000;
    EXPECT_EQ(points(QStringLiteral("latencyChart"), QStringLiteral("median (p50)"), t0), (Points{{0, ms}}));
    EXPECT_EQ(points(QStringLiteral("latencyChart"), QStringLiteral("p99"), t0), (Points{{0, ms}}));

    // Axes: the last hour up to the current minute's end, with units.
    QChart *chart = panel->chartView(QStringLiteral("deliveriesChart"))->chart();
    auto *x = qobject_cast<QDateTimeAxis *>(chart->axes(Qt::Horizontal).constFirst());
    auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).constFirst());
    EXPECT_EQ(x->max().toUTC(), utc(30, 10, 44));
    EXPECT_EQ(x->min().toUTC(), utc(30, 9, 44));
    EXPECT_EQ(y->titleText(), ChartsPanel::tr("per %n min", nullptr, 1));
    // The highest point, 4, with a little room above: four intervals of 2.
    EXPECT_EQ(y->max(), 8);
    EXPECT_EQ(qobject_cast<QValueAxis *>(
                  panel->chartView(QStringLiteral("latencyChart"))->chart()->axes(Qt::Vertical).constFirst())
                  ->titleText(),
              QStringLiteral("ms"));
    EXPECT_EQ(panel->chartView(QStringLiteral("deliveriesChart"))->accessibleName(),
              QStringLiteral("Deliveries received"));
    EXPECT_TRUE(panel->chartView(QStringLiteral("deliveriesChart"))
                    ->accessibleDescription()
                    .contains(QStringLiteral("stored: 7 in the period")));

    // Refusals by cause, the largest first.
    auto *refusals = panel->findChild<QTableView *>(QStringLiteral("refusalsView"));
    ASSERT_NE(refusals, nullptr);
    QAbstractItemModel *model = refusals->model();
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->index(0, 0).data().toString(), QStringLiteral("403 wrong verification string"));
    EXPECT_EQ(model->index(0, 1).data().toString(), QStringLiteral("203.0.113.7"));
    EXPECT_EQ(model->index(0, 2).data().toString(), QStringLiteral("2"));
    EXPECT_EQ(model->index(1, 0).data().toString(), QStringLiteral("404 not a webhook address"));
}

TEST_F(ChartsPanelTest, ThePeriodSwitchReadsLongerRangesInLargerBuckets)
{
    recordDay();
    makePanel();
    switchTo(ChartsPanel::Period::Day);
    // 10-minute buckets from 07:40 to 10:40: the morning's minute, zeros, then 10:40–10:49 summed.
    Points expected{{0, 5}};
    for (int i = 1; i < 18; ++i)
        expected.append({10 * i, 0});
    expected.append({180, 7});
    EXPECT_EQ(points(QStringLiteral("deliveriesChart"), QStringLiteral("stored"), utc(30, 7, 40)), expected);
    // A gauge keeps the bucket's highest backlog and lowest budget.
    EXPECT_EQ(points(QStringLiteral("backlogChart"), QStringLiteral("waiting (highest)"), utc(30, 10, 40)),
              (Points{{0, 7}}));
    EXPECT_EQ(points(QStringLiteral("limiterChart"), QStringLiteral("remaining (lowest)"), utc(30, 10, 40)),
              (Points{{0, 40}}));
    EXPECT_EQ(qobject_cast<QValueAxis *>(
                  panel->chartView(QStringLiteral("tasksChart"))->chart()->axes(Qt::Vertical).constFirst())
                  ->titleText(),
              ChartsPanel::tr("per %n min", nullptr, 10));
    auto *x = qobject_cast<QDateTimeAxis *>(
        panel->chartView(QStringLiteral("deliveriesChart"))->chart()->axes(Qt::Horizontal).constFirst());
    EXPECT_EQ(x->min().toUTC(), utc(29, 10, 50));
    EXPECT_EQ(x->max().toUTC(), utc(30, 10, 50));

    // The week: hourly buckets, 28 November's minute included.
    switchTo(ChartsPanel::Period::Week);
    const Points week = points(QStringLiteral("deliveriesChart"), QStringLiteral("stored"), utc(28, 9, 0));
    ASSERT_EQ(week.size(), 2 * 24 + 2);
    EXPECT_EQ(week.constFirst(), (QPair<qint64, double>{0, 6}));
    EXPECT_EQ(week.at(46), (QPair<qint64, double>{46 * 60, 5})); // 30 November 07:00
    EXPECT_EQ(week.constLast(), (QPair<qint64, double>{49 * 60, 7}));
    EXPECT_EQ(panel->snapshot().bucketMinutes, 60);

    // And back to the hour.
    switchTo(ChartsPanel::Period::Hour);
    EXPECT_EQ(points(QStringLiteral("deliveriesChart"), QStringLiteral("stored"), utc(30, 10, 40)),
              (Points{{0, 3}, {1, 0}, {2, 4}}));
}

TEST_F(ChartsPanelTest, HoveringAPointShowsItsTimeValueAndUnit)
{
    recordDay();
    makePanel();
    QLineSeries *stored = series(QStringLiteral("deliveriesChart"), QStringLiteral("stored"));
    ASSERT_NE(stored, nullptr);
    const QString text = panel->pointText(stored, 2);
    EXPECT_TRUE(text.contains(QLocale().toString(utc(30, 10, 42).toLocalTime(), QLocale::ShortFormat)))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("stored: 4 ") + ChartsPanel::tr("per %n min", nullptr, 1)))
        << text.toStdString();
    QLineSeries *p50 = series(QStringLiteral("latencyChart"), QStringLiteral("median (p50)"));
    ASSERT_NE(p50, nullptr);
    EXPECT_TRUE(panel->pointText(p50, 0).endsWith(QStringLiteral(" ms"))) << panel->pointText(p50, 0).toStdString();

    // The pointer near the third point: its text in the tooltip; leaving hides it. (The offscreen platform warns
    // that it cannot raise the tooltip's window.)
    const QScopedValueRollback<bool> allowed(allowQtWarnings(), true);
    Q_EMIT stored->hovered(QPointF(stored->at(2).x() - 1000, 3), true);
    EXPECT_EQ(QToolTip::text(), text);
    Q_EMIT stored->hovered(QPointF(stored->at(2).x(), 3), false);
    EXPECT_TRUE(QTest::qWaitFor([] { return !QToolTip::isVisible(); }, 2000));
}
