// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/diagnosticspane.h"
#include "models/logmodel.h"
#include "monitorfixture.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

#include <optional>

namespace {
class DiagnosticsPaneTest : public MonitorFixture
{
protected:
    std::unique_ptr<DiagnosticsPane> makePane()
    {
        auto pane = std::make_unique<DiagnosticsPane>(databasePath);
        pane->model()->setPollInterval(20);
        EXPECT_TRUE(settled(pane->model()));
        // Inside a plain host: a top-level with a layout makes the offscreen platform warn about size hints.
        host = std::make_unique<QWidget>();
        host->resize(900, 500);
        pane->setParent(host.get());
        pane->setGeometry(0, 0, 900, 500);
        host->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(host.get()));
        return pane;
    }

    std::unique_ptr<QWidget> host;

    template<typename T>
    static T *child(QWidget *pane, const char *name)
    {
        T *widget = pane->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    // Reads run on the model's reader thread: wait for the answers to be put in.
    static bool settled(const LogModel *model)
    {
        return QTest::qWaitFor([&] { return !model->isReading(); }, 5000);
    }

    // Starts an export and waits for its end: the rows written, or the error.
    static Result<int, QString> exportAndWait(DiagnosticsPane *pane, LogExporter::Format format, const QString &path)
    {
        std::optional<Result<int, QString>> result;
        QObject context;
        QObject::connect(pane, &DiagnosticsPane::exported, &context,
                         [&](const QString &, int rows) { result.emplace(rows); });
        QObject::connect(pane, &DiagnosticsPane::exportFailed, &context,
                         [&](const QString &, const QString &error) { result.emplace(error); });
        if (!pane->exportTo(format, path))
            return QStringLiteral("an export is already running");
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
            return QStringLiteral("the export did not end");
        return *result;
    }

    static QStringList messages(const LogModel *model)
    {
        QStringList list;
        for (int row = 0; row < model->rowCount(); ++row)
            list.append(model->entry(row).message);
        return list;
    }
};

// RFC 4180, enough to read our own export back: quoted fields with doubled quotes and line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field.append(c);
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field.append(c);
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
        } else {
            field.append(c);
        }
    }
    return rows;
}
} // namespace

TEST_F(DiagnosticsPaneTest, RowsWrittenThroughTheLogAppearLive)
{
    writeRows(3);
    auto pane = makePane();
    ASSERT_EQ(pane->model()->rowCount(), 3);
    writeLog(LogLevel::Warning, QStringLiteral("customerorder/UPDATE"), QStringLiteral("delivery refused"));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return pane->model()->rowCount() == 4; }, 5000));
    EXPECT_EQ(pane->model()->entry(0).message, QStringLiteral("delivery refused"));
    EXPECT_EQ(pane->view()->rowAt(0), 0);
}

TEST_F(DiagnosticsPaneTest, FiltersByLevelHookAndText)
{
    writeRows(12);
    writeLog(LogLevel::Error, QStringLiteral("paymentin/CREATE"), QStringLiteral("HTTP 500"),
             QStringLiteral("body: needle"));
    writer.flush();
    auto pane = makePane();
    LogModel *model = pane->model();

    auto *level = child<QComboBox>(pane.get(), "levelFilter");
    level->setCurrentIndex(level->findData(int(LogLevel::Warning)));
    ASSERT_TRUE(settled(model));
    EXPECT_EQ(messages(model),
              (QStringList{QStringLiteral("HTTP 500"), QStringLiteral("row 12"), QStringLiteral("row 9"),
                           QStringLiteral("row 6"), QStringLiteral("row 3")}));

    auto *hook = child<QComboBox>(pane.get(), "hookFilter");
    const int demand = hook->findData(QStringLiteral("demand/CREATE"));
    ASSERT_GE(demand, 0) << "hooks seen in the rows are offered";
    hook->setCurrentIndex(demand);
    ASSERT_TRUE(settled(model));
    EXPECT_EQ(messages(model), (QStringList{QStringLiteral("row 9"), QStringLiteral("row 3")}));

    hook->setCurrentIndex(0);
    level->setCurrentIndex(level->findData(int(LogLevel::Debug)));
    ASSERT_TRUE(settled(model));
    EXPECT_EQ(model->rowCount(), 13);
    QTest::keyClicks(child<QLineEdit>(pane.get(), "searchEdit"), QStringLiteral("NEEDLE"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 1; }, 5000));
    EXPECT_EQ(model->entry(0).message, QStringLiteral("HTTP 500"));
}

