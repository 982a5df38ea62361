// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <vector>

// MoySklad's limits, kept client-side so that we almost never see a 429: a bucket of requests (refilled
// continuously) and a cap on requests in flight. Pure bookkeeping on a monotonic time in ms: the client asks when
// it may send, and waits with a timer.
//
// The bucket counts requests, as MoySklad's headers do (X-RateLimit-Limit and X-RateLimit-Remaining are requests
// you may still send, not units). Before the first answer it is sized from the configured units and weight; then
// the server's headers win: Limit / X-Lognex-Retry-TimeInterval give the real size and refill (so a weight heavier
// than assumed is learnt from the first answer), and Remaining, projected to now, corrects the estimate after every
// answer. When Remaining keeps falling faster than our own requests explain, another client of the same user spends
// the budget: that share of the refill is learnt and left to it.
class RateLimiter final
{
public:
    struct Config
    {
        int units = 45;      // bucket size in units
        int windowMs = 3000; // the bucket refills completely in this time
        int weight = 4;      // units one request costs (user token from 2026-12-01; solution token: 1)
        int maxInFlight = 5; // parallel requests per user
    };

    // The rate headers of one answer; -1 where a header was missing.
    struct ServerLimits
    {
        int limit = -1;           // X-RateLimit-Limit: requests per interval
        int remaining = -1;       // X-RateLimit-Remaining: requests left
        qint64 intervalMs = -1;   // X-Lognex-Retry-TimeInterval
        qint64 retryAfterMs = -1; // X-Lognex-Retry-After, on a 429
    };

    RateLimiter();
    explicit RateLimiter(Config config);

    // 0 when a request may start now (and then it has been counted: lastTicket() names it, pass that to finished()
    // when its slot is free again), otherwise the ms to wait before asking again. -1 when the in-flight cap is
    // reached, or while the first request is out and no answer has told us the server's limits (wait for
    // finished()).
    qint64 tryAcquire(qint64 nowMs);
    // What tryAcquire would answer at nowMs, without counting a request: asked first when another limit (the
    // SharedRequestGate) must agree too, so that a refusal there costs this bucket nothing.
    qint64 wouldWait(qint64 nowMs);
    quint64 lastTicket() const { return m_tickets; }
    void finished(quint64 ticket);
    // The answer to the request `ticket`, sent at `sentAtMs`. Its Remaining is the server's count when that request
    // arrived, so the requests we sent after it and the refill since are accounted for.
    void observe(const ServerLimits &limits, quint64 ticket, qint64 sentAtMs, qint64 nowMs);
    // Shorthands for tests and for answers without a ticket.
    void observeRemaining(int remainingRequests, qint64 nowMs);
    void observeRetryAfter(qint64 retryAfterMs, qint64 nowMs);

    int inFlight() const { return int(m_inFlight.size()); }
    // Requests the bucket holds at nowMs (refilled to then, not counting a 429's block); negative when owed.
    double available(qint64 nowMs) const;
    const Config &config() const { return m_config; }
    double requestsPerWindow() const { return m_capacity; } // the bucket size in requests, learnt or configured
    double windowMs() const { return m_windowMs; }
    // Units one request costs, as learnt: the configured bucket over its size in requests (the configured weight until
    // the server has said otherwise).
    double unitsPerRequest() const { return double(std::max(1, m_config.units)) / std::max(1.0, m_capacity); }
    // Requests per second another client of the same user is seen to spend.
    double foreignRequestsPerSecond() const { return m_foreignPerMs * 1000.0; }

private:
    void refill(qint64 nowMs);
    double ownRatePerMs() const;

    Config m_config;
    double m_capacity = 0; // requests
    double m_windowMs = 0;
    double m_available = 0; // requests; negative when we owe the server (it already refused or will)
    double m_foreignPerMs = 0;
    qint64 m_lastRefillMs = 0;
    qint64 m_blockedUntilMs = 0;
    quint64 m_tickets = 0;
    std::vector<quint64> m_inFlight; // tickets, oldest first
    bool m_started = false;
    bool m_heardFromServer = false; // no rate headers seen yet
};
