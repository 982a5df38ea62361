// SPDX-License-Identifier: GPL-3.0-or-later
// The Workspace of one data directory: the secret-store choice made once and honoured by the service, the first
// start, and two workspaces on one data directory standing for two processes (the service, and the CLI or GUI
// beside it) — what one changes, the other's running service follows within the 2 s promised.
#include "builders.h"
#include "hooks/hookurl.h"
#include "pipelinefixture.h"
#include "queue/taskqueue.h"
#include "service/service.h"
#include "settings/memorysecretstore.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/storewriter.h"
#include "testworkspace.h"
#include "workspace/hooksync.h"
#include "workspace/queueadmin.h"

#include <gtest/gtest.h>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

using WorkspaceTest = PipelineFixture;

const QString orderId = Builders::documentId(1);
const QString customerorder = QStringLiteral("customerorder");
const QString update = QStringLiteral("UPDATE");

TEST_F(WorkspaceTest, TheFileOptInIsHonouredByTheServiceAndTheKeychainIsNeverAsked)
{
    workspace.reset();
    const int keychainsBefore = keychainsMade;
    // A new start (another process) reads the secrets from the file and serves with them.
    workspace = openWorkspace();
    EXPECT_EQ(keychainsMade, keychainsBefore) << "the file opt-in was ignored";
    EXPECT_TRUE(workspace->secretsInFile());
    ASSERT_TRUE(serve(*workspace)) << workspace->roleDetail().toStdString();
    EXPECT_TRUE(workspace->service()->isProcessing());
    EXPECT_EQ(post(customerorder, update, {orderId}), 200);
    EXPECT_EQ(post(customerorder, update, {orderId}, QStringLiteral("WrongSecret_0123456789abcdefghijklmnopqrs")), 403);
    EXPECT_EQ(keychainsMade, keychainsBefore);
}

TEST(WorkspaceFirstStart, GeneratesTheStringAndServesOnceTheSiteUrlIsSet)
{
    QTemporaryDir dir;
    MemorySecretStore *keychain = nullptr;
    Workspace ws(testWorkspaceOptions(dir.path(), &keychain));
    ASSERT_TRUE(ws.open().ok());
    ASSERT_TRUE(ws.settings().set(SettingKey::ReceiverListen, QStringLiteral("127.0.0.1:0")).ok());
    QSignalSpy generated(&ws, &Workspace::siteSecretGenerated);
    ASSERT_TRUE(PipelineFixture::loadSecrets(ws, Workspace::MissingSiteSecret::Generate));
    EXPECT_EQ(generated.size(), 1);
    EXPECT_GE(ws.siteSecret().size(), 40);
    ws.runService();
    EXPECT_EQ(ws.role(), Workspace::Role::NotConfigured);
    EXPECT_EQ(ws.roleDetail(), QStringLiteral("site.url"));

    ASSERT_TRUE(ws.settings().set(SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/")).ok());
    ASSERT_EQ(ws.role(), Workspace::Role::Serving) << ws.roleDetail().toStdString();
    EXPECT_FALSE(ws.service()->isProcessing()) << "no token yet";
    EXPECT_EQ(ws.service()->config().receiver.verificationString, ws.siteSecret());
    // Saved before use: the keychain has what the receiver accepts.
    std::optional<QString> stored;
    keychain->read(SecretKey::siteSecret, [&stored](auto result) { stored = result.value(); });
    EXPECT_EQ(stored, ws.siteSecret());
}

TEST_F(WorkspaceTest, WithoutATokenDeliveriesWaitAndATokenSavedElsewhereResumesThem)
{
    ASSERT_TRUE(succeeded([this](auto done) { workspace->saveToken(QString(), done); }));
    fake.seedDocument(customerorder, Builders::customerOrder(orderId, 1000));
    ASSERT_TRUE(serve(*workspace));
    EXPECT_FALSE(workspace->service()->isProcessing());
    ASSERT_EQ(post(customerorder, update, {orderId}), 200); // answered and queued
    QTest::qWait(500);
    EXPECT_EQ(stats().pending, 1);
    EXPECT_EQ(stats().dead, 0);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")), 0);

    // Another process (the CLI) saves a token: the service resumes and the task is done within 2 s.
    auto cli = openWorkspace();
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(succeeded([&](auto done) { cli->saveToken(fake.token(), done); }));
    ASSERT_TRUE(QTest::qWaitFor([&] { return stats().done == 1; }, 5000));
    EXPECT_LT(clock.elapsed(), 2000);
    EXPECT_TRUE(workspace->service()->isProcessing());
    ASSERT_EQ(orders().size(), 1);
}

TEST_F(WorkspaceTest, ASecondWorkspaceAttachesAndWhatItChangesReachesTheRunningService)
{
    ASSERT_TRUE(serve(*workspace));
    auto other = openWorkspace();
    ASSERT_TRUE(loadSecrets(*other));
    other->runService();
    EXPECT_EQ(other->role(), Workspace::Role::Attached);
    EXPECT_TRUE(other->roleDetail().contains(QString::number(QCoreApplication::applicationPid())))
        << other->roleDetail().toStdString();
    EXPECT_EQ(other->service(), nullptr);

    // A mode, a worker setting and a new verification string, each from the other workspace.
    other->settings().setExecutionMode(customerorder, update, ExecutionMode::Queued);
    ASSERT_TRUE(other->settings().set(SettingKey::WorkerInterval, QStringLiteral("120")).ok());
    const QString fresh = QStringLiteral("FreshSecret_0123456789abcdefghijklmnopqrstu");
    ASSERT_TRUE(succeeded([&](auto done) { other->saveSiteSecret(fresh, done); }));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const ServiceConfig &config = workspace->service()->config();
            return config.modes.value(QStringLiteral("customerorder/UPDATE")) == ExecutionMode::Queued &&
                   config.worker.intervalMs == 120 * 1000 && config.receiver.verificationString == fresh;
        },
        2000));
    EXPECT_EQ(post(customerorder, update, {orderId}, fresh), 200);
    EXPECT_EQ(workspace->siteSecret(), fresh);
    QTest::qWait(300);
    EXPECT_EQ(stats().pending, 1) << "queued now: not processed at once";
}

