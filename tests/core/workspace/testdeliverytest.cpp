// SPDX-License-Identifier: GPL-3.0-or-later
// The test delivery over real loopback HTTP: a marked delivery answered and recorded but never queued, every step
// reported for every hook URL, and each way it can fail shown at the step that failed (the rest skipped).
#include "workspace/testdelivery.h"
#include "builders.h"
#include "diagnostics/logreader.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "freeport.h"
#include "hooks/hookcatalog.h"
#include "intake/delivery.h"
#include "intake/receiver.h"
#include "intake/testdeliverymark.h"
#include "pipelinefixture.h"
#include "service/service.h"
#include "settings/settings.h"
#include "store/database.h"

#include <gtest/gtest.h>
#include <QTest>

#include <atomic>

namespace {

using Kind = TestDeliveryStep::Kind;

// A receiver's sink that must never be reached by a test delivery.
class CountingSink final : public DeliverySink
{
public:
    void persist(Delivery, std::function<void(PersistOutcome)> done) override
    {
        ++calls;
        done(PersistOutcome::Stored);
    }
    std::atomic<int> calls{0};
};

class TestDeliveryTest : public PipelineFixture
{
protected:
    void SetUp() override
    {
        PipelineFixture::SetUp();
        ASSERT_TRUE(loadSecrets(*workspace));
    }

    void setSite(const QString &url) { ASSERT_TRUE(workspace->settings().set(SettingKey::SiteUrl, url).ok()); }

    // A receiver of its own (not the workspace's service) that logs into the workspace's database, or nowhere.
    std::unique_ptr<Receiver> startReceiver(const QString &key, bool logs = true)
    {
        auto receiver = std::make_unique<Receiver>(&sink, logs ? &workspace->log() : nullptr);
        ReceiverConfig config;
        config.listen = QStringLiteral("127.0.0.1:0");
        config.siteUrl = QUrl(QStringLiteral("http://127.0.0.1/shop/"));
        config.verificationString = key;
        const Result<Done, QString> started = receiver->start(config);
        EXPECT_TRUE(started.ok()) << (started.ok() ? std::string() : started.error().toStdString());
        return receiver;
    }

    TestDeliveryReport run(TestDelivery::Options options = {}, Workspace *ws = nullptr)
    {
        TestDelivery ping(ws ? ws : workspace.get(), options);
        std::optional<TestDeliveryReport> report;
        ping.run([&report](TestDeliveryReport r) { report = std::move(r); });
        EXPECT_TRUE(QTest::qWaitFor([&report] { return report.has_value(); }, 30000)) << "no report";
        return report.value_or(TestDeliveryReport{});
    }

    static QList<Kind> kinds(const TestDeliveryTarget &target)
    {
        QList<Kind> kinds;
        for (const TestDeliveryStep &step : target.steps)
            kinds.append(step.kind);
        return kinds;
    }

    // The first step that failed (not skipped), and that every later one is skipped.
    static const TestDeliveryStep *failedStep(const TestDeliveryTarget &target)
    {
        const TestDeliveryStep *failed = nullptr;
        for (const TestDeliveryStep &step : target.steps) {
            if (failed) {
                EXPECT_TRUE(step.skipped) << TestDeliveryStep::name(step.kind).toStdString();
                EXPECT_FALSE(step.ok);
            } else if (!step.ok) {
                EXPECT_FALSE(step.skipped);
                failed = &step;
            }
        }
        return failed;
    }

    bool secretShown(const TestDeliveryReport &report) const
    {
        for (const TestDeliveryTarget &target : report.targets) {
            if (target.url.contains(secret))
                return true;
            for (const TestDeliveryStep &step : target.steps)
                if (step.detail.contains(secret))
                    return true;
        }
        return false;
    }

