// SPDX-License-Identifier: GPL-3.0-or-later
// skladhook-cli queue stats|list|retry|retry-dead|cancel, orders and log over a data directory whose database
// the test fills through the core (as a service would have).
#include "await.h"
#include "clirunner.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "documents/orderprocessor.h"
#include "queue/taskqueue.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QJsonObject>

namespace {

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

class CliQueueTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        StoreWriter writer(Database::fileIn(cli.dataDir()));
        ASSERT_TRUE(writer.start().ok());
        TaskQueue queue(&writer, TaskQueue::Policy{});
        Delivery delivery;
        delivery.requestId = QStringLiteral("cli-queue");
        delivery.hookEntityType = QStringLiteral("customerorder");
        delivery.hookAction = QStringLiteral("UPDATE");
        delivery.peer = QStringLiteral("185.12.4.7");
        for (int i = 0; i < 3; ++i) {
            DeliveryEvent event;
            event.entityType = QStringLiteral("customerorder");
            event.action = QStringLiteral("UPDATE");
            event.documentId = QStringLiteral("order-%1").arg(i);
            delivery.events.append(event);
        }
        const auto enqueued = awaitResult<TaskQueue::Enqueued>([&](auto done) { queue.enqueue(delivery, {}, done); });
        ASSERT_EQ(enqueued.outcome, PersistOutcome::Stored);
        // The first task hit a final error: dead.
        const auto claimed = awaitResult<Result<QList<Task>, QString>>([&](auto done) { queue.claim(1, {}, done); });
        ASSERT_EQ(claimed.value().size(), 1);
        deadId = claimed.value().first().id;
        const auto failed = awaitResult<Result<bool, QString>>([&](auto done) {
            queue.fail(claimed.value().first(), QStringLiteral("HTTP 403: no access"), false, true, done);
        });
        ASSERT_TRUE(failed.value());

        writer.submit([](QSqlDatabase &db) {
            return OrderProcessor(true).apply(db,
                                              QJsonObject{{QStringLiteral("id"), QStringLiteral("order-0")},
                                                          {QStringLiteral("name"), QStringLiteral("00001")},
                                                          {QStringLiteral("sum"), 123456},
                                                          {QStringLiteral("payedSum"), 100000},
                                                          {QStringLiteral("shippedSum"), 0}},
                                              QDateTime::currentDateTimeUtc());
        });
        SqliteDiagnosticsLog log(&writer);
        log.info(QStringLiteral("worker"), QStringLiteral("Worker run: 1 due task(s)"));
        log.warning(QStringLiteral("intake"), QStringLiteral("Wrong verification string from 192.0.2.7"));
        writer.flush();
    }

    QJsonObject stats() const
    {
        return cli.run({QStringLiteral("--json"), QStringLiteral("queue"), QStringLiteral("stats")}).json().object();
    }

    CliRunner cli;
    qint64 deadId = 0;
};

} // namespace

TEST_F(CliQueueTest, StatsAndListShowTheQueue)
{
    const QJsonObject counts = stats();
    EXPECT_EQ(sortedKeys(counts),
              (QStringList{QStringLiteral("cancelled"), QStringLiteral("dead"), QStringLiteral("done"),
                           QStringLiteral("oldestWaitingSince"), QStringLiteral("paused"), QStringLiteral("pending"),
                           QStringLiteral("retrying"), QStringLiteral("running")}));
    EXPECT_EQ(counts.value(QLatin1String("paused")), QJsonValue(false));
    EXPECT_EQ(counts.value(QLatin1String("pending")).toInt(), 2);
    EXPECT_EQ(counts.value(QLatin1String("dead")).toInt(), 1);

    const auto text = cli.run({QStringLiteral("queue"), QStringLiteral("stats")});
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("pending 2"))) << text.out.toStdString();

    const auto dead =
        cli.run({QStringLiteral("--json"), QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("dead")});
    ASSERT_EQ(dead.exitCode, 0) << dead.err.toStdString();
    const QJsonArray rows = dead.json().array();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].toObject().value(QLatin1String("id")).toInteger(), deadId);
    EXPECT_EQ(rows[0].toObject().value(QLatin1String("hook")).toString(), QStringLiteral("customerorder/UPDATE"));
    EXPECT_EQ(rows[0].toObject().value(QLatin1String("lastError")).toString(), QStringLiteral("HTTP 403: no access"));

    const auto all = cli.run({QStringLiteral("queue"), QStringLiteral("list")});
    ASSERT_EQ(all.exitCode, 0);
    EXPECT_EQ(all.out.count(QStringLiteral("customerorder/UPDATE")), 3);

    const auto wrong = cli.run({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("sleeping")});
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_EQ(wrong.err.count(QLatin1Char('\n')), 1);
}

