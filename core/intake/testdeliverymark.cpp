// SPDX-License-Identifier: GPL-3.0-or-later
#include "intake/testdeliverymark.h"

#include "common/logentry.h"

#include <QUuid>

namespace TestDeliveryMark {

namespace {
const QString category = QStringLiteral("intake");
// The start of the record's message: what isRecord() recognises.
const QString recordText = QStringLiteral("Test delivery received");
} // namespace

QString newRequestId()
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isMarked(const QString &requestId)
{
    return requestId.startsWith(QLatin1String(prefix));
}

LogEntry record(const QString &requestId, const QString &hook, const QString &peer, qsizetype events)
{
    return LogEntry::info(
               category,
               LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 from %2: %3 event(s), not queued (no task, no request to "
                                                       "MoySklad)"),
                       recordText, peer, events))
        .withRequestId(requestId)
        .withHook(hook);
}

bool isRecord(const LogEntry &entry, const QString &requestId)
{
    return entry.category == category && entry.requestId == requestId && isMarked(requestId) &&
           entry.message.startsWith(recordText);
}

} // namespace TestDeliveryMark