    CountingSink sink;
};

TEST_F(TestDeliveryTest, AMarkedDeliveryIsAnsweredAndLoggedButNeverQueued)
{
    ASSERT_TRUE(serve(*workspace));
    const QString requestId = TestDeliveryMark::newRequestId();
    Receiver &receiver = *workspace->service()->receiver();
    EXPECT_EQ(postTo(receiver, QStringLiteral("customerorder"), QStringLiteral("UPDATE"), {Builders::documentId(1)},
                     secret, requestId),
              200);
    // An ordinary delivery after it shows the pipeline runs: only the marked one stayed out of the queue.
    EXPECT_EQ(postTo(receiver, QStringLiteral("customerorder"), QStringLiteral("UPDATE"), {Builders::documentId(2)},
                     secret, QStringLiteral("ordinary-1")),
              200);
    EXPECT_TRUE(QTest::qWaitFor([&] { return receiver.counters().accepted == 1; }, 5000));
    EXPECT_EQ(receiver.counters().testDeliveries, 1u);
    const QueueStats queue = stats();
    EXPECT_EQ(queue.pending + queue.running + queue.done + queue.retrying + queue.dead, 1);

    LogReader reader(Database::fileIn(dir.path()));
    LogReader::Filter filter;
    filter.text = requestId;
    bool recorded = false;
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            for (const LogEntry &entry : reader.readAfter(0, filter).valueOr({}))
                recorded = recorded || TestDeliveryMark::isRecord(entry, requestId);
            return recorded;
        },
        5000));
    // The ordinary one may be fetched; the marked one's document never is.
    QTest::qWait(300);
    for (const FakeMoySklad::Request &request : fake.requests())
        EXPECT_FALSE(request.query.toString().contains(Builders::documentId(1))) << request.path.toStdString();
}

TEST_F(TestDeliveryTest, EveryHookUrlReachesTheReceiverStepByStep)
{
    const quint16 port = freePort();
    ASSERT_TRUE(workspace->settings().set(SettingKey::ReceiverListen, QStringLiteral("127.0.0.1:%1").arg(port)).ok());
    setSite(QStringLiteral("http://127.0.0.1:%1/shop/").arg(port));
    ASSERT_TRUE(serve(*workspace)) << workspace->roleDetail().toStdString();

    // Sent by another process than the one serving: the record is found through the database.
    std::unique_ptr<Workspace> other = openWorkspace();
    ASSERT_TRUE(loadSecrets(*other));
    const TestDeliveryReport report = run({}, other.get());

    const QList<HookSpec> wanted = HookCatalog::wanted(workspace->settings().exchange());
    ASSERT_EQ(report.targets.size(), wanted.size());
    EXPECT_TRUE(report.ok());
    for (int i = 0; i < report.targets.size(); ++i) {
        const TestDeliveryTarget &target = report.targets.at(i);
        EXPECT_EQ(target.hook, wanted.at(i).key());
        EXPECT_EQ(kinds(target), (QList<Kind>{Kind::Resolve, Kind::Connect, Kind::Http, Kind::Recorded}));
        for (const TestDeliveryStep &step : target.steps)
            EXPECT_TRUE(step.ok) << TestDeliveryStep::name(step.kind).toStdString() << ": "
                                 << step.detail.toStdString();
        EXPECT_TRUE(target.steps.at(1).detail.contains(QStringLiteral("127.0.0.1:%1").arg(port)));
        EXPECT_TRUE(target.steps.at(2).detail.startsWith(QStringLiteral("200 ")));
    }
    EXPECT_FALSE(secretShown(report));
    QTest::qWait(300);
    const QueueStats queue = stats();
    EXPECT_EQ(queue.pending + queue.running + queue.done + queue.retrying + queue.dead, 0);
    EXPECT_EQ(workspace->service()->receiver()->counters().testDeliveries, quint64(wanted.size()));
    EXPECT_EQ(workspace->service()->receiver()->counters().accepted, 0u);
}

