// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspanel.h"

#include "common/clock.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr int refreshMs = 60 * 1000; // the recorder writes a minute at a time
constexpr int chartMinimumHeight = 230;

// The receiver's refusal causes (core/intake/receiver.cpp), as stored in the label.
const struct
{
    const char *cause;
    const char *text;
} refusalCauses[] = {
    {"wrong verification string", QT_TRANSLATE_NOOP("ChartsPanel", "wrong verification string")},
    {"no verification string", QT_TRANSLATE_NOOP("ChartsPanel", "no verification string")},
    {"not a hook path", QT_TRANSLATE_NOOP("ChartsPanel", "not a webhook address")},
    {"method not allowed", QT_TRANSLATE_NOOP("ChartsPanel", "method not allowed")},
    {"no requestId", QT_TRANSLATE_NOOP("ChartsPanel", "no requestId")},
    {"body too large", QT_TRANSLATE_NOOP("ChartsPanel", "body too large")},
    {"malformed body", QT_TRANSLATE_NOOP("ChartsPanel", "malformed body")},
};

// The smallest of 1, 2, 5, 10, 20, 50… not below `atLeast`.
double niceInterval(double atLeast)
{
    for (double power = 1;; power *= 10) {
        for (const double step : {1.0, 2.0, 5.0}) {
            if (step * power >= atLeast)
                return step * power;
        }
    }
}

QString causeText(const QString &cause)
{
    for (const auto &known : refusalCauses) {
        if (cause == QLatin1String(known.cause))
            return ChartsPanel::tr(known.text);
    }
    return cause;
}

} // namespace

