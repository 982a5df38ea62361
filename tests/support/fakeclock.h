// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"

// A clock the test moves by hand.
class FakeClock final : public Clock
{
public:
    qint64 monotonicMs() const override { return m_ms; }
    QDateTime utcNow() const override { return m_start.addMSecs(m_ms); }
    void advance(qint64 ms) { m_ms += ms; }
    // From now on utcNow() continues from `at`; monotonic time goes on as it was.
    void setUtc(const QDateTime &at) { m_start = at.addMSecs(-m_ms); }

private:
    qint64 m_ms = 1000;
    QDateTime m_start = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
};
