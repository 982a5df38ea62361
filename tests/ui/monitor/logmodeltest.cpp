// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logmodel.h"
#include "monitorfixture.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

namespace {
using LogModelTest = MonitorFixture;

QString message(const LogModel &model, int row)
{
    return model.index(row, LogModel::MessageColumn).data().toString();
}

// Reads run on the model's reader thread: wait for the answers to be put in.
bool settled(const LogModel &model)
{
    return QTest::qWaitFor([&] { return !model.isReading(); }, 5000);
}
} // namespace

TEST_F(LogModelTest, ShowsTheNewestPageFirstAndPagesBackThroughHistory)
{
    writeRows(25);
    LogModel model(databasePath);
    model.setPageSize(10);
    model.reload();
    ASSERT_TRUE(settled(model));
    ASSERT_EQ(model.rowCount(), 10);
    EXPECT_EQ(message(model, 0), QStringLiteral("row 25"));
    EXPECT_EQ(message(model, 9), QStringLiteral("row 16"));
    ASSERT_TRUE(model.canFetchMore({}));
    model.fetchMore({});
    ASSERT_TRUE(settled(model));
    EXPECT_EQ(model.rowCount(), 20);
    EXPECT_EQ(message(model, 19), QStringLiteral("row 6"));
    model.fetchMore({});
    ASSERT_TRUE(settled(model));
    EXPECT_EQ(model.rowCount(), 25);
    EXPECT_EQ(message(model, 24), QStringLiteral("row 1"));
    EXPECT_FALSE(model.canFetchMore({}));

    // The model tester fetches pages itself whenever rows change.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.reload();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isReading() && !model.canFetchMore({}); }, 5000));
    EXPECT_EQ(model.rowCount(), 25);
    EXPECT_EQ(message(model, 0), QStringLiteral("row 25"));
}

TEST_F(LogModelTest, NewRowsAppearAtTheTopWithoutReload)
{
    writeRows(3);
    LogModel model(databasePath);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setPollInterval(20);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 3; }, 5000));
    writeLog(LogLevel::Error, QStringLiteral("demand/CREATE"), QStringLiteral("fresh"));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 4; }, 5000));
    EXPECT_EQ(message(model, 0), QStringLiteral("fresh"));
    EXPECT_EQ(model.index(0, LogModel::LevelColumn).data(LogModel::LevelRole).toInt(), int(LogLevel::Error));
    EXPECT_EQ(resets.count(), 0);
}

TEST_F(LogModelTest, FiltersByLevelHookAndText)
{
    writeRows(30);
    writeLog(LogLevel::Info, QStringLiteral("paymentin/UPDATE"), QStringLiteral("payment"),
             QStringLiteral("Игла в стоге"));
    writer.flush();
    LogModel model(databasePath);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);

    LogReader::Filter filter;
    filter.minimumLevel = LogLevel::Warning;
    model.setFilter(filter);
    ASSERT_TRUE(settled(model));
    EXPECT_EQ(model.rowCount(), 10);
    for (int row = 0; row < model.rowCount(); ++row)
        EXPECT_EQ(model.index(row, 0).data(LogModel::LevelRole).toInt(), int(LogLevel::Warning));

    filter.hook = QStringLiteral("customerorder/UPDATE");
    model.setFilter(filter);
    ASSERT_TRUE(settled(model));
    EXPECT_EQ(model.rowCount(), 5); // the even multiples of 3 up to 30

    filter = {};
    filter.text = QStringLiteral("игла"); // a Russian word in the details, through the full-text index
    model.setFilter(filter);
    ASSERT_TRUE(settled(model));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(message(model, 0), QStringLiteral("payment"));
    EXPECT_EQ(model.index(0, 0).data(LogModel::DetailsRole).toString(), QStringLiteral("Игла в стоге"));

    filter.text = QStringLiteral("row"); // a word in the messages
    model.setFilter(filter);
    ASSERT_TRUE(settled(model));
    EXPECT_EQ(model.rowCount(), 30);
}

TEST_F(LogModelTest, AFilterChangedBeforeTheReadAnsweredWins)
{
    writeRows(30);
    LogModel model(databasePath);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    LogReader::Filter warnings;
    warnings.minimumLevel = LogLevel::Warning;
    model.setFilter(warnings);
    LogReader::Filter demand;
    demand.hook = QStringLiteral("demand/CREATE");
    model.setFilter(demand); // before the first answer is in
    ASSERT_TRUE(settled(model));
    EXPECT_EQ(model.rowCount(), 15);
    for (int row = 0; row < model.rowCount(); ++row)
        EXPECT_EQ(model.entry(row).hook, QStringLiteral("demand/CREATE"));
}

TEST_F(LogModelTest, PollingKeepsTheFilter)
{
    LogModel model(databasePath);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    LogReader::Filter filter;
    filter.hook = QStringLiteral("demand/CREATE");
    model.setFilter(filter);
    model.setPollInterval(0);
    ASSERT_TRUE(settled(model));
    writeRows(4);
    model.poll();
    ASSERT_TRUE(settled(model));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(message(model, 0), QStringLiteral("row 3"));
    EXPECT_EQ(message(model, 1), QStringLiteral("row 1"));
}

