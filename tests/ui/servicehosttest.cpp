// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's receiver and worker: run here, or attach read-only when `serve` already holds the data directory.
#include "servicehost.h"
#include "common/diagnosticslog.h"
#include "diagnostics/logreader.h"
#include "moysklad/moyskladclient.h"
#include "service/service.h"
#include "settings/memorysecretstore.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString secret = QStringLiteral("HostSecret_abcdefghijklmnopqrstuvwxyz0123456");

class ServiceHostTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(settings.set(QStringLiteral("site.url"), QStringLiteral("https://shop.example.com/shop/")).ok());
        ASSERT_TRUE(settings.set(QStringLiteral("receiver.listen"), QStringLiteral("127.0.0.1:0")).ok());
        secrets.write(SecretKey::siteSecret, secret, [](Result<Done, SecretError>) {});
    }

    QTemporaryDir dir;
    QSettings ini{Settings::fileIn(dir.path()), QSettings::IniFormat};
    Settings settings{&ini};
    MemorySecretStore secrets;
};

} // namespace

TEST_F(ServiceHostTest, RunsTheReceiverAndTheWorkerAndLogsThroughThem)
{
    ServiceHost host(&settings, &secrets, dir.path());
    host.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return host.mode() == ServiceHost::Mode::Running; }, 10000))
        << host.receiverText().toStdString();
    ASSERT_NE(host.service(), nullptr);
    EXPECT_GT(host.service()->receiver()->port(), 0);
    EXPECT_TRUE(host.receiverText().contains(QStringLiteral("/shop/")));
    host.log()->info(QStringLiteral("hooks"), QStringLiteral("written from the window"));
    host.service()->writer()->flush();
    LogReader reader(Database::fileIn(dir.path()));
    LogReader::Filter filter;
    filter.text = QStringLiteral("written from the window");
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 1);
    host.stop();
    EXPECT_EQ(host.mode(), ServiceHost::Mode::Stopped);
}

TEST_F(ServiceHostTest, AttachesReadOnlyWhenServeHoldsTheDataDirectory)
{
    ClientConfig clientConfig;
    MoySkladClient client(clientConfig);
    Service serve(ServiceConfig::fromSettings(settings, dir.path(), secret), &client);
    ASSERT_TRUE(serve.start().ok());

    ServiceHost host(&settings, &secrets, dir.path());
    host.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return host.mode() == ServiceHost::Mode::Attached; }, 10000))
        << host.receiverText().toStdString();
    EXPECT_EQ(host.service(), nullptr); // no second writer
    EXPECT_TRUE(host.receiverText().contains(QStringLiteral("serve")));
}

TEST_F(ServiceHostTest, SaysWhatIsMissingInsteadOfStarting)
{
    MemorySecretStore empty;
    ServiceHost host(&settings, &empty, dir.path());
    host.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return host.mode() == ServiceHost::Mode::NotConfigured; }, 5000));
    EXPECT_TRUE(host.receiverText().contains(QStringLiteral("verification string")));
}
