// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app end to end, through its real main(): `skladhook --data-dir DIR` as a process, over a data
// directory that skladhook-cli prepared, MoySklad's delivery over loopback, the fake MoySklad behind. The keychain
// is out of reach (no D-Bus session), so the app has to use the file store the data directory chose.
#include "clirunner.h"
#include "deliverysender.h"
#include "fakemoysklad.h"
#include "freeport.h"

#include <gtest/gtest.h>
#include <QHostAddress>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

namespace {

const QString secret = QStringLiteral("AppSecret_abcdefghijklmnopqrstuvwxyz01234567");
const QString orderId = QStringLiteral("30000000-0000-4000-8000-000000000001");

bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(500);
}

class AppReceiverTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        port = freePort();
        ASSERT_NE(port, 0);
        cli.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        for (const auto &[key, value] : QList<std::pair<QString, QString>>{
                 {QStringLiteral("secrets.store"), QStringLiteral("file")},
                 {QStringLiteral("api.url"), fake.baseUrl().toString()},
                 {QStringLiteral("api.token"), fake.token()},
                 {QStringLiteral("site.url"), QStringLiteral("https://shop.example.com/shop/")},
                 {QStringLiteral("site.secret"), secret},
                 {QStringLiteral("receiver.listen"), QStringLiteral("127.0.0.1:%1").arg(port)},
                 {QStringLiteral("worker.interval"), QStringLiteral("3600")},
                 {QStringLiteral("import.orders"), QStringLiteral("on")}})
            ASSERT_TRUE(cli.configSet(key, value));
        const auto mode = cli.run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("customerorder"),
                                   QStringLiteral("UPDATE"), QStringLiteral("immediate")});
        ASSERT_EQ(mode.exitCode, 0) << mode.err.toStdString();
        fake.seedDocument(QStringLiteral("customerorder"),
                          QJsonObject{{QStringLiteral("id"), orderId},
                                      {QStringLiteral("name"), QStringLiteral("00042")},
                                      {QStringLiteral("sum"), 4200}});
        // Drained as it comes: a full pipe would block the app.
        QObject::connect(&app, &QProcess::readyRead, &app, [this] { output += app.readAll(); });
    }

    void TearDown() override
    {
        if (app.state() == QProcess::NotRunning)
            return;
        app.terminate();
        if (!app.waitForFinished(10000)) {
            app.kill();
            app.waitForFinished(10000);
        }
    }

    void startApp()
    {
        app.setProcessEnvironment(cli.environment()); // offscreen, no D-Bus session, no MoySklad credentials
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(QStringLiteral(SKLADHOOK_APP_PATH), {QStringLiteral("--data-dir"), cli.dataDir()});
        ASSERT_TRUE(app.waitForStarted(10000)) << app.errorString().toStdString();
    }

    // What the app printed, with the test's own credentials blanked out (the app masks its secrets itself; this
    // keeps a failure message clean even if it did not).
    std::string said()
    {
        output += app.readAll();
        return QString::fromUtf8(output)
            .replace(secret, QStringLiteral("***"))
            .replace(fake.token(), QStringLiteral("***"))
            .toStdString();
    }

    FakeMoySklad fake;
    CliRunner cli;
    QProcess app;
    QByteArray output;
    quint16 port = 0;
};

} // namespace

TEST_F(AppReceiverTest, TheAppReceivesAndProcessesADeliveryWithSecretsInTheDataDirectory)
{
    startApp();
    const bool listening =
        QTest::qWaitFor([this] { return app.state() == QProcess::NotRunning || accepts(port); }, 15000);
    ASSERT_EQ(app.state(), QProcess::Running) << "the app exited with " << app.exitCode() << ": " << said();
    ASSERT_TRUE(listening) << "the app's receiver did not listen on 127.0.0.1:" << port
                           << " within 15 s; the app said: " << said();

    DeliverySender sender;
    sender.setTarget(QUrl(QStringLiteral("http://127.0.0.1:%1/shop/").arg(port)), secret);
    ASSERT_EQ(sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), DeliverySender::newRequestId(),
                          {orderId}),
              200)
        << said();
    EXPECT_TRUE(QTest::qWaitFor([this] { return cli.orderIds().contains(orderId); }, 5000))
        << "the order was not in the store within 5 s of the answer; queue: "
        << QJsonDocument(cli.queueStats()).toJson(QJsonDocument::Compact).toStdString() << "; the app said: " << said();
}
