// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queue/task.h"
#include "queue/taskqueue.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>

#include <optional>

// The queue's tasks as a table (TaskQueue::list), refreshed on demand. A refresh that keeps the same tasks in the
// same order only updates cells, so the view keeps its selection and scroll position.
class TaskListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        HookColumn,
        DocumentColumn,
        StatusColumn,
        AttemptsColumn,
        NextAttemptColumn,
        UpdatedColumn,
        LastErrorColumn,
        ColumnCount
    };
    enum Role { TaskIdRole = Qt::UserRole + 1, StatusRole };

    explicit TaskListModel(TaskQueue *queue = nullptr, QObject *parent = nullptr);

    void setQueue(TaskQueue *queue);
    TaskQueue *queue() const { return m_queue; }
    // Only tasks in this status; nullopt = all.
    void setStatusFilter(std::optional<TaskStatus> status);
    std::optional<TaskStatus> statusFilter() const { return m_filter.status; }
    // Only the tasks that match (status, hook, search text).
    void setFilter(const TaskFilter &filter);
    const TaskFilter &filter() const { return m_filter; }
    void setLimit(int limit) { m_limit = limit; }

    const Task &task(int row) const { return m_tasks.at(row); }
    int rowOfTask(qint64 id) const; // -1 when not listed
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(TaskStatus status);
    // A finished task says what it did: "Done" alone would hide a document gone from MoySklad.
    static QString statusText(TaskStatus status, TaskOutcome outcome);
    static QString outcomeText(TaskOutcome outcome);
    // A task's time as the Queue tab shows it: local, to the second; empty for none.
    static QString timeText(const QDateTime &at);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void readFailed(const QString &error);

private:
    QPointer<TaskQueue> m_queue;
    TaskFilter m_filter;
    int m_limit = 500;
    QList<Task> m_tasks;
    QString m_lastError;
};