TEST_F(CliQueueTest, AStoredDeliveryIsShownFromItsRowNotFromTheLog)
{
    const auto one = cli.run(
        {QStringLiteral("--json"), QStringLiteral("queue"), QStringLiteral("deliveries"), QStringLiteral("cli-queue")});
    ASSERT_EQ(one.exitCode, 0) << one.err.toStdString();
    const QJsonArray rows = one.json().array();
    ASSERT_EQ(rows.size(), 1);
    const QJsonObject row = rows[0].toObject();
    EXPECT_EQ(row.value(QLatin1String("requestId")).toString(), QStringLiteral("cli-queue"));
    EXPECT_EQ(row.value(QLatin1String("hook")).toString(), QStringLiteral("customerorder/UPDATE"));
    EXPECT_EQ(row.value(QLatin1String("peer")).toString(), QStringLiteral("185.12.4.7"));
    EXPECT_EQ(row.value(QLatin1String("events")).toInt(), 3);
    EXPECT_TRUE(QDateTime::fromString(row.value(QLatin1String("receivedAt")).toString(), Qt::ISODateWithMs).isValid());

    const auto text = cli.run({QStringLiteral("queue"), QStringLiteral("deliveries")});
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("cli-queue"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("3 event(s) from 185.12.4.7"))) << text.out.toStdString();

    EXPECT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("deliveries"), QStringLiteral("unknown")}).exitCode, 1);
    EXPECT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("deliveries"), QStringLiteral("a"), QStringLiteral("b")})
                  .exitCode,
              2);
}

TEST_F(CliQueueTest, RetryCancelAndRetryDeadChangeTasks)
{
    const QString dead = QString::number(deadId);
    const auto retried = cli.run({QStringLiteral("queue"), QStringLiteral("retry"), dead});
    ASSERT_EQ(retried.exitCode, 0) << retried.err.toStdString();
    EXPECT_EQ(stats().value(QLatin1String("pending")).toInt(), 3);
    EXPECT_EQ(stats().value(QLatin1String("dead")).toInt(), 0);

    // A pending task cannot be retried; it can be cancelled, and a cancelled one retried.
    EXPECT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("retry"), dead}).exitCode, 1);
    ASSERT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("cancel"), dead}).exitCode, 0);
    EXPECT_EQ(stats().value(QLatin1String("pending")).toInt(), 2);
    EXPECT_EQ(stats().value(QLatin1String("cancelled")).toInt(), 1);
    EXPECT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("cancel"), dead}).exitCode, 1);

    const auto none = cli.run({QStringLiteral("queue"), QStringLiteral("retry-dead")});
    ASSERT_EQ(none.exitCode, 0);
    EXPECT_TRUE(none.out.startsWith(QStringLiteral("0 "))) << none.out.toStdString();

    // Each change is in the diagnostics log.
    const auto logged = cli.run({QStringLiteral("log")});
    EXPECT_TRUE(logged.out.contains(QStringLiteral("Task %1 cancelled from the command line").arg(dead)))
        << logged.out.toStdString();

    const auto unknown = cli.run({QStringLiteral("queue"), QStringLiteral("cancel"), QStringLiteral("999999")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("999999")));
    EXPECT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("retry"), QStringLiteral("abc")}).exitCode, 2);
    EXPECT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("cancel")}).exitCode, 2);
}

TEST_F(CliQueueTest, OrdersAreListedWithSumsInKopecks)
{
    const auto result = cli.run({QStringLiteral("orders"), QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray orders = result.json().array();
    ASSERT_EQ(orders.size(), 1);
    const QJsonObject order = orders[0].toObject();
    EXPECT_EQ(
        sortedKeys(order),
        (QStringList{QStringLiteral("agent"), QStringLiteral("deleted"), QStringLiteral("id"), QStringLiteral("moment"),
                     QStringLiteral("name"), QStringLiteral("payedSum"), QStringLiteral("shippedSum"),
                     QStringLiteral("state"), QStringLiteral("sum"), QStringLiteral("updated")}));
    EXPECT_EQ(order.value(QLatin1String("id")).toString(), QStringLiteral("order-0"));
    EXPECT_EQ(order.value(QLatin1String("sum")).toInteger(), 123456);
    EXPECT_EQ(order.value(QLatin1String("payedSum")).toInteger(), 100000);
    EXPECT_FALSE(order.value(QLatin1String("deleted")).toBool());

    const auto text = cli.run({QStringLiteral("orders")});
    EXPECT_TRUE(text.out.contains(QStringLiteral("1234.56"))) << text.out.toStdString();
}

TEST_F(CliQueueTest, TheLogIsFilteredByLevel)
{
    const auto all = cli.run({QStringLiteral("log")});
    ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();
    EXPECT_TRUE(all.out.contains(QStringLiteral("Worker run")));
    EXPECT_TRUE(all.out.contains(QStringLiteral("192.0.2.7")));

    const auto warnings = cli.run(
        {QStringLiteral("--json"), QStringLiteral("log"), QStringLiteral("--level"), QStringLiteral("warning")});
    ASSERT_EQ(warnings.exitCode, 0) << warnings.err.toStdString();
    const QJsonArray rows = warnings.json().array();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0].toObject().value(QLatin1String("level")).toString(), QStringLiteral("warning"));
    EXPECT_EQ(rows[0].toObject().value(QLatin1String("category")).toString(), QStringLiteral("intake"));

    EXPECT_EQ(cli.run({QStringLiteral("log"), QStringLiteral("--level"), QStringLiteral("loud")}).exitCode, 2);
}

