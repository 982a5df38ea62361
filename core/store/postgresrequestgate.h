// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "moysklad/ratelimiter.h"
#include "moysklad/sharedrequestgate.h"
#include "store/storeconnection.h"

#include <QDeadlineTimer>
#include <QString>
#include <QVariantList>

#include <optional>
#include <vector>

// MoySklad's account-wide limits kept in the shared PostgreSQL store, so that every SkladHook process on the account
// stays within them together.
//
// Parallel slots are session-level advisory locks (advisoryNamespace, slot) for slot 0 … maxInFlight-1: a process
// that crashes or loses its connection frees its slots with the session, without anyone cleaning up. The weighted
// bucket is one row of `rate_bucket` (schema step 11), a leaky bucket whose level drains at units per window and
// which one UPDATE fills by a request's weight only when it fits, on the database's clock (clock_timestamp()), so
// the machines' clocks never matter.
//
// It has its own connection, opened from the store URL on the first tryAcquire() on the thread that calls it (the
// client's; a Qt SQL connection belongs to its thread). When the database fails, tryAcquire() says so (the client
// then keeps its own limits), the connection is dropped (its slots with it) and opened again reconnectMs later.
class PostgresRequestGate final : public SharedRequestGate
{
public:
    // The first key of every slot's advisory lock ("SKLD"), so that they never collide with another program's
    // advisory locks on the same database.
    static constexpr int advisoryNamespace = 0x534B4C44;

    // `limits`: the account's limits, as the client is configured (maxInFlight, units, windowMs; the weight comes
    // with each request).
    PostgresRequestGate(QString storeUrl, const RateLimiter::Config &limits);
    ~PostgresRequestGate() override; // closes the connection: PostgreSQL frees its slots
    PostgresRequestGate(const PostgresRequestGate &) = delete;
    PostgresRequestGate &operator=(const PostgresRequestGate &) = delete;

    Result<Grant, QString> tryAcquire(double weightUnits) override;
    void release(SlotId slot) override;

    // All slots taken by others: ask again after about this long (default 20 ms; jittered so that waiting processes
    // do not ask in step).
    void setBusyPollMs(int ms) { m_busyPollMs = std::max(1, ms); }
    // After a failure the database is tried again this long later (default 5 s); tryAcquire() fails at once meanwhile.
    void setReconnectMs(int ms) { m_reconnectMs = std::max(0, ms); }
    int heldSlots() const { return int(m_held.size()); }

private:
    Result<Done, QString> connectIfNeeded();
    // Runs one statement on the gate's connection: the first row's values, or the error.
    Result<QVariantList, QString> run(const QString &sql);
    QString failed(const QString &error); // drops the connection and returns the error
    void disconnect();

    StoreConnection m_connection; // its session holds the slots
    int m_maxInFlight = 5;
    double m_units = 45;
    double m_windowMs = 3000;
    int m_busyPollMs = 20;
    int m_reconnectMs = 5000;
    std::vector<int> m_held; // slots this connection's session holds
    QDeadlineTimer m_retryAt{0};
    QString m_lastError;
};
