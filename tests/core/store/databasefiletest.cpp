// SPDX-License-Identifier: GPL-3.0-or-later
// What is wrong with a database file, told apart on real files: garbage, damage inside a sound header, another
// program's database, a newer schema; moving aside keeps every byte; backup and restore round-trip.
#include "store/databasefile.h"
#include "store/database.h"

#include <gtest/gtest.h>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace {

class DatabaseFileTest : public ::testing::Test
{
protected:
    // A SkladHook database with `rows` log rows, closed.
    void create(int rows)
    {
        {
            auto db = Database::open(path, QStringLiteral("create"), false);
            ASSERT_TRUE(db.ok()) << db.error().toStdString();
            QSqlQuery query(db.value());
            ASSERT_TRUE(query.exec(QStringLiteral("BEGIN")));
            query.prepare(QStringLiteral("INSERT INTO log (at, level, category, message) VALUES (?, 1, 'test', ?)"));
            for (int i = 0; i < rows; ++i) {
                query.addBindValue(QStringLiteral("2026-11-30T10:00:00.000Z"));
                query.addBindValue(QStringLiteral("row %1 with some words to fill the pages").arg(i));
                ASSERT_TRUE(query.exec());
            }
            ASSERT_TRUE(query.exec(QStringLiteral("COMMIT")));
            ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        Database::close(QStringLiteral("create"));
    }

    QTemporaryDir dir;
    QString path = Database::fileIn(dir.path());
    const QDateTime now = QDateTime(QDate(2026, 11, 30), QTime(10, 41, 7), Qt::UTC);
};

} // namespace

TEST_F(DatabaseFileTest, ASoundOrAbsentFileHasNoProblem)
{
    EXPECT_TRUE(DatabaseFile::inspect(path).ok());
    create(10);
    EXPECT_TRUE(DatabaseFile::inspect(path).ok()) << DatabaseFile::inspect(path).message().toStdString();
}

TEST_F(DatabaseFileTest, GarbageIsNotADatabaseAndTheMessageNamesTheFile)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const DatabaseFile::Problem problem = DatabaseFile::inspect(path);
    EXPECT_EQ(problem.kind, DatabaseFile::Problem::Kind::NotADatabase);
    EXPECT_TRUE(problem.canMoveAside());
    EXPECT_TRUE(problem.message().contains(path)) << problem.message().toStdString();
    // And the writer's open fails instead of crashing.
    EXPECT_FALSE(Database::open(path, QStringLiteral("garbage"), false).ok());
    Database::close(QStringLiteral("garbage"));
}

TEST_F(DatabaseFileTest, DamageBehindASoundHeaderIsFoundByTheIntegrityCheck)
{
    create(5000);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    ASSERT_GT(size, 40 * 4096);
    // Scribble over pages in the middle of the log table; the header (page 1) and the schema stay intact.
    file.seek(size / 2);
    file.write(QByteArray(3 * 4096, '\xff'));
    file.close();
    const DatabaseFile::Problem problem = DatabaseFile::inspect(path);
    EXPECT_FALSE(problem.ok());
    EXPECT_TRUE(problem.canMoveAside()) << problem.message().toStdString();
    EXPECT_FALSE(problem.detail.isEmpty());
}

TEST_F(DatabaseFileTest, AnotherProgramsDatabaseAndANewerSchemaAreToldApart)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    EXPECT_EQ(DatabaseFile::inspect(path).kind, DatabaseFile::Problem::Kind::Foreign);

    QFile::remove(path);
    create(1);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::schemaVersion + 1));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    const DatabaseFile::Problem newer = DatabaseFile::inspect(path);
    EXPECT_EQ(newer.kind, DatabaseFile::Problem::Kind::Newer);
    EXPECT_FALSE(newer.canMoveAside()); // a newer program's data is not damaged
}

TEST_F(DatabaseFileTest, MovingAsideKeepsEveryFileAndBackupRestoreRoundTrips)
{
    create(100);
    QTemporaryDir other;
    const QString copy = other.filePath(QStringLiteral("backup.db"));
    ASSERT_TRUE(DatabaseFile::backup(path, copy).ok());
    EXPECT_FALSE(DatabaseFile::backup(path, copy).ok()); // never overwrites
    EXPECT_TRUE(DatabaseFile::inspect(copy).ok());

    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    const auto moved = DatabaseFile::moveAside(path, now);
    ASSERT_TRUE(moved.ok()) << moved.error().toStdString();
    EXPECT_TRUE(moved.value().path.endsWith(QStringLiteral(".damaged-20261130-104107")));
    EXPECT_FALSE(QFile::exists(path));
    QFile kept(moved.value().path);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), before);

    const auto restored = DatabaseFile::restore(copy, path, now.addSecs(1));
    ASSERT_TRUE(restored.ok()) << restored.error().toStdString();
    EXPECT_TRUE(restored.value().path.isEmpty()); // nothing was in place
    // Restored again within the same second: the sound file it replaces is kept under a name of its own each time.
    for (const char *expected : {".replaced-20261130-104108", ".replaced-20261130-104108-2"}) {
        const auto again = DatabaseFile::restore(copy, path, now.addSecs(1));
        ASSERT_TRUE(again.ok()) << again.error().toStdString();
        EXPECT_TRUE(again.value().path.endsWith(QLatin1String(expected))) << again.value().path.toStdString();
        EXPECT_TRUE(QFile::exists(again.value().path));
    }
    auto db = Database::open(path, QStringLiteral("restored"), true);
    ASSERT_TRUE(db.ok());
    QSqlQuery query(db.value());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM log")) && query.next());
    EXPECT_EQ(query.value(0).toInt(), 100);
    query = QSqlQuery();
    db = Result<QSqlDatabase, QString>(QStringLiteral("closed"));
    Database::close(QStringLiteral("restored"));
}
