// SPDX-License-Identifier: GPL-3.0-or-later
#include "intake/receiver.h"
#include "common/diagnosticslog.h"
#include "common/metriccounters.h"
#include "intake/delivery.h"
#include "intake/testdeliverymark.h"

#include <gtest/gtest.h>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace {

const QString kSecret = QStringLiteral("Verification-String-7f3a9c");
const QString kOrderId = QStringLiteral("5d0c1b2a-0c3b-11ee-0a80-07a1000f3e21");

QByteArray validBody(int events = 1)
{
    QByteArrayList list;
    for (int i = 0; i < events; ++i)
        list.append(QStringLiteral(R"({"meta":{"type":"customerorder","href":"https://api.moysklad.ru/api/remap/1.2/)"
                                   R"(entity/customerorder/%1"},"action":"UPDATE","accountId":"acc"})")
                        .arg(kOrderId)
                        .toUtf8());
    return R"({"auditContext":{"uid":"admin@shop","moment":"2026-12-01 10:00:00"},"events":[)" + list.join(',') + "]}";
}

QString hookPath(const QString &requestId, const QString &key = kSecret)
{
    QString path = QStringLiteral("/skladhook/moysklad/customerorder/update");
    QStringList query;
    if (!key.isNull())
        query.append(QStringLiteral("key=") + key);
    if (!requestId.isNull())
        query.append(QStringLiteral("requestId=") + requestId);
    return query.isEmpty() ? path : path + QLatin1Char('?') + query.join(QLatin1Char('&'));
}

class RecordingLog final : public DiagnosticsLog
{
public:
    void write(LogEntry entry) override
    {
        std::lock_guard lock(m_mutex);
        m_entries.append(std::move(entry));
    }
    QList<LogEntry> entries() const
    {
        std::lock_guard lock(m_mutex);
        return m_entries;
    }

private:
    mutable std::mutex m_mutex;
    QList<LogEntry> m_entries;
};

// Records what reaches it and answers on the test's thread: after delayMs with `outcome`, or never when silent.
class TestSink final : public DeliverySink
{
public:
    PersistOutcome outcome = PersistOutcome::Stored;
    int delayMs = 0;
    bool silent = false;
    QElapsedTimer clock; // shared with the test: when `done` was called
    qint64 doneAtMs = -1;
    std::vector<std::function<void(PersistOutcome)>> held;

    TestSink() { clock.start(); }

    void persist(Delivery delivery, std::function<void(PersistOutcome)> done) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_deliveries.append(std::move(delivery));
        }
        QMetaObject::invokeMethod(
            &m_context,
            [this, done = std::move(done)] {
                if (silent) {
                    held.push_back(done);
                    return;
                }
                QTimer::singleShot(delayMs, &m_context, [this, done] {
                    doneAtMs = clock.elapsed();
                    done(outcome);
                });
            },
            Qt::QueuedConnection);
    }

    QList<Delivery> deliveries() const
    {
        std::lock_guard lock(m_mutex);
        return m_deliveries;
    }

private:
    mutable std::mutex m_mutex;
    QList<Delivery> m_deliveries;
    QObject m_context;
};

struct HttpAnswer final
{
    int status = 0;
    QByteArray body;
    qint64 ms = 0;
    qint64 finishedAtMs = 0; // on the sink's clock
};

void raiseOpenFileLimit(rlim_t wanted)
{
    rlimit limit{};
    ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
    if (limit.rlim_cur >= wanted)
        return;
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &limit), 0);
    ASSERT_GE(limit.rlim_cur, wanted) << "the hard limit of open files is too low for this test";
}

class ReceiverTest : public ::testing::Test
{
protected:
    static ReceiverConfig config()
    {
        ReceiverConfig c;
        c.listen = QStringLiteral("127.0.0.1:0");
        c.siteUrl = QUrl(QStringLiteral("https://shop.example.com/skladhook/"));
        c.verificationString = kSecret;
        return c;
    }

    void start(const ReceiverConfig &c = config())
    {
        receiver.setMetrics(&metrics);
        const Result<Done, QString> started = receiver.start(c);
        ASSERT_TRUE(started.ok()) << started.error().toStdString();
        ASSERT_EQ(receiver.state(), Receiver::State::Listening);
        ASSERT_NE(receiver.port(), 0);
    }

