// SPDX-License-Identifier: GPL-3.0-or-later
// The diagnostics pane at 1,000,000 log rows (issue 4: "stays fluid"): a filter change, the first page and a scroll
// to the end of the view (which fetches the next page) must each stay well under a frame budget a user notices.
#include "models/logmodel.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <benchmark/benchmark.h>
#include <QApplication>
#include <QHeaderView>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QVariantList>

#include <cstdio>
#include <map>

namespace {
constexpr int rowCount = 1'000'000;
QString g_databasePath;
// Slowest acceptable mean per iteration, milliseconds.
const std::map<std::string, double> g_targets{
    {"FilterLevel", 250}, {"FilterHook", 250}, {"FilterText", 250}, {"FilterRareText", 1500}, {"ScrollToEnd", 250}};

bool fill(StoreWriter &writer)
{
    bool ok = false;
    writer.submit(
        [](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("INSERT INTO log (at, level, category, hook, request_id, document_id, message, "
                               "details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
            const QStringList hooks{QStringLiteral("customerorder/UPDATE"), QStringLiteral("demand/CREATE"),
                                    QStringLiteral("paymentin/UPDATE"), QStringLiteral("cashin/CREATE")};
            const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
            for (int i = 0; i < rowCount; ++i) {
                query.addBindValue(start.addMSecs(qint64(i) * 50).toString(Qt::ISODateWithMs));
                query.addBindValue(i % 10 == 0 ? 2 : 1);
                query.addBindValue(QStringLiteral("queue"));
                query.addBindValue(hooks.at(i % hooks.size()));
                query.addBindValue(QStringLiteral("req-%1").arg(i / 5));
                query.addBindValue(QStringLiteral("doc-%1").arg(i % 1000));
                query.addBindValue(i == 7 ? QStringLiteral("a rare needle")
                                          : QStringLiteral("processed task %1").arg(i));
                query.addBindValue(i % 100 == 0 ? QStringLiteral("HTTP 500 from MoySklad") : QString());
                if (!query.exec())
                    return query.lastError().text();
            }
            return Done{};
        },
        [&ok](Result<Done, QString> result) { ok = result.ok(); });
    writer.flush();
    return ok;
}

void filterChange(benchmark::State &state, LogReader::Filter filter)
{
    LogModel model(g_databasePath);
    model.setPollInterval(0);
    QTableView view;
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.setModel(&model);
    view.resize(1000, 700);
    view.show();
    bool toggle = false;
    for (auto _ : state) {
        // Alternate with no filter, so every iteration is a real change.
        model.setFilter(toggle ? LogReader::Filter{} : filter);
        toggle = !toggle;
        QCoreApplication::processEvents();
        benchmark::DoNotOptimize(model.rowCount());
    }
}

void BM_FilterLevel(benchmark::State &state)
{
    LogReader::Filter filter;
    filter.minimumLevel = LogLevel::Warning;
    filterChange(state, filter);
}
void BM_FilterHook(benchmark::State &state)
{
    LogReader::Filter filter;
    filter.hook = QStringLiteral("demand/CREATE");
    filterChange(state, filter);
}
void BM_FilterText(benchmark::State &state)
{
    LogReader::Filter filter;
    filter.text = QStringLiteral("HTTP 500");
    filterChange(state, filter);
}
void BM_FilterRareText(benchmark::State &state)
{
    LogReader::Filter filter;
    filter.text = QStringLiteral("rare needle"); // one row, near the oldest end: a full scan
    filterChange(state, filter);
}

// Scrolling to the end of what is loaded makes the view fetch the next page, as a user dragging down does.
void BM_ScrollToEnd(benchmark::State &state)
{
    LogModel model(g_databasePath);
    model.setPollInterval(0);
    QTableView view;
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.setModel(&model);
    view.resize(1000, 700);
    view.show();
    QCoreApplication::processEvents();
    for (auto _ : state) {
        const int before = model.rowCount();
        view.scrollToBottom();
        model.fetchMore({}); // what the view's fetch timer does at the bottom, without waiting for it
        QCoreApplication::processEvents();
        if (model.rowCount() <= before)
            state.SkipWithError("no page was fetched");
    }
    state.counters["rows"] = model.rowCount();
}

BENCHMARK(BM_FilterLevel)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_FilterHook)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_FilterText)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_FilterRareText)->Unit(benchmark::kMillisecond)->Iterations(6);
BENCHMARK(BM_ScrollToEnd)->Unit(benchmark::kMillisecond)->Iterations(100);

// Prints as usual and remembers which benchmark missed its target.
class TargetReporter final : public benchmark::ConsoleReporter
{
public:
    void ReportRuns(const std::vector<Run> &runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run &run : runs) {
            const std::string name = run.benchmark_name().substr(3); // "BM_"
            const auto target = g_targets.find(name.substr(0, name.find('/')));
            const double ms = run.GetAdjustedRealTime(); // in the benchmark's unit: ms
            if (run.error_occurred || (target != g_targets.end() && ms > target->second)) {
                std::fprintf(stderr, "MISSED: %s took %.1f ms (target %.0f ms)\n", name.c_str(), ms,
                             target != g_targets.end() ? target->second : 0.0);
                missed = true;
            }
        }
    }
    bool missed = false;
};
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    QTemporaryDir dir;
    g_databasePath = Database::fileIn(dir.path());
    {
        StoreWriter writer(g_databasePath);
        if (!writer.start().ok() || !fill(writer)) {
            std::fprintf(stderr, "could not fill %d log rows\n", rowCount);
            return 1;
        }
    }
    TargetReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return reporter.missed ? 1 : 0;
}
