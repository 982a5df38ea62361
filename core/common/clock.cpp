// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

QString Clock::isoText(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (!date.isValid() || date.year() < 1 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    char text[] = "0000-00-00T00:00:00.000Z";
    const auto put = [&text](int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char('0' + value % 10);
    };
    put(0, date.year(), 4);
    put(5, date.month(), 2);
    put(8, date.day(), 2);
    put(11, clock.hour(), 2);
    put(14, clock.minute(), 2);
    put(17, clock.second(), 2);
    put(20, clock.msec(), 3);
    return QString::fromLatin1(text, sizeof text - 1);
}

SystemClock::SystemClock()
{
    m_timer.start();
}

qint64 SystemClock::monotonicMs() const
{
    return m_timer.elapsed();
}

QDateTime SystemClock::utcNow() const
{
    return QDateTime::currentDateTimeUtc();
}
