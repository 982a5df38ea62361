// SPDX-License-Identifier: GPL-3.0-or-later
// The Workspace of one data directory: the secret-store choice made once and honoured by the service, the first
// start, and two workspaces on one data directory standing for two processes (the service, and the CLI or GUI
// beside it) — what one changes, the other's running service follows within the 2 s promised.
#include "workspace/workspace.h"
#include "fakemoysklad.h"
#include "queue/taskqueue.h"
#include "service/service.h"
#include "settings/memorysecretstore.h"
#include "settings/settings.h"

#include <gtest/gtest.h>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString secret = QStringLiteral("WorkspaceSecret_0123456789abcdefghijklmnop");
const QString orderId = QStringLiteral("50000000-0000-4000-8000-000000000001");

class WorkspaceTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(fake.start()); }

    // A workspace on the fixture's data directory. keychainUsed counts the keychains it asked for.
    std::unique_ptr<Workspace> open()
    {
        Workspace::Options options;
        options.dataDir = dir.path();
        options.changePollMs = 100;
        options.keychain = [this] {
            ++keychainsMade;
            auto store = std::make_unique<MemorySecretStore>();
            keychain = store.get();
            return store;
        };
        auto workspace = std::make_unique<Workspace>(options);
        EXPECT_TRUE(workspace->open().ok());
        return workspace;
    }

    void configure(Workspace &ws)
    {
        Settings &s = ws.settings();
        ASSERT_TRUE(s.set(SettingKey::ApiUrl, fake.baseUrl().toString()).ok());
        ASSERT_TRUE(s.set(SettingKey::ReceiverListen, QStringLiteral("127.0.0.1:0")).ok());
        ASSERT_TRUE(s.set(SettingKey::WorkerInterval, QStringLiteral("3600")).ok());
        ASSERT_TRUE(s.set(SettingKey::ImportOrders, QStringLiteral("on")).ok());
    }

    static bool loadSecrets(Workspace &ws, Workspace::MissingSiteSecret missing = Workspace::MissingSiteSecret::Leave)
    {
        bool done = false;
        ws.loadSecrets(missing, [&done](std::optional<SecretError>) { done = true; });
        return QTest::qWaitFor([&done] { return done; }, 5000);
    }

    static bool saved(const std::function<void(SecretStore::Callback<Done>)> &save)
    {
        std::optional<bool> ok;
        save([&ok](Result<Done, SecretError> result) { ok = result.ok(); });
        return QTest::qWaitFor([&ok] { return ok.has_value(); }, 5000) && *ok;
    }

    // POSTs one customerorder/UPDATE delivery with `key` to the service of `ws`; the HTTP status.
    int post(Workspace &ws, const QString &key)
    {
        const Receiver *receiver = ws.service()->receiver();
        QUrl url(QStringLiteral("http://%1%2moysklad/customerorder/update")
                     .arg(receiver->listenAddress(), receiver->pathPrefix()));
        url.setQuery(QStringLiteral("key=%1&requestId=%2").arg(key).arg(++requests));
        const QJsonObject event{
            {QStringLiteral("meta"),
             QJsonObject{
                 {QStringLiteral("type"), QStringLiteral("customerorder")},
                 {QStringLiteral("href"),
                  QString(QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/customerorder/") + orderId)}}},
            {QStringLiteral("action"), QStringLiteral("UPDATE")}};
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply =
            network.post(request, QJsonDocument(QJsonObject{{QStringLiteral("events"), QJsonArray{event}}}).toJson());
        EXPECT_TRUE(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    }

    FakeMoySklad fake;
    QTemporaryDir dir;
    QNetworkAccessManager network;
    MemorySecretStore *keychain = nullptr;
    int keychainsMade = 0;
    int requests = 0;
};

} // namespace

TEST_F(WorkspaceTest, TheFileOptInIsHonouredByTheServiceAndTheKeychainIsNeverAsked)
{
    auto ws = open();
    configure(*ws);
    ASSERT_TRUE(ws->settings().set(SettingKey::SecretsStore, QStringLiteral("file")).ok());
    ASSERT_TRUE(ws->settings().set(SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/")).ok());
    ASSERT_TRUE(saved([&](auto done) { ws->saveSiteSecret(secret, done); }));
    ASSERT_TRUE(saved([&](auto done) { ws->saveToken(fake.token(), done); }));
    ws.reset();
    const int keychainsBefore = keychainsMade;

    // A new start (another process) reads the secrets from the file and serves with them.
    ws = open();
    EXPECT_EQ(keychainsMade, keychainsBefore) << "the file opt-in was ignored";
    EXPECT_TRUE(ws->secretsInFile());
    ASSERT_TRUE(loadSecrets(*ws));
    ws->runService();
    ASSERT_EQ(ws->role(), Workspace::Role::Serving) << ws->roleDetail().toStdString();
    EXPECT_TRUE(ws->service()->isProcessing());
    EXPECT_EQ(post(*ws, secret), 200);
    EXPECT_EQ(post(*ws, QStringLiteral("WrongSecret_0123456789abcdefghijklmnopqrs")), 403);
    EXPECT_EQ(keychainsMade, keychainsBefore);
}

TEST_F(WorkspaceTest, AFirstStartGeneratesTheStringAndServesOnceTheSiteUrlIsSet)
{
    auto ws = open();
    configure(*ws);
    QSignalSpy generated(ws.get(), &Workspace::siteSecretGenerated);
    ASSERT_TRUE(loadSecrets(*ws, Workspace::MissingSiteSecret::Generate));
    EXPECT_EQ(generated.size(), 1);
    EXPECT_GE(ws->siteSecret().size(), 40);
    ws->runService();
    EXPECT_EQ(ws->role(), Workspace::Role::NotConfigured);
    EXPECT_EQ(ws->roleDetail(), QStringLiteral("site.url"));

    ASSERT_TRUE(ws->settings().set(SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/")).ok());
    ASSERT_EQ(ws->role(), Workspace::Role::Serving) << ws->roleDetail().toStdString();
    EXPECT_EQ(post(*ws, ws->siteSecret()), 200);
    // Saved before use: the keychain has what the receiver accepts.
    std::optional<QString> stored;
    keychain->read(SecretKey::siteSecret, [&stored](auto result) { stored = result.value(); });
    EXPECT_EQ(stored, ws->siteSecret());
}

TEST_F(WorkspaceTest, WithoutATokenDeliveriesWaitAndATokenSavedElsewhereResumesThem)
{
    auto serving = open();
    configure(*serving);
    ASSERT_TRUE(serving->settings().set(SettingKey::SecretsStore, QStringLiteral("file")).ok());
    ASSERT_TRUE(serving->settings().set(SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/")).ok());
    ASSERT_TRUE(saved([&](auto done) { serving->saveSiteSecret(secret, done); }));
    fake.seedDocument(QStringLiteral("customerorder"),
                      QJsonObject{{QStringLiteral("id"), orderId}, {QStringLiteral("name"), QStringLiteral("1")}});
    ASSERT_TRUE(loadSecrets(*serving));
    serving->runService();
    ASSERT_EQ(serving->role(), Workspace::Role::Serving);
    EXPECT_FALSE(serving->service()->isProcessing());
    ASSERT_EQ(post(*serving, secret), 200); // answered and queued
    QTest::qWait(500);
    QueueStats stats = serving->service()->queue()->stats().value();
    EXPECT_EQ(stats.pending, 1);
    EXPECT_EQ(stats.dead, 0);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")), 0);

    // Another process (the CLI) saves a token: the service resumes and the task is done within 2 s.
    auto cli = open();
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(saved([&](auto done) { cli->saveToken(fake.token(), done); }));
    ASSERT_TRUE(QTest::qWaitFor([&] { return serving->service()->queue()->stats().value().done == 1; }, 5000));
    EXPECT_LT(clock.elapsed(), 2000);
    EXPECT_TRUE(serving->service()->isProcessing());
}

TEST_F(WorkspaceTest, ASecondWorkspaceAttachesAndWhatItChangesReachesTheRunningService)
{
    auto serving = open();
    configure(*serving);
    ASSERT_TRUE(serving->settings().set(SettingKey::SecretsStore, QStringLiteral("file")).ok());
    ASSERT_TRUE(serving->settings().set(SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/")).ok());
    ASSERT_TRUE(saved([&](auto done) { serving->saveSiteSecret(secret, done); }));
    ASSERT_TRUE(loadSecrets(*serving));
    serving->runService();
    ASSERT_EQ(serving->role(), Workspace::Role::Serving);

    auto other = open();
    ASSERT_TRUE(loadSecrets(*other));
    other->runService();
    EXPECT_EQ(other->role(), Workspace::Role::Attached);
    EXPECT_TRUE(other->roleDetail().contains(QString::number(QCoreApplication::applicationPid())))
        << other->roleDetail().toStdString();
    EXPECT_EQ(other->service(), nullptr);

    // A mode, a worker setting and a new verification string, each from the other workspace.
    other->settings().setExecutionMode(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                                       ExecutionMode::Queued);
    ASSERT_TRUE(other->settings().set(SettingKey::WorkerInterval, QStringLiteral("120")).ok());
    const QString fresh = QStringLiteral("FreshSecret_0123456789abcdefghijklmnopqrstu");
    ASSERT_TRUE(saved([&](auto done) { other->saveSiteSecret(fresh, done); }));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const ServiceConfig &config = serving->service()->config();
            return config.modes.value(QStringLiteral("customerorder/UPDATE")) == ExecutionMode::Queued &&
                   config.worker.intervalMs == 120 * 1000 && config.receiver.verificationString == fresh;
        },
        2000));
    EXPECT_EQ(post(*serving, fresh), 200);
    EXPECT_EQ(serving->siteSecret(), fresh);
}
