// SPDX-License-Identifier: GPL-3.0-or-later
// The whole intake for real: the receiver, the Service's sink and the StoreWriter committing to SQLite (WAL,
// synchronous=FULL) in a temporary directory. Deliveries come from concurrent clients; the worker is an hour away,
// so only persisting is measured. Prints throughput and answer percentiles; exits 1 when an answer was not 200
// or took 1.5 s or more.
#include "diagnostics/sqlitediagnosticslog.h"
#include "moysklad/moyskladclient.h"
#include "service/service.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption deliveriesOption(QStringLiteral("deliveries"), QStringLiteral("How many."),
                                              QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Events per delivery."),
                                          QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"), QStringLiteral("Concurrent senders."),
                                           QStringLiteral("N"), QStringLiteral("6"));
    parser.addOptions({deliveriesOption, eventsOption, clientsOption});
    parser.process(app);
    const int deliveries = parser.value(deliveriesOption).toInt();
    const int eventsPerDelivery = parser.value(eventsOption).toInt();
    const int clients = parser.value(clientsOption).toInt();

    QTemporaryDir dir;
    const QString secret = QStringLiteral("BenchSecret_abcdefghijklmnopqrstuvwxyz0123456");
    ServiceConfig config;
    config.dataDir = dir.path();
    config.receiver.listen = QStringLiteral("127.0.0.1:0");
    config.receiver.siteUrl = QUrl(QStringLiteral("https://shop.example.com/shop/"));
    config.receiver.verificationString = secret;
    config.worker.intervalMs = 3600 * 1000;
    config.modes.insert(QStringLiteral("customerorder/UPDATE"), ExecutionMode::Queued);
    ClientConfig clientConfig;
    clientConfig.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/api/remap/1.2")); // never called: all queued
    MoySkladClient client(clientConfig);
    StoreWriter writer(Database::fileIn(dir.path()));
    if (const auto opened = writer.start(); !opened.ok()) {
        std::fprintf(stderr, "cannot open the database: %s\n", qPrintable(opened.error()));
        return 1;
    }
    SqliteDiagnosticsLog log(&writer);
    Service service(config, ServiceParts{&writer, &log, &client, nullptr});
    const auto started = service.start();
    if (!started.ok()) {
        std::fprintf(stderr, "cannot start: %s\n", qPrintable(started.error()));
        return 1;
    }
    const QString base = QStringLiteral("http://%1/shop/moysklad/customerorder/update?key=%2&requestId=")
                             .arg(service.receiver()->listenAddress(), secret);

    QJsonArray events;
    for (int e = 0; e < eventsPerDelivery; ++e)
        events.append(
            QJsonObject{{QStringLiteral("meta"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("customerorder")},
                                     {QStringLiteral("href"),
                                      QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/customerorder/%1")
                                          .arg(QUuid::createUuid().toString(QUuid::WithoutBraces))}}},
                        {QStringLiteral("action"), QStringLiteral("UPDATE")}});
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson(QJsonDocument::Compact);

    QNetworkAccessManager network;
    std::vector<qint64> latencies;
    latencies.reserve(size_t(deliveries));
    int sent = 0;
    int failures = 0;
    QElapsedTimer total;
    total.start();
    std::function<void()> sendNext = [&] {
        if (sent >= deliveries)
            return;
        ++sent;
        QNetworkRequest request(QUrl(base + QUuid::createUuid().toString(QUuid::WithoutBraces)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = network.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply, timer] {
            latencies.push_back(timer.elapsed());
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++failures;
            reply->deleteLater();
            if (int(latencies.size()) == deliveries)
                app.quit();
            else
                sendNext();
        });
    };
    for (int c = 0; c < clients; ++c)
        QTimer::singleShot(0, &app, sendNext);
    app.exec();
    const double seconds = double(total.elapsed()) / 1000.0;
    service.stop();

    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double q) {
        return latencies[std::min(latencies.size() - 1, size_t(q * double(latencies.size())))];
    };
    std::printf("service intake: %d deliveries x %d events, %d clients, SQLite WAL synchronous=FULL\n", deliveries,
                eventsPerDelivery, clients);
    std::printf("throughput: %.0f deliveries/s (%.0f events/s)\n", deliveries / seconds,
                deliveries * eventsPerDelivery / seconds);
    std::printf("answer ms: p50 %lld  p99 %lld  max %lld  non-200: %d\n", at(0.5), at(0.99), latencies.back(),
                failures);
    return failures == 0 && latencies.back() < 1500 ? 0 : 1;
}