    HttpAnswer send(const QString &pathAndQuery, const QByteArray &body, const QByteArray &verb = "POST")
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(receiver.port()) + pathAndQuery));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, verb, body));
        EXPECT_TRUE(QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000)) << "no answer";
        HttpAnswer answer;
        answer.ms = timer.elapsed();
        answer.finishedAtMs = sink.clock.elapsed();
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        return answer;
    }

    HttpAnswer post(const QString &requestId, const QByteArray &body = validBody())
    {
        return send(hookPath(requestId), body);
    }

    std::unique_ptr<QTcpSocket> connectRaw()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), receiver.port());
        EXPECT_TRUE(QTest::qWaitFor([&socket] { return socket->state() == QAbstractSocket::ConnectedState; }, 5000));
        return socket;
    }

    // Everything the server sent until `predicate` holds on it or the connection closes.
    static QByteArray readUntil(QTcpSocket &socket, const std::function<bool(const QByteArray &)> &predicate,
                                int timeoutMs = 5000)
    {
        QByteArray received;
        (void)QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return predicate(received) || socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
        return received + socket.readAll();
    }

    // What was counted of the refusals since the last call: label → count.
    QHash<QString, qint64> refusals()
    {
        QHash<QString, qint64> counted;
        for (const MetricCounters::Value &value : metrics.take()) {
            if (value.metric == Metric::RequestsRefused)
                counted.insert(value.label, value.value);
        }
        return counted;
    }

    bool logged(LogLevel level, const QString &text) const
    {
        const QList<LogEntry> entries = log.entries();
        return std::any_of(entries.begin(), entries.end(),
                           [&](const LogEntry &entry) { return entry.level == level && entry.message.contains(text); });
    }

    bool secretLogged() const
    {
        const QList<LogEntry> entries = log.entries();
        return std::any_of(entries.begin(), entries.end(), [](const LogEntry &entry) {
            return entry.message.contains(kSecret) || entry.details.contains(kSecret);
        });
    }

    TestSink sink;
    RecordingLog log;
    MetricCounters metrics;
    QNetworkAccessManager network;
    Receiver receiver{&sink, &log};
};

} // namespace

TEST(ReceiverAddress, ParsesHostAndPort)
{
    auto parsed = Receiver::parseListenAddress(QStringLiteral("127.0.0.1:8765"));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().first, QHostAddress(QStringLiteral("127.0.0.1")));
    EXPECT_EQ(parsed.value().second, 8765);
    parsed = Receiver::parseListenAddress(QStringLiteral("[::1]:0"));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().first, QHostAddress(QHostAddress::LocalHostIPv6));
    parsed = Receiver::parseListenAddress(QStringLiteral("localhost:80"));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().first, QHostAddress(QHostAddress::LocalHost));
    for (const char *bad : {"", "8765", ":8765", "127.0.0.1", "127.0.0.1:x", "127.0.0.1:65536", "::1:80", "shop:80"})
        EXPECT_FALSE(Receiver::parseListenAddress(QString::fromLatin1(bad)).ok()) << bad;
}

TEST(ReceiverAddress, PathPrefixComesFromTheSiteUrl)
{
    EXPECT_EQ(Receiver::pathPrefixOf(QUrl(QStringLiteral("https://shop.example.com/skladhook/"))),
              QStringLiteral("/skladhook/"));
    EXPECT_EQ(Receiver::pathPrefixOf(QUrl(QStringLiteral("https://shop.example.com/skladhook"))),
              QStringLiteral("/skladhook/"));
    EXPECT_EQ(Receiver::pathPrefixOf(QUrl(QStringLiteral("https://shop.example.com"))), QStringLiteral("/"));
}

TEST_F(ReceiverTest, AnswersAValidDeliveryOnlyAfterTheSinkCommitted)
{
    start();
    sink.delayMs = 300;
    QSignalSpy countersChanged(&receiver, &Receiver::countersChanged);

    const HttpAnswer answer = post(QStringLiteral("0f8e4c1a-1111-4a4a-9999-000000000001"), validBody(3));

    EXPECT_EQ(answer.status, 200);
    EXPECT_GE(answer.ms, 300);
    ASSERT_GE(sink.doneAtMs, 0);
    EXPECT_GE(answer.finishedAtMs, sink.doneAtMs);
    const QList<Delivery> deliveries = sink.deliveries();
    ASSERT_EQ(deliveries.size(), 1);
    const Delivery &delivery = deliveries.first();
    EXPECT_EQ(delivery.requestId, QStringLiteral("0f8e4c1a-1111-4a4a-9999-000000000001"));
    EXPECT_EQ(delivery.hookEntityType, QStringLiteral("customerorder"));
    EXPECT_EQ(delivery.hookAction, QStringLiteral("UPDATE"));
    EXPECT_EQ(delivery.events.size(), 3);
    EXPECT_EQ(delivery.events.first().documentId, kOrderId);
    EXPECT_EQ(delivery.auditUid, QStringLiteral("admin@shop"));
    EXPECT_EQ(delivery.peer, QStringLiteral("127.0.0.1"));
    EXPECT_TRUE(delivery.receivedAt.isValid());

    EXPECT_TRUE(QTest::qWaitFor([&] { return countersChanged.count() > 0; }, 5000));
    EXPECT_EQ(receiver.counters().accepted, 1u);
    EXPECT_EQ(receiver.counters().rejected(), 0u);
    // A stored delivery writes no log row (issue 11): the sink's deliveries row is its record, with what the row
    // had: the hook, the peer, and the time it took from arrival (measured from here).
    const QList<LogEntry> entries = log.entries();
    EXPECT_FALSE(std::any_of(entries.begin(), entries.end(), [](const LogEntry &entry) {
        return entry.requestId == QStringLiteral("0f8e4c1a-1111-4a4a-9999-000000000001");
    }));
    EXPECT_TRUE(delivery.arrival.isValid());
    EXPECT_FALSE(secretLogged());
}

