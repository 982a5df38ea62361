// SPDX-License-Identifier: GPL-3.0-or-later
// Every command of skladhook-cli that reads the store, run on a PostgreSQL 15 store (a throw-away cluster) and on a
// SQLite one that `serve` filled with the same deliveries of the same documents: each answers on both, with the same
// rows. Tasks done, gone, dead and pending with their attempts, deliveries, orders, payments (one deleted),
// shipments and the log; then the queue's admin commands, which change the same tasks on both.
#include "builders.h"
#include "freeport.h"
#include "moysklad/moscowtime.h"
#include "postgresfixture.h"
#include "servedside.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <tuple>

namespace {

using Builders::documentId;

const QString secret = QStringLiteral("ReadSecret_abcdefghijklmnopqrstuvwxyz0123456789");
const QString json = QStringLiteral("--json");
const QString queue = QStringLiteral("queue");
const QString customerorder = QStringLiteral("customerorder");
const QString paymentin = QStringLiteral("paymentin");
const QString cashin = QStringLiteral("cashin");
const QString demand = QStringLiteral("demand");

// What differs between the two sides for the same deliveries: the moments and durations, the ports of their
// receivers and fakes, and the store's own setting.
QJsonValue comparable(const QJsonValue &value)
{
    static const QStringList differing{QStringLiteral("at"),
                                       QStringLiteral("receivedAt"),
                                       QStringLiteral("createdAt"),
                                       QStringLiteral("updatedAt"),
                                       QStringLiteral("nextAttemptAt"),
                                       QStringLiteral("startedAt"),
                                       QStringLiteral("durationMs"),
                                       QStringLiteral("writtenUs"),
                                       QStringLiteral("elapsedMs"),
                                       QStringLiteral("since"),
                                       QStringLiteral("until"),
                                       QStringLiteral("detail"),
                                       QStringLiteral("store.url"),
                                       QStringLiteral("oldestWaitingSince")};
    static const QRegularExpression port(QStringLiteral("127\\.0\\.0\\.1:\\d+"));
    if (value.isString())
        return value.toString().replace(port, QStringLiteral("127.0.0.1:PORT"));
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(comparable(item));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object;
    const QJsonObject source = value.toObject();
    for (auto it = source.begin(); it != source.end(); ++it)
        if (!differing.contains(it.key()))
            object.insert(it.key(), comparable(it.value()));
    return object;
}

QJsonValue parsed(const CliRunner::Output &output)
{
    const QJsonDocument document = output.json();
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

std::string text(const QJsonValue &value)
{
    return (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

using Side = ServedSide;

class CliPostgresReadTest : public PostgresFixture
{
protected:
    void SetUp() override
    {
        sqlite.name = QStringLiteral("SQLite");
        postgres.name = QStringLiteral("PostgreSQL");
        QString url;
        ASSERT_TRUE(createNumberedDatabase(QStringLiteral("reads"), &url));
        ASSERT_NO_FATAL_FAILURE(prepare(sqlite, QString()));
        ASSERT_NO_FATAL_FAILURE(prepare(postgres, url));
        ASSERT_NO_FATAL_FAILURE(deliver());
    }

    // The same documents in each side's MoySklad, the same settings (ServedSide::prepare), and serve running.
    void prepare(Side &side, const QString &storeUrl)
    {
        ASSERT_TRUE(side.prepare(storeUrl, secret));
        // Changed an hour ago: within the window of `sync --since` two hours ago.
        const QString updated = MoscowTime::format(started.addSecs(-3600), MoscowTime::Precision::Milliseconds);
        const QString assembled = QStringLiteral("Собран");
        side.fake.seedDocument(customerorder, Builders::customerOrder(documentId(1), 150000, assembled, updated));
        side.fake.seedDocument(customerorder, Builders::customerOrder(documentId(2), 20050, assembled, updated));
        side.fake.seedDocument(customerorder,
                               Builders::customerOrder(documentId(3), 990, QStringLiteral("Новый"), updated));
        side.fake.seedDocument(
            paymentin, Builders::payment(paymentin, documentId(11), 100000, {{documentId(1), 100000}}, updated));
        side.fake.seedDocument(cashin,
                               Builders::payment(cashin, documentId(12), 20050, {{documentId(2), 20050}}, updated));
        side.fake.seedDocument(demand, Builders::demand(documentId(21), 150000, documentId(1), assembled, updated));
        // The site is the receiver itself, so that `ping` reaches it without a proxy.
        const quint16 port = freePort();
        ASSERT_TRUE(side.cli.configSet(QStringLiteral("receiver.listen"), QStringLiteral("127.0.0.1:%1").arg(port)));
        ASSERT_TRUE(
            side.cli.configSet(QStringLiteral("site.url"), QStringLiteral("http://127.0.0.1:%1/shop/").arg(port)));
        ASSERT_TRUE(side.start(secret));
    }

    // The same deliveries, with the same request ids, to both sides, each processed before the next is sent so that
    // the tasks get the same ids and outcomes. MoySklad refuses every cash payment: a 400 is final, the task dies.
    void deliver()
    {
        for (Side *side : {&sqlite, &postgres})
            side->fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/cashin"), 400, 1002,
                                QStringLiteral("Request error"), -1);
        const QList<std::tuple<QString, QString, QStringList>> deliveries{
            {customerorder, QStringLiteral("UPDATE"), {documentId(1), documentId(2)}},
            {customerorder, QStringLiteral("CREATE"), {documentId(3)}},
            {customerorder, QStringLiteral("UPDATE"), {documentId(9)}}, // not in MoySklad: gone
            {paymentin, QStringLiteral("CREATE"), {documentId(11)}},
            {cashin, QStringLiteral("CREATE"), {documentId(12)}},
            {demand, QStringLiteral("CREATE"), {documentId(21)}},
            {demand, QStringLiteral("UPDATE"), {documentId(21)}}, // queued: stays pending
            {paymentin, QStringLiteral("DELETE"), {documentId(11)}},
        };
        int tasks = 0;
        int waiting = 0;
        for (const auto &[entity, action, ids] : deliveries) {
            const QString requestId = DeliverySender::newRequestId();
            requestIds.append(requestId);
            tasks += int(ids.size());
            waiting += entity == demand && action == QLatin1String("UPDATE") ? 1 : 0;
            for (Side *side : {&sqlite, &postgres}) {
                if (action == QLatin1String("DELETE"))
                    side->fake.removeDocument(entity, ids.constFirst());
                ASSERT_EQ(side->sender.send(entity, action, requestId, ids), 200) << side->name.toStdString();
                ASSERT_TRUE(side->waitForIdle(tasks, waiting));
            }
        }
        for (Side *side : {&sqlite, &postgres}) {
            const QJsonObject stats = side->cli.queueCounts();
            ASSERT_EQ(stats, (QJsonObject{{QStringLiteral("pending"), 1},
                                          {QStringLiteral("running"), 0},
                                          {QStringLiteral("retrying"), 0},
                                          {QStringLiteral("dead"), 1},
                                          {QStringLiteral("done"), 7},
                                          {QStringLiteral("cancelled"), 0}}))
                << side->name.toStdString() << ": " << text(stats);
        }
        deadId = firstTaskId({QStringLiteral("dead")});
    }

    // The id of the first task `queue list ARGUMENTS` shows on the PostgreSQL side (ids are the same on both).
    QString firstTaskId(const QStringList &arguments)
    {
        return QString::number(postgres.cli.run(QStringList{json, queue, QStringLiteral("list")} + arguments)
                                   .json()
                                   .array()
                                   .at(0)
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toInteger());
    }

    void stopServing()
    {
        for (Side *side : {&sqlite, &postgres}) {
            EXPECT_EQ(side->serve.stop(), 0) << side->name.toStdString() << side->serve.errors().toStdString();
            side->fake.clearFailures();
        }
    }

    // The command on both sides: both end with `exitCode`, print as many lines, and with --json give the same
    // values but for what differs between the sides (comparable()); non-empty ones when `rows` says so.
    void expectTheSame(const QStringList &arguments, bool rows = true, int exitCode = 0)
    {
        const std::string command = arguments.join(QLatin1Char(' ')).toStdString();
        const auto sqlitePlain = sqlite.cli.run(arguments);
        const auto postgresPlain = postgres.cli.run(arguments);
        EXPECT_EQ(sqlitePlain.exitCode, exitCode) << "SQLite: " << command << ": " << sqlitePlain.err.toStdString();
        EXPECT_EQ(postgresPlain.exitCode, exitCode)
            << "PostgreSQL: " << command << ": " << postgresPlain.err.toStdString();
        EXPECT_EQ(postgresPlain.out.count(QLatin1Char('\n')), sqlitePlain.out.count(QLatin1Char('\n')))
            << command << "\nSQLite:\n"
            << sqlitePlain.out.toStdString() << "PostgreSQL:\n"
            << postgresPlain.out.toStdString();
        const auto sqliteJson = sqlite.cli.run(QStringList{json} + arguments);
        const auto postgresJson = postgres.cli.run(QStringList{json} + arguments);
        EXPECT_EQ(sqliteJson.exitCode, exitCode)
            << "SQLite: --json " << command << ": " << sqliteJson.err.toStdString();
        EXPECT_EQ(postgresJson.exitCode, exitCode)
            << "PostgreSQL: --json " << command << ": " << postgresJson.err.toStdString();
        const QJsonValue expected = comparable(parsed(sqliteJson));
        const QJsonValue actual = comparable(parsed(postgresJson));
        EXPECT_EQ(actual, expected) << command << "\nSQLite:     " << text(expected)
                                    << "\nPostgreSQL: " << text(actual);
        const bool empty = expected.isArray() ? expected.toArray().isEmpty() : expected.toObject().isEmpty();
        EXPECT_EQ(empty, !rows) << command << ": " << text(expected);
    }

    // A command that changes the store, once on each side: both succeed and say the same.
    void expectTheSameChange(const QStringList &arguments, int exitCode = 0)
    {
        const std::string command = arguments.join(QLatin1Char(' ')).toStdString();
        const auto onSqlite = sqlite.cli.run(arguments);
        const auto onPostgres = postgres.cli.run(arguments);
        EXPECT_EQ(onSqlite.exitCode, exitCode) << "SQLite: " << command << ": " << onSqlite.err.toStdString();
        EXPECT_EQ(onPostgres.exitCode, exitCode) << "PostgreSQL: " << command << ": " << onPostgres.err.toStdString();
        EXPECT_EQ(onPostgres.out, onSqlite.out) << command;
        EXPECT_EQ(onPostgres.err, onSqlite.err) << command;
    }

    const QDateTime started = QDateTime::currentDateTimeUtc();
    Side sqlite;
    Side postgres;
    QStringList requestIds;
    QString deadId;
};

} // namespace

TEST_F(CliPostgresReadTest, EveryReadCommandAnswersOnPostgresAsOnSqlite)
{
    // While serve runs: ping finds each of its test deliveries in the log, through a search of the log's text.
    expectTheSame({QStringLiteral("ping")});
    stopServing();

    const QString list = QStringLiteral("list");
    expectTheSame({queue, QStringLiteral("stats")});
    expectTheSame({queue, list});
    for (const char *status : {"pending", "dead", "done"})
        expectTheSame({queue, list, QLatin1String(status)});
    expectTheSame({queue, list, QStringLiteral("cancelled")}, false);
    expectTheSame({queue, list, QStringLiteral("--hook"), QStringLiteral("customerorder/UPDATE")});
    expectTheSame({queue, list, QStringLiteral("done"), QStringLiteral("--hook"), QStringLiteral("paymentin/DELETE")});
    // By task id, request id, document id, document number, hook and error words, whatever their case.
    for (const QString &search :
         {deadId, requestIds.at(0), documentId(12), QStringLiteral("00021"), QStringLiteral("paymentin/"),
          QStringLiteral("Request error"), QStringLiteral("request ERROR"), QStringLiteral("CUSTOMERORDER")})
        expectTheSame({queue, list, QStringLiteral("--search"), search});
    expectTheSame({queue, list, QStringLiteral("--search"), QStringLiteral("50%_off")}, false);
    expectTheSame({queue, QStringLiteral("attempts"), deadId});
    expectTheSame({queue, QStringLiteral("attempts"), QStringLiteral("1")});
    expectTheSame({queue, QStringLiteral("deliveries")});
    expectTheSame({queue, QStringLiteral("deliveries"), requestIds.at(4)});
    expectTheSame({queue, QStringLiteral("retry-matching"), QStringLiteral("--status"), QStringLiteral("dead")});
    expectTheSame(
        {queue, QStringLiteral("cancel-matching"), QStringLiteral("--hook"), QStringLiteral("demand/UPDATE")});
    expectTheSame({queue, QStringLiteral("cancel-matching"), QStringLiteral("--search"), QStringLiteral("CashIn")});

    expectTheSame({QStringLiteral("orders")});
    expectTheSame({QStringLiteral("payments")});
    expectTheSame({QStringLiteral("shipments")});

    expectTheSame({QStringLiteral("config"), QStringLiteral("list")});
    expectTheSameChange({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("worker.interval")});
    expectTheSame({QStringLiteral("webhooks"), QStringLiteral("plan")});
    expectTheSame({QStringLiteral("webhooks"), QStringLiteral("list")}, false);
    expectTheSame({QStringLiteral("check")});
    // The dead cash payment is missing from the store on both, until a sync fetched it.
    expectTheSame({QStringLiteral("verify")}, true, 1);
    expectTheSame({QStringLiteral("sync"), QStringLiteral("--since"), MoscowTime::format(started.addSecs(-7200))});
    expectTheSame({QStringLiteral("verify")});
    expectTheSame({QStringLiteral("payments")});
}

TEST_F(CliPostgresReadTest, TheLogIsReadAndFilteredOnPostgres)
{
    stopServing();
    const QString log = QStringLiteral("log");
    const QString deadLine = QStringLiteral("Task %1 is dead: HTTP 400: Request error").arg(deadId);
    for (Side *side : {&sqlite, &postgres}) {
        const std::string name = side->name.toStdString();
        const auto plain = side->cli.run({log});
        ASSERT_EQ(plain.exitCode, 0) << name << ": " << plain.err.toStdString();
        EXPECT_TRUE(plain.out.contains(deadLine)) << name << ":\n" << plain.out.toStdString();

        const auto all = side->cli.run({json, log});
        ASSERT_EQ(all.exitCode, 0) << name << ": " << all.err.toStdString();
        const QJsonArray rows = all.json().array();
        ASSERT_GT(rows.size(), 10) << name;
        for (qsizetype i = 1; i < rows.size(); ++i)
            EXPECT_LT(rows.at(i - 1).toObject().value(QLatin1String("id")).toInteger(),
                      rows.at(i).toObject().value(QLatin1String("id")).toInteger())
                << name << ": oldest first";

        // From a level on: only the rows of that level and above, the dead task's among them.
        const QStringList levels{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                                 QStringLiteral("error")};
        for (qsizetype from = 1; from < levels.size(); ++from) {
            const std::string filter = name + " --level " + levels.at(from).toStdString();
            const auto filtered = side->cli.run({json, log, QStringLiteral("--level"), levels.at(from)});
            ASSERT_EQ(filtered.exitCode, 0) << filter << ": " << filtered.err.toStdString();
            int dead = 0;
            for (const QJsonValue &row : filtered.json().array()) {
                const QJsonObject entry = row.toObject();
                EXPECT_GE(levels.indexOf(entry.value(QLatin1String("level")).toString()), from)
                    << filter << ": " << text(entry);
                dead += entry.value(QLatin1String("message")).toString().startsWith(deadLine) ? 1 : 0;
            }
            EXPECT_EQ(dead, 1) << filter << ": " << filtered.out.toStdString();
            const auto plain = side->cli.run({log, QStringLiteral("--level"), levels.at(from)});
            EXPECT_EQ(plain.exitCode, 0) << filter << ": " << plain.err.toStdString();
            EXPECT_TRUE(plain.out.contains(deadLine)) << filter;
        }
    }

    // --follow: the newest rows, then each new one as it is written (here by a second command).
    for (Side *side : {&sqlite, &postgres}) {
        QProcess follow;
        follow.setProcessEnvironment(side->cli.environment());
        follow.start(QStringLiteral(SKLADHOOK_CLI_PATH),
                     {QStringLiteral("--data-dir"), side->cli.dataDir(), json, log, QStringLiteral("--follow")});
        QByteArray out;
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                out += follow.readAllStandardOutput();
                return out.contains(deadLine.toUtf8()) || follow.state() == QProcess::NotRunning;
            },
            10000))
            << side->name.toStdString() << ": " << out.toStdString();
        ASSERT_EQ(follow.state(), QProcess::Running)
            << side->name.toStdString() << ": " << follow.readAllStandardError().toStdString();
        ASSERT_EQ(side->cli.run({queue, QStringLiteral("pause")}).exitCode, 0);
        EXPECT_TRUE(QTest::qWaitFor(
            [&] {
                out += follow.readAllStandardOutput();
                return out.contains("Processing paused");
            },
            5000))
            << side->name.toStdString() << ": " << out.toStdString();
        follow.terminate();
        follow.waitForFinished(5000);
    }
}

