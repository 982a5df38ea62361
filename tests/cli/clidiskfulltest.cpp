// SPDX-License-Identifier: GPL-3.0-or-later
// `serve` on a file system that fills up (a small tmpfs mounted over the data directory): deliveries are answered
// 503 while nothing can be written (MoySklad retries), none answered 200 is lost, and once space returns the same
// process stores again by itself; the database passes PRAGMA integrity_check afterwards.
#include "clirunner.h"
#include "deliverysender.h"
#include "fakemoysklad.h"
#include "serveprocess.h"
#include "store/database.h"

#include <gtest/gtest.h>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <unistd.h>

namespace {

bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(10000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

class CliDiskFullTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (geteuid() != 0)
            GTEST_SKIP() << "mounting a small tmpfs needs root";
        if (!run(QStringLiteral("mount"),
                 {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                  QStringLiteral("size=8m,mode=0700"), QStringLiteral("tmpfs"), cli.dataDir()}))
            GTEST_SKIP() << "cannot mount a tmpfs here (a container without the capability)";
        m_mounted = true;
        ASSERT_TRUE(fake.start());
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
        ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), secret));
        // Queued: only the receiver and the writer work, the worker stays away.
        ASSERT_EQ(cli.run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("customerorder"),
                           QStringLiteral("UPDATE"), QStringLiteral("queued")})
                      .exitCode,
                  0);
    }

    void TearDown() override
    {
        if (serve.running())
            serve.stop();
        if (m_mounted)
            run(QStringLiteral("umount"), {QStringLiteral("-l"), cli.dataDir()});
    }

    // Fills the file system with one file until no byte more fits.
    void fill()
    {
        filler.setFileName(cli.dataDir() + QStringLiteral("/filler"));
        ASSERT_TRUE(filler.open(QIODevice::WriteOnly));
        const QByteArray chunk(4096, 'f');
        while (filler.write(chunk) == chunk.size() && filler.flush()) {
        }
        filler.close();
    }

    int deliver(const QString &requestId)
    {
        QStringList ids;
        for (int i = 0; i < 40; ++i)
            ids.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
        return sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), requestId, ids);
    }

    const QString secret = QStringLiteral("DiskFull-Verification-77e0");
    FakeMoySklad fake;
    CliRunner cli;
    ServeProcess serve{cli};
    DeliverySender sender;
    QFile filler;
    bool m_mounted = false;
};

} // namespace

TEST_F(CliDiskFullTest, AFullDiskIsAnswered503LosesNothingAcknowledgedAndRecoversByItself)
{
    ASSERT_TRUE(serve.start());
    sender.setTarget(serve.base(), secret);
    QSet<QString> acknowledged;
    for (int i = 0; i < 20; ++i) {
        const QString id = QStringLiteral("before-%1").arg(i);
        ASSERT_EQ(deliver(id), 200);
        acknowledged.insert(id);
    }

    fill();
    int refused = 0;
    QSet<int> statuses;
    for (int i = 0; i < 3000 && refused < 10; ++i) {
        const QString id = QStringLiteral("full-%1").arg(i);
        const int status = deliver(id);
        statuses.insert(status);
        if (status == 200)
            acknowledged.insert(id); // the WAL had room for it: stored for good
        else
            ++refused;
    }
    EXPECT_GE(refused, 10) << "the disk never filled";
    statuses.remove(200);
    EXPECT_EQ(statuses, QSet<int>{503}) << "MoySklad must be told to retry";
    EXPECT_TRUE(serve.running()) << serve.errors().toStdString();

    // Space returns: the same process stores again, without a restart.
    QFile::remove(filler.fileName());
    int after = 0;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const QString id = QStringLiteral("after-%1").arg(after++);
            if (deliver(id) != 200)
                return false;
            acknowledged.insert(id);
            return true;
        },
        20000));
    for (int i = 0; i < 20; ++i) {
        const QString id = QStringLiteral("later-%1").arg(i);
        ASSERT_EQ(deliver(id), 200);
        acknowledged.insert(id);
    }
    EXPECT_EQ(serve.stop(), 0) << serve.errors().toStdString();

    QSet<QString> stored;
    QString integrity;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("diskfull"));
        db.setDatabaseName(Database::fileIn(cli.dataDir()));
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
        integrity = query.value(0).toString();
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT request_id FROM deliveries")));
        while (query.next())
            stored.insert(query.value(0).toString());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("diskfull"));
    EXPECT_EQ(integrity, QStringLiteral("ok"));
    for (const QString &id : std::as_const(acknowledged))
        EXPECT_TRUE(stored.contains(id)) << "acknowledged and lost: " << id.toStdString();

    // The episode is in the log, in plain words.
    const auto log = cli.run({QStringLiteral("log"), QStringLiteral("--level"), QStringLiteral("warning")});
    EXPECT_TRUE(log.out.contains(QStringLiteral("disk full"))) << log.out.toStdString();
}
