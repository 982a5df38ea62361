// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct LogEntry;

// A test delivery (`skladhook-cli ping`, "Send a test delivery") is a MoySklad-shaped POST whose requestId carries a
// mark. The receiver checks it like any delivery (path, verification string, body) and answers 200, but hands it to
// no sink: it never becomes a task and never reaches MoySklad. It only leaves one diagnostics-log row, so that the
// process that sent it (often not the one serving) can see that this data directory's receiver got it.
namespace TestDeliveryMark {

inline constexpr char prefix[] = "skladhook-ping-";

// A fresh marked requestId: the prefix and a UUID.
QString newRequestId();
bool isMarked(const QString &requestId);

// The log row the receiver writes for a marked delivery (category intake, the requestId, `peer` in the message).
LogEntry record(const QString &requestId, const QString &hook, const QString &peer, qsizetype events);
// Is `entry` that row (and not, say, a refusal of the same requestId, or the sender's own note about it)?
bool isRecord(const LogEntry &entry, const QString &requestId);

} // namespace TestDeliveryMark
