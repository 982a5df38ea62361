// SPDX-License-Identifier: GPL-3.0-or-later
// The Service of one data directory: its lock, the receiver wired to the queue, immediate processing that falls
// back to the queue, and stop/restart that lose nothing answered.
#include "service/service.h"
#include "await.h"
#include "builders.h"
#include "diagnostics/logreader.h"
#include "diagnostics/metricsreader.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "fakemoysklad.h"
#include "moysklad/moyskladclient.h"
#include "pipelinefixture.h"
#include "queue/taskqueue.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/shopstore.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace {

QString orderId(int i)
{
    return Builders::documentId(i);
}

// The Service itself, built by hand from the pipeline's parts (the workspace's writer and log, a client of its own
// that tries once), so that its lock, its start and stop, and what survives them can be tested without the
// workspace deciding when it runs.
class ServiceTest : public PipelineFixture
{
protected:
    void SetUp() override
    {
        PipelineFixture::SetUp();
        ClientConfig clientConfig;
        clientConfig.baseUrl = fake.baseUrl();
        clientConfig.token = fake.token();
        clientConfig.maxAttempts = 1; // a server error reaches the queue at once
        client = std::make_unique<MoySkladClient>(clientConfig);
    }

    ServiceConfig config(ExecutionMode mode = ExecutionMode::Queued) const
    {
        ServiceConfig c;
        c.dataDir = dir.path();
        c.receiver.listen = QStringLiteral("127.0.0.1:0");
        c.receiver.siteUrl = QUrl(QStringLiteral("https://shop.example.com/shop/"));
        c.receiver.verificationString = secret;
        c.worker.intervalMs = 3600 * 1000; // only what the test asks for runs
        c.worker.importOrders = true;
        c.queue.backoffBaseMs = 1; // a failed task is due again at once
        c.modes.insert(QStringLiteral("customerorder/UPDATE"), mode);
        return c;
    }

    ServiceParts parts() { return ServiceParts{&workspace->writer(), &workspace->log(), client.get(), nullptr}; }

    void seedOrder(int i)
    {
        fake.seedDocument(QStringLiteral("customerorder"), Builders::customerOrder(orderId(i), 100 * i));
    }

    // POSTs one delivery to the service's receiver over loopback; the HTTP status.
    int post(Service &service, const QString &requestId, const QList<int> &orders)
    {
        QStringList ids;
        for (int i : orders)
            ids.append(orderId(i));
        return postTo(*service.receiver(), QStringLiteral("customerorder"), QStringLiteral("UPDATE"), ids, secret,
                      requestId);
    }

    std::unique_ptr<MoySkladClient> client;
};

} // namespace

TEST_F(ServiceTest, OneServiceWritesADataDirectoryAtATime)
{
    EXPECT_TRUE(Service::lockHolder(dir.path()).isEmpty());
    Service first(config(), parts());
    ASSERT_TRUE(first.start().ok());
    const QString holder = Service::lockHolder(dir.path());
    EXPECT_TRUE(holder.contains(QString::number(QCoreApplication::applicationPid()))) << holder.toStdString();

    Service second(config(), parts());
    const auto refused = second.start();
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().contains(QStringLiteral("already serving"))) << refused.error().toStdString();
    EXPECT_FALSE(second.isRunning());
    EXPECT_TRUE(first.isRunning());

    first.stop();
    EXPECT_TRUE(Service::lockHolder(dir.path()).isEmpty());
    ASSERT_TRUE(second.start().ok());
}

TEST_F(ServiceTest, EverythingAnsweredSurvivesAStopAndIsProcessedAfterARestart)
{
    for (int i = 0; i < 20; ++i)
        seedOrder(i);
    {
        Service service(config(ExecutionMode::Queued), parts());
        ASSERT_TRUE(service.start().ok());
        for (int d = 0; d < 10; ++d)
            ASSERT_EQ(post(service, QStringLiteral("req-%1").arg(d), {2 * d, 2 * d + 1}), 200);
        ASSERT_EQ(post(service, QStringLiteral("req-3"), {6, 7}), 200); // a redelivery: answered, no new work
        service.stop();
    }
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")), 0);

    Service again(config(ExecutionMode::Queued), parts());
    ASSERT_TRUE(again.start().ok()); // picks up what waits at once, without waiting for the hour-long tick
    ASSERT_TRUE(QTest::qWaitFor([&] { return again.queue()->stats().value().done == 20; }, 20000))
        << again.queue()->stats().value().pending;
    const QueueStats stats = again.queue()->stats().value();
    EXPECT_EQ(stats.pending + stats.running + stats.retrying + stats.dead, 0);
    EXPECT_EQ(orders().size(), 20);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")), 1);
}

