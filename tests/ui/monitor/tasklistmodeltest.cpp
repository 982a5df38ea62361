// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tasklistmodel.h"
#include "await.h"
#include "monitorfixture.h"
#include "queue/taskqueue.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

namespace {
class TaskListModelTest : public MonitorFixture
{
protected:
    void enqueue(const QString &requestId, int events)
    {
        Delivery d;
        d.requestId = requestId;
        for (int i = 0; i < events; ++i) {
            DeliveryEvent e;
            e.entityType = QStringLiteral("customerorder");
            e.action = QStringLiteral("UPDATE");
            e.documentId = QStringLiteral("%1-doc-%2").arg(requestId).arg(i);
            e.href = QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/customerorder/%1").arg(i);
            d.events.append(e);
        }
        awaitResult<TaskQueue::Enqueued>([&](auto done) {
            queue.enqueue(
                d, [](const QString &, const QString &) { return ExecutionMode::Queued; }, done);
        });
    }

    TaskQueue queue{&writer, TaskQueue::Policy{}};
};
} // namespace

TEST_F(TaskListModelTest, ListsTasksAndFollowsTheStatusFilter)
{
    TaskListModel model(&queue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    EXPECT_EQ(model.rowCount(), 0);
    enqueue(QStringLiteral("r1"), 3);
    model.refresh();
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, TaskListModel::HookColumn).data().toString(), QStringLiteral("customerorder/UPDATE"));
    EXPECT_EQ(model.index(0, TaskListModel::StatusColumn).data(TaskListModel::StatusRole).toString(),
              QStringLiteral("pending"));

    model.setStatusFilter(TaskStatus::Dead);
    EXPECT_EQ(model.rowCount(), 0);
    model.setStatusFilter(TaskStatus::Pending);
    EXPECT_EQ(model.rowCount(), 3);
    const qint64 id = model.task(1).id;
    EXPECT_EQ(model.rowOfTask(id), 1);
}

TEST_F(TaskListModelTest, ARefreshWithTheSameTasksKeepsRows)
{
    enqueue(QStringLiteral("r1"), 2);
    TaskListModel model(&queue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.refresh();
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(changes.count(), 1);
    enqueue(QStringLiteral("r2"), 1);
    model.refresh();
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(resets.count(), 1);
}
