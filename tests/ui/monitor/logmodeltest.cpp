// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logmodel.h"
#include "monitorfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {
using LogModelTest = MonitorFixture;

QString message(const LogModel &model, int row)
{
    return model.index(row, LogModel::MessageColumn).data().toString();
}
} // namespace

TEST_F(LogModelTest, ShowsTheNewestPageFirstAndPagesBackThroughHistory)
{
    writeRows(25);
    LogModel model(databasePath);
    model.setPageSize(10);
    model.reload();
    ASSERT_EQ(model.rowCount(), 10);
    EXPECT_EQ(message(model, 0), QStringLiteral("row 25"));
    EXPECT_EQ(message(model, 9), QStringLiteral("row 16"));
    ASSERT_TRUE(model.canFetchMore({}));
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 20);
    EXPECT_EQ(message(model, 19), QStringLiteral("row 6"));
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 25);
    EXPECT_EQ(message(model, 24), QStringLiteral("row 1"));
    EXPECT_FALSE(model.canFetchMore({}));

    // The model tester fetches pages itself whenever rows change.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.reload();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.canFetchMore({}); }, 5000));
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
    ASSERT_EQ(model.rowCount(), 3);
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
    writeLog(LogLevel::Info, QStringLiteral("paymentin/UPDATE"), QStringLiteral("payment"), QStringLiteral("Needle"));
    writer.flush();
    LogModel model(databasePath);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);

    LogReader::Filter filter;
    filter.minimumLevel = LogLevel::Warning;
    model.setFilter(filter);
    EXPECT_EQ(model.rowCount(), 10);
    for (int row = 0; row < model.rowCount(); ++row)
        EXPECT_EQ(model.index(row, 0).data(LogModel::LevelRole).toInt(), int(LogLevel::Warning));

    filter.hook = QStringLiteral("customerorder/UPDATE");
    model.setFilter(filter);
    EXPECT_EQ(model.rowCount(), 5); // the even multiples of 3 up to 30

    filter = {};
    filter.text = QStringLiteral("needle");
    model.setFilter(filter);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(message(model, 0), QStringLiteral("payment"));
    EXPECT_EQ(model.index(0, 0).data(LogModel::DetailsRole).toString(), QStringLiteral("Needle"));
}

TEST_F(LogModelTest, PollingKeepsTheFilter)
{
    LogModel model(databasePath);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    LogReader::Filter filter;
    filter.hook = QStringLiteral("demand/CREATE");
    model.setFilter(filter);
    model.setPollInterval(0);
    writeRows(4);
    model.poll();
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(message(model, 0), QStringLiteral("row 3"));
    EXPECT_EQ(message(model, 1), QStringLiteral("row 1"));
}

TEST(LogModelStandalone, StartsBeforeTheDatabaseExistsAndPicksItUpLater)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    LogModel model(path);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setPollInterval(20);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_FALSE(model.lastError().isEmpty());

    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    SqliteDiagnosticsLog log(&writer);
    log.info(QStringLiteral("service"), QStringLiteral("started"));
    writer.flush();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 1; }, 5000));
    EXPECT_EQ(message(model, 0), QStringLiteral("started"));
    EXPECT_TRUE(model.lastError().isEmpty());
}