TEST_F(ServiceTest, AnImmediateTaskThatMeetsAnOutageWaitsWithoutSpendingAnAttemptAndTheStateSaysSo)
{
    seedOrder(1);
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/customerorder"), 500, 1000,
                  QStringLiteral("Внутренняя ошибка"), 1);
    ServiceConfig c = config(ExecutionMode::Immediate);
    c.worker.probeIntervalMs = 1000;
    Service service(c, parts());
    ASSERT_TRUE(service.start().ok());
    ASSERT_EQ(post(service, QStringLiteral("immediate-1"), {1}), 200);
    // Processed at once, without the tick: the fetch fails, the task waits in the queue with its attempt back.
    ASSERT_TRUE(QTest::qWaitFor([&] { return service.queue()->stats().value().retrying == 1; }, 10000));
    const Task failed = service.queue()->list(TaskStatus::Retrying).value().first();
    EXPECT_EQ(failed.attempts, 0);
    EXPECT_TRUE(failed.lastError.contains(QStringLiteral("500"))) << failed.lastError.toStdString();
    EXPECT_TRUE(orders().isEmpty());

    // The serving process says so to any reader (the GUI, `queue stats`), and the log says it once.
    const auto snapshot = [&] {
        service.writer()->flush();
        auto db = Database::open(Database::fileIn(dir.path()), QStringLiteral("snapshot-reader"), true);
        const ServiceSnapshot read = Service::readSnapshot(db.value());
        db = QString();
        Database::close(QStringLiteral("snapshot-reader"));
        return read;
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return snapshot().moyskladUnreachableSince.isValid(); }, 5000));
    EXPECT_EQ(snapshot().moyskladUnreachableSince, service.worker()->unreachableSince());
    LogReader reader(Database::fileIn(dir.path()));
    LogReader::Filter filter;
    filter.text = QStringLiteral("MoySklad unreachable since");
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 1);

    // The next probe finds MoySklad back: the task is processed and the state cleared.
    ASSERT_TRUE(QTest::qWaitFor([&] { return service.queue()->stats().value().done == 1; }, 10000));
    ASSERT_EQ(orders().size(), 1);
    EXPECT_EQ(orders().first().id, orderId(1));
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")), 2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !snapshot().moyskladUnreachableSince.isValid(); }, 5000));
    filter.text = QStringLiteral("MoySklad reachable again after");
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 1);
}

TEST_F(ServiceTest, TasksLeftRunningByADeadProcessAreDueAgainOnStart)
{
    seedOrder(5);
    {
        // A process that enqueued and claimed, then died without finishing: its lease is an hour long.
        StoreWriter writer(Database::fileIn(dir.path()));
        ASSERT_TRUE(writer.start().ok());
        TaskQueue::Policy policy;
        policy.leaseMs = 3600 * 1000;
        TaskQueue queue(&writer, policy);
        Delivery delivery;
        delivery.requestId = QStringLiteral("orphan");
        DeliveryEvent event;
        event.entityType = QStringLiteral("customerorder");
        event.action = QStringLiteral("UPDATE");
        event.documentId = orderId(5);
        delivery.events.append(event);
        const auto enqueued = awaitResult<TaskQueue::Enqueued>([&](auto done) { queue.enqueue(delivery, {}, done); });
        ASSERT_EQ(enqueued.outcome, PersistOutcome::Stored);
        const auto claimed = awaitResult<Result<QList<Task>, QString>>([&](auto done) { queue.claim(10, {}, done); });
        ASSERT_EQ(claimed.value().size(), 1);
    }
    Service service(config(), parts());
    ASSERT_TRUE(service.start().ok());
    ASSERT_TRUE(QTest::qWaitFor([&] { return service.queue()->stats().value().done == 1; }, 10000));
    EXPECT_EQ(orders().size(), 1);

    // The log says what happened, for the diagnostics pane.
    LogReader reader(Database::fileIn(dir.path()));
    service.writer()->flush();
    LogReader::Filter filter;
    filter.text = QStringLiteral("left running");
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 1);
}