TEST_F(ReceiverTest, ADuplicateIsAnswered200)
{
    start();
    sink.outcome = PersistOutcome::Duplicate;
    EXPECT_EQ(post(QStringLiteral("dup-1")).status, 200);
    EXPECT_EQ(receiver.counters().duplicates, 1u);
    EXPECT_EQ(receiver.counters().accepted, 0u);
    // A redelivery is a count, not a log row (the one row is the receiver's start).
    EXPECT_EQ(log.entries().size(), 1);
    qint64 redelivered = 0;
    for (const MetricCounters::Value &value : metrics.take())
        redelivered += value.metric == Metric::DeliveriesRedelivered ? value.value : 0;
    EXPECT_EQ(redelivered, 1);
}

TEST_F(ReceiverTest, AWrongSecretIsForbiddenAndNothingIsPersisted)
{
    start();
    const HttpAnswer answer =
        send(hookPath(QStringLiteral("r-1"), QStringLiteral("Verification-String-7f3a9d")), validBody());
    EXPECT_EQ(answer.status, 403);
    EXPECT_TRUE(sink.deliveries().isEmpty());
    EXPECT_EQ(receiver.counters().forbidden, 1u);
    // Counted by cause and peer, without a log row of its own (a flood must not grow the database).
    EXPECT_EQ(refusals().value(QStringLiteral("403 wrong verification string from 127.0.0.1")), 1);
    EXPECT_FALSE(logged(LogLevel::Warning, QString())) << "no row beyond the receiver's start";
    EXPECT_EQ(log.entries().size(), 1);
    EXPECT_FALSE(secretLogged());
}

TEST_F(ReceiverTest, AMarkedTestDeliveryIsAnsweredAndLoggedButNeverReachesTheSink)
{
    start();
    const QString requestId = TestDeliveryMark::newRequestId();
    const HttpAnswer answer = post(requestId);
    EXPECT_EQ(answer.status, 200);
    EXPECT_TRUE(sink.deliveries().isEmpty()) << "a test delivery must not become a task";
    EXPECT_EQ(receiver.counters().testDeliveries, 1u);
    EXPECT_EQ(receiver.counters().accepted, 0u);
    const QList<LogEntry> entries = log.entries();
    const auto record = std::find_if(entries.begin(), entries.end(), [&](const LogEntry &entry) {
        return TestDeliveryMark::isRecord(entry, requestId);
    });
    ASSERT_NE(record, entries.end());
    EXPECT_EQ(record->hook, QStringLiteral("customerorder/UPDATE"));
    EXPECT_TRUE(record->message.contains(QStringLiteral("127.0.0.1")));

    // The same checks as any delivery come first: a wrong key is refused, and a refusal is no record.
    const QString refusedId = TestDeliveryMark::newRequestId();
    EXPECT_EQ(send(hookPath(refusedId, QStringLiteral("Verification-String-7f3a9d")), validBody()).status, 403);
    EXPECT_EQ(send(hookPath(TestDeliveryMark::newRequestId()), QByteArrayLiteral("{}")).status, 400);
    EXPECT_EQ(receiver.counters().testDeliveries, 1u);
    for (const LogEntry &entry : log.entries())
        EXPECT_FALSE(TestDeliveryMark::isRecord(entry, refusedId)) << entry.message.toStdString();
    // An ordinary requestId still goes to the sink.
    EXPECT_EQ(post(QStringLiteral("ordinary-1")).status, 200);
    EXPECT_EQ(sink.deliveries().size(), 1);
}

TEST_F(ReceiverTest, AMissingSecretIsForbidden)
{
    start();
    EXPECT_EQ(send(hookPath(QStringLiteral("r-1"), QString()), validBody()).status, 403);
    EXPECT_EQ(send(hookPath(QStringLiteral("r-2"), QStringLiteral("")), validBody()).status, 403);
    EXPECT_TRUE(sink.deliveries().isEmpty());
    EXPECT_EQ(refusals().value(QStringLiteral("403 no verification string from 127.0.0.1")), 2);
}

TEST_F(ReceiverTest, AChangedSecretTakesEffectAtOnce)
{
    start();
    receiver.setVerificationString(QStringLiteral("a-new-secret"));
    EXPECT_EQ(post(QStringLiteral("r-1")).status, 403);
    EXPECT_EQ(send(hookPath(QStringLiteral("r-2"), QStringLiteral("a-new-secret")), validBody()).status, 200);
}

