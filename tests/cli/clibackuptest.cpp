// SPDX-License-Identifier: GPL-3.0-or-later
// skladhook.db as a file, through the real executables: a garbage or foreign file gets a clear message naming it (no
// crash), `store move-aside` keeps it, `backup` copies a consistent database while `serve` writes, `restore` puts it
// back with the queue as it was.
#include "clirunner.h"
#include "deliverysender.h"
#include "fakemoysklad.h"
#include "serveprocess.h"
#include "store/database.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

QString uuid(int i)
{
    return QUuid(QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')))
        .toString(QUuid::WithoutBraces);
}

// PRAGMA integrity_check of a database file, on a connection of its own: "ok" when sound.
QString integrityOf(const QString &path)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            result = query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next() ? query.value(0).toString()
                                                                                          : QStringLiteral("failed");
        } else {
            result = QStringLiteral("cannot open");
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    return result;
}

class CliBackupTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
        ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), secret));
    }

    QString database() const { return Database::fileIn(cli.dataDir()); }

    void writeGarbage()
    {
        QFile file(database());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(8192, '\x5a'));
    }

    QStringList movedAside() const
    {
        return QDir(cli.dataDir())
            .entryList({QStringLiteral("skladhook.db.damaged-*"), QStringLiteral("skladhook.db.replaced-*")},
                       QDir::Files);
    }

    const QString secret = QStringLiteral("Backup-Verification-3c1f");
    FakeMoySklad fake;
    CliRunner cli;
    ServeProcess serve{cli};
    DeliverySender sender;
};

} // namespace

TEST_F(CliBackupTest, AGarbageDatabaseGetsAClearMessageAndCanBeMovedAside)
{
    writeGarbage();
    const auto stats = cli.run({QStringLiteral("queue"), QStringLiteral("stats")});
    EXPECT_EQ(stats.exitCode, 1) << stats.err.toStdString(); // a clear failure, not a crash
    EXPECT_TRUE(stats.err.contains(database())) << stats.err.toStdString();
    EXPECT_TRUE(stats.err.contains(QStringLiteral("not a SkladHook database"))) << stats.err.toStdString();
    EXPECT_TRUE(stats.err.contains(QStringLiteral("Move it aside"))) << stats.err.toStdString();

    // `serve` says the same and stops at once.
    EXPECT_FALSE(serve.start(5000));
    EXPECT_TRUE(serve.errors().contains(QStringLiteral("not a SkladHook database"))) << serve.errors().toStdString();

    const auto moved = cli.run({QStringLiteral("--json"), QStringLiteral("store"), QStringLiteral("move-aside")});
    ASSERT_EQ(moved.exitCode, 0) << moved.err.toStdString();
    ASSERT_EQ(movedAside().size(), 1);
    QFile kept(QDir(cli.dataDir()).filePath(movedAside().constFirst()));
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), QByteArray(8192, '\x5a')); // kept as it was
    EXPECT_EQ(moved.json().object().value(QLatin1String("movedTo")).toString(), kept.fileName());

    const auto fresh = cli.run({QStringLiteral("queue"), QStringLiteral("stats")});
    EXPECT_EQ(fresh.exitCode, 0) << fresh.err.toStdString();
}

TEST_F(CliBackupTest, AnotherProgramsDatabaseIsNamedAsSuch)
{
    for (const char *suffix : {"", "-wal", "-shm"}) // the one SetUp's commands created goes
        QFile::remove(database() + QLatin1String(suffix));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(database());
        ASSERT_TRUE(db.open());
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    const auto stats = cli.run({QStringLiteral("queue"), QStringLiteral("stats")});
    EXPECT_EQ(stats.exitCode, 1);
    EXPECT_TRUE(stats.err.contains(QStringLiteral("belongs to another program"))) << stats.err.toStdString();
    EXPECT_TRUE(stats.err.contains(QStringLiteral("invoices"))) << stats.err.toStdString();
}