TEST_F(LogModelTest, HoldsABoundedWindowHoweverManyRowsArriveOrAreScrolledThrough)
{
    writeRows(10);
    LogModel model(databasePath);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setPageSize(10);
    model.setPollInterval(0);
    model.reload();
    ASSERT_TRUE(settled(model));

    // Following the newest (the view at the top): 400 rows arrive, the oldest fall out of the window.
    int most = 0;
    for (int batch = 0; batch < 20; ++batch) {
        for (int i = 0; i < 20; ++i)
            writeLog(LogLevel::Info, {}, QStringLiteral("live %1").arg(batch * 20 + i));
        writer.flush();
        model.poll();
        ASSERT_TRUE(settled(model));
        most = std::max(most, model.rowCount());
    }
    EXPECT_LE(most, model.windowSize());
    EXPECT_EQ(model.rowCount(), model.windowSize());
    EXPECT_EQ(message(model, 0), QStringLiteral("live 399"));
    EXPECT_FALSE(model.hasNewer());
    EXPECT_FALSE(model.canFetchMore({})) << "a full window at the top of the view wants no older page";
    model.setVisibleRows(model.rowCount() - 5, model.rowCount() - 1);
    ASSERT_TRUE(model.canFetchMore({})) << "the dropped rows can be read again";

    // Scrolling down through all 410 rows: the window slides, the newest rows are dropped.
    for (;;) {
        model.setVisibleRows(model.rowCount() - 5, model.rowCount() - 1); // the view at the bottom
        if (!model.canFetchMore({}))
            break;
        model.fetchMore({});
        ASSERT_TRUE(settled(model));
        ASSERT_LE(model.rowCount(), model.windowSize());
    }
    EXPECT_EQ(message(model, model.rowCount() - 1), QStringLiteral("row 1"));
    EXPECT_TRUE(model.hasNewer());

    // Rows arriving meanwhile are not put in while the view is away from the top…
    writeLog(LogLevel::Info, {}, QStringLiteral("while away"));
    writer.flush();
    model.poll();
    ASSERT_TRUE(settled(model));
    EXPECT_EQ(message(model, model.rowCount() - 1), QStringLiteral("row 1"));

    // …and scrolling back up reads the dropped rows again by id, up to the newest.
    while (model.hasNewer()) {
        model.setVisibleRows(0, 5); // the view at the top
        model.fetchNewer();
        ASSERT_TRUE(settled(model));
        ASSERT_LE(model.rowCount(), model.windowSize());
    }
    EXPECT_EQ(message(model, 0), QStringLiteral("while away"));
    EXPECT_EQ(message(model, 1), QStringLiteral("live 399"));
    for (int row = 1; row < model.rowCount(); ++row)
        ASSERT_GT(model.entry(row - 1).id, model.entry(row).id) << "no row twice, none missing in between";
    EXPECT_EQ(model.entry(0).id - model.entry(model.rowCount() - 1).id, model.rowCount() - 1);
}

TEST(LogModelStandalone, StartsBeforeTheDatabaseExistsAndPicksItUpLater)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    LogModel model(path);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setPollInterval(20);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.lastError().isEmpty(); }, 5000));
    EXPECT_EQ(model.rowCount(), 0);

    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    SqliteDiagnosticsLog log(&writer);
    log.info(QStringLiteral("service"), QStringLiteral("started"));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 1; }, 5000));
    EXPECT_EQ(message(model, 0), QStringLiteral("started"));
    EXPECT_TRUE(model.lastError().isEmpty());
}

TEST_F(LogModelTest, MessagesFollowALiveLanguageSwitchAndOldRowsKeepTheirText)
{
    log.write(LogEntry::warning(
        QStringLiteral("worker"),
        LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 failed, will retry: %2"), 7, QStringLiteral("HTTP 503"))));
    log.info(QStringLiteral("queue"), QStringLiteral("Строка без шаблона"));
    writer.flush();
    LogModel model(databasePath);
    ASSERT_TRUE(settled(model));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(message(model, 1), QStringLiteral("Task 7 failed, will retry: HTTP 503"));
    EXPECT_EQ(model.headerData(LogModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Message"));

    // The app's own compiled Russian, as the language switch installs it.
    QTranslator russian;
    ASSERT_TRUE(russian.load(QStringLiteral(":/i18n/skladhook_ru.qm")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QCoreApplication::installTranslator(&russian);
    EXPECT_EQ(changed.size(), 1);
    EXPECT_EQ(headers.size(), 1);
    EXPECT_EQ(message(model, 1), QStringLiteral("Задача 7 не выполнена, будет повторена: HTTP 503"));
    EXPECT_EQ(message(model, 0), QStringLiteral("Строка без шаблона"));
    EXPECT_EQ(model.headerData(LogModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Сообщение"));
    QCoreApplication::removeTranslator(&russian);
    EXPECT_EQ(message(model, 1), QStringLiteral("Task 7 failed, will retry: HTTP 503"));
}
