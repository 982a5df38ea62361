// SPDX-License-Identifier: GPL-3.0-or-later
// The client against the fake MoySklad over loopback when answers are slow, when a request weighs more than the
// client assumes and when another integration of the same user spends the budget. Times are scaled down through
// the configuration on both sides (windows of 150 ms instead of 3 s); the ratios are MoySklad's.
#include "await.h"
#include "fakemoysklad.h"
#include "moysklad/moyskladclient.h"

#include <gtest/gtest.h>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

namespace {

QUrl orderHref(const FakeMoySklad &fake)
{
    return QUrl(fake.baseUrl().toString() + QStringLiteral("/entity/customerorder/o1"));
}

struct Outcome
{
    int succeeded = 0;
    int failed = 0;
};

// `count` GETs issued at once; waits until every one has finished.
Outcome fetchMany(MoySkladClient &client, const FakeMoySklad &fake, int count, int timeoutMs)
{
    Outcome outcome;
    for (int i = 0; i < count; ++i)
        client.getDocument(orderHref(fake), {}, nullptr, [&outcome](Result<QJsonObject, ApiError> result) {
            result.ok() ? ++outcome.succeeded : ++outcome.failed;
        });
    if (!QTest::qWaitFor([&] { return outcome.succeeded + outcome.failed == count; }, timeoutMs))
        ADD_FAILURE() << "only " << outcome.succeeded + outcome.failed << " of " << count << " finished";
    return outcome;
}

// 429 answers after the first one, and the requests after it: what the client could have avoided once the server
// had told it the real limits.
std::pair<int, int> limitedAfterFirst(const FakeMoySklad &fake)
{
    QList<FakeMoySklad::Request> requests = fake.requests();
    std::stable_sort(requests.begin(), requests.end(), [](const auto &a, const auto &b) { return a.atMs < b.atMs; });
    const auto first = std::find_if(requests.cbegin(), requests.cend(), [](const auto &r) { return r.status == 429; });
    if (first == requests.cend())
        return {0, int(requests.size())};
    const int after = int(requests.cend() - first) - 1;
    const int limited = int(std::count_if(first + 1, requests.cend(), [](const auto &r) { return r.status == 429; }));
    return {limited, after};
}

std::unique_ptr<MoySkladClient> makeClient(const FakeMoySklad &fake, RateLimiter::Config limits)
{
    ClientConfig config;
    config.baseUrl = fake.baseUrl();
    config.token = fake.token();
    config.limits = limits;
    config.backoffBaseMs = 20;
    config.backoffMaxMs = 200;
    return std::make_unique<MoySkladClient>(config);
}

FakeMoySklad::Options fakeLimits(int weight, int windowMs)
{
    FakeMoySklad::Options options;
    options.rateUnits = 45;
    options.rateWindowMs = windowMs;
    options.requestWeight = weight;
    options.maxParallel = 5;
    return options;
}

} // namespace

// MoySklad answered in 31 s while the client gave up after 30 and resent: 10 requests in parallel, 1073s, late
// answers thrown away. Here every answer takes 600 ms while the client calls an answer slow after 150 ms (the old
// timeout, scaled): it waits for each one, never resends, never holds more than 5 slots.
TEST(PoliteClient, SlowAnswersKeepTheirSlotAndAreNotThrownAway)
{
    FakeMoySklad fake(fakeLimits(4, 150));
    ASSERT_TRUE(fake.start());
    fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o1")}});
    fake.setResponseDelayMs(600);
    ClientConfig config;
    config.baseUrl = fake.baseUrl();
    config.token = fake.token();
    config.limits = RateLimiter::Config{45, 150, 4, 5};
    config.slowAnswerMs = 150;
    auto client = std::make_unique<MoySkladClient>(config);
    QSignalSpy changed(client.get(), &MoySkladClient::countersChanged);

    const Outcome outcome = fetchMany(*client, fake, 12, 20000);
    EXPECT_EQ(outcome.succeeded, 12); // every late answer reached its caller
    EXPECT_EQ(outcome.failed, 0);
    EXPECT_LE(fake.maxInFlight(), 5);
    EXPECT_EQ(fake.requests().size(), 12); // nothing sent twice
    EXPECT_EQ(fake.rateLimitedCount(), 0); // no 1073, no 1049
    EXPECT_EQ(client->counters().slowAnswers, 12);
    EXPECT_EQ(client->counters().timeouts, 0);
    EXPECT_EQ(changed.size(), 12);
}