ChartsPanel::ChartsPanel(const QString &databasePath, QWidget *parent, const Clock *clock)
    : QWidget(parent)
    , m_clock(clock ? clock : &Clock::system())
    , m_loader(new MetricsLoader(databasePath))
{
    m_thread.setObjectName(QStringLiteral("ChartsPanel reader"));
    m_loader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &MetricsLoader::loaded, this, &ChartsPanel::onLoaded);
    m_thread.start();

    m_periodLabel = new QLabel(this);
    m_periodCombo = new QComboBox(this);
    m_periodCombo->setObjectName(QStringLiteral("periodCombo"));
    for (int i = 0; i < 3; ++i)
        m_periodCombo->addItem(QString());
    m_periodLabel->setBuddy(m_periodCombo);
    m_rangeLabel = new QLabel(this);
    m_rangeLabel->setObjectName(QStringLiteral("chartsRange"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_periodLabel);
    top->addWidget(m_periodCombo);
    top->addSpacing(12);
    top->addWidget(m_rangeLabel, 1);

    m_groups = {
        {QStringLiteral("deliveriesChart"),
         QT_TR_NOOP("Deliveries received"),
         "",
         {{Metric::DeliveriesStored, QT_TR_NOOP("stored"), 1},
          {Metric::DeliveriesRedelivered, QT_TR_NOOP("redelivered"), 1},
          {Metric::RequestsRefused, QT_TR_NOOP("refused"), 1},
          {Metric::DeliveriesUnavailable, QT_TR_NOOP("not stored (500/503)"), 1}}},
        {QStringLiteral("tasksChart"),
         QT_TR_NOOP("Tasks"),
         "",
         {{Metric::TasksProcessed, QT_TR_NOOP("processed"), 1}, {Metric::TasksFailed, QT_TR_NOOP("failed"), 1}}},
        {QStringLiteral("backlogChart"),
         QT_TR_NOOP("Queue backlog"),
         QT_TR_NOOP("tasks waiting"),
         {{Metric::QueueBacklog, QT_TR_NOOP("waiting (highest)"), 1}}},
        {QStringLiteral("latencyChart"),
         QT_TR_NOOP("Answer time to MoySklad"),
         QT_TR_NOOP("ms"),
         {{Metric::AnswerP50Us, QT_TR_NOOP("median (p50)"), 1000}, {Metric::AnswerP99Us, QT_TR_NOOP("p99"), 1000}}},
        {QStringLiteral("apiChart"),
         QT_TR_NOOP("Requests to the MoySklad API"),
         "",
         {{Metric::ApiRequests, QT_TR_NOOP("answered"), 1},
          {Metric::ApiRateLimited, QT_TR_NOOP("429 Too Many Requests"), 1},
          {Metric::ApiTimeouts, QT_TR_NOOP("timed out"), 1},
          {Metric::ApiServerErrors, QT_TR_NOOP("server errors"), 1}}},
        {QStringLiteral("limiterChart"),
         QT_TR_NOOP("Rate limit budget left"),
         QT_TR_NOOP("requests"),
         {{Metric::LimiterRemaining, QT_TR_NOOP("remaining (lowest)"), 1}}},
    };

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("chartsContent"));
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < m_groups.size(); ++i) {
        Group &group = m_groups[i];
        auto *chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setBackgroundRoundness(0);
        chart->setMargins(QMargins(4, 4, 4, 4));
        chart->legend()->setAlignment(Qt::AlignBottom);
        auto *x = new QDateTimeAxis;
        auto *y = new QValueAxis;
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        group.view = new QChartView(chart, content);
        group.view->setObjectName(group.objectName);
        group.view->setRenderHint(QPainter::Antialiasing);
        group.view->setMinimumHeight(chartMinimumHeight);
        group.view->setFocusPolicy(Qt::StrongFocus); // reachable with Tab, for its accessible description
        grid->addWidget(group.view, i / 2, i % 2);
    }
    m_refusalsTitle = new QLabel(content);
    m_refusalsTitle->setObjectName(QStringLiteral("refusalsTitle"));
    m_refusals = new QStandardItemModel(0, 3, this);
    m_refusalsView = new QTableView(content);
    m_refusalsView->setObjectName(QStringLiteral("refusalsView"));
    m_refusalsView->setModel(m_refusals);
    m_refusalsView->verticalHeader()->hide();
    m_refusalsView->horizontalHeader()->setStretchLastSection(true);
    m_refusalsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_refusalsView->setMinimumHeight(120);
    m_refusalsTitle->setBuddy(m_refusalsView);
    const int row = int(m_groups.size() + 1) / 2;
    grid->addWidget(m_refusalsTitle, row, 0, 1, 2);
    grid->addWidget(m_refusalsView, row + 1, 0, 1, 2);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("chartsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("chartsEmpty"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(scroll);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);

    connect(m_periodCombo, &QComboBox::currentIndexChanged, this, [this](int index) { setPeriod(Period(index)); });
    m_timer.setInterval(refreshMs);
    connect(&m_timer, &QTimer::timeout, this, &ChartsPanel::refresh);
    retranslate();
    showSnapshot();
}

ChartsPanel::~ChartsPanel()
{
    // The loader finishes the read it is in and is deleted on its thread, with its connection.
    m_thread.quit();
    m_thread.wait();
}

void ChartsPanel::setPeriod(Period period)
{
    if (m_periodCombo->currentIndex() != int(period))
        m_periodCombo->setCurrentIndex(int(period)); // comes back here through the signal
    if (period == m_period)
        return;
    m_period = period;
    refresh();
}

QList<QChartView *> ChartsPanel::chartViews() const
{
    QList<QChartView *> views;
    for (const Group &group : m_groups)
        views.append(group.view);
    return views;
}

QChartView *ChartsPanel::chartView(const QString &objectName) const
{
    for (const Group &group : m_groups) {
        if (group.objectName == objectName)
            return group.view;
    }
    return nullptr;
}

void ChartsPanel::refresh()
{
    MetricsLoader::Request request;
    request.period = m_period;
    request.now = m_clock->utcNow();
    request.generation = ++m_generation;
    QMetaObject::invokeMethod(
        m_loader, [loader = m_loader, request] { loader->load(request); }, Qt::QueuedConnection);
}