TEST_F(DiagnosticsPaneTest, ExportWritesTheFilteredRowsAsCsvAndJson)
{
    writeRows(6);
    writeLog(LogLevel::Warning, QStringLiteral("demand/CREATE"), QStringLiteral("a \"quoted\", comma"),
             QStringLiteral("line one\nline two"));
    writer.flush();
    auto pane = makePane();
    auto *level = child<QComboBox>(pane.get(), "levelFilter");
    level->setCurrentIndex(level->findData(int(LogLevel::Warning)));
    ASSERT_TRUE(settled(pane->model()));
    const QStringList expected{QStringLiteral("row 3"), QStringLiteral("row 6"),
                               QStringLiteral("a \"quoted\", comma")}; // oldest first

    const QString csvPath = dir.filePath(QStringLiteral("log.csv"));
    auto csv = exportAndWait(pane.get(), LogExporter::Format::Csv, csvPath);
    ASSERT_TRUE(csv.ok()) << csv.error().toStdString();
    EXPECT_EQ(csv.value(), 3);
    QFile csvFile(csvPath);
    ASSERT_TRUE(csvFile.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csvFile.readAll()));
    ASSERT_EQ(rows.size(), 4);
    EXPECT_EQ(rows.at(0),
              (QStringList{QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("level"),
                           QStringLiteral("category"), QStringLiteral("hook"), QStringLiteral("requestId"),
                           QStringLiteral("documentId"), QStringLiteral("message"), QStringLiteral("details"),
                           QStringLiteral("messageId"), QStringLiteral("args")}));
    for (int i = 0; i < 3; ++i) {
        ASSERT_EQ(rows.at(i + 1).size(), 11);
        EXPECT_EQ(rows.at(i + 1).at(9), QString()); // written as plain text: no id
        EXPECT_EQ(rows.at(i + 1).at(2), QStringLiteral("warning"));
        EXPECT_EQ(rows.at(i + 1).at(7), expected.at(i));
    }
    EXPECT_EQ(rows.at(3).at(8), QStringLiteral("line one\nline two"));

    const QString jsonPath = dir.filePath(QStringLiteral("log.json"));
    auto json = exportAndWait(pane.get(), LogExporter::Format::Json, jsonPath);
    ASSERT_TRUE(json.ok()) << json.error().toStdString();
    QFile jsonFile(jsonPath);
    ASSERT_TRUE(jsonFile.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(jsonFile.readAll(), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    const QJsonArray array = doc.array();
    ASSERT_EQ(array.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject object = array.at(i).toObject();
        EXPECT_EQ(object.value(QStringLiteral("message")).toString(), expected.at(i));
        EXPECT_EQ(object.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        EXPECT_GT(object.value(QStringLiteral("id")).toInteger(), 0);
        EXPECT_TRUE(QDateTime::fromString(object.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs).isValid());
    }
    EXPECT_EQ(array.at(2).toObject().value(QStringLiteral("details")).toString(), QStringLiteral("line one\nline two"));
    EXPECT_EQ(array.at(2).toObject().value(QStringLiteral("hook")).toString(), QStringLiteral("demand/CREATE"));

    // A row written as a template: the export carries the shown text, the id and the arguments.
    log.write(LogEntry::warning(
        QStringLiteral("worker"),
        LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 failed, will retry: %2"), 9, QStringLiteral("HTTP 503"))));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return pane->model()->rowCount() == 4; }, 5000));
    auto again = exportAndWait(pane.get(), LogExporter::Format::Json, jsonPath);
    ASSERT_TRUE(again.ok()) << again.error().toStdString();
    QFile templated(jsonPath);
    ASSERT_TRUE(templated.open(QIODevice::ReadOnly));
    const QJsonObject last = QJsonDocument::fromJson(templated.readAll()).array().last().toObject();
    EXPECT_EQ(last.value(QStringLiteral("message")).toString(), QStringLiteral("Task 9 failed, will retry: HTTP 503"));
    EXPECT_EQ(last.value(QStringLiteral("messageId")).toString(), QStringLiteral("Task %1 failed, will retry: %2"));
    EXPECT_EQ(last.value(QStringLiteral("args")).toArray(),
              (QJsonArray{QStringLiteral("9"), QStringLiteral("HTTP 503")}));
}

TEST_F(DiagnosticsPaneTest, TheViewFollowsTheNewestOnlyFromTheTopAndOtherwiseKeepsItsPlace)
{
    writeRows(80); // within the first page
    auto pane = makePane();
    QTableView *view = pane->view();
    LogModel *model = pane->model();
    ASSERT_EQ(model->rowCount(), 80);

    // At the top: a new row shows at the top.
    ASSERT_EQ(view->rowAt(0), 0);
    writeLog(LogLevel::Info, {}, QStringLiteral("followed"));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 81; }, 5000));
    EXPECT_EQ(view->rowAt(0), 0);
    EXPECT_EQ(model->entry(view->rowAt(0)).message, QStringLiteral("followed"));

    // Scrolled down: new rows do not move the rows being read.
    view->scrollTo(model->index(50, 0), QAbstractItemView::PositionAtTop);
    ASSERT_EQ(view->rowAt(0), 50);
    const qint64 reading = model->entry(view->rowAt(0)).id;
    for (int i = 0; i < 5; ++i)
        writeLog(LogLevel::Info, {}, QStringLiteral("while reading %1").arg(i));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 86; }, 5000));
    QCoreApplication::processEvents();
    EXPECT_EQ(model->entry(view->rowAt(0)).id, reading);
    EXPECT_EQ(view->rowAt(0), 55);
    EXPECT_EQ(model->entry(0).message, QStringLiteral("while reading 4"));

    // Back at the top, it follows again.
    view->scrollToTop();
    writeLog(LogLevel::Info, {}, QStringLiteral("followed again"));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 87; }, 5000));
    EXPECT_EQ(view->rowAt(0), 0);
}