TEST_F(ReceiverTest, AMissingRequestIdIsABadRequest)
{
    start();
    const HttpAnswer answer = send(hookPath(QString()), validBody());
    EXPECT_EQ(answer.status, 400);
    EXPECT_EQ(answer.body, "bad request: no requestId in the URL\n"); // which rule, for whoever sends it by hand
    EXPECT_TRUE(sink.deliveries().isEmpty());
    EXPECT_EQ(receiver.counters().badRequest, 1u);
}

TEST_F(ReceiverTest, MalformedJsonIsABadRequestAndCounted)
{
    start();
    const HttpAnswer answer = post(QStringLiteral("r-1"), R"({"events":[{"meta":)");
    EXPECT_EQ(answer.status, 400);
    EXPECT_EQ(answer.body, "bad request: the body is not a MoySklad delivery\n");
    EXPECT_TRUE(sink.deliveries().isEmpty());
    EXPECT_EQ(refusals().value(QStringLiteral("400 malformed body from 127.0.0.1")), 1);
}

TEST_F(ReceiverTest, ABodyOfTheWrongShapeIsABadRequest)
{
    start();
    EXPECT_EQ(post(QStringLiteral("r-1"), R"({"events":[{"meta":{"type":"customerorder"}}]})").status, 400);
    EXPECT_EQ(post(QStringLiteral("r-2"), R"({"orders":[]})").status, 400);
    EXPECT_TRUE(sink.deliveries().isEmpty());
    EXPECT_EQ(receiver.counters().badRequest, 2u);
}

TEST_F(ReceiverTest, OtherPathsAreNotFoundAndOtherMethodsNotAllowed)
{
    start();
    EXPECT_EQ(
        send(QStringLiteral("/other/moysklad/customerorder/update?key=") + kSecret + QStringLiteral("&requestId=1"),
             validBody())
            .status,
        404);
    EXPECT_EQ(send(QStringLiteral("/skladhook/moysklad/customerorder?key=") + kSecret + QStringLiteral("&requestId=1"),
                   validBody())
                  .status,
              404);
    EXPECT_EQ(send(QStringLiteral("/skladhook/"), {}, "GET").status, 404);
    EXPECT_EQ(send(hookPath(QStringLiteral("r-1")), {}, "GET").status, 405);
    EXPECT_EQ(send(hookPath(QStringLiteral("r-2")), validBody(), "PUT").status, 405);
    EXPECT_TRUE(sink.deliveries().isEmpty());
    EXPECT_EQ(receiver.counters().notFound, 3u);
    EXPECT_EQ(receiver.counters().methodNotAllowed, 2u);
}

TEST_F(ReceiverTest, AcceptsTheHookPathAtTheRootBehindAProxyThatStripsThePrefix)
{
    start();
    EXPECT_EQ(send(QStringLiteral("/moysklad/customerorder/update?key=") + kSecret + QStringLiteral("&requestId=r-1"),
                   validBody())
                  .status,
              200);
    EXPECT_EQ(sink.deliveries().size(), 1);
}

TEST_F(ReceiverTest, ASinkFailureIsAnswered503SoThatMoySkladRetries)
{
    start();
    sink.outcome = PersistOutcome::Failed;
    EXPECT_EQ(post(QStringLiteral("r-1")).status, 503);
    EXPECT_EQ(receiver.counters().failed, 1u);
    EXPECT_TRUE(logged(LogLevel::Error, QStringLiteral("could not be stored")));
}

TEST_F(ReceiverTest, ASilentSinkIsAnswered503InTimeAndALateAnswerIsHarmless)
{
    ReceiverConfig c = config();
    c.sinkTimeoutMs = 200;
    start(c);
    sink.silent = true;
    const HttpAnswer answer = post(QStringLiteral("r-1"));
    EXPECT_EQ(answer.status, 503);
    EXPECT_EQ(receiver.counters().timedOut, 1u);
    ASSERT_EQ(sink.held.size(), 1u);
    sink.held.front()(PersistOutcome::Stored);
    EXPECT_EQ(receiver.counters().accepted, 0u);
    // The receiver still serves.
    sink.silent = false;
    EXPECT_EQ(post(QStringLiteral("r-2")).status, 200);
}