TEST_F(WorkspaceTest, WithOrderImportOffAnUpdateOnlyChangesOrdersTheStoreHas)
{
    ASSERT_TRUE(workspace->settings().set(SettingKey::ImportOrders, QStringLiteral("off")).ok());
    const QString known = Builders::documentId(10);
    const QString unknown = Builders::documentId(11);
    fake.seedDocument(customerorder, Builders::customerOrder(known, 1000));
    fake.seedDocument(customerorder, Builders::customerOrder(unknown, 2000));
    ASSERT_TRUE(serve(*workspace));
    // The known order came in while import was on.
    ASSERT_TRUE(workspace->settings().set(SettingKey::ImportOrders, QStringLiteral("on")).ok());
    ASSERT_EQ(post(customerorder, update, {known}), 200);
    ASSERT_TRUE(QTest::qWaitFor([&] { return orders().size() == 1; }, 5000));
    ASSERT_TRUE(workspace->settings().set(SettingKey::ImportOrders, QStringLiteral("off")).ok());

    fake.seedDocument(customerorder, Builders::customerOrder(known, 1500, QStringLiteral("Подтверждён"),
                                                             QStringLiteral("2026-12-01 13:00:00.000")));
    ASSERT_EQ(post(customerorder, update, {known, unknown}), 200);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stats().done == 3; }, 5000));
    const QList<ShopStore::Order> stored = orders();
    ASSERT_EQ(stored.size(), 1) << "an UPDATE of an order the store does not have stored it";
    EXPECT_EQ(stored.first().id, known);
    EXPECT_EQ(stored.first().sum, 1500);
}

} // namespace

namespace {

TEST_F(WorkspaceTest, APauseFromAnotherProcessHoldsProcessingUntilResumedAndSurvivesARestart)
{
    fake.seedDocument(customerorder, Builders::customerOrder(orderId, 1000));
    ASSERT_TRUE(serve(*workspace));
    auto cli = openWorkspace();
    QueueAdmin admin(cli.get(), QStringLiteral("from a test"));
    ASSERT_TRUE(admin.setPaused(true).ok());
    ASSERT_TRUE(QTest::qWaitFor([&] { return workspace->service()->hold() == Service::Hold::Paused; }, 2000));
    ASSERT_EQ(post(customerorder, update, {orderId}), 200); // still received and queued
    QTest::qWait(300);
    EXPECT_EQ(stats().pending, 1);
    EXPECT_EQ(admin.serviceProcessing(), QStringLiteral("paused"));

    // A restart keeps it paused.
    workspace.reset();
    workspace = openWorkspace();
    ASSERT_TRUE(serve(*workspace));
    EXPECT_EQ(workspace->service()->hold(), Service::Hold::Paused);

    ASSERT_TRUE(admin.setPaused(false).ok());
    ASSERT_TRUE(QTest::qWaitFor([&] { return stats().done == 1; }, 3000));
    EXPECT_EQ(orders().size(), 1);
}

} // namespace

