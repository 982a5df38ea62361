// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

RateLimiter::RateLimiter()
    : RateLimiter(Config{})
{}

RateLimiter::RateLimiter(Config config)
    : m_config(config)
    , m_available(config.units)
{}

void RateLimiter::refill(qint64 nowMs)
{
    if (!m_started) {
        m_started = true;
        m_lastRefillMs = nowMs;
        return;
    }
    const qint64 elapsed = std::max<qint64>(0, nowMs - m_lastRefillMs);
    m_available = std::min<double>(m_config.units,
                                   m_available + double(elapsed) * m_config.units / std::max(1, m_config.windowMs));
    m_lastRefillMs = nowMs;
}

qint64 RateLimiter::tryAcquire(qint64 nowMs)
{
    refill(nowMs);
    if (nowMs < m_blockedUntilMs)
        return m_blockedUntilMs - nowMs;
    if (m_inFlight >= m_config.maxInFlight)
        return -1;
    if (m_available + 1e-9 < m_config.weight) {
        const double missing = m_config.weight - m_available;
        return std::max<qint64>(1, qint64(std::ceil(missing * m_config.windowMs / m_config.units)));
    }
    m_available -= m_config.weight;
    ++m_inFlight;
    return 0;
}

void RateLimiter::finished()
{
    m_inFlight = std::max(0, m_inFlight - 1);
}

void RateLimiter::observeRemaining(int remainingUnits, qint64 nowMs)
{
    refill(nowMs);
    // The server counts requests of other clients of the same user too: never believe we have more.
    m_available = std::min<double>(m_available, remainingUnits);
}

void RateLimiter::observeRetryAfter(qint64 retryAfterMs, qint64 nowMs)
{
    refill(nowMs);
    m_blockedUntilMs = std::max(m_blockedUntilMs, nowMs + retryAfterMs);
    m_available = 0;
}
