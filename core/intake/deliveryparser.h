// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "intake/delivery.h"

#include <QByteArray>
#include <QString>

// Turns the body MoySklad posts to a hook URL into a Delivery (events and audit context only; the receiver
// fills in requestId, hook, peer and time). Nothing is trusted but type, action and id: strict shape checks.
class DeliveryParser final
{
public:
    static constexpr int DefaultMaxEvents = 5000;

    explicit DeliveryParser(int maxEvents = DefaultMaxEvents);

    // An error is one line for the log ("events[3].meta.href is not a document URL").
    Result<Delivery, QString> parse(const QByteArray &body) const;

    // "moysklad/customerorder/update" (the part of a hook path after the prefix) → ("customerorder", "UPDATE");
    // false when the path is not a hook path of ours.
    static bool parseHookPath(const QString &relativePath, QString *entityType, QString *action);

private:
    int m_maxEvents = DefaultMaxEvents;
};
