// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>
#include <QtGlobal>

// MoySklad's limits are the account's, not a process's: several SkladHook processes on one account must share its
// parallel slots and its weighted bucket. A MoySkladClient asks this gate before each request, beside its own
// RateLimiter, and sends only when both agree. Implementations keep the count somewhere every process sees (the
// store's PostgreSQL: PostgresRequestGate). Called on the client's thread only.
class SharedRequestGate
{
public:
    // Names one taken slot, for release(); never 0.
    using SlotId = quint64;

    // What the gate answered: a slot (and room in the bucket, already spent), or how long to wait before asking again.
    struct Grant
    {
        SlotId slot = 0;   // 0: none taken
        qint64 waitMs = 0; // when no slot was taken: ask again after this long (≥ 1)
    };

    virtual ~SharedRequestGate() = default;

    // Take one of the account's parallel slots plus room for one request of `weightUnits` units in the account's
    // bucket. An error (the shared store unreachable) takes nothing: the caller decides whether to go on without it.
    virtual Result<Grant, QString> tryAcquire(double weightUnits) = 0;
    // The request's slot is free again: its answer came, or the server has surely stopped serving it. A slot the
    // gate has already lost (its connection went, which frees it for the others) is ignored.
    virtual void release(SlotId slot) = 0;

protected:
    SharedRequestGate() = default;
    SharedRequestGate(const SharedRequestGate &) = default;
    SharedRequestGate &operator=(const SharedRequestGate &) = default;
};
