// SPDX-License-Identifier: GPL-3.0-or-later
#include "tasklistmodel.h"

#include "displaytime.h"

#include <QLocale>

TaskListModel::TaskListModel(TaskQueue *queue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_queue(queue)
{
    refresh();
}

void TaskListModel::setQueue(TaskQueue *queue)
{
    m_queue = queue;
    refresh();
}

void TaskListModel::setStatusFilter(std::optional<TaskStatus> status)
{
    m_filter.status = status;
    refresh();
}

void TaskListModel::setFilter(const TaskFilter &filter)
{
    m_filter = filter;
    refresh();
}

void TaskListModel::refresh()
{
    QList<Task> tasks;
    if (m_queue) {
        auto listed = m_queue->list(m_filter, m_limit);
        if (!listed.ok()) {
            m_lastError = listed.error();
            Q_EMIT readFailed(m_lastError);
            return;
        }
        tasks = listed.value();
    }
    m_lastError.clear();
    const bool sameTasks =
        tasks.size() == m_tasks.size() && std::equal(tasks.cbegin(), tasks.cend(), m_tasks.cbegin(),
                                                     [](const Task &a, const Task &b) { return a.id == b.id; });
    if (sameTasks) {
        m_tasks = tasks;
        if (!m_tasks.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_tasks.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_tasks = tasks;
    endResetModel();
}

int TaskListModel::rowOfTask(qint64 id) const
{
    for (int row = 0; row < m_tasks.size(); ++row) {
        if (m_tasks.at(row).id == id)
            return row;
    }
    return -1;
}

int TaskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TaskListModel::statusText(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Pending:
        return tr("Pending");
    case TaskStatus::Running:
        return tr("Running");
    case TaskStatus::Retrying:
        return tr("Retrying");
    case TaskStatus::Dead:
        return tr("Dead");
    case TaskStatus::Done:
        return tr("Done");
    case TaskStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString TaskListModel::outcomeText(TaskOutcome outcome)
{
    switch (outcome) {
    case TaskOutcome::None:
        return {};
    case TaskOutcome::Applied:
        return tr("Applied");
    case TaskOutcome::Deleted:
        return tr("Marked deleted");
    case TaskOutcome::Gone:
        return tr("Gone from MoySklad");
    case TaskOutcome::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString TaskListModel::statusText(TaskStatus status, TaskOutcome outcome)
{
    if (status != TaskStatus::Done || outcome == TaskOutcome::None || outcome == TaskOutcome::Applied)
        return statusText(status);
    return tr("Done: %1").arg(outcomeText(outcome));
}

QString TaskListModel::timeText(const QDateTime &at)
{
    return DisplayTime::text(at);
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task &t = m_tasks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return t.id;
        case HookColumn:
            return t.hook();
        case DocumentColumn:
            return t.documentId;
        case StatusColumn:
            return statusText(t.status, t.outcome);
        case AttemptsColumn:
            return t.attempts;
        case NextAttemptColumn:
            return t.status == TaskStatus::Pending || t.status == TaskStatus::Retrying ? timeText(t.nextAttemptAt)
                                                                                       : QString();
        case UpdatedColumn:
            return timeText(t.updatedAt);
        case LastErrorColumn:
            return t.lastError;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && t.outcome == TaskOutcome::Gone)
            return tr("MoySklad no longer has this document (it was deleted there): the shop store marks it deleted");
        return index.column() == LastErrorColumn && !t.lastError.isEmpty() ? t.lastError : QVariant();
    case TaskIdRole:
        return t.id;
    case StatusRole:
        return taskStatusName(t.status);
    }
    return {};
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case HookColumn:
        return tr("Hook");
    case DocumentColumn:
        return tr("Document");
    case StatusColumn:
        return tr("Status");
    case AttemptsColumn:
        return tr("Attempts");
    case NextAttemptColumn:
        return tr("Next attempt");
    case UpdatedColumn:
        return tr("Updated");
    case LastErrorColumn:
        return tr("Last error");
    }
    return {};
}
