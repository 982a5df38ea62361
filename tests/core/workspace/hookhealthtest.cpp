// SPDX-License-Identifier: GPL-3.0-or-later
// Hook health and the site move, against the fake MoySklad over loopback: the serving workspace finds hooks of ours
// that MoySklad disabled or a person deleted, repairs them (or only reports them), says what it cannot check once,
// follows a new check interval from another process; and a new site URL keeps the previous path served until the
// hooks point at the new one.
#include "workspace/hookhealth.h"
#include "builders.h"
#include "diagnostics/logreader.h"
#include "hooks/hookcatalog.h"
#include "hooks/hookurl.h"
#include "pipelinefixture.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "store/storewriter.h"
#include "workspace/hooksync.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

namespace {

const QString customerorder = QStringLiteral("customerorder");
const QString update = QStringLiteral("UPDATE");
const QUrl shop(QStringLiteral("https://shop.example.com/"));

class HookHealthTest : public PipelineFixture
{
protected:
    void SetUp() override
    {
        PipelineFixture::SetUp();
        ASSERT_TRUE(workspace->settings().set(SettingKey::ExchangePayments, QStringLiteral("full")).ok());
    }

    // Every hook the module wants, as an apply would have created them under `site`.
    QList<Webhook> seedOurHooks(const QUrl &site = shop)
    {
        QList<Webhook> seeded;
        for (const HookSpec &spec : HookCatalog::wanted(workspace->settings().exchange()))
            seeded.append(fake.seedHook(Builders::webhook(spec.entityType, spec.action,
                                                          HookUrl::build(site, spec.entityType, spec.action, secret))));
        return seeded;
    }

    Webhook hookOf(const QString &entityType, const QString &action) const
    {
        const QList<Webhook> hooks = fake.hooks();
        const auto it = std::find_if(hooks.cbegin(), hooks.cend(), [&](const Webhook &hook) {
            return hook.entityType == entityType && hook.action == action;
        });
        return it == hooks.cend() ? Webhook{} : *it;
    }

    // Runs one check of the serving workspace and waits for its end.
    bool checkOnce()
    {
        QSignalSpy checked(&workspace->hookHealth(), &HookHealth::checked);
        workspace->hookHealth().checkNow();
        return checked.wait(10000);
    }

    QList<LogEntry> log(const QString &text, LogLevel minimum = LogLevel::Info)
    {
        workspace->writer().flush();
        LogReader reader(Database::fileIn(dir.path()));
        LogReader::Filter filter;
        filter.minimumLevel = minimum;
        filter.text = text;
        return reader.readLatest(filter, 100).value();
    }