TEST_F(ReceiverTest, StoppingAnswersWaitingDeliveriesAndALaterDoneIsHarmless)
{
    start();
    sink.silent = true;
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(receiver.port()) + hookPath(QStringLiteral("r-1"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(network.post(request, validBody()));
    ASSERT_TRUE(QTest::qWaitFor([this] { return sink.held.size() == 1; }, 5000));
    receiver.stop();
    EXPECT_EQ(receiver.state(), Receiver::State::Stopped);
    EXPECT_TRUE(QTest::qWaitFor([&reply] { return reply->isFinished(); }, 5000));
    EXPECT_NE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    sink.held.front()(PersistOutcome::Stored);
    EXPECT_EQ(receiver.counters().accepted, 0u);
}

TEST_F(ReceiverTest, ADeclaredThreeMegabyteBodyIsRefusedBeforeItIsSent)
{
    start();
    const std::unique_ptr<QTcpSocket> socket = connectRaw();
    socket->write("POST " + hookPath(QStringLiteral("r-big")).toUtf8() +
                  " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 3145728\r\n\r\n");
    socket->write(QByteArray(64 * 1024, ' ')); // a small part of the declared body, then the client waits
    const QByteArray received = readUntil(*socket, [](const QByteArray &text) { return text.contains("\r\n\r\n"); });
    EXPECT_TRUE(received.startsWith("HTTP/1.1 413")) << received.left(200).constData();
    EXPECT_TRUE(sink.deliveries().isEmpty());
    EXPECT_EQ(receiver.counters().tooLarge, 1u);
}

TEST_F(ReceiverTest, AChunkedBodyOverTheLimitIsCutOff)
{
    start();
    const std::unique_ptr<QTcpSocket> socket = connectRaw();
    socket->write(
        "POST " + hookPath(QStringLiteral("r-big")).toUtf8() +
        " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk = "40000\r\n" + QByteArray(0x40000, ' ') + "\r\n";
    int sent = 0;
    // Keep sending 256 KiB chunks (up to 3 MiB) until the server closes the connection.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            if (socket->state() != QAbstractSocket::ConnectedState)
                return true;
            if (socket->bytesToWrite() == 0 && sent < 12) {
                socket->write(chunk);
                ++sent;
            }
            return false;
        },
        10000));
    EXPECT_LE(sent, 6); // closed soon after the first MiB
    EXPECT_TRUE(sink.deliveries().isEmpty());
    EXPECT_EQ(receiver.counters().tooLarge, 1u);
}

