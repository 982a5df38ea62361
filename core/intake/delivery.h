// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// One event of a MoySklad delivery: only type, action and id are trusted; the document is fetched later.
struct DeliveryEvent final
{
    QString entityType; // meta.type: "customerorder"
    QString action;     // "CREATE" | "UPDATE" | "DELETE"
    QString documentId; // last path segment of meta.href
    QString href;       // meta.href, as MoySklad sent it
    QString accountId;
    QStringList updatedFields; // diffType FIELDS only
};

// One POST from MoySklad to a hook URL of ours.
struct Delivery final
{
    QString requestId;      // from ?requestId=; the deduplication key
    QString hookEntityType; // the hook the URL names (entity/action in our hook path), when it names one
    QString hookAction;
    QList<DeliveryEvent> events;
    QString auditUid; // auditContext.uid (the MoySklad login who made the change), may be empty
    QDateTime auditMoment;
    QString peer;          // remote address, for the log
    QDateTime receivedAt;  // UTC
    QElapsedTimer arrival; // started when the body was complete: how long storing it took (invalid: not measured)
};

enum class PersistOutcome {
    Stored,    // committed: answer 200
    Duplicate, // requestId seen before: answer 200, no new work
    Failed,    // could not be committed: answer 500 so that MoySklad retries
};

// Where the receiver hands a parsed delivery. persist() is called on a receiver thread; `done` must be
// called exactly once, from any thread, after the delivery is committed (or failed).
class DeliverySink
{
public:
    virtual ~DeliverySink() = default;
    virtual void persist(Delivery delivery, std::function<void(PersistOutcome)> done) = 0;
};
