// SPDX-License-Identifier: GPL-3.0-or-later
// MoySklad's account-wide limits kept in PostgreSQL (PostgresRequestGate): three MoySkladClients, each with a gate of
// its own connection as three processes would have, against one fake MoySklad; the slots of a gate whose connection
// went; and a client going on under its own limits when the gate's database cannot be reached.
#include "store/postgresrequestgate.h"
#include "fakemoysklad.h"
#include "moysklad/moyskladclient.h"
#include "postgresfixture.h"
#include "qtmessagefailure.h"
#include "store/database.h"
#include "store/storeurl.h"

#include <gtest/gtest.h>
#include <QScopedValueRollback>
#include <QTest>

#include <memory>
#include <vector>

namespace {

class PostgresRequestGateTest : public PostgresFixture
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(createNumberedDatabase(QStringLiteral("gate"), &url));
        const auto parsed = StoreUrl::parse(url);
        ASSERT_TRUE(parsed.ok()) << parsed.error().toStdString();
        {
            auto opened = parsed.value().open(QStringLiteral("gate-schema"));
            ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
            const auto migrated = Database::migrate(opened.value());
            EXPECT_TRUE(migrated.ok()) << migrated.error().toStdString();
        }
        Database::close(QStringLiteral("gate-schema"));
    }

    struct Load
    {
        int maxInFlight = 0;
        int rateLimited = 0;
        int lateRateLimited = 0; // after the first two windows
        int answers = 0;
        int succeeded = 0;
    };

    // `requests` GETs spread over three clients at once, each client with a gate of its own (three processes) or
    // with none.
    Load runThreeClients(const FakeMoySklad::Options &limits, int requests, bool withGates)
    {
        FakeMoySklad fake(limits);
        EXPECT_TRUE(fake.start());
        // Slow enough answers that the parallel slots, not only the bucket, are what holds requests back.
        fake.setResponseDelayMs(40);
        fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o1")}});

        std::vector<std::unique_ptr<MoySkladClient>> clients;
        for (int i = 0; i < 3; ++i) {
            ClientConfig config;
            config.baseUrl = fake.baseUrl();
            config.token = fake.token();
            config.limits = RateLimiter::Config{45, limits.rateWindowMs, 4, 5}; // the weight is learnt
            config.backoffBaseMs = 20;
            if (withGates)
                config.sharedGate = std::make_shared<PostgresRequestGate>(url, config.limits);
            clients.push_back(std::make_unique<MoySkladClient>(config));
        }
        const QUrl href(fake.baseUrl().toString() + QStringLiteral("/entity/customerorder/o1"));
        Load load;
        int finished = 0;
        for (int i = 0; i < requests; ++i) {
            clients.at(std::size_t(i % 3))->getDocument(href, {}, nullptr, [&](Result<QJsonObject, ApiError> result) {
                ++finished;
                if (result.ok())
                    ++load.succeeded;
            });
        }
        EXPECT_TRUE(QTest::qWaitFor([&] { return finished == requests; }, 120000));
        load.maxInFlight = fake.maxInFlight();
        load.rateLimited = fake.rateLimitedCount();
        load.answers = int(fake.requests().size());
        const QList<FakeMoySklad::Request> answered = fake.requests();
        const qint64 firstAt = answered.isEmpty() ? 0 : answered.constFirst().atMs;
        for (const FakeMoySklad::Request &request : answered) {
            if (request.status == 429 && request.atMs - firstAt > 2 * limits.rateWindowMs)
                ++load.lateRateLimited;
        }
        return load;
    }

    QString url;
};

} // namespace

// The window is shortened (300 ms instead of 3 s) on both sides so that the test stays quick; the ratios are
// MoySklad's.
TEST_F(PostgresRequestGateTest, ThreeProcessesTogetherStayWithinTheAccountsLimits)
{
    FakeMoySklad::Options limits;
    limits.rateUnits = 45;
    limits.rateWindowMs = 300;
    limits.requestWeight = 2;
    limits.maxParallel = 5;

    const Load shared = runThreeClients(limits, 300, true);
    EXPECT_EQ(shared.succeeded, 300);
    EXPECT_LE(shared.maxInFlight, 5);
    EXPECT_LT(shared.rateLimited * 100, shared.answers)
        << shared.rateLimited << " of " << shared.answers << " were 429";

    // Each process alone keeps its own 5: together they overrun the account.
    const Load alone = runThreeClients(limits, 300, false);
    EXPECT_GT(alone.maxInFlight, 5);
}

// A request heavier than the clients assume (10 units, not 4): the gate's bucket is charged the weight each client
// has learnt from MoySklad's headers. Charged the assumed 4, it would let 11 requests a window through where the
// account has room for 4.5.
TEST_F(PostgresRequestGateTest, TheSharedBucketIsChargedTheLearntWeight)
{
    FakeMoySklad::Options limits;
    limits.rateUnits = 45;
    limits.rateWindowMs = 300;
    limits.requestWeight = 10;
    limits.maxParallel = 5;

    const Load shared = runThreeClients(limits, 90, true);
    EXPECT_EQ(shared.succeeded, 90);
    EXPECT_LE(shared.maxInFlight, 5);
    // Each process's first request is charged the weight it assumed: those three may overdraw the bucket once, at
    // the start. From then on the learnt weight is charged, and nothing is refused.
    EXPECT_LE(shared.rateLimited, 3) << shared.rateLimited << " of " << shared.answers << " were 429";
    EXPECT_EQ(shared.lateRateLimited, 0);
}