TEST_F(ServiceTest, AStartPrunesFinishedTasksAndLogRowsPastTheRetentionPeriod)
{
    {
        StoreWriter writer(Database::fileIn(dir.path()));
        ASSERT_TRUE(writer.start().ok());
        TaskQueue queue(&writer, TaskQueue::Policy{});
        Delivery delivery;
        delivery.requestId = QStringLiteral("long-ago");
        for (int i = 0; i < 2; ++i) {
            DeliveryEvent event;
            event.entityType = QStringLiteral("customerorder");
            event.action = QStringLiteral("UPDATE");
            event.documentId = orderId(i);
            delivery.events.append(event);
        }
        const auto enqueued = awaitResult<TaskQueue::Enqueued>([&](auto done) { queue.enqueue(delivery, {}, done); });
        ASSERT_EQ(enqueued.outcome, PersistOutcome::Stored);
        const auto claimed = awaitResult<Result<QList<Task>, QString>>([&](auto done) { queue.claim(1, {}, done); });
        ASSERT_EQ(claimed.value().size(), 1);
        const auto completed =
            awaitResult<Result<bool, QString>>([&](auto done) { queue.complete(claimed.value().first(), done); });
        ASSERT_TRUE(completed.value());
        // Finished, and a log row written, a year ago.
        writer.submit([](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("UPDATE tasks SET finished_at = '2025-01-01T00:00:00.000Z' WHERE status "
                                           "= 'done'")) ||
                !query.exec(QStringLiteral("INSERT INTO log (at, level, category, message) VALUES "
                                           "('2025-01-01T00:00:00.000Z', 1, 'worker', 'a year ago')")))
                return query.lastError().text();
            return Done{};
        });
        writer.flush();
    }
    ServiceConfig c = config();
    c.retentionDays = 30;
    c.worker.intervalMs = 3600 * 1000;
    fake.failNext(QString(), QString(), 500, 0, {}, -1); // the waiting task stays waiting
    Service service(c, parts());
    ASSERT_TRUE(service.start().ok());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const QueueStats stats = service.queue()->stats().value();
            return stats.done == 0 && stats.pending + stats.retrying + stats.running == 1;
        },
        10000));
    service.writer()->flush();
    LogReader reader(Database::fileIn(dir.path()));
    LogReader::Filter filter;
    filter.text = QStringLiteral("a year ago");
    EXPECT_TRUE(reader.readLatest(filter, 10).value().isEmpty());
    // Said once the last chunk is done (a chunk per writer job, each answered on the queue's thread).
    filter.text = QStringLiteral("Pruned 1 finished task");
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            service.writer()->flush();
            return reader.readLatest(filter, 10).value().size() == 1;
        },
        5000));
}