void ChartsPanel::onLoaded(const MetricsLoader::Snapshot &snapshot)
{
    if (snapshot.request.generation != m_generation)
        return; // a newer read (another period) is on its way
    m_snapshot = snapshot;
    showSnapshot();
    Q_EMIT refreshed();
}

void ChartsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer.start();
    refresh();
}

void ChartsPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void ChartsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ChartsPanel::retranslate()
{
    m_periodLabel->setText(tr("&Period:"));
    m_periodCombo->setItemText(int(Period::Hour), tr("Hour"));
    m_periodCombo->setItemText(int(Period::Day), tr("Day"));
    m_periodCombo->setItemText(int(Period::Week), tr("Week"));
    m_periodCombo->setAccessibleName(tr("Period"));
    m_refusalsTitle->setText(tr("&Refused requests by cause"));
    m_refusals->setHorizontalHeaderLabels({tr("Cause"), tr("From"), tr("Requests")});
    m_refusalsView->setAccessibleName(tr("Refused requests by cause"));
    showSnapshot();
}

QString ChartsPanel::unitText(const Group &group) const
{
    if (*group.unit)
        return tr(group.unit);
    return tr("per %n min", nullptr, m_snapshot.bucketMinutes);
}

void ChartsPanel::showSnapshot()
{
    const MetricsLoader::Snapshot &s = m_snapshot;
    if (s.from.isValid()) {
        const QLocale locale;
        m_rangeLabel->setText(tr("%1 – %2, a point per %n minute(s)", nullptr, s.bucketMinutes)
                                  .arg(locale.toString(s.from.toLocalTime(), QLocale::ShortFormat),
                                       locale.toString(s.to.toLocalTime(), QLocale::ShortFormat)));
    } else {
        m_rangeLabel->clear();
    }
    if (!s.error.isEmpty()) {
        m_emptyLabel->setText(tr("The charts cannot be read: %1").arg(s.error));
        m_stack->setCurrentWidget(m_emptyLabel);
        return;
    }
    if (!s.request.now.isValid()) {
        // Not read yet: saying "no data" now would be wrong for the moment the read takes.
        m_emptyLabel->setText(tr("Reading the charts…"));
        m_stack->setCurrentWidget(m_emptyLabel);
        return;
    }
    if (s.isEmpty()) {
        m_emptyLabel->setText(
            tr("No data yet for this period. While SkladHook receives, it records once a minute what arrived, what "
               "the worker did and how MoySklad answered; the charts fill in from the first minute."));
        m_stack->setCurrentWidget(m_emptyLabel);
        return;
    }
    m_stack->setCurrentIndex(1);
    for (Group &group : m_groups)
        fillGroup(group);
    m_refusals->removeRows(0, m_refusals->rowCount());
    static const QRegularExpression label(QStringLiteral("^(\\d+) (.*) from (.*)$"));
    for (const MetricsReader::LabelTotal &total : s.refusals) {
        const QRegularExpressionMatch match = label.match(total.label);
        QString cause = total.label;
        QString from;
        if (match.hasMatch()) {
            cause = match.captured(1) + QLatin1Char(' ') + causeText(match.captured(2));
            from = match.captured(3);
        }
        auto *count = new QStandardItem(QLocale().toString(total.value));
        count->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
        m_refusals->appendRow({new QStandardItem(cause), new QStandardItem(from), count});
    }
    if (s.refusals.isEmpty())
        m_refusals->appendRow({new QStandardItem(tr("No request was refused")), new QStandardItem, new QStandardItem});
    m_refusalsView->resizeColumnToContents(0);
}