// A process that crashes loses its connection, and PostgreSQL frees its advisory locks with it: the others get the
// slots without anyone cleaning up.
TEST_F(PostgresRequestGateTest, TheSlotsOfAGateWhoseConnectionWentGoToTheOthers)
{
    const RateLimiter::Config limits{45, 3000, 1, 5};
    auto crashed = std::make_unique<PostgresRequestGate>(url, limits);
    PostgresRequestGate other(url, limits);
    for (int i = 0; i < 5; ++i) {
        const auto grant = crashed->tryAcquire(1);
        ASSERT_TRUE(grant.ok()) << grant.error().toStdString();
        EXPECT_NE(grant.value().slot, 0U) << "slot " << i;
    }
    const auto refused = other.tryAcquire(1);
    ASSERT_TRUE(refused.ok()) << refused.error().toStdString();
    EXPECT_EQ(refused.value().slot, 0U);
    EXPECT_GT(refused.value().waitMs, 0);

    crashed.reset(); // its connection closes, as a crashed process's would
    // The server ends the session a moment after the socket closes.
    std::vector<SharedRequestGate::SlotId> taken;
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            const auto grant = other.tryAcquire(1);
            if (grant.ok() && grant.value().slot != 0)
                taken.push_back(grant.value().slot);
            return taken.size() == 5;
        },
        10000));
    EXPECT_EQ(other.heldSlots(), 5);
    const auto sixth = other.tryAcquire(1);
    ASSERT_TRUE(sixth.ok());
    EXPECT_EQ(sixth.value().slot, 0U);
    // A released slot is free again, for the same process or another.
    other.release(taken.front());
    const auto again = other.tryAcquire(1);
    ASSERT_TRUE(again.ok());
    EXPECT_NE(again.value().slot, 0U);
}

// The bucket row refuses what does not fit and says when it will: 45 units, 15 per second.
TEST_F(PostgresRequestGateTest, TheBucketRefusesWhatDoesNotFitAndSaysWhenItWill)
{
    const RateLimiter::Config limits{45, 3000, 10, 5};
    PostgresRequestGate gate(url, limits);
    for (int i = 0; i < 4; ++i) {
        const auto grant = gate.tryAcquire(10);
        ASSERT_TRUE(grant.ok()) << grant.error().toStdString();
        ASSERT_NE(grant.value().slot, 0U) << "request " << i;
        gate.release(grant.value().slot);
    }
    // 40 units in: the fifth needs 5 more to drain, a third of a second at 15 units per second.
    const auto refused = gate.tryAcquire(10);
    ASSERT_TRUE(refused.ok()) << refused.error().toStdString();
    EXPECT_EQ(refused.value().slot, 0U);
    EXPECT_GT(refused.value().waitMs, 100);
    EXPECT_LE(refused.value().waitMs, 334);
    EXPECT_EQ(gate.heldSlots(), 0); // the slot taken for the refused request was given back
    QTest::qWait(int(refused.value().waitMs));
    const auto later = gate.tryAcquire(10);
    ASSERT_TRUE(later.ok());
    EXPECT_NE(later.value().slot, 0U);
}

// The database unreachable: the gate says so, and the client warns once and sends under its own limits instead of
// waiting for it.
TEST_F(PostgresRequestGateTest, AClientGoesOnUnderItsOwnLimitsWhenTheGateFails)
{
    FakeMoySklad fake;
    ASSERT_TRUE(fake.start());
    fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o1")}});
    QString missing = url;
    missing.replace(QStringLiteral("/gate_"), QStringLiteral("/missing_"));
    auto gate = std::make_shared<PostgresRequestGate>(missing, RateLimiter::Config{});
    const auto direct = gate->tryAcquire(4);
    ASSERT_FALSE(direct.ok());
    EXPECT_TRUE(direct.error().contains(QStringLiteral("missing_"))) << direct.error().toStdString();

    ClientConfig config;
    config.baseUrl = fake.baseUrl();
    config.token = fake.token();
    config.sharedGate = gate;
    MoySkladClient client(config);
    QScopedValueRollback allowWarnings(allowQtWarnings(), true); // the client's one warning
    const QUrl href(fake.baseUrl().toString() + QStringLiteral("/entity/customerorder/o1"));
    int succeeded = 0;
    int finished = 0;
    for (int i = 0; i < 10; ++i) {
        client.getDocument(href, {}, nullptr, [&](Result<QJsonObject, ApiError> result) {
            ++finished;
            if (result.ok())
                ++succeeded;
        });
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished == 10; }, 20000));
    EXPECT_EQ(succeeded, 10);
    EXPECT_EQ(gate->heldSlots(), 0);
}
