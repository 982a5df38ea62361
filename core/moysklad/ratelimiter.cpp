// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace {

// How much of a surprise in Remaining is taken as another client's spending, spread over one window. Small enough
// that the one-request rounding of the header does not make the estimate jump, large enough to settle in a few
// windows.
constexpr double foreignGain = 0.25;
// We never leave ourselves less than this share of the refill, so that a wrong guess still lets the server's
// answers correct it.
constexpr double minOwnShare = 0.05;
// While someone else spends the bucket too our estimate is only as good as our guess of their pace: one request is
// kept in reserve so that a guess a little short does not end in a 429. It changes the level, not the throughput.
constexpr double sharedReserve = 1.0;

} // namespace

RateLimiter::RateLimiter()
    : RateLimiter(Config{})
{}

RateLimiter::RateLimiter(Config config)
    : m_config(config)
    , m_capacity(double(std::max(1, config.units)) / std::max(1, config.weight))
    , m_windowMs(std::max(1, config.windowMs))
    , m_available(m_capacity)
{}

double RateLimiter::ownRatePerMs() const
{
    const double full = m_capacity / m_windowMs;
    return std::max(full * minOwnShare, full - m_foreignPerMs);
}

void RateLimiter::refill(qint64 nowMs)
{
    if (!m_started) {
        m_started = true;
        m_lastRefillMs = nowMs;
        return;
    }
    const qint64 elapsed = std::max<qint64>(0, nowMs - m_lastRefillMs);
    m_available = std::min(m_capacity, m_available + double(elapsed) * ownRatePerMs());
    m_lastRefillMs = nowMs;
}

double RateLimiter::available(qint64 nowMs) const
{
    if (!m_started)
        return m_capacity;
    const qint64 elapsed = std::max<qint64>(0, nowMs - m_lastRefillMs);
    return std::min(m_capacity, m_available + double(elapsed) * ownRatePerMs());
}

qint64 RateLimiter::tryAcquire(qint64 nowMs)
{
    const qint64 wait = wouldWait(nowMs);
    if (wait != 0)
        return wait;
    m_available -= 1.0;
    ++m_tickets;
    m_inFlight.push_back(m_tickets);
    return 0;
}

qint64 RateLimiter::wouldWait(qint64 nowMs)
{
    refill(nowMs);
    if (nowMs < m_blockedUntilMs)
        return m_blockedUntilMs - nowMs;
    if (int(m_inFlight.size()) >= m_config.maxInFlight)
        return -1;
    // Until the server has told us its limits, one request at a time: a burst sized by a guessed weight, or into a
    // bucket someone else is already spending, would be partly refused.
    if (!m_heardFromServer && !m_inFlight.empty())
        return -1;
    const double needed = 1.0 + (m_foreignPerMs > 0 ? std::min(sharedReserve, m_capacity - 1.0) : 0.0);
    if (m_available + 1e-9 < needed)
        return std::max<qint64>(1, qint64(std::ceil((needed - m_available) / ownRatePerMs())));
    return 0;
}

void RateLimiter::finished(quint64 ticket)
{
    const auto it = std::find(m_inFlight.begin(), m_inFlight.end(), ticket);
    if (it != m_inFlight.end())
        m_inFlight.erase(it);
}

void RateLimiter::observe(const ServerLimits &limits, quint64 ticket, qint64 sentAtMs, qint64 nowMs)
{
    refill(nowMs);
    m_heardFromServer = m_heardFromServer || limits.limit > 0 || limits.remaining >= 0;
    bool resized = false;
    if (limits.limit > 0) {
        // The real size of the bucket in requests: a weight heavier than configured shows here at once.
        resized = std::abs(m_capacity - limits.limit) > 1e-9;
        m_capacity = limits.limit;
        if (limits.intervalMs > 0)
            m_windowMs = double(limits.intervalMs);
        m_available = std::min(m_available, m_capacity);
    }
    if (limits.remaining >= 0) {
        // What the server had when this request arrived, less what we sent since, plus our refill since then. Those
        // sent before it and still in flight may have overtaken it on the way: counted as not seen yet.
        const double sentSince = ticket > 0 && ticket <= m_tickets ? double(m_tickets - ticket) : 0.0;
        const auto overtaking =
            std::count_if(m_inFlight.cbegin(), m_inFlight.cend(), [ticket](quint64 other) { return other < ticket; });
        const double refilled = double(std::max<qint64>(0, nowMs - sentAtMs)) * ownRatePerMs();
        const double server = std::min(m_capacity, limits.remaining + refilled) - sentSince - double(overtaking);
        // A shortfall our own requests do not explain is someone else's spending; a surplus means we gave them
        // too much. Both arrive rounded down to a request, which averages out over the answers.
        const double surprise = m_available - server;
        const double fullPerMs = m_capacity / m_windowMs;
        // A resized bucket explains the surprise by itself, and so does our caution after a 429 (a negative
        // estimate): nothing to learn about others from either.
        if (!resized && m_available >= 0)
            m_foreignPerMs =
                std::clamp(m_foreignPerMs + foreignGain * surprise / m_windowMs, 0.0, fullPerMs * (1.0 - minOwnShare));
        m_available = std::max(server, -m_capacity);
    }
    if (limits.retryAfterMs > 0)
        observeRetryAfter(limits.retryAfterMs, nowMs);
}

void RateLimiter::observeRemaining(int remainingRequests, qint64 nowMs)
{
    ServerLimits limits;
    limits.remaining = remainingRequests;
    observe(limits, m_tickets, nowMs, nowMs);
}

void RateLimiter::observeRetryAfter(qint64 retryAfterMs, qint64 nowMs)
{
    refill(nowMs);
    m_blockedUntilMs = std::max(m_blockedUntilMs, nowMs + retryAfterMs);
    // Retry-After is when the server has room for one request again, not for all we would refill meanwhile: a
    // burst at the end of the wait would be refused but for its first.
    m_available = std::min(m_available, 1.0 - double(retryAfterMs) * ownRatePerMs());
}
