// SPDX-License-Identifier: GPL-3.0-or-later
// The tests' fake MoySklad as a program of its own, for trying SkladHook by hand without an account:
//   fake-moysklad [--orders N] [--foreign-hook URL]... [--delay-ms MS]
// prints one JSON line {"url": API URL, "token": Bearer token} and serves until it is stopped (Ctrl+C or SIGTERM).
// Then, e.g.:  skladhook-cli --api-url URL config set api.token TOKEN; skladhook-cli --api-url URL webhooks list
#include "builders.h"
#include "common/terminationsignals.h"
#include "fakemoysklad.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The fake MoySklad API of SkladHook's tests, on loopback."));
    parser.addHelpOption();
    const QCommandLineOption ordersOption(QStringLiteral("orders"), QStringLiteral("Customer orders to seed."),
                                          QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption foreignOption(QStringLiteral("foreign-hook"),
                                           QStringLiteral("A webhook of another application (customerorder/CREATE) "
                                                          "at this URL; may be given several times."),
                                           QStringLiteral("URL"));
    const QCommandLineOption delayOption(QStringLiteral("delay-ms"), QStringLiteral("Every answer waits this long."),
                                         QStringLiteral("MS"), QStringLiteral("0"));
    parser.addOptions({ordersOption, foreignOption, delayOption});
    parser.process(app);

    QTextStream err(stderr);
    bool ordersOk = false;
    bool delayOk = false;
    const int orders = parser.value(ordersOption).toInt(&ordersOk);
    const int delayMs = parser.value(delayOption).toInt(&delayOk);
    if (!ordersOk || orders < 0 || !delayOk || delayMs < 0) {
        err << "fake-moysklad: --orders and --delay-ms take a whole number of 0 or more" << Qt::endl;
        return 2;
    }

    FakeMoySklad fake;
    if (!fake.start()) {
        err << "fake-moysklad: could not listen on 127.0.0.1" << Qt::endl;
        return 1;
    }
    fake.setResponseDelayMs(delayMs);
    for (int n = 1; n <= orders; ++n)
        fake.seedDocument(QStringLiteral("customerorder"), Builders::customerOrder(Builders::documentId(n), n * 10000));
    for (const QString &url : parser.values(foreignOption))
        fake.seedHook(Builders::webhook(QStringLiteral("customerorder"), QStringLiteral("CREATE"), url));

    const QJsonObject started{{QStringLiteral("url"), fake.baseUrl().toString()},
                              {QStringLiteral("token"), fake.token()}};
    QTextStream(stdout) << QJsonDocument(started).toJson(QJsonDocument::Compact) << Qt::endl;
    TerminationSignals signals;
    QObject::connect(&signals, &TerminationSignals::received, &app, &QCoreApplication::quit);
    return app.exec();
}
