// SPDX-License-Identifier: GPL-3.0-or-later
// The receiver's answer time under load: deliveries from a few concurrent clients while hundreds of slow clients
// hold half-sent requests open, and the sink commits on its own thread (like the store's single writer).
// Prints percentiles; exits 1 when any answer took 1.5 s or more (MoySklad's limit) or was not 200.
#include "intake/delivery.h"
#include "intake/receiver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

// Commits on one thread, one delivery at a time, each taking commitMs (an fsync's worth of time).
class WriterSink final : public DeliverySink
{
public:
    explicit WriterSink(int commitMs)
        : m_commitMs(commitMs)
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
    }
    ~WriterSink() override
    {
        m_thread.quit();
        m_thread.wait();
    }

    void persist(Delivery, std::function<void(PersistOutcome)> done) override
    {
        QMetaObject::invokeMethod(
            &m_context,
            [this, done = std::move(done)] {
                QThread::msleep(ulong(m_commitMs));
                done(PersistOutcome::Stored);
            },
            Qt::QueuedConnection);
    }

private:
    int m_commitMs = 0;
    QThread m_thread;
    QObject m_context;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption deliveriesOption(QStringLiteral("deliveries"), QStringLiteral("Deliveries to send."),
                                              QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"), QStringLiteral("Concurrent senders."),
                                           QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption slowOption(QStringLiteral("slow"), QStringLiteral("Slow clients holding half requests."),
                                        QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Events per delivery."),
                                          QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption commitOption(QStringLiteral("commit-ms"), QStringLiteral("Time one commit takes."),
                                          QStringLiteral("ms"), QStringLiteral("2"));
    parser.addOptions({deliveriesOption, clientsOption, slowOption, eventsOption, commitOption});
    parser.process(app);
    const int deliveries = parser.value(deliveriesOption).toInt();
    const int clients = std::max(1, parser.value(clientsOption).toInt());
    const int slowClients = parser.value(slowOption).toInt();
    const int events = std::max(1, parser.value(eventsOption).toInt());

    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    WriterSink sink(parser.value(commitOption).toInt());
    Receiver receiver(&sink);
    ReceiverConfig config;
    config.listen = QStringLiteral("127.0.0.1:0");
    config.siteUrl = QUrl(QStringLiteral("https://shop.example.com/skladhook/"));
    config.verificationString = QStringLiteral("bench-secret");
    config.maxConnections = slowClients + 100;
    config.maxConnectionsPerIp = 0; // the slow clients stand for many machines, here all on one address
    if (const auto started = receiver.start(config); !started) {
        std::fprintf(stderr, "receiver: %s\n", qPrintable(started.error()));
        return 1;
    }

    std::vector<std::unique_ptr<QTcpSocket>> slow;
    const QByteArray head = "POST /skladhook/moysklad/customerorder/update?key=bench-secret&requestId=slow HTTP/1.1\r\n"
                            "Host: 127.0.0.1\r\nContent-Le";
    for (int i = 0; i < slowClients; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QObject::connect(socket.get(), &QTcpSocket::connected, socket.get(),
                         [s = socket.get(), head] { s->write(head); });
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), receiver.port());
        slow.push_back(std::move(socket));
    }

    QByteArrayList eventList;
    for (int i = 0; i < events; ++i)
        eventList.append(QByteArrayLiteral(R"({"meta":{"type":"customerorder","href":"https://api.moysklad.ru/api/)"
                                           R"(remap/1.2/entity/customerorder/5d0c1b2a-0c3b-11ee-0a80-07a1000f3e21"},)"
                                           R"("action":"UPDATE"})"));
    const QByteArray body = "{\"events\":[" + eventList.join(',') + "]}";

    QNetworkAccessManager network;
    std::vector<qint64> latencies;
    int sent = 0;
    int failures = 0;
    int running = 0;
    QElapsedTimer total;

    std::function<void()> sendNext = [&] {
        if (sent >= deliveries) {
            if (--running == 0)
                app.quit();
            return;
        }
        const int index = sent++;
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/skladhook/moysklad/customerorder/update?key=bench-secret&"
                                "requestId=%2")
                     .arg(receiver.port())
                     .arg(index)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        QNetworkReply *reply = network.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply, timer] {
            latencies.push_back(timer->elapsed());
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++failures;
            reply->deleteLater();
            sendNext();
        });
    };

    // Start once the slow clients are connected and have sent their half requests.
    QTimer::singleShot(500, &app, [&] {
        const auto connected = std::count_if(slow.begin(), slow.end(), [](const std::unique_ptr<QTcpSocket> &s) {
            return s->state() == QAbstractSocket::ConnectedState;
        });
        std::printf("slow clients connected: %lld of %d\n", static_cast<long long>(connected), slowClients);
        total.start();
        running = clients;
        for (int i = 0; i < clients; ++i)
            sendNext();
    });
    app.exec();

    std::sort(latencies.begin(), latencies.end());
    const auto at = [&latencies](double q) {
        return latencies.empty() ? 0 : latencies[std::min(latencies.size() - 1, size_t(q * double(latencies.size())))];
    };
    const qint64 worst = latencies.empty() ? 0 : latencies.back();
    std::printf("deliveries: %zu in %lld ms (%d clients, %d events each), not 200: %d\n", latencies.size(),
                static_cast<long long>(total.elapsed()), clients, events, failures);
    std::printf("answer ms: p50 %lld  p95 %lld  p99 %lld  max %lld\n", static_cast<long long>(at(0.50)),
                static_cast<long long>(at(0.95)), static_cast<long long>(at(0.99)), static_cast<long long>(worst));
    const bool ok = failures == 0 && worst < 1500 && int(latencies.size()) == deliveries;
    std::printf("%s\n", ok ? "OK: every answer under 1.5 s" : "FAIL");
    return ok ? 0 : 1;
}
