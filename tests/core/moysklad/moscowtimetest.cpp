// SPDX-License-Identifier: GPL-3.0-or-later
#include "moysklad/moscowtime.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <gtest/gtest.h>

TEST(MoscowTime, AMomentIsReadAsUtcThreeHoursEarlier)
{
    EXPECT_EQ(MoscowTime::parse(QStringLiteral("2026-03-02 01:15:30.250")),
              QDateTime(QDate(2026, 3, 1), QTime(22, 15, 30, 250), Qt::UTC));
    const QDateTime read = MoscowTime::parse(QStringLiteral("2026-12-01 10:00:00"));
    EXPECT_EQ(read.timeSpec(), Qt::UTC);
    EXPECT_EQ(read, QDateTime(QDate(2026, 12, 1), QTime(7, 0), Qt::UTC));
}

TEST(MoscowTime, ReadsWhatQtsOwnParserReadsForRandomInstantsAndFormatGivesItBack)
{
    // Qt's format parser with the fixed zone is the reference; parse() reads the fields by position instead.
    const QTimeZone moscow(3 * 3600);
    QRandomGenerator random(20261130);
    for (int i = 0; i < 5000; ++i) {
        const qint64 ms = qint64(random.bounded(4'000'000'000.0)) * 1000 + random.bounded(1000);
        const QDateTime instant = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        const QString withMs = MoscowTime::format(instant, MoscowTime::Precision::Milliseconds);
        const QString seconds = MoscowTime::format(instant);
        QDateTime reference = QDateTime::fromString(withMs, QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        reference.setTimeZone(moscow);
        ASSERT_EQ(MoscowTime::parse(withMs), reference.toUTC()) << withMs.toStdString();
        ASSERT_EQ(MoscowTime::parse(withMs), instant) << withMs.toStdString();
        ASSERT_EQ(MoscowTime::parse(seconds), instant.addMSecs(-(ms % 1000))) << seconds.toStdString();
    }
}

TEST(MoscowTime, AnythingNotInMoySkladsFormIsInvalid)
{
    for (const char16_t *bad :
         {u"2026-13-01 10:00:00", u"2026-12-01T10:00:00", u"yesterday", u"", u"2026-02-29 10:00:00",
          u"2026-12-01 24:00:00", u"2026-12-01 10:60:00", u"2026-12-01 10:00:00,250", u"2026-12-01 1a:00:00",
          u"+026-12-01 10:00:00", u"2026-12-01 10:00:00.2x0", u"２026-12-01 10:00:00", u"2026-1-01 10:00:00",
          u"2026-12-01 10:00:00.25", u"2026-12-01 10:00:00 ", u"2026-12-01 10:00:00+03"})
        EXPECT_FALSE(MoscowTime::parse(QString::fromUtf16(bad)).isValid()) << QString::fromUtf16(bad).toStdString();
}