TEST_F(DiagnosticsPaneTest, PauseKeepsTheViewStillWhileRowsArrive)
{
    writeRows(80); // within the first page
    auto pane = makePane();
    QTableView *view = pane->view();
    LogModel *model = pane->model();
    ASSERT_EQ(model->rowCount(), 80);

    // Paused at the top: the rows being read stay where they are.
    QTest::mouseClick(child<QPushButton>(pane.get(), "pauseButton"), Qt::LeftButton);
    ASSERT_TRUE(pane->isPaused());
    const qint64 reading = model->entry(view->rowAt(0)).id;
    for (int i = 0; i < 3; ++i)
        writeLog(LogLevel::Info, {}, QStringLiteral("while paused %1").arg(i));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 83; }, 5000));
    QCoreApplication::processEvents();
    EXPECT_EQ(model->entry(view->rowAt(0)).id, reading);
    EXPECT_EQ(model->entry(0).message, QStringLiteral("while paused 2"));

    // Resumed: back to the newest.
    QTest::mouseClick(child<QPushButton>(pane.get(), "pauseButton"), Qt::LeftButton);
    EXPECT_FALSE(pane->isPaused());
    EXPECT_EQ(view->rowAt(0), 0);
}

TEST_F(DiagnosticsPaneTest, ScrollingThroughALongLogKeepsTheModelBoundedAndComesBackToTheNewest)
{
    writeRows(300);
    auto pane = makePane();
    QTableView *view = pane->view();
    LogModel *model = pane->model();
    model->setPageSize(20);
    model->reload();
    ASSERT_TRUE(settled(model));
    // Down to the oldest row, as a user dragging the scroll bar: the view fetches, the window slides.
    for (int step = 0; step < 100 && !(model->rowCount() > 0 &&
                                       model->entry(model->rowCount() - 1).message == QStringLiteral("row 1"));
         ++step) {
        view->scrollToBottom();
        model->fetchMore({}); // what the view's fetch timer does at the bottom, without waiting for it
        ASSERT_TRUE(settled(model));
        ASSERT_LE(model->rowCount(), model->windowSize());
    }
    ASSERT_EQ(model->entry(model->rowCount() - 1).message, QStringLiteral("row 1"));
    EXPECT_TRUE(model->hasNewer());
    // Back up: the dropped rows are read again as the view nears the top.
    for (int step = 0; step < 100 && model->hasNewer(); ++step) {
        view->scrollToTop();
        ASSERT_TRUE(settled(model));
        ASSERT_LE(model->rowCount(), model->windowSize());
    }
    EXPECT_FALSE(model->hasNewer());
    view->scrollToTop();
    EXPECT_EQ(model->entry(view->rowAt(0)).message, QStringLiteral("row 300"));
}