TEST_F(CliBackupTest, ABackupWhileServingRestoresTheQueueAsItWas)
{
    ASSERT_EQ(cli.run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("customerorder"),
                       QStringLiteral("UPDATE"), QStringLiteral("queued")})
                  .exitCode,
              0);
    ASSERT_TRUE(serve.start());
    sender.setTarget(serve.base(), secret);
    for (int i = 0; i < 40; ++i)
        ASSERT_EQ(sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), DeliverySender::newRequestId(),
                              {uuid(i)}),
                  200);

    // While serve runs and more deliveries arrive.
    for (int i = 40; i < 60; ++i)
        sender.post(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), DeliverySender::newRequestId(),
                    {uuid(i)});
    QTemporaryDir backups;
    const QString copy = backups.filePath(QStringLiteral("skladhook-backup.db"));
    const auto backedUp = cli.run({QStringLiteral("--json"), QStringLiteral("backup"), copy});
    ASSERT_EQ(backedUp.exitCode, 0) << backedUp.err.toStdString();
    EXPECT_EQ(integrityOf(copy), QStringLiteral("ok"));
    EXPECT_EQ(cli.run({QStringLiteral("backup"), copy}).exitCode, 1); // never overwrites

    // Restoring under a running service is refused.
    const auto refused = cli.run({QStringLiteral("restore"), copy});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("stop it first"))) << refused.err.toStdString();

    ASSERT_TRUE(QTest::qWaitFor([&] { return cli.queueStats().value(QLatin1String("pending")).toInt() == 60; }, 10000));
    serve.stop();
    // The backup holds the first 40 at least, all pending.
    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy")).setDatabaseName(copy);
    int inCopy = 0;
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("copy"));
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM tasks WHERE status = 'pending'")) && query.next());
        inCopy = query.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("copy"));
    EXPECT_GE(inCopy, 40);
    EXPECT_LE(inCopy, 60);

    writeGarbage(); // the disaster
    const auto restored = cli.run({QStringLiteral("--json"), QStringLiteral("restore"), copy});
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_EQ(movedAside().size(), 1); // the broken one kept
    EXPECT_EQ(cli.queueStats().value(QLatin1String("pending")).toInt(), inCopy);
    EXPECT_EQ(integrityOf(database()), QStringLiteral("ok"));
    // And the service starts on it.
    ASSERT_TRUE(serve.start());
}

TEST_F(CliBackupTest, RestoreRefusesAFileThatIsNoSkladHookDatabase)
{
    QTemporaryDir dir;
    const QString garbage = dir.filePath(QStringLiteral("not-a-backup.db"));
    QFile file(garbage);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("hello");
    file.close();
    ASSERT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("stats")}).exitCode, 0);
    const auto refused = cli.run({QStringLiteral("restore"), garbage});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("cannot be restored"))) << refused.err.toStdString();
    // What is wrong with the file given, without the advice meant for a damaged store, in SQLite's words alone.
    EXPECT_TRUE(refused.err.contains(QStringLiteral("it is not a SkladHook database"))) << refused.err.toStdString();
    EXPECT_FALSE(refused.err.contains(QStringLiteral("Move it aside"))) << refused.err.toStdString();
    EXPECT_FALSE(refused.err.contains(QStringLiteral("Unable to execute"))) << refused.err.toStdString();
    EXPECT_TRUE(movedAside().isEmpty()); // the current database untouched
}

// With store.url set the store is a PostgreSQL database: a skladhook.db left from before `store migrate` is no longer
// the store, so backing it up (or restoring or moving it) would silently act on a stale copy. Each says so instead,
// with the URL's password masked, and leaves the file as it was.
TEST_F(CliBackupTest, OnAPostgresStoreTheFileCommandsSaySoAndLeaveTheOldFileAlone)
{
    ASSERT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("stats")}).exitCode, 0); // the SQLite file exists
    ASSERT_TRUE(cli.configSet(QStringLiteral("store.url"),
                              QStringLiteral("postgresql://skladhook:S3cretPassw0rd@db.example.com/shop")));
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.db"));
    QFile::copy(database(), copy);
    for (const QStringList &command : {QStringList{QStringLiteral("backup"), dir.filePath(QStringLiteral("new.db"))},
                                       QStringList{QStringLiteral("restore"), copy},
                                       QStringList{QStringLiteral("store"), QStringLiteral("move-aside")}}) {
        SCOPED_TRACE(command.join(QLatin1Char(' ')).toStdString());
        const auto refused = cli.run(command);
        EXPECT_EQ(refused.exitCode, 1);
        EXPECT_TRUE(refused.err.contains(QStringLiteral("PostgreSQL database postgresql://skladhook:")))
            << refused.err.toStdString();
        EXPECT_TRUE(refused.err.contains(QStringLiteral("pg_dump"))) << refused.err.toStdString();
        EXPECT_FALSE(refused.err.contains(QStringLiteral("S3cretPassw0rd")));
    }
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("new.db"))));
    EXPECT_TRUE(movedAside().isEmpty());
    EXPECT_EQ(integrityOf(database()), QStringLiteral("ok"));
}