void ChartsPanel::fillGroup(Group &group)
{
    QChart *chart = group.view->chart();
    chart->setTitle(tr(group.title));
    // Axis labels in the UI language's numbers (a decimal comma in Russian), as the summaries below are.
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->removeAllSeries();
    auto *x = qobject_cast<QDateTimeAxis *>(chart->axes(Qt::Horizontal).constFirst());
    auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).constFirst());
    const QLocale locale;
    double highest = 0;
    QStringList summary;
    for (const Line &line : group.lines) {
        auto *series = new QLineSeries;
        series->setName(tr(line.name));
        const QList<MetricsReader::Point> &points = m_snapshot.points(line.metric);
        QList<QPointF> xy;
        xy.reserve(points.size());
        qint64 total = 0;
        for (const MetricsReader::Point &point : points) {
            xy.append(QPointF(double(point.at.toMSecsSinceEpoch()), double(point.value) / line.divisor));
            highest = std::max(highest, xy.constLast().y());
            total += point.value;
        }
        series->replace(xy);
        // A lone point draws no line: show the points where they are few enough to tell apart.
        series->setPointsVisible(xy.size() <= 2);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        connect(series, &QXYSeries::hovered, this,
                [this, series](const QPointF &point, bool state) { onHovered(series, point, state); });
        if (metricInfo(line.metric).kind == MetricKind::Sum)
            summary.append(tr("%1: %2 in the period").arg(series->name(), locale.toString(total)));
        else if (!xy.isEmpty())
            summary.append(tr("%1: %2 at the end").arg(series->name(), locale.toString(xy.constLast().y(), 'g', 4)));
    }
    const bool week = m_period == Period::Week;
    x->setFormat(week ? QStringLiteral("dd.MM HH:mm") : QStringLiteral("HH:mm"));
    x->setTickCount(week ? 5 : 7);
    x->setRange(m_snapshot.from.toLocalTime(), m_snapshot.to.toLocalTime());
    const bool fractional = group.lines.constFirst().divisor != 1;
    if (fractional) {
        y->setRange(0, std::max(1.0, highest * 1.05));
        y->applyNiceNumbers();
        y->setLabelFormat(QStringLiteral("%.1f"));
    } else {
        // Whole numbers only: four intervals of 1, 2 or 5 times a power of ten keep every tick round.
        const double interval = niceInterval(std::ceil(highest * 1.05) / 4);
        y->setRange(0, 4 * interval);
        y->setTickCount(5);
        y->setLabelFormat(QStringLiteral("%.0f")); // "%d" renders nothing with localised numbers
    }
    y->setTitleText(unitText(group));
    group.view->setAccessibleName(chart->title());
    group.view->setAccessibleDescription(summary.join(QStringLiteral("; ")));
}

QString ChartsPanel::pointText(const QXYSeries *series, int index) const
{
    if (!series || index < 0 || index >= series->count())
        return {};
    const Group *group = nullptr;
    for (const Group &candidate : m_groups) {
        if (candidate.view->chart() == series->chart())
            group = &candidate;
    }
    if (!group)
        return {};
    const QPointF point = series->at(index);
    const QLocale locale;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC).toLocalTime();
    const QString value = group->lines.constFirst().divisor != 1 ? locale.toString(point.y(), 'f', 1)
                                                                 : locale.toString(qint64(point.y()));
    return tr("%1\n%2: %3 %4").arg(locale.toString(at, QLocale::ShortFormat), series->name(), value, unitText(*group));
}

void ChartsPanel::onHovered(QXYSeries *series, const QPointF &point, bool state)
{
    if (!state || series->count() == 0) {
        QToolTip::hideText();
        return;
    }
    // The point nearest in time to where the pointer is.
    int nearest = 0;
    for (int i = 1; i < series->count(); ++i) {
        if (std::abs(series->at(i).x() - point.x()) < std::abs(series->at(nearest).x() - point.x()))
            nearest = i;
    }
    QWidget *view = nullptr;
    for (const Group &group : std::as_const(m_groups)) {
        if (group.view->chart() == series->chart())
            view = group.view;
    }
    QToolTip::showText(QCursor::pos(), pointText(series, nearest), view);
}
