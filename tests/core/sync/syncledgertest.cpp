// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/syncledger.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QTemporaryDir>

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

class SyncLedgerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(writer.start().ok());
    }

    Result<Done, QString> write(const StoreWriter::Job &job)
    {
        std::optional<Result<Done, QString>> result;
        writer.submit(job, [&result](Result<Done, QString> r) { result.emplace(std::move(r)); });
        writer.flush();
        return result.value();
    }

    std::optional<QDateTime> watermark(const QString &type)
    {
        ReadConnection reader(Database::fileIn(dir.path()));
        const auto until = SyncLedger::completeUntil(reader.db(), type);
        EXPECT_TRUE(until.ok()) << until.error().toStdString();
        return until.ok() ? until.value() : std::nullopt;
    }

    QTemporaryDir dir;
    StoreWriter writer{Database::fileIn(dir.path())};
};

} // namespace

TEST_F(SyncLedgerTest, TheWatermarkMovesOnlyForwardAndNeverOverAGap)
{
    const QString type = QStringLiteral("customerorder");
    EXPECT_FALSE(watermark(type).has_value());
    const auto advance = [&](const char *since, const char *until) {
        return write([&](QSqlDatabase &db) {
            return SyncLedger::advance(db, type, at(since), at(until), at("2026-11-30T12:00:00Z"));
        });
    };
    ASSERT_TRUE(advance("2026-11-30T08:00:00Z", "2026-11-30T09:00:00Z").ok());
    EXPECT_EQ(watermark(type), at("2026-11-30T09:00:00Z"));
    // Overlapping the watermark: it moves.
    ASSERT_TRUE(advance("2026-11-30T08:55:00Z", "2026-11-30T10:00:00Z").ok());
    EXPECT_EQ(watermark(type), at("2026-11-30T10:00:00Z"));
    // A window after a gap (sync --since later than the watermark) proves nothing about the gap.
    ASSERT_TRUE(advance("2026-11-30T10:30:00Z", "2026-11-30T11:00:00Z").ok());
    EXPECT_EQ(watermark(type), at("2026-11-30T10:00:00Z"));
    // An older window does not move it back.
    ASSERT_TRUE(advance("2026-11-30T07:00:00Z", "2026-11-30T08:00:00Z").ok());
    EXPECT_EQ(watermark(type), at("2026-11-30T10:00:00Z"));
    EXPECT_FALSE(watermark(QStringLiteral("demand")).has_value());
}

TEST_F(SyncLedgerTest, RunsAreRecordedWithWhatTheyFound)
{
    qint64 id = 0;
    ASSERT_TRUE(write([&](QSqlDatabase &db) -> Result<Done, QString> {
                    const auto started = SyncLedger::startRun(db, QStringLiteral("sync"), at("2026-11-30T08:00:00Z"),
                                                              at("2026-11-30T09:00:00Z"), at("2026-11-30T09:00:01Z"));
                    if (!started.ok())
                        return started.error();
                    id = started.value();
                    return Done{};
                }).ok());
    ReadConnection reader(Database::fileIn(dir.path()));
    auto last = SyncLedger::lastRun(reader.db(), QStringLiteral("sync"));
    ASSERT_TRUE(last.ok());
    EXPECT_FALSE(last.value().has_value()) << "a run that has not ended is not the last finished one";
    last = SyncLedger::lastRun(reader.db(), QStringLiteral("sync"), false);
    ASSERT_TRUE(last.ok() && last.value().has_value());
    EXPECT_FALSE(last.value()->finishedAt.isValid());

    ASSERT_TRUE(write([&](QSqlDatabase &db) {
                    return SyncLedger::finishRun(db, id, true, QJsonObject{{QStringLiteral("fetched"), 12}}, {},
                                                 at("2026-11-30T09:00:05Z"));
                }).ok());
    last = SyncLedger::lastRun(reader.db(), QStringLiteral("sync"));
    ASSERT_TRUE(last.ok() && last.value().has_value());
    EXPECT_TRUE(last.value()->ok);
    EXPECT_EQ(last.value()->since, at("2026-11-30T08:00:00Z"));
    EXPECT_EQ(last.value()->finishedAt, at("2026-11-30T09:00:05Z"));
    EXPECT_EQ(last.value()->summary.value(QLatin1String("fetched")).toInt(), 12);
    EXPECT_FALSE(SyncLedger::lastRun(reader.db(), QStringLiteral("verify")).value().has_value());
}
