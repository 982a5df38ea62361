// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/readconnection.h"
#include "store/database.h"
#include "store/sqlrow.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace {

// One row in service_state, committed by the single writer.
void writeState(StoreWriter &writer, const QString &key, const QString &value)
{
    writer.submit(
        [key, value](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("INSERT INTO service_state (key, value, updated_at) VALUES (?, ?, "
                                         "'2026-01-02T03:04:05.006Z')"));
            query.addBindValue(key);
            query.addBindValue(value);
            if (!query.exec())
                return query.lastError().text();
            return Done{};
        },
        [](Result<Done, QString> result) { EXPECT_TRUE(result.ok()) << result.error().toStdString(); });
    writer.flush();
}

QStringList &capturedWarnings()
{
    static QStringList warnings;
    return warnings;
}

QString valueOf(ReadConnection &reader, const QString &key)
{
    QSqlQuery query(reader.db());
    query.prepare(QStringLiteral("SELECT value FROM service_state WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return QStringLiteral("<none: %1>").arg(query.lastError().text());
    return SqlRow(query).text(QStringLiteral("value"));
}

} // namespace

TEST(ReadConnection, OpensReadsAndRemovesItsConnection)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    writeState(writer, QStringLiteral("k"), QStringLiteral("v1"));

    QString name;
    {
        ReadConnection reader(Database::fileIn(dir.path()));
        ASSERT_TRUE(reader.isOpen()) << reader.error().toStdString();
        EXPECT_TRUE(reader.error().isEmpty());
        name = reader.name();
        EXPECT_TRUE(QSqlDatabase::connectionNames().contains(name));
        EXPECT_EQ(valueOf(reader, QStringLiteral("k")), QStringLiteral("v1"));
        // Read-only: a write is refused.
        QSqlQuery write(reader.db());
        EXPECT_FALSE(write.exec(QStringLiteral("DELETE FROM service_state")));
    }
    // Gone without Qt's "connection is still in use" warning (the test main fails on any warning).
    EXPECT_FALSE(QSqlDatabase::connectionNames().contains(name));
}

TEST(ReadConnection, TwoOnOneThreadHaveDistinctNamesAndBothRead)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    writeState(writer, QStringLiteral("k"), QStringLiteral("v1"));

    ReadConnection first(Database::fileIn(dir.path()));
    ReadConnection second(Database::fileIn(dir.path()));
    ASSERT_TRUE(first.isOpen() && second.isOpen());
    EXPECT_NE(first.name(), second.name());
    EXPECT_EQ(valueOf(first, QStringLiteral("k")), QStringLiteral("v1"));
    EXPECT_EQ(valueOf(second, QStringLiteral("k")), QStringLiteral("v1"));

    // Each sees the writer's later commits.
    writeState(writer, QStringLiteral("k2"), QStringLiteral("v2"));
    EXPECT_EQ(valueOf(first, QStringLiteral("k2")), QStringLiteral("v2"));
    EXPECT_EQ(valueOf(second, QStringLiteral("k2")), QStringLiteral("v2"));
}

TEST(ReadConnection, AMissingFileGivesAClearErrorAndLeavesNoConnectionBehind)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    ReadConnection reader(path);
    EXPECT_FALSE(reader.isOpen());
    EXPECT_TRUE(reader.error().contains(path)) << reader.error().toStdString();
    EXPECT_TRUE(reader.error().contains(QStringLiteral("does not exist"))) << reader.error().toStdString();
    EXPECT_FALSE(QSqlDatabase::connectionNames().contains(reader.name()));
    EXPECT_FALSE(reader.ensureOpen()); // still missing: same answer, nothing created
    EXPECT_FALSE(reader.error().isEmpty());
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST(ReadConnection, OpensOnceTheFileHasBeenCreated)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    ReadConnection reader(path); // a member built before the first writer, as a GUI's models are
    ASSERT_FALSE(reader.isOpen());
    const QString name = reader.name();

    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    writeState(writer, QStringLiteral("k"), QStringLiteral("later"));

    ASSERT_TRUE(reader.ensureOpen()) << reader.error().toStdString();
    EXPECT_TRUE(reader.error().isEmpty());
    EXPECT_EQ(reader.name(), name);
    EXPECT_EQ(valueOf(reader, QStringLiteral("k")), QStringLiteral("later"));
    EXPECT_TRUE(reader.ensureOpen()); // open already: kept as it is
    EXPECT_EQ(valueOf(reader, QStringLiteral("k")), QStringLiteral("later"));
}

TEST(SqlRow, ReadsColumnsByNameWhateverTheirOrder)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    writeState(writer, QStringLiteral("k"), QStringLiteral("42"));

    ReadConnection reader(Database::fileIn(dir.path()));
    ASSERT_TRUE(reader.isOpen());
    QSqlQuery query(reader.db());
    ASSERT_TRUE(query.exec(
        QStringLiteral("SELECT updated_at, value, key, NULL AS never, 1 AS yes, 0 AS no FROM service_state")));
    const SqlRow row(query);
    ASSERT_TRUE(query.next());
    EXPECT_EQ(row.text(QStringLiteral("key")), QStringLiteral("k"));
    EXPECT_EQ(row.integer(QStringLiteral("value")), 42);
    EXPECT_EQ(row.time(QStringLiteral("updated_at")), QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC));
    EXPECT_FALSE(row.time(QStringLiteral("never")).isValid());
    EXPECT_TRUE(row.value(QStringLiteral("never")).isNull());
    EXPECT_TRUE(row.flag(QStringLiteral("yes")));
    EXPECT_FALSE(row.flag(QStringLiteral("no")));

    // A misspelt name reads as NULL and is reported as a warning (which fails any other test).
    capturedWarnings().clear();
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type == QtWarningMsg)
                capturedWarnings().append(message);
        });
    const QVariant misspelt = row.value(QStringLiteral("vaule"));
    qInstallMessageHandler(previous);
    EXPECT_FALSE(misspelt.isValid());
    ASSERT_EQ(capturedWarnings().size(), 1);
    EXPECT_TRUE(capturedWarnings().constFirst().contains(QStringLiteral("vaule")));
}
