// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/secretmasker.h"
#include "diagnostics/logreader.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

TEST(DiagnosticsLog, StoresMaskedRowsAndReadsThemIncrementallyWithFilters)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    SqliteDiagnosticsLog log(&writer);
    SecretMasker::instance().add(QStringLiteral("VerySecretToken42"));

    QSignalSpy written(&log, &DiagnosticsLog::entryWritten);
    log.info(QStringLiteral("hooks"), QStringLiteral("created customerorder/UPDATE"));
    log.write(
        LogEntry::warning(QStringLiteral("intake"), QStringLiteral("wrong secret VerySecretToken42 from 10.0.0.1"))
            .withHook(QStringLiteral("demand/CREATE"))
            .withRequestId(QStringLiteral("req-1")));
    log.error(QStringLiteral("moysklad"), QStringLiteral("HTTP 500"), QStringLiteral("details here"));
    writer.flush();
    EXPECT_TRUE(QTest::qWaitFor([&] { return written.size() == 3; }, 5000));

    LogReader reader(path);
    const auto all = reader.readAfter(0, {});
    ASSERT_TRUE(all.ok()) << all.error().toStdString();
    ASSERT_EQ(all.value().size(), 3);
    EXPECT_FALSE(all.value()[1].message.contains(QStringLiteral("VerySecretToken42")));
    EXPECT_EQ(all.value()[1].hook, QStringLiteral("demand/CREATE"));

    LogReader::Filter warnings;
    warnings.minimumLevel = LogLevel::Warning;
    EXPECT_EQ(reader.readAfter(0, warnings).value().size(), 2);
    LogReader::Filter byHook;
    byHook.hook = QStringLiteral("demand/CREATE");
    EXPECT_EQ(reader.readAfter(0, byHook).value().size(), 1);
    LogReader::Filter byText;
    byText.text = QStringLiteral("http 500");
    EXPECT_EQ(reader.readLatest(byText, 10).value().size(), 1);
    byText.text = QStringLiteral("req-1");
    EXPECT_EQ(reader.readLatest(byText, 10).value().size(), 1);
    EXPECT_EQ(reader.readAfter(all.value()[1].id, {}).value().size(), 1);
    SecretMasker::instance().remove(QStringLiteral("VerySecretToken42"));
}

TEST(DiagnosticsLog, RowsPastTheRetentionPeriodArePruned)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    SqliteDiagnosticsLog log(&writer);
    LogEntry old = LogEntry::info(QStringLiteral("worker"), QStringLiteral("a month ago"))
                       .withTime(QDateTime::currentDateTimeUtc().addDays(-31));
    log.write(old);
    LogEntry recent = old;
    recent.at = QDateTime::currentDateTimeUtc().addDays(-29);
    recent.message = QStringLiteral("within the period");
    log.write(recent);
    log.prune(30);
    writer.flush();

    LogReader reader(path);
    const auto rows = reader.readAfter(0, {});
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows.value().size(), 1);
    EXPECT_EQ(rows.value().first().message, QStringLiteral("within the period"));
}

TEST(LogEntry, FactoriesAndFluentSettersFillTheFields)
{
    const LogEntry entry = LogEntry::warning(QStringLiteral("intake"), QStringLiteral("refused"))
                               .withHook(QStringLiteral("demand/CREATE"))
                               .withRequestId(QStringLiteral("req-7"))
                               .withDocument(QStringLiteral("doc-1"))
                               .withDetails(QStringLiteral("wrong key"));
    EXPECT_EQ(entry.level, LogLevel::Warning);
    EXPECT_EQ(entry.category, QStringLiteral("intake"));
    EXPECT_EQ(entry.message, QStringLiteral("refused"));
    EXPECT_EQ(entry.hook, QStringLiteral("demand/CREATE"));
    EXPECT_EQ(entry.requestId, QStringLiteral("req-7"));
    EXPECT_EQ(entry.documentId, QStringLiteral("doc-1"));
    EXPECT_EQ(entry.details, QStringLiteral("wrong key"));
    EXPECT_EQ(entry.id, 0);
    EXPECT_FALSE(entry.at.isValid());

    EXPECT_EQ(LogEntry::debug(QStringLiteral("worker"), {}).level, LogLevel::Debug);
    EXPECT_EQ(LogEntry::info(QStringLiteral("worker"), {}).level, LogLevel::Info);
    EXPECT_EQ(LogEntry::error(QStringLiteral("worker"), {}).level, LogLevel::Error);

    // On a named entry the setters change it in place.
    LogEntry named = LogEntry::info(QStringLiteral("queue"), QStringLiteral("retried"));
    named.withDocument(QStringLiteral("doc-2")).withHook(QStringLiteral("customerorder/UPDATE"));
    EXPECT_EQ(named.documentId, QStringLiteral("doc-2"));
    EXPECT_EQ(named.hook, QStringLiteral("customerorder/UPDATE"));
}