    // POSTs one delivery of one order to the serving receiver below `prefix` ("/old/"); the HTTP status.
    int postBelow(const QString &prefix, const QString &key = secret)
    {
        const Receiver &receiver = *workspace->service()->receiver();
        QUrl url(QStringLiteral("http://%1%2moysklad/customerorder/update").arg(receiver.listenAddress(), prefix));
        url.setQuery(QStringLiteral("key=%1&requestId=%2").arg(key, QStringLiteral("move-%1").arg(++m_deliveries)));
        const QJsonArray events{
            QJsonObject{{QStringLiteral("meta"), Builders::meta(customerorder, Builders::documentId(1))},
                        {QStringLiteral("action"), update}}};
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply =
            network.post(request, QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson());
        EXPECT_TRUE(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    }

    int m_deliveries = 0;
};

TEST_F(HookHealthTest, ADisabledAndARemovedHookAreRepairedAtTheStartAndReported)
{
    seedOurHooks();
    const int ours = int(fake.hooks().size());
    ASSERT_TRUE(fake.setHookEnabled(hookOf(customerorder, update).id, false));
    ASSERT_TRUE(fake.removeHook(hookOf(QStringLiteral("paymentin"), QStringLiteral("CREATE")).id));
    const Webhook foreign = fake.seedHook(
        Builders::webhook(customerorder, QStringLiteral("DELETE"), QStringLiteral("https://other.example.com/hook")));
    ASSERT_TRUE(fake.setHookEnabled(foreign.id, false));

    QSignalSpy checked(&workspace->hookHealth(), &HookHealth::checked);
    QSignalSpy repaired(&workspace->hookHealth(), &HookHealth::hooksRepaired);
    ASSERT_TRUE(serve(*workspace));
    ASSERT_TRUE(checked.wait(10000)) << "no check at the start";

    EXPECT_TRUE(hookOf(customerorder, update).enabled);
    EXPECT_FALSE(hookOf(QStringLiteral("paymentin"), QStringLiteral("CREATE")).id.isEmpty()) << "not created again";
    EXPECT_EQ(fake.hooks().size(), ours + 1);
    EXPECT_FALSE(hookOf(customerorder, QStringLiteral("DELETE")).enabled) << "another application's hook was written";
    EXPECT_EQ(repaired.size(), 1);
    const QList<HookIssue> issues = workspace->hookHealth().issues();
    ASSERT_EQ(issues.size(), 2);
    EXPECT_TRUE(std::all_of(issues.cbegin(), issues.cend(), [](const HookIssue &issue) { return issue.repaired; }));
    EXPECT_TRUE(workspace->hookHealth().lastCheck().isValid());

    EXPECT_EQ(log(QStringLiteral("is disabled in MoySklad"), LogLevel::Warning).size(), 1);
    EXPECT_EQ(log(QStringLiteral("is gone from MoySklad"), LogLevel::Warning).size(), 1);
    const QList<LogEntry> enabled = log(QStringLiteral("The hook customerorder/UPDATE of ours was enabled again"));
    ASSERT_EQ(enabled.size(), 1);
    EXPECT_EQ(enabled.first().hook, QStringLiteral("customerorder/UPDATE"));
    EXPECT_EQ(log(QStringLiteral("The hook paymentin/CREATE of ours was created again")).size(), 1);

    // What the GUI reads, the same whichever process serves.
    workspace->writer().flush();
    ReadConnection reader(Database::fileIn(dir.path()));
    ASSERT_TRUE(reader.isOpen());
    const HookHealth::Snapshot snapshot = HookHealth::readSnapshot(reader.db());
    EXPECT_EQ(snapshot.issues, issues);
    EXPECT_EQ(snapshot.lastCheck, workspace->hookHealth().lastCheck());

    // All well at the next check: nothing to report, nothing written.
    const int posts = fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook"));
    ASSERT_TRUE(checkOnce());
    EXPECT_TRUE(workspace->hookHealth().issues().isEmpty());
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook")), posts);
    EXPECT_EQ(repaired.size(), 1);
}

TEST_F(HookHealthTest, WithAutoRepairOffTheHooksAreOnlyReportedAndOnlyOnce)
{
    ASSERT_TRUE(workspace->settings().set(SettingKey::HooksAutoRepair, QStringLiteral("off")).ok());
    seedOurHooks();
    ASSERT_TRUE(fake.setHookEnabled(hookOf(customerorder, update).id, false));
    QSignalSpy checked(&workspace->hookHealth(), &HookHealth::checked);
    QSignalSpy repaired(&workspace->hookHealth(), &HookHealth::hooksRepaired);
    ASSERT_TRUE(serve(*workspace));
    ASSERT_TRUE(checked.wait(10000));
    ASSERT_TRUE(checkOnce());

    EXPECT_FALSE(hookOf(customerorder, update).enabled);
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook")), 0);
    EXPECT_TRUE(repaired.isEmpty());
    ASSERT_EQ(workspace->hookHealth().issues().size(), 1);
    EXPECT_FALSE(workspace->hookHealth().issues().first().repaired);
    EXPECT_EQ(log(QStringLiteral("is disabled in MoySklad"), LogLevel::Warning).size(), 1)
        << "a hook that stays off is reported once, not at every check";

    // Enabled by a person: said once, and the finding is gone.
    ASSERT_TRUE(fake.setHookEnabled(hookOf(customerorder, update).id, true));
    ASSERT_TRUE(checkOnce());
    EXPECT_TRUE(workspace->hookHealth().issues().isEmpty());
    EXPECT_EQ(log(QStringLiteral("Every hook of ours is enabled")).size(), 1);
}

TEST_F(HookHealthTest, NothingInstalledYetIsNotRepairedBehindTheUsersBack)
{
    QSignalSpy checked(&workspace->hookHealth(), &HookHealth::checked);
    ASSERT_TRUE(serve(*workspace));
    ASSERT_TRUE(checked.wait(10000));
    EXPECT_TRUE(fake.hooks().isEmpty());
    EXPECT_TRUE(workspace->hookHealth().issues().isEmpty());
    ASSERT_TRUE(checkOnce());
    EXPECT_EQ(log(QStringLiteral("No hook of ours is installed")).size(), 1);
}

TEST_F(HookHealthTest, ARefusedTokenIsSaidOnceAndHoldsProcessing)
{
    seedOurHooks();
    fake.revokeTokens();
    ASSERT_TRUE(serve(*workspace));
    ASSERT_TRUE(QTest::qWaitFor([&] { return workspace->isTokenRejected(); }, 10000));
    EXPECT_EQ(workspace->service()->hold(), Service::Hold::TokenRejected);
    const int lists = fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook"));
    for (int i = 0; i < 3; ++i)
        workspace->hookHealth().checkNow();
    QTest::qWait(300);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), lists)
        << "a refused token was sent again";
    EXPECT_EQ(log(QStringLiteral("Hooks are not checked: MoySklad refused"), LogLevel::Warning).size(), 1);
}