TEST_F(CliPostgresReadTest, QueueAdminCommandsChangeTasksOnPostgresAsOnSqlite)
{
    stopServing();
    const QString pending = requestIds.at(6); // the queued demand/UPDATE's
    const QString pendingId = firstTaskId({QStringLiteral("--search"), pending});

    expectTheSameChange({queue, QStringLiteral("retry-dead")});
    expectTheSameChange({queue, QStringLiteral("retry"), deadId}, 1); // pending now: nothing to retry
    expectTheSameChange({queue, QStringLiteral("cancel"), deadId});
    expectTheSameChange({queue, QStringLiteral("cancel"), deadId}, 1);
    expectTheSameChange({queue, QStringLiteral("retry"), deadId});
    expectTheSameChange({queue, QStringLiteral("cancel"), pendingId});
    expectTheSameChange({queue, QStringLiteral("cancel"), QStringLiteral("999999")}, 1);
    expectTheSameChange({json, queue, QStringLiteral("cancel-matching"), QStringLiteral("--status"),
                         QStringLiteral("pending"), QStringLiteral("--yes")});
    expectTheSame({queue, QStringLiteral("list"), QStringLiteral("cancelled")});
    expectTheSameChange({json, queue, QStringLiteral("retry-matching"), QStringLiteral("--search"),
                         QStringLiteral("DEMAND"), QStringLiteral("--yes")});
    expectTheSameChange({queue, QStringLiteral("pause")});
    expectTheSame({queue, QStringLiteral("stats")});
    expectTheSameChange({queue, QStringLiteral("resume")});
    expectTheSame({queue, QStringLiteral("list")});
    expectTheSame({queue, QStringLiteral("attempts"), deadId});

    for (Side *side : {&sqlite, &postgres}) {
        EXPECT_EQ(side->cli.queueCounts(), (QJsonObject{{QStringLiteral("pending"), 1},
                                                        {QStringLiteral("running"), 0},
                                                        {QStringLiteral("retrying"), 0},
                                                        {QStringLiteral("dead"), 0},
                                                        {QStringLiteral("done"), 7},
                                                        {QStringLiteral("cancelled"), 1}}))
            << side->name.toStdString();
        const QString logged = side->cli.run({QStringLiteral("log")}).out;
        for (const QString &line : {QStringLiteral("Task %1 cancelled from the command line").arg(deadId),
                                    QStringLiteral("Task %1 cancelled from the command line").arg(pendingId)})
            EXPECT_TRUE(logged.contains(line)) << side->name.toStdString() << ": " << line.toStdString();
    }
}