// When the client does give up on a connection, the server may still be serving it: the resend waits until the
// server is surely done, and the abandoned request keeps its slot until then.
TEST(PoliteClient, AResendAfterATimeoutNeverOverlapsTheOriginal)
{
    FakeMoySklad fake(fakeLimits(4, 150));
    ASSERT_TRUE(fake.start());
    fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o1")}});
    fake.setResponseDelayMs(400);
    ClientConfig config;
    config.baseUrl = fake.baseUrl();
    config.token = fake.token();
    config.limits = RateLimiter::Config{45, 150, 4, 5};
    config.timeoutMs = 100;
    config.serverMaxAnswerMs = 500;
    config.maxAttempts = 2;
    config.backoffBaseMs = 10;
    auto client = std::make_unique<MoySkladClient>(config);

    const Outcome outcome = fetchMany(*client, fake, 8, 20000);
    EXPECT_EQ(outcome.failed, 8); // every attempt timed out
    EXPECT_LE(fake.maxInFlight(), 5);
    EXPECT_EQ(fake.rateLimitedCount(), 0);
    EXPECT_EQ(client->counters().timeouts, 16);
}

// The fake charges 10 units a request while the client assumes 4: the first answer's X-RateLimit-Limit tells the
// client the real size of the bucket. The first 429 may come before any answer did; after it, under 1 %.
TEST(PoliteClient, LearnsAHeavierWeightFromTheHeaders)
{
    FakeMoySklad fake(fakeLimits(10, 150));
    ASSERT_TRUE(fake.start());
    fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o1")}});
    fake.setResponseDelayMs(2);
    auto client = makeClient(fake, RateLimiter::Config{45, 150, 4, 5});

    const Outcome outcome = fetchMany(*client, fake, 200, 60000);
    EXPECT_EQ(outcome.succeeded, 200);
    EXPECT_LE(fake.maxInFlight(), 5);
    const auto [limited, after] = limitedAfterFirst(fake);
    std::printf("weight 10 assumed 4: %d of %d requests after the first 429 were 429 (%.2f %%), %d in all\n", limited,
                after, after ? 100.0 * limited / after : 0.0, fake.rateLimitedCount());
    EXPECT_LT(limited * 100, std::max(after, 1)) << limited << " of " << after;
    EXPECT_EQ(client->limiter().requestsPerWindow(), 4);
    EXPECT_EQ(client->counters().rateLimited, fake.rateLimitedCount());
}

// Another integration of the same user spends 40 % of the bucket all along: the client sees Remaining fall faster
// than its own requests explain and leaves that share to it.
TEST(PoliteClient, LeavesANeighboursShareOfTheBudget)
{
    FakeMoySklad fake(fakeLimits(4, 150));
    ASSERT_TRUE(fake.start());
    fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o1")}});
    fake.setResponseDelayMs(2);
    fake.setNeighbourUnitsPerSecond(0.4 * 45 * 1000 / 150);
    auto client = makeClient(fake, RateLimiter::Config{45, 150, 4, 5});

    const Outcome outcome = fetchMany(*client, fake, 200, 60000);
    EXPECT_EQ(outcome.succeeded, 200);
    const int answers = int(fake.requests().size());
    const int all = fake.rateLimitedCount();
    const auto [limited, after] = limitedAfterFirst(fake);
    std::printf("neighbour spending 40 %%: %d of %d answers were 429 (%.2f %%), %d of %d after the first (%.2f %%); "
                "learnt neighbour %.1f requests/s\n",
                all, answers, 100.0 * all / answers, limited, after, after ? 100.0 * limited / after : 0.0,
                client->limiter().foreignRequestsPerSecond());
    // Before the first answers the neighbour's pace is unknown; a 429 of that first burst is the price of learning
    // it (at most a couple in the runs measured). After it, under 1 %.
    EXPECT_LT(limited * 100, std::max(after, 1)) << limited << " of " << after;
    EXPECT_LE(all, 3);
    EXPECT_GT(client->limiter().foreignRequestsPerSecond(), 0);
}

TEST(PoliteClient, CountsRateLimitsAndRetriedServerErrors)
{
    FakeMoySklad fake;
    ASSERT_TRUE(fake.start());
    fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o1")}});
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/customerorder"), 503);
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/customerorder"), 429, 1049);
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/customerorder"), 502);
    auto client = makeClient(fake, RateLimiter::Config{});
    const auto result = awaitResult<Result<QJsonObject, ApiError>>(
        [&](auto done) { client->getDocument(orderHref(fake), {}, nullptr, done); });
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(client->counters().serverErrorsRetried, 2);
    EXPECT_EQ(client->counters().rateLimited, 1);
    EXPECT_EQ(client->counters().timeouts, 0);
    EXPECT_EQ(client->counters().slowAnswers, 0);
}
