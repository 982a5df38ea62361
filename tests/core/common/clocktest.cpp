// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/clock.h"

#include <gtest/gtest.h>
#include <QRandomGenerator>
#include <QTimeZone>

// The store's timestamps are compared as text (ORDER BY, <=): the hand-written form must be Qt's, character for
// character, or a due task would sort after one that is not.
TEST(Clock, IsoTextIsWhatQtWritesForUtcToTheMillisecond)
{
    QRandomGenerator random(20261130);
    const qint64 from = QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 to = QDateTime(QDate(2200, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
    for (int i = 0; i < 20000; ++i) {
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(random.bounded(from, to), Qt::UTC);
        ASSERT_EQ(Clock::isoText(time), time.toString(Qt::ISODateWithMs)) << time.toMSecsSinceEpoch();
    }
    EXPECT_EQ(Clock::isoText(QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 7), Qt::UTC)),
              QStringLiteral("2024-02-29T23:59:59.007Z"));
    // A time in another zone is written as its UTC instant.
    const QDateTime moscow(QDate(2026, 11, 30), QTime(15, 0), QTimeZone(3 * 3600));
    EXPECT_EQ(Clock::isoText(moscow), QStringLiteral("2026-11-30T12:00:00.000Z"));
    EXPECT_EQ(Clock::isoText(QDateTime()), QDateTime().toString(Qt::ISODateWithMs));
}
