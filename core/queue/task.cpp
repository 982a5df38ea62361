// SPDX-License-Identifier: GPL-3.0-or-later
#include "task.h"

QString taskStatusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Pending:
        return QStringLiteral("pending");
    case TaskStatus::Running:
        return QStringLiteral("running");
    case TaskStatus::Retrying:
        return QStringLiteral("retrying");
    case TaskStatus::Dead:
        return QStringLiteral("dead");
    case TaskStatus::Done:
        return QStringLiteral("done");
    case TaskStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<TaskStatus> parseTaskStatus(const QString &name)
{
    for (TaskStatus status : {TaskStatus::Pending, TaskStatus::Running, TaskStatus::Retrying, TaskStatus::Dead,
                              TaskStatus::Done, TaskStatus::Cancelled}) {
        if (taskStatusName(status) == name)
            return status;
    }
    return std::nullopt;
}

QString taskOutcomeName(TaskOutcome outcome)
{
    switch (outcome) {
    case TaskOutcome::None:
        return {};
    case TaskOutcome::Applied:
        return QStringLiteral("applied");
    case TaskOutcome::Deleted:
        return QStringLiteral("deleted");
    case TaskOutcome::Gone:
        return QStringLiteral("gone");
    case TaskOutcome::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

TaskOutcome parseTaskOutcome(const QString &name)
{
    for (TaskOutcome outcome : {TaskOutcome::Applied, TaskOutcome::Deleted, TaskOutcome::Gone, TaskOutcome::Skipped}) {
        if (taskOutcomeName(outcome) == name)
            return outcome;
    }
    return TaskOutcome::None;
}
