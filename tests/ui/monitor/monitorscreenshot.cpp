// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the diagnostics pane over a log with a realistic morning of deliveries and saves it as a PNG for the
// README.   skladhook-monitor-screenshot OUTPUT.png
#include "diagnostics/sqlitediagnosticslog.h"
#include "monitor/diagnosticspane.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <QApplication>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        QTextStream(stderr) << "usage: skladhook-monitor-screenshot OUTPUT.png" << Qt::endl;
        return 2;
    }
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    if (!writer.start().ok())
        return 1;
    SqliteDiagnosticsLog log(&writer);
    const auto row = [&log](LogLevel level, const char *category, const char *hook, const char *requestId,
                            const char *document, const QString &message) {
        log.write(LogEntry::make(level, QString::fromLatin1(category), message)
                      .withHook(QString::fromLatin1(hook))
                      .withRequestId(QString::fromLatin1(requestId))
                      .withDocument(QString::fromLatin1(document)));
    };
    row(LogLevel::Info, "service", "", "", "",
        QStringLiteral("Serving /var/lib/skladhook on 127.0.0.1:8765/skladhook/; worker every 60 s"));
    row(LogLevel::Info, "hooks", "", "", "",
        QStringLiteral("created customerorder/UPDATE → "
                       "https://shop.example.com/skladhook/moysklad/customerorder/update?key=Xk••••••"));
    row(LogLevel::Info, "intake", "customerorder/UPDATE", "7c0e5a6e-2f2b-4d53-9d3c-1f4b0c8d9a11", "",
        QStringLiteral("Delivery accepted: 3 event(s) from 185.12.4.7"));
    row(LogLevel::Info, "queue", "", "7c0e5a6e-2f2b-4d53-9d3c-1f4b0c8d9a11", "",
        QStringLiteral("Queued 3 event(s), 3 to process now"));
    row(LogLevel::Info, "worker", "customerorder/UPDATE", "7c0e5a6e-2f2b-4d53-9d3c-1f4b0c8d9a11",
        "0f6c2d8e-6b1a-11ef-0a80-0d5b00123456",
        QStringLiteral("Processed customerorder/UPDATE 0f6c2d8e-6b1a-11ef-0a80-0d5b00123456"));
    row(LogLevel::Warning, "intake", "", "", "",
        QStringLiteral("Wrong verification string from 203.0.113.9: 403, nothing stored"));
    row(LogLevel::Info, "intake", "paymentin/CREATE", "b1d2e3f4-1111-4222-8333-944455556666", "",
        QStringLiteral("Delivery accepted: 1 event(s) from 185.12.4.7"));
    row(LogLevel::Warning, "worker", "paymentin/CREATE", "b1d2e3f4-1111-4222-8333-944455556666",
        "5a1b2c3d-6b1a-11ef-0a80-0d5b00abcdef", QStringLiteral("Task 42 failed, will retry: HTTP 503"));
    row(LogLevel::Info, "worker", "", "", "", QStringLiteral("Worker run: 12 due task(s)"));
    row(LogLevel::Info, "worker", "paymentin/CREATE", "b1d2e3f4-1111-4222-8333-944455556666",
        "5a1b2c3d-6b1a-11ef-0a80-0d5b00abcdef",
        QStringLiteral("Processed paymentin/CREATE 5a1b2c3d-6b1a-11ef-0a80-0d5b00abcdef"));
    row(LogLevel::Error, "worker", "demand/UPDATE", "c9d8e7f6-2222-4333-8444-a55566667777",
        "7e8f9a0b-6b1a-11ef-0a80-0d5b00fedcba",
        QStringLiteral("Task 57 is dead: HTTP 403: Доступ запрещён (code 1016)"));
    writer.flush();

    DiagnosticsPane pane(Database::fileIn(dir.path()));
    pane.resize(1180, 460);
    pane.show();
    QTest::qWait(1500);
    const QPixmap picture = pane.grab();
    return picture.save(QString::fromLocal8Bit(argv[1])) ? 0 : 1;
}
