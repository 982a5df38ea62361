// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the desktop app's Charts tab (DesktopApp, as main() builds it) over a day of a small shop's metrics, written
// minute by minute through MetricsRecorder, and saves it as a PNG for the README:
//   skladhook-charts-screenshot docs/screenshots/charts.png [ru|en]
// Fails when the tab shows no charts.
#include "common/metriccounters.h"
#include "desktopapp.h"
#include "diagnostics/metricsrecorder.h"
#include "dialogs.h"
#include "fakeclock.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "monitor/chartspanel.h"
#include "store/storewriter.h"
#include "testworkspace.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <cmath>

namespace {

// A day of a small shop, ending now: orders in the Moscow daytime, a catch-up at 14:00 that runs into MoySklad's rate
// limit, a scanner probing the receiver one evening hour.
void recordDay(StoreWriter &writer)
{
    FakeClock clock;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    clock.setUtc(end.addSecs(-24 * 3600));
    MetricsRecorder recorder(&writer, nullptr, clock);
    QRandomGenerator random(20261130);
    for (int minute = 0; minute < 24 * 60; ++minute) {
        MetricCounters &c = recorder.counters();
        const QDateTime at = clock.utcNow();
        const QTime local = at.toLocalTime().time(); // Moscow time (main() sets TZ)
        const double hour = local.hour() + local.minute() / 60.0;
        // Busy from 9 to 22, quiet at night.
        const double busy = std::max(0.05, std::sin((hour - 7) / 16 * M_PI));
        const int deliveries = int(random.bounded(int(6 * busy) + 1));
        c.add(Metric::DeliveriesStored, deliveries);
        if (random.bounded(40) == 0)
            c.add(Metric::DeliveriesRedelivered);
        for (int i = 0; i < deliveries; ++i)
            c.observeAnswerTime(1800 + random.bounded(2500) + (random.bounded(150) == 0 ? 25000 : 0));
        const bool catchUp = hour >= 14 && hour < 14.5;
        const bool probed = hour >= 20 && hour < 21;
        if (probed && random.bounded(3) == 0)
            c.add(Metric::RequestsRefused, QStringLiteral("404 not a hook path from 185.220.101.4"),
                  1 + random.bounded(4));
        if (random.bounded(300) == 0)
            c.add(Metric::RequestsRefused, QStringLiteral("403 wrong verification string from 91.210.44.3"));
        const int processed = deliveries + int(deliveries * 0.3) + (catchUp ? 15 + random.bounded(10) : 0);
        c.add(Metric::TasksProcessed, processed);
        if (random.bounded(200) == 0)
            c.add(Metric::TasksFailed, 1 + random.bounded(2));
        const int api = (processed + 1) / 2 + (catchUp ? 12 : 0);
        c.add(Metric::ApiRequests, api);
        if (catchUp && random.bounded(3) == 0) {
            c.add(Metric::ApiRateLimited, 1 + random.bounded(3));
            c.observe(Metric::LimiterRemaining, random.bounded(4));
        } else {
            c.observe(Metric::LimiterRemaining, 45 - std::min(40, api / 2));
        }
        if (random.bounded(700) == 0)
            c.add(Metric::ApiServerErrors);
        c.observe(Metric::QueueBacklog, catchUp ? 10 + int(60 * (hour - 14)) : random.bounded(deliveries + 1));
        clock.advance(60 * 1000);
        recorder.flush();
    }
    writer.flush();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The shop's day in its own time zone, whatever the machine's.
    qputenv("TZ", "Europe/Moscow");
    QApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        err << "usage: skladhook-charts-screenshot OUTPUT.png [ru|en]" << Qt::endl;
        return 2;
    }
    const QString language = args.value(2, QStringLiteral("ru"));
    QLocale::setDefault(language == QLatin1String("ru") ? QLocale(QLocale::Russian, QLocale::Russia)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
    LanguageManager languages;
    languages.setLanguage(language);

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    Workspace workspace(testWorkspaceOptions(dir.path()));
    if (!workspace.open().ok()) {
        err << "the workspace did not open" << Qt::endl;
        return 1;
    }
    recordDay(workspace.writer());

    Dialogs dialogs;
    DesktopApp desktop(&workspace, &languages, &dialogs);
    MainWindow *window = desktop.window();
    window->resize(1280, 1000);
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return 1;
    ChartsPanel *charts = desktop.chartsPanel();
    QSignalSpy refreshed(charts, &ChartsPanel::refreshed);
    window->tabs()->setCurrentWidget(charts);
    charts->setPeriod(ChartsPanel::Period::Day);
    if (!QTest::qWaitFor(
            [&] {
                return charts->period() == ChartsPanel::Period::Day && !refreshed.isEmpty() &&
                       charts->snapshot().request.period == ChartsPanel::Period::Day;
            },
            10000) ||
        charts->snapshot().isEmpty()) {
        err << "the Charts tab shows no charts" << Qt::endl;
        return 1;
    }
    QTest::qWait(200);
    if (!window->grab().save(args.at(1))) {
        err << "cannot write " << args.at(1) << Qt::endl;
        return 1;
    }
    return 0;
}
