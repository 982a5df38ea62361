// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakemoysklad.h"
#include "moysklad/moyskladclient.h"

#include <gtest/gtest.h>
#include <QTest>

// 300 requests issued at once against the fake's weighted bucket and 5-parallel limit: the client's own limiter
// keeps 429 answers at or under 1 % and never has more than 5 requests in flight. The window is shortened
// (300 ms instead of 3 s) on both sides so that the test stays quick; the ratios are MoySklad's.
TEST(RateLimitLoad, ThreeHundredRequestsAtOnceStayWithinTheLimits)
{
    FakeMoySklad::Options limits;
    limits.rateUnits = 45;
    limits.rateWindowMs = 300;
    limits.requestWeight = 2;
    limits.maxParallel = 5;
    FakeMoySklad fake(limits);
    ASSERT_TRUE(fake.start());
    fake.setResponseDelayMs(3);
    fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o1")}});

    ClientConfig config;
    config.baseUrl = fake.baseUrl();
    config.token = fake.token();
    config.limits = RateLimiter::Config{45, 300, 2, 5};
    config.backoffBaseMs = 20;
    MoySkladClient client(config);

    const QUrl href(fake.baseUrl().toString() + QStringLiteral("/entity/customerorder/o1"));
    int succeeded = 0;
    int failed = 0;
    for (int i = 0; i < 300; ++i) {
        client.getDocument(href, {}, nullptr,
                           [&](Result<QJsonObject, ApiError> result) { result.ok() ? ++succeeded : ++failed; });
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return succeeded + failed == 300; }, 60000));
    EXPECT_EQ(failed, 0);
    EXPECT_LE(fake.maxInFlight(), 5);
    const int answers = int(fake.requests().size());
    const int limited = fake.rateLimitedCount();
    EXPECT_LE(limited * 100, answers) << limited << " of " << answers << " answers were 429";
}