TEST_F(TestDeliveryTest, AWrongVerificationStringFailsAt403)
{
    const std::unique_ptr<Receiver> receiver = startReceiver(QStringLiteral("AnotherSecret_0123456789abcdefghijklmno"));
    setSite(QStringLiteral("http://127.0.0.1:%1/shop/").arg(receiver->port()));
    const TestDeliveryReport report = run();
    ASSERT_FALSE(report.targets.isEmpty());
    EXPECT_FALSE(report.ok());
    for (const TestDeliveryTarget &target : report.targets) {
        const TestDeliveryStep *failed = failedStep(target);
        ASSERT_NE(failed, nullptr);
        EXPECT_EQ(failed->kind, Kind::Http);
        EXPECT_TRUE(failed->detail.startsWith(QStringLiteral("403 "))) << failed->detail.toStdString();
        EXPECT_TRUE(failed->detail.contains(QStringLiteral("verification string")));
        EXPECT_EQ(target.steps.last().kind, Kind::Recorded);
    }
    EXPECT_FALSE(secretShown(report));
    EXPECT_EQ(sink.calls, 0);
}

TEST_F(TestDeliveryTest, ARefusedConnectionFailsAtConnectAndSaysWhere)
{
    const quint16 port = freePort();
    setSite(QStringLiteral("http://127.0.0.1:%1/shop/").arg(port));
    const TestDeliveryReport report = run();
    ASSERT_FALSE(report.targets.isEmpty());
    EXPECT_FALSE(report.ok());
    const TestDeliveryStep *failed = failedStep(report.targets.first());
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->kind, Kind::Connect);
    EXPECT_EQ(failed->detail, QStringLiteral("connection refused to 127.0.0.1:%1").arg(port));
    EXPECT_EQ(kinds(report.targets.first()), (QList<Kind>{Kind::Resolve, Kind::Connect, Kind::Http, Kind::Recorded}));
}

TEST_F(TestDeliveryTest, AnUnknownHostFailsAtResolve)
{
    setSite(QStringLiteral("https://skladhook-test.invalid/shop/"));
    const TestDeliveryReport report = run();
    ASSERT_FALSE(report.targets.isEmpty());
    const TestDeliveryStep *failed = failedStep(report.targets.first());
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->kind, Kind::Resolve);
    EXPECT_TRUE(failed->detail.startsWith(QStringLiteral("cannot resolve skladhook-test.invalid")))
        << failed->detail.toStdString();
    EXPECT_EQ(kinds(report.targets.first()),
              (QList<Kind>{Kind::Resolve, Kind::Connect, Kind::Tls, Kind::Http, Kind::Recorded}));
}

TEST_F(TestDeliveryTest, HttpsToAPlainHttpPortFailsAtTheTlsStep)
{
    const std::unique_ptr<Receiver> receiver = startReceiver(secret);
    setSite(QStringLiteral("https://127.0.0.1:%1/shop/").arg(receiver->port()));
    const TestDeliveryReport report = run();
    ASSERT_FALSE(report.targets.isEmpty());
    const TestDeliveryStep *failed = failedStep(report.targets.first());
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->kind, Kind::Tls);
    EXPECT_TRUE(report.targets.first().steps.at(1).ok) << "connected before the handshake";
    EXPECT_EQ(receiver->counters().testDeliveries, 0u);
}

TEST_F(TestDeliveryTest, AnAnswerFromAReceiverThatKeepsNoRecordHereFailsAtRecorded)
{
    // Another server (or another data directory's receiver) answers 200, but nothing reaches this database.
    const std::unique_ptr<Receiver> receiver = startReceiver(secret, false);
    setSite(QStringLiteral("http://127.0.0.1:%1/shop/").arg(receiver->port()));
    TestDelivery::Options options;
    options.recordWaitMs = 400;
    const TestDeliveryReport report = run(options);
    ASSERT_FALSE(report.targets.isEmpty());
    for (const TestDeliveryTarget &target : report.targets) {
        const TestDeliveryStep *failed = failedStep(target);
        ASSERT_NE(failed, nullptr);
        EXPECT_EQ(failed->kind, Kind::Recorded);
        EXPECT_TRUE(target.steps.at(2).detail.startsWith(QStringLiteral("200 ")));
    }
    EXPECT_EQ(receiver->counters().testDeliveries, quint64(report.targets.size()));
    EXPECT_EQ(sink.calls, 0);
}

} // namespace
