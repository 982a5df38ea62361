// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/diagnosticspane.h"
#include "models/logmodel.h"
#include "monitorfixture.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

namespace {
class DiagnosticsPaneTest : public MonitorFixture
{
protected:
    std::unique_ptr<DiagnosticsPane> makePane()
    {
        auto pane = std::make_unique<DiagnosticsPane>(databasePath);
        pane->model()->setPollInterval(20);
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
    EXPECT_EQ(messages(model),
              (QStringList{QStringLiteral("HTTP 500"), QStringLiteral("row 12"), QStringLiteral("row 9"),
                           QStringLiteral("row 6"), QStringLiteral("row 3")}));

    auto *hook = child<QComboBox>(pane.get(), "hookFilter");
    const int demand = hook->findData(QStringLiteral("demand/CREATE"));
    ASSERT_GE(demand, 0) << "hooks seen in the rows are offered";
    hook->setCurrentIndex(demand);
    EXPECT_EQ(messages(model), (QStringList{QStringLiteral("row 9"), QStringLiteral("row 3")}));

    hook->setCurrentIndex(0);
    level->setCurrentIndex(level->findData(int(LogLevel::Debug)));
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
    const QStringList expected{QStringLiteral("row 3"), QStringLiteral("row 6"),
                               QStringLiteral("a \"quoted\", comma")}; // oldest first

    const QString csvPath = dir.filePath(QStringLiteral("log.csv"));
    auto csv = pane->exportTo(LogExporter::Format::Csv, csvPath);
    ASSERT_TRUE(csv.ok()) << csv.error().toStdString();
    EXPECT_EQ(csv.value(), 3);
    QFile csvFile(csvPath);
    ASSERT_TRUE(csvFile.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csvFile.readAll()));
    ASSERT_EQ(rows.size(), 4);
    EXPECT_EQ(rows.at(0),
              (QStringList{QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("level"),
                           QStringLiteral("category"), QStringLiteral("hook"), QStringLiteral("requestId"),
                           QStringLiteral("documentId"), QStringLiteral("message"), QStringLiteral("details")}));
    for (int i = 0; i < 3; ++i) {
        ASSERT_EQ(rows.at(i + 1).size(), 9);
        EXPECT_EQ(rows.at(i + 1).at(2), QStringLiteral("warning"));
        EXPECT_EQ(rows.at(i + 1).at(7), expected.at(i));
    }
    EXPECT_EQ(rows.at(3).at(8), QStringLiteral("line one\nline two"));

    const QString jsonPath = dir.filePath(QStringLiteral("log.json"));
    auto json = pane->exportTo(LogExporter::Format::Json, jsonPath);
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
}

TEST_F(DiagnosticsPaneTest, PauseKeepsTheViewStillWhileRowsArrive)
{
    writeRows(200);
    auto pane = makePane();
    QTableView *view = pane->view();
    LogModel *model = pane->model();
    ASSERT_EQ(model->rowCount(), 200);

    // Following: a new row scrolls the view back to the top.
    view->scrollTo(model->index(50, 0), QAbstractItemView::PositionAtTop);
    ASSERT_EQ(view->rowAt(0), 50);
    writeLog(LogLevel::Info, {}, QStringLiteral("followed"));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 201; }, 5000));
    EXPECT_EQ(view->rowAt(0), 0);

    // Paused: the rows being read stay where they are.
    QTest::mouseClick(child<QPushButton>(pane.get(), "pauseButton"), Qt::LeftButton);
    ASSERT_TRUE(pane->isPaused());
    view->scrollTo(model->index(50, 0), QAbstractItemView::PositionAtTop);
    const qint64 reading = model->entry(view->rowAt(0)).id;
    for (int i = 0; i < 3; ++i)
        writeLog(LogLevel::Info, {}, QStringLiteral("while paused %1").arg(i));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 204; }, 5000));
    QCoreApplication::processEvents();
    EXPECT_EQ(model->entry(view->rowAt(0)).id, reading);
    EXPECT_EQ(model->entry(0).message, QStringLiteral("while paused 2"));

    // Resumed: back to the newest.
    QTest::mouseClick(child<QPushButton>(pane.get(), "pauseButton"), Qt::LeftButton);
    EXPECT_FALSE(pane->isPaused());
    EXPECT_EQ(view->rowAt(0), 0);
}