TEST_F(DiagnosticsPaneTest, AnExportRunsOffTheGuiThreadShowsProgressAndCanBeCancelled)
{
    // Enough rows for many pages, so that the export is still running when cancelled.
    writer.submit([](QSqlDatabase &db) -> Result<Done, QString> {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) INSERT INTO log (at, "
                "level, category, message, details) SELECT '2024-01-01T00:00:00.000Z', 1, 'queue', 'строка ' || i, "
                "'подробности' FROM n")))
            return query.lastError().text();
        return Done{};
    });
    writer.flush();
    auto pane = makePane();
    const QString path = dir.filePath(QStringLiteral("cancelled.csv"));
    auto *progress = child<QProgressBar>(pane.get(), "exportProgress");
    auto *cancel = child<QPushButton>(pane.get(), "cancelExportButton");

    std::optional<QString> failed;
    QObject::connect(pane.get(), &DiagnosticsPane::exportFailed, pane.get(),
                     [&](const QString &, const QString &error) { failed = error; });
    ASSERT_TRUE(pane->exportTo(LogExporter::Format::Csv, path));
    EXPECT_TRUE(pane->isExporting());
    EXPECT_FALSE(pane->exportTo(LogExporter::Format::Csv, path)) << "one export at a time";
    EXPECT_TRUE(progress->isVisible());
    EXPECT_TRUE(cancel->isVisible());
    // The GUI thread is free while it runs: the progress bar moves under it.
    ASSERT_TRUE(QTest::qWaitFor([&] { return progress->value() > 0 || failed; }, 10000));
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return failed.has_value(); }, 10000));
    EXPECT_EQ(*failed, LogExporter::cancelledError());
    EXPECT_FALSE(QFile::exists(path)) << "a cancelled export leaves no file";
    EXPECT_FALSE(pane->isExporting());
    EXPECT_FALSE(progress->isVisible());
    EXPECT_EQ(child<QLabel>(pane.get(), "logMessage")->text(), LogExporter::cancelledError());

    // Not cancelled, the same export writes every row.
    const auto written = exportAndWait(pane.get(), LogExporter::Format::Csv, path);
    ASSERT_TRUE(written.ok()) << written.error().toStdString();
    EXPECT_EQ(written.value(), 60000);
    EXPECT_EQ(progress->value(), 100);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(parseCsv(QString::fromUtf8(file.readAll())).size(), 60001);
}
