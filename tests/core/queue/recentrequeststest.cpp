// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/recentrequests.h"

#include <gtest/gtest.h>

TEST(RecentRequests, KnowsWhatWasAddedAndForgetsWhatWasRemoved)
{
    RecentRequests recent;
    recent.add(QStringLiteral("r1"), 1000);
    EXPECT_TRUE(recent.contains(QStringLiteral("r1")));
    EXPECT_FALSE(recent.contains(QStringLiteral("r2")));
    recent.remove(QStringLiteral("r1")); // its transaction did not commit
    EXPECT_FALSE(recent.contains(QStringLiteral("r1")));
}

TEST(RecentRequests, ForgetsWhatIsOlderThanItsWindowAndBeyondItsCapacity)
{
    RecentRequests byTime(100, 1000);
    byTime.add(QStringLiteral("old"), 0);
    byTime.add(QStringLiteral("kept"), 700);
    byTime.add(QStringLiteral("new"), 1600); // 600 ms and earlier are out of the window
    EXPECT_FALSE(byTime.contains(QStringLiteral("old")));
    EXPECT_TRUE(byTime.contains(QStringLiteral("kept")));
    EXPECT_TRUE(byTime.contains(QStringLiteral("new")));

    RecentRequests byCount(3, 3600 * 1000);
    for (int i = 0; i < 5; ++i)
        byCount.add(QStringLiteral("r%1").arg(i), i);
    EXPECT_EQ(byCount.size(), 3);
    EXPECT_FALSE(byCount.contains(QStringLiteral("r1")));
    EXPECT_TRUE(byCount.contains(QStringLiteral("r2")));
    EXPECT_TRUE(byCount.contains(QStringLiteral("r4")));
}

// A delivery not committed is removed; its retry, stored, adds it again: the first entry's turn to go must not take
// the second with it.
TEST(RecentRequests, AnIdAddedAgainOutlivesItsFirstEntry)
{
    RecentRequests recent(2, 3600 * 1000);
    recent.add(QStringLiteral("retried"), 1);
    recent.remove(QStringLiteral("retried"));
    recent.add(QStringLiteral("retried"), 2);
    recent.add(QStringLiteral("other"), 3); // three entries for two places: the first (stale) one goes
    EXPECT_TRUE(recent.contains(QStringLiteral("retried")));
    EXPECT_TRUE(recent.contains(QStringLiteral("other")));
    recent.add(QStringLiteral("third"), 4);
    EXPECT_FALSE(recent.contains(QStringLiteral("retried")));
}
