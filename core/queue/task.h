// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hooks/executionmode.h"

#include <optional>
#include <QDateTime>
#include <QString>
#include <QUrl>

enum class TaskStatus { Pending, Running, Retrying, Dead, Done, Cancelled };
QString taskStatusName(TaskStatus status); // "pending" | "running" | "retrying" | "dead" | "done" | "cancelled"
std::optional<TaskStatus> parseTaskStatus(const QString &name);

// One event of a delivery, to be processed: fetch the document, apply it to the shop store.
struct Task final
{
    qint64 id = 0;
    QString entityType;
    QString action;
    QString documentId;
    QUrl href;
    QString requestId;
    int eventIndex = 0; // position in its delivery
    ExecutionMode mode = ExecutionMode::Immediate;
    TaskStatus status = TaskStatus::Pending;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QDateTime leaseUntil;
    qint64 leaseToken = 0; // fencing: a completion must carry the token of the claim it finishes
    QString lastError;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime finishedAt;

    QString hook() const { return entityType + QLatin1Char('/') + action; }
};

struct QueueStats final
{
    int pending = 0;
    int running = 0;
    int retrying = 0;
    int dead = 0;
    int done = 0;
    int cancelled = 0;
    QDateTime oldestPendingCreatedAt; // invalid when nothing waits
};

// One delivery as stored (table `deliveries`): the record of a stored delivery, which writes no log row. Its tasks
// carry the same requestId.
struct DeliveryRecord final
{
    QString requestId;
    QDateTime receivedAt;
    QString hook; // "customerorder/UPDATE", empty when the URL named none (or stored before schema 7)
    QString peer;
    int events = 0;
    qint64 writtenUs = -1; // arrival → written into the group transaction; -1 when not measured
};
