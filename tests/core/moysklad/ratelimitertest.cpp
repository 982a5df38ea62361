// SPDX-License-Identifier: GPL-3.0-or-later
#include "moysklad/ratelimiter.h"
#include "fakeclock.h"

#include <gtest/gtest.h>

#include <cmath>

TEST(RateLimiter, DefaultUserTokenAllowsElevenRequestsPerWindow)
{
    FakeClock clock;
    RateLimiter limiter;
    int started = 0;
    while (limiter.tryAcquire(clock.monotonicMs()) == 0) {
        ++started;
        limiter.finished(limiter.lastTicket());
    }
    EXPECT_EQ(started, 11); // 45 units / weight 4
}

TEST(RateLimiter, WaitsUntilEnoughUnitsAreBack)
{
    FakeClock clock;
    RateLimiter limiter(RateLimiter::Config{45, 3000, 4, 5});
    for (int i = 0; i < 11; ++i) {
        ASSERT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
        limiter.finished(limiter.lastTicket());
    }
    const qint64 wait = limiter.tryAcquire(clock.monotonicMs());
    ASSERT_GT(wait, 0);
    // One unit is left: three more refill in 3 * 3000 / 45 = 200 ms.
    EXPECT_EQ(wait, 200);
    clock.advance(wait - 1);
    EXPECT_GT(limiter.tryAcquire(clock.monotonicMs()), 0);
    clock.advance(1);
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
}

TEST(RateLimiter, CapsRequestsInFlight)
{
    FakeClock clock;
    RateLimiter limiter(RateLimiter::Config{1000, 1000, 1, 5});
    ASSERT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    // Before the server has told us its limits, one at a time.
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), -1);
    limiter.finished(limiter.lastTicket());
    RateLimiter::ServerLimits limits;
    limits.limit = 1000;
    limits.remaining = 999;
    limiter.observe(limits, limiter.lastTicket(), clock.monotonicMs(), clock.monotonicMs());
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), -1);
    limiter.finished(limiter.lastTicket());
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    EXPECT_EQ(limiter.inFlight(), 5);
}

TEST(RateLimiter, RetryAfterBlocksEverything)
{
    FakeClock clock;
    RateLimiter limiter;
    limiter.observeRetryAfter(1500, clock.monotonicMs());
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), 1500);
    clock.advance(1500);
    // The bucket was emptied too: room for one request again when the wait ends, as the server said.
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    limiter.finished(limiter.lastTicket());
    EXPECT_GT(limiter.tryAcquire(clock.monotonicMs()), 0); // not a burst of everything the wait would refill
}

TEST(RateLimiter, ServerRemainingCountsRequestsNotUnits)
{
    FakeClock clock;
    RateLimiter limiter;
    // Three requests, not three units. A drop our own requests do not explain is someone else's spending: from
    // then on one request stays in reserve.
    limiter.observeRemaining(3, clock.monotonicMs());
    EXPECT_GT(limiter.foreignRequestsPerSecond(), 0);
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    limiter.finished(limiter.lastTicket());
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    limiter.finished(limiter.lastTicket());
    EXPECT_GT(limiter.tryAcquire(clock.monotonicMs()), 0);
}

TEST(RateLimiter, TheServersLimitHeaderGivesTheRealWeight)
{
    // Configured for weight 4 (11 requests a window); the server charges 10 and says 4 requests a window.
    FakeClock clock;
    RateLimiter limiter(RateLimiter::Config{45, 3000, 4, 5});
    ASSERT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    const quint64 ticket = limiter.lastTicket();
    limiter.finished(limiter.lastTicket());
    RateLimiter::ServerLimits limits;
    limits.limit = 4;
    limits.remaining = 3;
    limits.intervalMs = 3000;
    limiter.observe(limits, ticket, clock.monotonicMs(), clock.monotonicMs());
    EXPECT_EQ(limiter.requestsPerWindow(), 4);
    int started = 0;
    while (limiter.tryAcquire(clock.monotonicMs()) == 0) {
        ++started;
        limiter.finished(limiter.lastTicket());
    }
    EXPECT_EQ(started, 3);
    // One request comes back every 3000 / 4 ms.
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), 750);
}

TEST(RateLimiter, RequestsSentAfterTheAnsweredOneAreNotCountedTwice)
{
    FakeClock clock;
    RateLimiter limiter(RateLimiter::Config{40, 3000, 4, 5}); // 10 requests a window
    RateLimiter::ServerLimits limits;
    limits.limit = 10;
    ASSERT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    limiter.finished(limiter.lastTicket());
    limits.remaining = 9;
    limiter.observe(limits, limiter.lastTicket(), clock.monotonicMs(), clock.monotonicMs());

    ASSERT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    const quint64 first = limiter.lastTicket();
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    limiter.finished(first);
    // The server saw only the first of the four when it counted: 8 left then, 5 now after our three others.
    limits.remaining = 8;
    limiter.observe(limits, first, clock.monotonicMs(), clock.monotonicMs());
    EXPECT_EQ(limiter.foreignRequestsPerSecond(), 0);
    int started = 0;
    while (limiter.tryAcquire(clock.monotonicMs()) == 0) {
        ++started;
        limiter.finished(limiter.lastTicket());
    }
    EXPECT_EQ(started, 5);
}

TEST(RateLimiter, LearnsWhatAnotherClientOfTheUserSpends)
{
    // 10 requests a second are ours to spend; a neighbour takes 4 of them. Every 100 ms we send one request and
    // the server answers with what is really left.
    FakeClock clock;
    RateLimiter limiter(RateLimiter::Config{10, 1000, 1, 5});
    double server = 10;
    for (int step = 0; step < 200; ++step) {
        clock.advance(100);
        server = std::min(10.0, server + 1.0 - 0.4);
        if (limiter.tryAcquire(clock.monotonicMs()) != 0)
            continue;
        const quint64 ticket = limiter.lastTicket();
        server -= 1;
        limiter.finished(limiter.lastTicket());
        RateLimiter::ServerLimits limits;
        limits.limit = 10;
        limits.intervalMs = 1000;
        limits.remaining = int(std::floor(server));
        limiter.observe(limits, ticket, clock.monotonicMs(), clock.monotonicMs());
        ASSERT_GE(server, 0) << "step " << step;
    }
    EXPECT_NEAR(limiter.foreignRequestsPerSecond(), 4.0, 1.5);
}