TEST_F(ReceiverTest, OversizedHeadersAreRefused)
{
    start();
    const std::unique_ptr<QTcpSocket> socket = connectRaw();
    const QByteArray body = validBody();
    socket->write("POST " + hookPath(QStringLiteral("r-1")).toUtf8() +
                  " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + QByteArray(20 * 1024, 'a') +
                  "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const QByteArray received = readUntil(*socket, [](const QByteArray &text) { return text.contains("\r\n\r\n"); });
    EXPECT_TRUE(received.startsWith("HTTP/1.1 431")) << received.left(200).constData();
    EXPECT_TRUE(sink.deliveries().isEmpty());

    // Headers well inside the limit pass.
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(receiver.port()) + hookPath(QStringLiteral("r-2"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Filler", QByteArray(8 * 1024, 'a'));
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    ASSERT_TRUE(QTest::qWaitFor([&reply] { return reply->isFinished(); }, 5000));
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

TEST_F(ReceiverTest, ABodyJustUnderTheLimitIsAccepted)
{
    start();
    const QByteArray body = validBody(5000);
    ASSERT_GT(body.size(), 700 * 1024);
    ASSERT_LT(body.size(), 1024 * 1024);
    EXPECT_EQ(post(QStringLiteral("r-1"), body).status, 200);
    ASSERT_EQ(sink.deliveries().size(), 1);
    EXPECT_EQ(sink.deliveries().first().events.size(), 5000);
}

TEST_F(ReceiverTest, ListensOnIPv6Loopback)
{
    ReceiverConfig c = config();
    c.listen = QStringLiteral("[::1]:0");
    start(c);
    EXPECT_EQ(receiver.listenAddress(), QStringLiteral("[::1]:%1").arg(receiver.port()));
    QNetworkRequest request(
        QUrl(QStringLiteral("http://[::1]:%1").arg(receiver.port()) + hookPath(QStringLiteral("r-1"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(network.post(request, validBody()));
    ASSERT_TRUE(QTest::qWaitFor([&reply] { return reply->isFinished(); }, 5000));
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    ASSERT_EQ(sink.deliveries().size(), 1);
    EXPECT_EQ(sink.deliveries().first().peer, QStringLiteral("::1"));
}

TEST_F(ReceiverTest, ThePerAddressLimitHoldsWhenSet)
{
    ReceiverConfig c = config();
    c.maxConnectionsPerIp = 2;
    start(c);
    const std::unique_ptr<QTcpSocket> first = connectRaw();
    const std::unique_ptr<QTcpSocket> second = connectRaw();
    const std::unique_ptr<QTcpSocket> third = connectRaw();
    // The third is accepted by the kernel and closed by the server at once; the first two stay.
    EXPECT_TRUE(QTest::qWaitFor([&] { return third->state() == QAbstractSocket::UnconnectedState; }, 5000));
    EXPECT_EQ(first->state(), QAbstractSocket::ConnectedState);
    EXPECT_EQ(second->state(), QAbstractSocket::ConnectedState);
}

TEST_F(ReceiverTest, HalfRequestsDoNotDelayARealDelivery)
{
    raiseOpenFileLimit(4096); // 500 client and 500 server sockets in this one process
    ReceiverConfig c = config();
    c.maxConnectionsPerIp = 0; // the 500 stand for 500 clients, here all on one address
    start(c);
    constexpr int kSlowClients = 500;
    std::vector<std::unique_ptr<QTcpSocket>> slow;
    for (int i = 0; i < kSlowClients; ++i) {
        slow.push_back(std::make_unique<QTcpSocket>());
        slow.back()->connectToHost(QHostAddress(QHostAddress::LocalHost), receiver.port());
    }
    const auto connected = [&slow] {
        return std::count_if(slow.begin(), slow.end(), [](const std::unique_ptr<QTcpSocket> &socket) {
            return socket->state() == QAbstractSocket::ConnectedState;
        });
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return connected() == kSlowClients; }, 20000)) << connected();
    const QByteArray head = "POST " + hookPath(QStringLiteral("slow")).toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < kSlowClients; ++i) {
        // Half of them stop inside the headers, half inside the body.
        slow[size_t(i)]->write(i % 2 ? QByteArray(head + "Content-Le")
                                     : QByteArray(head + "Content-Length: 4000\r\n\r\n{\"events\":["));
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [&slow] {
            return std::all_of(slow.begin(), slow.end(),
                               [](const std::unique_ptr<QTcpSocket> &socket) { return socket->bytesToWrite() == 0; });
        },
        10000));

    const HttpAnswer answer = post(QStringLiteral("real-1"));
    EXPECT_EQ(answer.status, 200);
    EXPECT_LT(answer.ms, 1500);
    EXPECT_EQ(sink.deliveries().size(), 1);
    EXPECT_EQ(connected(), kSlowClients); // they were all still there, waiting
}

TEST_F(ReceiverTest, IdleAndStalledConnectionsAreClosedAfterTheTimeout)
{
    ReceiverConfig c = config();
    c.idleTimeoutSeconds = 1;
    start(c);
    const std::unique_ptr<QTcpSocket> idle = connectRaw();
    const std::unique_ptr<QTcpSocket> stalled = connectRaw();
    stalled->write("POST " + hookPath(QStringLiteral("r-1")).toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le");
    EXPECT_TRUE(QTest::qWaitFor([&] { return idle->state() == QAbstractSocket::UnconnectedState; }, 5000));
    EXPECT_TRUE(QTest::qWaitFor([&] { return stalled->state() == QAbstractSocket::UnconnectedState; }, 5000));
    EXPECT_TRUE(sink.deliveries().isEmpty());
}

TEST_F(ReceiverTest, ANonLoopbackAddressNeedsTheOptIn)
{
    QSignalSpy stateChanged(&receiver, &Receiver::stateChanged);
    ReceiverConfig c = config();
    c.listen = QStringLiteral("0.0.0.0:0");
    const Result<Done, QString> started = receiver.start(c);
    ASSERT_FALSE(started.ok());
    EXPECT_TRUE(started.error().contains(QStringLiteral("opt-in"))) << started.error().toStdString();
    EXPECT_EQ(receiver.state(), Receiver::State::Error);
    EXPECT_EQ(receiver.errorString(), started.error());
    ASSERT_EQ(stateChanged.count(), 1);
    EXPECT_EQ(stateChanged.at(0).at(0).value<Receiver::State>(), Receiver::State::Error);
    EXPECT_TRUE(logged(LogLevel::Error, QStringLiteral("opt-in")));
}

TEST_F(ReceiverTest, APortInUseIsAClearError)
{
    start();
    Receiver second(&sink);
    ReceiverConfig c = config();
    c.listen = QStringLiteral("127.0.0.1:%1").arg(receiver.port());
    const Result<Done, QString> started = second.start(c);
    ASSERT_FALSE(started.ok());
    EXPECT_EQ(started.error(), QStringLiteral("127.0.0.1:%1: address in use").arg(receiver.port()));
    EXPECT_EQ(second.state(), Receiver::State::Error);
    EXPECT_TRUE(second.listenAddress().isEmpty());
    // The first one still serves.
    EXPECT_EQ(post(QStringLiteral("r-1")).status, 200);
}

TEST_F(ReceiverTest, ReportsItsAddressAndStops)
{
    QSignalSpy stateChanged(&receiver, &Receiver::stateChanged);
    start();
    EXPECT_EQ(receiver.listenAddress(), QStringLiteral("127.0.0.1:%1").arg(receiver.port()));
    EXPECT_EQ(receiver.pathPrefix(), QStringLiteral("/skladhook/"));
    EXPECT_EQ(post(QStringLiteral("r-1")).status, 200);
    receiver.stop();
    EXPECT_EQ(receiver.state(), Receiver::State::Stopped);
    EXPECT_EQ(receiver.port(), 0);
    EXPECT_EQ(receiver.counters().accepted, 1u); // the last run's counters stay readable
    ASSERT_EQ(stateChanged.count(), 2);
    EXPECT_EQ(stateChanged.at(1).at(0).value<Receiver::State>(), Receiver::State::Stopped);
}

TEST_F(ReceiverTest, RefusesToStartWithoutAVerificationString)
{
    ReceiverConfig c = config();
    c.verificationString.clear();
    EXPECT_FALSE(receiver.start(c).ok());
    EXPECT_EQ(receiver.state(), Receiver::State::Error);
}

namespace {
// Answers from pool threads after a random delay around the receiver's timeout: `done` races the timer.
class RacingSink final : public DeliverySink
{
public:
    std::atomic<int> persisted{0};

    RacingSink() { m_pool.setMaxThreadCount(64); } // every answer sleeps on its own thread

    void persist(Delivery, std::function<void(PersistOutcome)> done) override
    {
        ++persisted;
        const int delayMs = QRandomGenerator::global()->bounded(0, 40);
        const PersistOutcome outcome =
            QRandomGenerator::global()->bounded(0, 4) == 0 ? PersistOutcome::Failed : PersistOutcome::Stored;
        m_pool.start([delayMs, outcome, done = std::move(done)] {
            QThread::msleep(ulong(delayMs));
            done(outcome);
        });
    }
    void waitForDone() { m_pool.waitForDone(); }

private:
    QThreadPool m_pool;
};
} // namespace

TEST(ReceiverRace, AnswersFromOtherThreadsRacingTheTimeoutAnswerEveryRequestOnce)
{
    RacingSink sink;
    Receiver receiver(&sink);
    ReceiverConfig c;
    c.listen = QStringLiteral("127.0.0.1:0");
    c.siteUrl = QUrl(QStringLiteral("https://shop.example.com/skladhook/"));
    c.verificationString = kSecret;
    c.sinkTimeoutMs = 20;
    ASSERT_TRUE(receiver.start(c).ok());

    QNetworkAccessManager network;
    constexpr int kRequests = 200;
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (int i = 0; i < kRequests; ++i) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(receiver.port()) +
                                     hookPath(QStringLiteral("race-%1").arg(i))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        replies.emplace_back(network.post(request, validBody()));
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [&replies] {
            return std::all_of(replies.begin(), replies.end(),
                               [](const std::unique_ptr<QNetworkReply> &reply) { return reply->isFinished(); });
        },
        30000));
    int ok = 0, unavailable = 0;
    for (const std::unique_ptr<QNetworkReply> &reply : replies) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        ok += status == 200;
        unavailable += status == 503; // not stored or not in time: MoySklad retries either
    }
    EXPECT_EQ(ok + unavailable, kRequests);
    EXPECT_GT(ok, 0); // both sides of the race were taken (about half each)
    EXPECT_GT(unavailable, 0);
    EXPECT_EQ(sink.persisted, kRequests);
    const ReceiverCounters counters = receiver.counters();
    EXPECT_EQ(counters.accepted, quint64(ok));
    EXPECT_EQ(counters.failed + counters.timedOut, quint64(unavailable));
    receiver.stop();
    sink.waitForDone(); // late answers after stop() find nothing to do
}

TEST_F(ReceiverTest, EverySilentDeliveryGetsItsOwn503DeadlineNeitherEarlyNorLate)
{
    // No timer per request: one sweeper answers them in arrival order, each at its own deadline.
    ReceiverConfig c = config();
    c.sinkTimeoutMs = 300;
    start(c);
    sink.silent = true;
    const auto send = [this](const QString &requestId) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(receiver.port()) + hookPath(requestId)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return std::unique_ptr<QNetworkReply>(network.post(request, validBody()));
    };
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<QNetworkReply>> first;
    for (int i = 0; i < 5; ++i)
        first.push_back(send(QStringLiteral("early-%1").arg(i)));
    ASSERT_TRUE(QTest::qWaitFor([this] { return sink.held.size() == 5; }, 5000));
    QTest::qWait(150);
    const qint64 secondSentAt = clock.elapsed();
    std::unique_ptr<QNetworkReply> second = send(QStringLiteral("late"));
    ASSERT_TRUE(QTest::qWaitFor([this] { return sink.held.size() == 6; }, 5000));

    std::vector<qint64> firstDoneAt(first.size(), -1);
    qint64 secondDoneAt = -1;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (size_t i = 0; i < first.size(); ++i) {
                if (firstDoneAt[i] < 0 && first[i]->isFinished())
                    firstDoneAt[i] = clock.elapsed();
            }
            if (secondDoneAt < 0 && second->isFinished())
                secondDoneAt = clock.elapsed();
            return secondDoneAt >= 0 &&
                   std::all_of(firstDoneAt.begin(), firstDoneAt.end(), [](qint64 at) { return at >= 0; });
        },
        5000));
    for (size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i]->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
        EXPECT_GE(firstDoneAt[i], 290);
        EXPECT_LT(firstDoneAt[i], 1000);
    }
    // The later one waited for its own deadline, not for the sweep that answered the first five.
    EXPECT_EQ(second->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
    EXPECT_GE(secondDoneAt, secondSentAt + 290);
    EXPECT_LT(secondDoneAt, secondSentAt + 1000);
    EXPECT_EQ(receiver.counters().timedOut, 6u);
}