TEST_F(HookHealthTest, WithoutATokenTheCheckIsSkippedAndSaidOnce)
{
    ASSERT_TRUE(succeeded([this](auto done) { workspace->saveToken(QString(), done); }));
    ASSERT_TRUE(serve(*workspace));
    for (int i = 0; i < 3; ++i)
        workspace->hookHealth().checkNow();
    QTest::qWait(200);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 0);
    EXPECT_EQ(log(QStringLiteral("Hooks are not checked: no API token")).size(), 1);
}

TEST_F(HookHealthTest, ANewIntervalFromAnotherProcessAppliesWithoutARestart)
{
    ASSERT_TRUE(serve(*workspace));
    EXPECT_EQ(workspace->hookHealth().intervalSeconds(), 1800);
    auto cli = openWorkspace();
    const auto refused = cli->settings().set(QStringLiteral("hooks.checkInterval"), QStringLiteral("4"));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().contains(QStringLiteral("hooks.checkInterval")));
    ASSERT_TRUE(cli->settings().set(QStringLiteral("hooks.checkInterval"), QStringLiteral("5")).ok());
    EXPECT_TRUE(QTest::qWaitFor([&] { return workspace->hookHealth().intervalSeconds() == 5; }, 2000));
    EXPECT_TRUE(workspace->hookHealth().isRunning());
}

TEST_F(HookHealthTest, ANewSiteUrlKeepsThePreviousPathServedUntilTheHooksPointAtTheNewOne)
{
    Settings &settings = workspace->settings();
    const QUrl old(QStringLiteral("https://shop.example.com/old/"));
    const QUrl moved(QStringLiteral("https://shop.example.com/new/"));
    ASSERT_TRUE(settings.set(SettingKey::SiteUrl, old.toString()).ok());
    settings.endSiteMove(); // the fixture's root site is not what this test moves from
    seedOurHooks(old);
    ASSERT_TRUE(serve(*workspace));
    EXPECT_EQ(postBelow(QStringLiteral("/new/")), 404);

    auto cli = openWorkspace();
    ASSERT_TRUE(loadSecrets(*cli));
    ASSERT_TRUE(cli->settings().set(SettingKey::SiteUrl, moved.toString()).ok());
    ASSERT_TRUE(cli->isMovingSite());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return workspace->service()->receiver()->pathPrefix() == QStringLiteral("/new/"); }, 2000));
    EXPECT_TRUE(workspace->isMovingSite());
    EXPECT_EQ(workspace->service()->receiver()->previousPathPrefix(), QStringLiteral("/old/"));
    EXPECT_EQ(postBelow(QStringLiteral("/new/")), 200);
    EXPECT_EQ(postBelow(QStringLiteral("/old/")), 200) << "the hooks still point at the old path";
    EXPECT_EQ(postBelow(QStringLiteral("/old/"), QStringLiteral("WrongKey_0123456789abcdefghijklmnopqrstuvw")), 403);
    EXPECT_EQ(postBelow(QStringLiteral("/elsewhere/")), 404);

    // A listing that still shows the old URLs keeps the move.
    HookSync sync(cli.get());
    const auto listOnce = [&sync] {
        std::optional<bool> listed;
        sync.list([&listed](Result<HookPlan, ApiError> plan) { listed = plan.ok(); });
        return QTest::qWaitFor([&] { return listed.has_value(); }, 5000) && *listed;
    };
    ASSERT_TRUE(listOnce());
    EXPECT_TRUE(cli->isMovingSite());

    // The hooks updated (an apply with --update-own): the old path is refused from then on, everywhere.
    std::optional<bool> applied;
    ApplyOptions options;
    options.updateOwn = true;
    sync.apply(sync.plan(), options, [&applied](ApplyReport report) { applied = report.ok(); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return applied.has_value(); }, 5000) && *applied);
    EXPECT_FALSE(cli->isMovingSite());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !workspace->isMovingSite(); }, 2000));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return workspace->service()->receiver()->previousPathPrefix().isEmpty(); }, 2000));
    EXPECT_EQ(postBelow(QStringLiteral("/old/")), 404);
    EXPECT_EQ(postBelow(QStringLiteral("/new/")), 200);
    EXPECT_EQ(log(QStringLiteral("previous site path is refused")).size(), 1);
}

