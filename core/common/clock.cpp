// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
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
