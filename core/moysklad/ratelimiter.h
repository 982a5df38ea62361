// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// MoySklad's limits, kept client-side so that we almost never see a 429:
// a weighted token bucket (units per window, refilled continuously) and a cap on requests in flight.
// Pure bookkeeping on a monotonic time in ms: the client asks when it may send, and waits with a timer.
class RateLimiter final
{
public:
    struct Config
    {
        int units = 45;      // bucket size
        int windowMs = 3000; // the bucket refills completely in this time
        int weight = 4;      // units one request costs (user token from 2026-12-01; solution token: 1)
        int maxInFlight = 5; // parallel requests per user
    };

    RateLimiter();
    explicit RateLimiter(Config config);

    // 0 when a request may start now (and then it has been counted: call finished() later),
    // otherwise the ms to wait before asking again. -1 when the in-flight cap is reached (wait for finished()).
    qint64 tryAcquire(qint64 nowMs);
    void finished();
    // Server's view wins: X-RateLimit-Remaining, and X-Lognex-Retry-After on a 429.
    void observeRemaining(int remainingUnits, qint64 nowMs);
    void observeRetryAfter(qint64 retryAfterMs, qint64 nowMs);

    int inFlight() const { return m_inFlight; }
    const Config &config() const { return m_config; }

private:
    void refill(qint64 nowMs);

    Config m_config;
    double m_available = 0;
    qint64 m_lastRefillMs = 0;
    qint64 m_blockedUntilMs = 0;
    int m_inFlight = 0;
    bool m_started = false;
};
