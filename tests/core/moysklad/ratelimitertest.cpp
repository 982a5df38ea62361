// SPDX-License-Identifier: GPL-3.0-or-later
#include "moysklad/ratelimiter.h"
#include "fakeclock.h"

#include <gtest/gtest.h>

TEST(RateLimiter, DefaultUserTokenAllowsElevenRequestsPerWindow)
{
    FakeClock clock;
    RateLimiter limiter;
    int started = 0;
    while (limiter.tryAcquire(clock.monotonicMs()) == 0) {
        ++started;
        limiter.finished();
    }
    EXPECT_EQ(started, 11); // 45 units / weight 4
}

TEST(RateLimiter, WaitsUntilEnoughUnitsAreBack)
{
    FakeClock clock;
    RateLimiter limiter(RateLimiter::Config{45, 3000, 4, 5});
    for (int i = 0; i < 11; ++i) {
        ASSERT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
        limiter.finished();
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
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), -1);
    limiter.finished();
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
    // The bucket was emptied too: refilled 1500 ms worth (22.5 units) by now.
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
}

TEST(RateLimiter, ServerRemainingLowersOurEstimate)
{
    FakeClock clock;
    RateLimiter limiter;
    limiter.observeRemaining(4, clock.monotonicMs());
    EXPECT_EQ(limiter.tryAcquire(clock.monotonicMs()), 0);
    limiter.finished();
    EXPECT_GT(limiter.tryAcquire(clock.monotonicMs()), 0);
}