TEST_F(ReceiverTest, AnsweredDeliveriesAreNotAnsweredAgainByTheSweeper)
{
    ReceiverConfig c = config();
    c.sinkTimeoutMs = 150;
    start(c);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(post(QStringLiteral("r-%1").arg(i)).status, 200);
    QTest::qWait(400); // past every deadline: the sweeper passes the answered ones by
    const ReceiverCounters counted = receiver.counters();
    EXPECT_EQ(counted.accepted, 5u);
    EXPECT_EQ(counted.timedOut, 0u);
    EXPECT_EQ(post(QStringLiteral("r-after")).status, 200);
}

TEST_F(ReceiverTest, ByDefaultOneAddressGets64ConnectionsAndTheNextIsClosedWhileTheOthersWork)
{
    ASSERT_EQ(ReceiverConfig{}.maxConnectionsPerIp, 64);
    start();
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 64; ++i)
        held.push_back(connectRaw());
    const std::unique_ptr<QTcpSocket> extra = connectRaw();
    EXPECT_TRUE(QTest::qWaitFor([&] { return extra->state() == QAbstractSocket::UnconnectedState; }, 5000));
    EXPECT_TRUE(std::all_of(held.begin(), held.end(), [](const std::unique_ptr<QTcpSocket> &socket) {
        return socket->state() == QAbstractSocket::ConnectedState;
    }));

    // A held connection still delivers.
    const QByteArray body = validBody();
    held.front()->write("POST " + hookPath(QStringLiteral("held-1")).toUtf8() +
                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                        QByteArray::number(body.size()) + "\r\n\r\n" + body);
    EXPECT_TRUE(
        readUntil(*held.front(), [](const QByteArray &r) { return r.contains("stored"); }).startsWith("HTTP/1.1 200"));
    // Another address is not limited by this one's connections.
    QTcpSocket other;
    ASSERT_TRUE(other.bind(QHostAddress(QStringLiteral("127.0.0.2"))));
    other.connectToHost(QHostAddress(QHostAddress::LocalHost), receiver.port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return other.state() == QAbstractSocket::ConnectedState; }, 5000));
    other.write("POST " + hookPath(QStringLiteral("other-1")).toUtf8() +
                " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body);
    EXPECT_TRUE(readUntil(other, [](const QByteArray &r) { return r.contains("stored"); }).startsWith("HTTP/1.1 200"));
    EXPECT_EQ(sink.deliveries().size(), 2);
}