namespace {

// Our hooks as MoySklad would have them after an apply with `key`.
void seedOurHooks(FakeMoySklad &fake, const QString &key)
{
    const QUrl site(QStringLiteral("https://shop.example.com/"));
    for (const QString &action : {QStringLiteral("UPDATE"), QStringLiteral("CREATE")})
        fake.seedHook(Builders::webhook(customerorder, action, HookUrl::build(site, customerorder, action, key)));
}

TEST_F(WorkspaceTest, AReplacedVerificationStringIsAcceptedUntilTheHooksCarryTheNewOne)
{
    // The hooks carry the old string (the service's hook check lists them at its start and must keep the rotation).
    seedOurHooks(fake, secret);
    ASSERT_TRUE(serve(*workspace));
    auto cli = openWorkspace();
    ASSERT_TRUE(loadSecrets(*cli));
    const QString fresh = QStringLiteral("RotatedSecret_0123456789abcdefghijklmnopqr");
    ASSERT_TRUE(succeeded([&](auto done) { cli->saveSiteSecret(fresh, done); }));
    EXPECT_TRUE(cli->isRotatingSecret());
    ASSERT_TRUE(QTest::qWaitFor([&] { return workspace->siteSecret() == fresh; }, 2000));
    EXPECT_TRUE(workspace->isRotatingSecret());
    EXPECT_EQ(post(customerorder, update, {orderId}, fresh), 200);
    EXPECT_EQ(post(customerorder, update, {orderId}, secret), 200) << "the hooks still carry the old string";

    // A listing shows every hook of ours carrying the new string: the old one is refused from then on, everywhere.
    seedOurHooks(fake, fresh);
    HookSync sync(cli.get());
    std::optional<bool> listed;
    sync.list([&listed](Result<HookPlan, ApiError> plan) { listed = plan.ok(); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return listed.has_value(); }, 5000) && *listed);
    EXPECT_FALSE(cli->isRotatingSecret());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !workspace->isRotatingSecret(); }, 2000));
    EXPECT_EQ(post(customerorder, update, {orderId}, secret), 403);
    EXPECT_EQ(post(customerorder, update, {orderId}, fresh), 200);
}

TEST_F(WorkspaceTest, AnOverlapThatEndedWhileNothingRanIsOverAtTheNextStart)
{
    ASSERT_TRUE(workspace->settings().set(SettingKey::SiteSecretOverlapHours, QStringLiteral("1")).ok());
    const QString fresh = QStringLiteral("RotatedSecret_0123456789abcdefghijklmnopqr");
    ASSERT_TRUE(succeeded([&](auto done) { workspace->saveSiteSecret(fresh, done); }));
    ASSERT_TRUE(workspace->isRotatingSecret());
    EXPECT_LE(workspace->secretRotationEnds(), QDateTime::currentDateTimeUtc().addSecs(3601));
    // Two hours later, as far as the stored end is concerned.
    ASSERT_TRUE(succeeded([&](auto done) {
        workspace->secretStore().write(SecretKey::previousSiteSecret,
                                       QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs) +
                                           QLatin1Char('|') + secret,
                                       done);
    }));
    workspace.reset();
    workspace = openWorkspace();
    ASSERT_TRUE(serve(*workspace));
    EXPECT_FALSE(workspace->isRotatingSecret());
    EXPECT_EQ(post(customerorder, update, {orderId}, secret), 403);
    EXPECT_EQ(post(customerorder, update, {orderId}, fresh), 200);
}

} // namespace

TEST(WorkspaceStore, ADamagedDatabaseFoundAtOpenIsLoggedAndReported)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    {
        // A store with enough rows that damage in the middle leaves the header and schema readable.
        StoreWriter writer(path);
        ASSERT_TRUE(writer.start().ok());
        writer.submit([](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("INSERT INTO log (at, level, category, message) VALUES (?, 1, 'test', ?)"));
            for (int i = 0; i < 5000; ++i) {
                query.addBindValue(QStringLiteral("2026-11-30T10:00:00.000Z"));
                query.addBindValue(QStringLiteral("row %1 with some words to fill the pages").arg(i));
                if (!query.exec())
                    return query.lastError().text();
            }
            return Done{};
        });
        writer.flush();
    }
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    file.seek(file.size() / 2);
    file.write(QByteArray(3 * 4096, '\xff'));
    file.close();

    Workspace workspace(testWorkspaceOptions(dir.path(), nullptr, 100));
    QSignalSpy damaged(&workspace, &Workspace::storeDamaged);
    const auto opened = workspace.open();
    if (!opened.ok()) {
        // Damage the writer's own open already meets: the message names the file and the way out.
        EXPECT_TRUE(workspace.openProblem().canMoveAside()) << opened.error().toStdString();
        EXPECT_TRUE(opened.error().contains(path)) << opened.error().toStdString();
        return;
    }
    ASSERT_TRUE(damaged.wait(20000));
    const QString message = damaged.first().first().toString();
    EXPECT_TRUE(message.contains(path)) << message.toStdString();
}
