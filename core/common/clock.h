// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QElapsedTimer>

// Time is injected so that rate limits, leases and backoff can be tested by moving time.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds on a monotonic clock: for intervals, never for display.
    virtual qint64 monotonicMs() const = 0;
    // Wall-clock time in UTC: for timestamps stored or shown.
    virtual QDateTime utcNow() const = 0;

    // The process-wide real clock.
    static const Clock &system();

    // `time` in UTC as the store keeps timestamps: "2026-11-30T12:15:00.250Z", what
    // QDateTime::toString(Qt::ISODateWithMs) writes for UTC, without its cost (two of them on every delivery).
    static QString isoText(const QDateTime &time);
};

class SystemClock final : public Clock
{
public:
    SystemClock();
    qint64 monotonicMs() const override;
    QDateTime utcNow() const override;

private:
    QElapsedTimer m_timer;
};