// A setting changed while the receiver runs (another process's `config set receiver.listen`): a busy or refused
// address leaves it serving where it was, and a free one moves it there.
TEST_F(ReceiverTest, ANewAddressThatCannotBeServedLeavesItServingTheOldOne)
{
    start();
    const quint16 oldPort = receiver.port();
    QTcpServer holder;
    ASSERT_TRUE(holder.listen(QHostAddress::LocalHost));
    ReceiverConfig busy = config();
    busy.listen = QStringLiteral("127.0.0.1:%1").arg(holder.serverPort());
    const Result<Done, QString> moved = receiver.start(busy);
    ASSERT_FALSE(moved.ok());
    EXPECT_TRUE(moved.error().contains(QStringLiteral("address in use"))) << moved.error().toStdString();
    EXPECT_EQ(receiver.state(), Receiver::State::Listening);
    EXPECT_EQ(receiver.port(), oldPort);
    EXPECT_EQ(post(QStringLiteral("r-1")).status, 200);
    EXPECT_TRUE(logged(LogLevel::Error, QStringLiteral("keeps serving 127.0.0.1:%1").arg(oldPort)));

    ReceiverConfig open = config();
    open.listen = QStringLiteral("0.0.0.0:0"); // beyond this machine without the opt-in
    ASSERT_FALSE(receiver.start(open).ok());
    EXPECT_EQ(post(QStringLiteral("r-2")).status, 200);

    holder.close();
    ASSERT_TRUE(receiver.start(busy).ok());
    EXPECT_EQ(receiver.port(), busy.listen.section(QLatin1Char(':'), 1).toUInt());
    EXPECT_EQ(post(QStringLiteral("r-3")).status, 200);
    QTcpSocket old;
    old.connectToHost(QHostAddress::LocalHost, oldPort);
    EXPECT_FALSE(old.waitForConnected(1000)); // the old port is let go

    // The same address again (another limit changed): the port is handed over, not refused as busy.
    ReceiverConfig same = busy;
    same.maxConnectionsPerIp = 3;
    ASSERT_TRUE(receiver.start(same).ok());
    EXPECT_EQ(post(QStringLiteral("r-4")).status, 200);
}