TEST_F(ServiceTest, TenThousandRefusedRequestsAddAtMostAFewRows)
{
    Service service(config(), parts());
    ASSERT_TRUE(service.start().ok());
    workspace->writer().flush();
    const auto rowsIn = [this](const QString &table) {
        workspace->writer().flush();
        ReadConnection reader(Database::fileIn(dir.path()));
        QSqlQuery query(reader.db());
        return query.exec(QStringLiteral("SELECT count(*) FROM ") + table) && query.next() ? query.value(0).toLongLong()
                                                                                           : -1;
    };
    const qint64 logBefore = rowsIn(QStringLiteral("log"));
    const qint64 metricsBefore = rowsIn(QStringLiteral("metrics"));

    // A careless or hostile client: wrong keys, GETs, paths that are no hook, deliveries without a requestId.
    const QString base =
        QStringLiteral("http://%1%2").arg(service.receiver()->listenAddress(), service.receiver()->pathPrefix());
    const QByteArray body = R"({"events":[]})";
    int finished = 0;
    constexpr int total = 10000;
    const auto request = [&base](const QString &pathAndQuery) {
        QNetworkRequest r{QUrl(base + pathAndQuery)};
        r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return r;
    };
    const qint64 firstMinute = QDateTime::currentSecsSinceEpoch() / 60;
    for (int i = 0; i < total; ++i) {
        QNetworkReply *reply = nullptr;
        switch (i % 4) {
        case 0:
            reply = network.post(
                request(QStringLiteral("moysklad/customerorder/update?key=wrong&requestId=flood-%1").arg(i)), body);
            break;
        case 1:
            reply =
                network.get(request(QStringLiteral("moysklad/customerorder/update?key=%1&requestId=r").arg(secret)));
            break;
        case 2:
            reply = network.post(request(QStringLiteral("wp-login.php")), body);
            break;
        default:
            reply = network.post(request(QStringLiteral("moysklad/customerorder/update?key=%1").arg(secret)), body);
            break;
        }
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &finished] {
            ++finished;
            reply->deleteLater();
        });
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished == total; }, 120000)) << finished;
    // One summary row for each minute the flood touched, however long it took on a loaded machine.
    const int minutes = int(QDateTime::currentSecsSinceEpoch() / 60 - firstMinute) + 1;
    EXPECT_EQ(service.receiver()->counters().rejected(), quint64(total));
    service.stop(); // stores the minute's counts

    // The first worker run's and the stop's own rows, and a summary row a minute (two when the flood crossed a
    // minute boundary).
    EXPECT_LE(rowsIn(QStringLiteral("log")) - logBefore, 4 + minutes);
    // Four causes (one peer) a minute, and the minute's gauges.
    EXPECT_LE(rowsIn(QStringLiteral("metrics")) - metricsBefore, 8 * minutes);
    ReadConnection reader(Database::fileIn(dir.path()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto byCause =
        MetricsReader::byLabel(reader.db(), Metric::RequestsRefused, now.addSecs(-3600), now.addSecs(3600));
    ASSERT_TRUE(byCause.ok()) << byCause.error().toStdString();
    qint64 counted = 0;
    QStringList causes;
    for (const auto &label : byCause.value()) {
        counted += label.value;
        causes.append(label.label);
    }
    EXPECT_EQ(counted, total);
    const QString all = causes.join(QLatin1Char('|'));
    for (const char *cause : {"403 wrong verification string from 127.0.0.1", "405 method not allowed from 127.0.0.1",
                              "404 not a hook path from 127.0.0.1", "400 no requestId from 127.0.0.1"})
        EXPECT_TRUE(all.contains(QLatin1String(cause))) << all.toStdString();
    LogReader log(Database::fileIn(dir.path()));
    const auto rows = log.readAfter(0, {});
    ASSERT_TRUE(rows.ok());
    int summaries = 0;
    for (const LogEntry &entry : rows.value())
        summaries += entry.message.startsWith(QStringLiteral("Refused ")) ? 1 : 0;
    EXPECT_GE(summaries, 1);
    EXPECT_LE(summaries, minutes);
}

TEST_F(ServiceTest, AStoredDeliveryWritesNoLogRowAndItsDetailsStayInItsDeliveriesRow)
{
    Service service(config(), parts());
    ASSERT_TRUE(service.start().ok());
    workspace->writer().flush();
    const auto logRows = [this] {
        workspace->writer().flush();
        ReadConnection reader(Database::fileIn(dir.path()));
        QSqlQuery query(reader.db());
        return query.exec(QStringLiteral("SELECT count(*) FROM log")) && query.next() ? query.value(0).toLongLong()
                                                                                      : -1;
    };
    const qint64 before = logRows();
    for (int d = 0; d < 5; ++d)
        ASSERT_EQ(post(service, QStringLiteral("fold-%1").arg(d), {2 * d, 2 * d + 1}), 200);
    // Nothing in the log names these deliveries (other rows, the service's own, may come and go meanwhile).
    workspace->writer().flush();
    LogReader log(Database::fileIn(dir.path()));
    const auto rows = log.readAfter(0, {});
    ASSERT_TRUE(rows.ok());
    for (const LogEntry &entry : rows.value())
        EXPECT_FALSE(entry.requestId.startsWith(QStringLiteral("fold-")) || entry.message.contains(u"event(s)"))
            << entry.message.toStdString();
    EXPECT_LE(logRows(), before + 1) << "a row per delivery";

    const auto found = service.queue()->deliveries(QStringLiteral("fold-3"));
    ASSERT_TRUE(found.ok()) << found.error().toStdString();
    ASSERT_EQ(found.value().size(), 1);
    const DeliveryRecord &record = found.value().first();
    EXPECT_EQ(record.hook, QStringLiteral("customerorder/UPDATE"));
    EXPECT_EQ(record.peer, QStringLiteral("127.0.0.1"));
    EXPECT_EQ(record.events, 2);
    EXPECT_LT(qAbs(record.receivedAt.secsTo(QDateTime::currentDateTimeUtc())), 60);
    EXPECT_GE(record.writtenUs, 0);
    EXPECT_EQ(service.queue()->deliveries().value().size(), 5);
}

TEST(ServiceConfigFromSettings, ThePerAddressConnectionLimitComesFromItsSetting)
{
    QTemporaryDir dir;
    QSettings ini(Settings::fileIn(dir.path()), QSettings::IniFormat);
    Settings settings(&ini);
    // The setting's default is the receiver's own.
    EXPECT_EQ(ServiceConfig::fromSettings(settings, dir.path(), QString()).receiver.maxConnectionsPerIp,
              ReceiverConfig{}.maxConnectionsPerIp);
    ASSERT_TRUE(settings.set(QStringLiteral("receiver.maxConnectionsPerAddress"), QStringLiteral("200")).ok());
    EXPECT_EQ(ServiceConfig::fromSettings(settings, dir.path(), QString()).receiver.maxConnectionsPerIp, 200);
    ASSERT_TRUE(settings.set(QStringLiteral("receiver.maxConnectionsPerAddress"), QStringLiteral("0")).ok());
    EXPECT_EQ(ServiceConfig::fromSettings(settings, dir.path(), QString()).receiver.maxConnectionsPerIp, 0);
}