TEST_F(CliQueueTest, ListSearchesAndMatchingActionsCountFirstAndChangeOnlyWithYes)
{
    // By the order's number (the shop store's), by error words, by hook.
    const auto byNumber = cli.run({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--search"),
                                   QStringLiteral("00001"), QStringLiteral("--json")});
    ASSERT_EQ(byNumber.exitCode, 0) << byNumber.err.toStdString();
    ASSERT_EQ(byNumber.json().array().size(), 1);
    EXPECT_EQ(byNumber.json().array()[0].toObject().value(QLatin1String("documentId")).toString(),
              QStringLiteral("order-0"));
    const auto byError = cli.run({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--search"),
                                  QStringLiteral("no access"), QStringLiteral("--json")});
    ASSERT_EQ(byError.json().array().size(), 1);
    EXPECT_EQ(byError.json().array()[0].toObject().value(QLatin1String("id")).toInteger(), deadId);
    EXPECT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--hook"),
                       QStringLiteral("demand/CREATE"), QStringLiteral("--json")})
                  .json()
                  .array()
                  .size(),
              0);

    // Without --yes: the count, nothing changed.
    const QStringList cancelPending{QStringLiteral("queue"), QStringLiteral("cancel-matching"),
                                    QStringLiteral("--status"), QStringLiteral("pending"), QStringLiteral("--json")};
    const auto counted = cli.run(cancelPending);
    ASSERT_EQ(counted.exitCode, 0) << counted.err.toStdString();
    EXPECT_EQ(counted.json().object(), (QJsonObject{{QStringLiteral("matching"), 2}, {QStringLiteral("changed"), 0}}));
    EXPECT_EQ(stats().value(QLatin1String("pending")).toInt(), 2);
    const auto cancelled = cli.run(cancelPending + QStringList{QStringLiteral("--yes")});
    ASSERT_EQ(cancelled.exitCode, 0) << cancelled.err.toStdString();
    EXPECT_EQ(cancelled.json().object().value(QLatin1String("changed")).toInt(), 2);
    EXPECT_EQ(stats().value(QLatin1String("pending")).toInt(), 0);
    const auto retried = cli.run({QStringLiteral("queue"), QStringLiteral("retry-matching"), QStringLiteral("--hook"),
                                  QStringLiteral("customerorder/UPDATE"), QStringLiteral("--yes")});
    ASSERT_EQ(retried.exitCode, 0) << retried.err.toStdString();
    EXPECT_TRUE(retried.out.startsWith(QStringLiteral("3 task(s) queued again"))) << retried.out.toStdString();
    EXPECT_EQ(stats().value(QLatin1String("pending")).toInt(), 3);
    const auto logged = cli.run({QStringLiteral("log")});
    EXPECT_TRUE(logged.out.contains(QStringLiteral("3 matching task(s) queued again from the command line")))
        << logged.out.toStdString();

    // Everything is never implied, and a bad status is a usage error.
    EXPECT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("retry-matching"), QStringLiteral("--yes")}).exitCode,
              2);
    EXPECT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("cancel-matching"), QStringLiteral("--status"),
                       QStringLiteral("lost")})
                  .exitCode,
              2);
}

TEST_F(CliQueueTest, AttemptsShowEachAttemptOfATask)
{
    const auto attempts = cli.run(
        {QStringLiteral("queue"), QStringLiteral("attempts"), QString::number(deadId), QStringLiteral("--json")});
    ASSERT_EQ(attempts.exitCode, 0) << attempts.err.toStdString();
    const QJsonArray rows = attempts.json().array();
    ASSERT_EQ(rows.size(), 1);
    const QJsonObject first = rows[0].toObject();
    EXPECT_EQ(sortedKeys(first),
              (QStringList{QStringLiteral("attempt"), QStringLiteral("durationMs"), QStringLiteral("error"),
                           QStringLiteral("httpStatus"), QStringLiteral("outcome"), QStringLiteral("startedAt"),
                           QStringLiteral("status")}));
    EXPECT_EQ(first.value(QLatin1String("status")).toString(), QStringLiteral("dead"));
    EXPECT_EQ(first.value(QLatin1String("error")).toString(), QStringLiteral("HTTP 403: no access"));
    const auto text = cli.run({QStringLiteral("queue"), QStringLiteral("attempts"), QString::number(deadId)});
    EXPECT_TRUE(text.out.contains(QStringLiteral("HTTP 403: no access"))) << text.out.toStdString();
    EXPECT_EQ(cli.run({QStringLiteral("queue"), QStringLiteral("attempts"), QStringLiteral("999999")}).exitCode, 1);
}
