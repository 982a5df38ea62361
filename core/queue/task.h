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

// What a finished task did to the shop store (tasks.outcome): a task whose document MoySklad no longer has is not
// "processed" like one whose document was applied.
enum class TaskOutcome { None, Applied, Deleted, Gone, Skipped };
QString taskOutcomeName(TaskOutcome outcome); // "" | "applied" | "deleted" | "gone" | "skipped"
TaskOutcome parseTaskOutcome(const QString &name);

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
    TaskOutcome outcome = TaskOutcome::None; // set when done

    QString hook() const { return entityType + QLatin1Char('/') + action; }
};

// One attempt at a task (table task_attempts): from its claim to its outcome.
struct TaskAttempt final
{
    qint64 taskId = 0;
    int attempt = 0; // 1, 2, … in the task's history (a manual retry resets the task's count, not this)
    QDateTime startedAt;
    QDateTime finishedAt;
    int httpStatus = 0;                   // MoySklad's answer; 0 when no request was needed or none was answered
    TaskStatus status = TaskStatus::Done; // what the attempt left the task in: done, retrying, dead or pending
    TaskOutcome outcome = TaskOutcome::None;
    QString error;

    qint64 durationMs() const { return startedAt.msecsTo(finishedAt); }
};

// Which tasks a list or a bulk action covers; every part that is set must match.
struct TaskFilter final
{
    std::optional<TaskStatus> status;
    QString hook; // "customerorder/UPDATE"
    // Any of: the task id, its request id, its document's id or number (the shop store's name), its hook, or words
    // of its last error.
    QString text;
};

// The bulk actions over a filter, and the statuses each one changes.
enum class BulkAction { Retry, Cancel };

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