TEST_F(HookHealthTest, AMoveWhoseTimeEndedWhileNothingRanIsOverAtTheNextStart)
{
    Settings &settings = workspace->settings();
    ASSERT_TRUE(settings.set(SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/new/")).ok());
    ASSERT_TRUE(workspace->isMovingSite());
    EXPECT_EQ(workspace->siteMove()->from, shop);
    const QDateTime ends = workspace->siteMove()->ends;
    EXPECT_GT(ends, QDateTime::currentDateTimeUtc().addSecs(23 * 3600));
    EXPECT_LE(ends, QDateTime::currentDateTimeUtc().addSecs(24 * 3600 + 1));
    workspace.reset();
    {
        QSettings ini(Settings::fileIn(dir.path()), QSettings::IniFormat);
        ini.setValue(QStringLiteral("site/move"),
                     QString(QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs) +
                             QStringLiteral("|https://shop.example.com/")));
    }
    workspace = openWorkspace();
    EXPECT_FALSE(workspace->isMovingSite());
    QSettings ini(Settings::fileIn(dir.path()), QSettings::IniFormat);
    EXPECT_FALSE(ini.contains(QStringLiteral("site/move"))) << "an ended move stays in the settings file";
}

TEST(SiteMoveSettings, AMoveKeepsItsOriginEndsWhenMovingBackAndNeedsAnOverlap)
{
    QTemporaryDir dir;
    QSettings ini(Settings::fileIn(dir.path()), QSettings::IniFormat);
    Settings settings(&ini);
    QSignalSpy moved(&settings, &Settings::siteMoveChanged);
    ASSERT_TRUE(settings.set(SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/a/")).ok());
    EXPECT_FALSE(settings.siteMove()) << "nothing to move from";
    ASSERT_TRUE(settings.set(SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/b/")).ok());
    ASSERT_TRUE(settings.siteMove());
    EXPECT_EQ(settings.siteMove()->from, QUrl(QStringLiteral("https://shop.example.com/a/")));
    ASSERT_TRUE(settings.set(SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/c/")).ok());
    EXPECT_EQ(settings.siteMove()->from, QUrl(QStringLiteral("https://shop.example.com/a/")))
        << "the hooks were not seen anywhere but the first site";
    ASSERT_TRUE(settings.set(SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/a/")).ok());
    EXPECT_FALSE(settings.siteMove()) << "back where the hooks point";
    // The same path on another host: the receiver serves it already.
    ASSERT_TRUE(settings.set(SettingKey::SiteUrl, QStringLiteral("https://other.example.com/a/")).ok());
    EXPECT_FALSE(settings.siteMove());
    ASSERT_TRUE(settings.set(SettingKey::SiteSecretOverlapHours, QStringLiteral("0")).ok());
    ASSERT_TRUE(settings.set(SettingKey::SiteUrl, QStringLiteral("https://other.example.com/b/")).ok());
    EXPECT_FALSE(settings.siteMove()) << "no overlap asked for";
    EXPECT_EQ(moved.size(), 3); // started, renewed for /c/, ended by moving back
}

} // namespace
