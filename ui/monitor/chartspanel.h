// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitor/metricsloader.h"

#include <QList>
#include <QThread>
#include <QTimer>
#include <QWidget>

#include <memory>

class Clock;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QXYSeries;

// The Charts tab: what the service counted per minute (table `metrics`) over the last hour, day or week, a chart
// per group — deliveries received, tasks processed and failed, the queue's backlog, the receiver's answer time,
// MoySklad requests and its 429s, the rate limiter's remaining budget — and the refused requests by cause. Read
// from the database like the rest of the monitor (the same whichever process serves, and there at once after a
// restart), on a reader thread of its own; refreshed once a minute while shown, and on show.
class ChartsPanel final : public QWidget
{
    Q_OBJECT

public:
    using Period = MetricsLoader::Period;

    // `databasePath`: the data directory's skladhook.db, read-only here.
    explicit ChartsPanel(const QString &databasePath, QWidget *parent = nullptr, const Clock *clock = nullptr);
    ~ChartsPanel() override;

    Period period() const { return m_period; }
    void setPeriod(Period period);
    // The chart views, in the order they are laid out; their objectNames say which group each shows.
    QList<QChartView *> chartViews() const;
    QChartView *chartView(const QString &objectName) const;
    // The snapshot the charts show now.
    const MetricsLoader::Snapshot &snapshot() const { return m_snapshot; }
    // What hovering the series' point at `index` shows: the time, the series and the value with its unit.
    QString pointText(const QXYSeries *series, int index) const;

public Q_SLOTS:
    // Reads the current period again (off the GUI thread); refreshed() follows.
    void refresh();

Q_SIGNALS:
    // A read came back and the charts show it.
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Line
    {
        Metric metric;
        const char *name; // tr()'d in ChartsPanel's context
        double divisor;   // µs → ms for the answer times
    };
    struct Group
    {
        QString objectName;
        const char *title;
        const char *unit; // empty: "per <bucket>" counts
        QList<Line> lines;
        QChartView *view = nullptr;
    };

    void retranslate();
    void onLoaded(const MetricsLoader::Snapshot &snapshot);
    void showSnapshot();
    void fillGroup(Group &group);
    QString unitText(const Group &group) const;
    void onHovered(QXYSeries *series, const QPointF &point, bool state);

    const Clock *m_clock = nullptr;
    Period m_period = Period::Hour;
    QThread m_thread;
    MetricsLoader *m_loader = nullptr; // lives in m_thread, deleted there
    quint64 m_generation = 0;
    MetricsLoader::Snapshot m_snapshot;
    QTimer m_timer;

    QLabel *m_periodLabel = nullptr;
    QComboBox *m_periodCombo = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_refusalsTitle = nullptr;
    QTableView *m_refusalsView = nullptr;
    QStandardItemModel *m_refusals = nullptr;
    QList<Group> m_groups;
};
