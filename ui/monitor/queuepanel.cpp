// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuepanel.h"

#include "common/clock.h"
#include "models/tasklistmodel.h"
#include "queue/taskqueue.h"
#include "workspace/queueadmin.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {
const QList<TaskStatus> allStatuses{TaskStatus::Pending, TaskStatus::Running, TaskStatus::Retrying,
                                    TaskStatus::Dead,    TaskStatus::Done,    TaskStatus::Cancelled};

QString timeText(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}
} // namespace

QueuePanel::QueuePanel(QueueAdmin *admin, QWidget *parent, const Clock *clock)
    : QWidget(parent)
    , m_admin(admin)
    , m_clock(clock ? clock : &Clock::system())
    , m_model(new TaskListModel(admin ? admin->queue() : nullptr, this))
{
    auto *counts = new QGridLayout;
    for (int i = 0; i < allStatuses.size(); ++i) {
        const TaskStatus status = allStatuses.at(i);
        auto *value = new QLabel(QStringLiteral("0"), this);
        value->setObjectName(taskStatusName(status) + QStringLiteral("Count"));
        auto *name = new QLabel(this);
        counts->addWidget(name, 0, i);
        m_countNames.insert(status, name);
        counts->addWidget(value, 1, i);
        m_counts.insert(status, value);
    }

    m_oldestPending = new QLabel(this);
    m_oldestPending->setObjectName(QStringLiteral("oldestPending"));
    m_lastRun = new QLabel(this);
    m_lastRun->setObjectName(QStringLiteral("lastWorkerRun"));
    m_nextRun = new QLabel(this);
    m_nextRun->setObjectName(QStringLiteral("nextWorkerRun"));
    auto *times = new QFormLayout;
    m_oldestPendingLabel = new QLabel(this);
    m_lastRunLabel = new QLabel(this);
    m_nextRunLabel = new QLabel(this);
    times->addRow(m_oldestPendingLabel, m_oldestPending);
    times->addRow(m_lastRunLabel, m_lastRun);
    times->addRow(m_nextRunLabel, m_nextRun);

    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(QString(), QString());
    for (TaskStatus status : allStatuses)
        m_statusFilter->addItem(QString(), taskStatusName(status));

    m_retry = new QPushButton(this);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retryDead = new QPushButton(this);
    m_retryDead->setObjectName(QStringLiteral("retryDeadButton"));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_pause = new QPushButton(this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_statusFilter);
    actions->addStretch(1);
    actions->addWidget(m_retry);
    actions->addWidget(m_retryDead);
    actions->addWidget(m_cancel);
    actions->addWidget(m_pause);
    actions->addWidget(m_refreshButton);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("queueMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("taskView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("taskDetail"));
    m_detail->setReadOnly(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *top = new QHBoxLayout;
    top->addLayout(counts);
    top->addStretch(1);
    top->addLayout(times);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    retranslateUi();

    connect(m_retry, &QPushButton::clicked, this, &QueuePanel::retrySelected);
    connect(m_retryDead, &QPushButton::clicked, this, &QueuePanel::retryAllDead);
    connect(m_cancel, &QPushButton::clicked, this, &QueuePanel::cancelSelected);
    connect(m_refreshButton, &QPushButton::clicked, this, &QueuePanel::refresh);
    connect(m_pause, &QPushButton::clicked, this, &QueuePanel::togglePause);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setStatusFilter(parseTaskStatus(m_statusFilter->currentData().toString()));
        updateDetail();
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetail();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &QueuePanel::updateDetail);
    connect(m_model, &TaskListModel::readFailed, this, [this](const QString &error) { finishAction(false, error); });

    m_refresh.setInterval(2000);
    connect(&m_refresh, &QTimer::timeout, this, &QueuePanel::refresh);
    m_refresh.start();
    refresh();
}

void QueuePanel::setRefreshInterval(int ms)
{
    if (ms <= 0)
        m_refresh.stop();
    else
        m_refresh.start(ms);
}

qint64 QueuePanel::selectedTaskId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->task(current.row()).id : 0;
}

void QueuePanel::selectTask(qint64 id)
{
    const int row = m_model->rowOfTask(id);
    if (row < 0)
        return;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->selectRow(row);
}

void QueuePanel::showStatus(std::optional<TaskStatus> status)
{
    const int index = m_statusFilter->findData(status ? taskStatusName(*status) : QString());
    if (index >= 0)
        m_statusFilter->setCurrentIndex(index);
}

void QueuePanel::refresh()
{
    const qint64 selected = selectedTaskId();
    QueueStats stats;
    if (m_admin) {
        auto read = m_admin->stats();
        if (read.ok())
            stats = read.value();
        else
            finishAction(false, read.error());
    }
    updateStats(stats);
    m_model->refresh();
    if (selected != 0 && selectedTaskId() != selected)
        selectTask(selected); // a reset lost it
    updateDetail();
    updateActions();
}

void QueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The texts made from values: the counts' ages, the worker's times, the selected task, the buttons.
        if (m_admin)
            refresh();
        else
            updateActions();
    }
    QWidget::changeEvent(event);
}

void QueuePanel::retranslateUi()
{
    for (auto it = m_countNames.cbegin(); it != m_countNames.cend(); ++it)
        it.value()->setText(TaskListModel::statusText(it.key()));
    m_oldestPendingLabel->setText(tr("Oldest waiting task:"));
    m_lastRunLabel->setText(tr("Worker's last run:"));
    m_nextRunLabel->setText(tr("Worker's next run:"));
    if (m_workerTimesKnown) {
        setWorkerTimes(m_lastRunAt, m_nextRunAt);
    } else {
        m_lastRun->setText(tr("unknown"));
        m_nextRun->setText(tr("unknown"));
    }
    m_statusFilter->setItemText(0, tr("All tasks"));
    for (int i = 0; i < allStatuses.size(); ++i)
        m_statusFilter->setItemText(i + 1, TaskListModel::statusText(allStatuses.at(i)));
    m_retry->setText(tr("Retry"));
    m_retry->setToolTip(tr("Process the selected task again now, with its attempts reset"));
    m_retryDead->setText(tr("Retry all dead"));
    m_cancel->setText(tr("Cancel task"));
    m_refreshButton->setText(tr("Refresh"));
    m_detail->setPlaceholderText(tr("Select a task to see its attempts, errors and timings"));
}

void QueuePanel::updateStats(const QueueStats &stats)
{
    const QHash<TaskStatus, int> counts{
        {TaskStatus::Pending, stats.pending},   {TaskStatus::Running, stats.running},
        {TaskStatus::Retrying, stats.retrying}, {TaskStatus::Dead, stats.dead},
        {TaskStatus::Done, stats.done},         {TaskStatus::Cancelled, stats.cancelled}};
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        m_counts.value(it.key())->setText(QString::number(it.value()));
    m_deadCount = stats.dead;
    m_oldestPending->setText(stats.oldestPendingCreatedAt.isValid() ? ageText(stats.oldestPendingCreatedAt)
                                                                    : tr("nothing waits"));
}

QString QueuePanel::ageText(const QDateTime &since) const
{
    const qint64 seconds = qMax<qint64>(0, since.secsTo(m_clock->utcNow()));
    if (seconds < 60)
        return tr("%n second(s)", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%n minute(s)", nullptr, int(seconds / 60));
    if (seconds < 2 * 86400)
        return tr("%n hour(s)", nullptr, int(seconds / 3600));
    return tr("%n day(s)", nullptr, int(seconds / 86400));
}

void QueuePanel::setWorkerTimes(const QDateTime &lastRun, const QDateTime &nextRun)
{
    m_workerTimesKnown = true;
    m_lastRunAt = lastRun;
    m_nextRunAt = nextRun;
    m_lastRun->setText(lastRun.isValid() ? timeText(lastRun) : tr("not yet"));
    m_nextRun->setText(nextRun.isValid() ? timeText(nextRun) : tr("not scheduled"));
}

void QueuePanel::updateDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const Task &t = m_model->task(current.row());
    QStringList lines{
        tr("Task %1: %2, document %3").arg(t.id).arg(t.hook(), t.documentId),
        tr("Status: %1").arg(TaskListModel::statusText(t.status)),
        tr("Attempts: %1").arg(t.attempts),
        tr("Request: %1 (event %2)").arg(t.requestId).arg(t.eventIndex + 1),
        tr("Created: %1").arg(timeText(t.createdAt)),
        tr("Updated: %1").arg(timeText(t.updatedAt)),
    };
    if (t.nextAttemptAt.isValid() && (t.status == TaskStatus::Pending || t.status == TaskStatus::Retrying))
        lines.append(tr("Next attempt: %1").arg(timeText(t.nextAttemptAt)));
    if (t.status == TaskStatus::Running && t.leaseUntil.isValid())
        lines.append(tr("Leased until: %1").arg(timeText(t.leaseUntil)));
    if (t.finishedAt.isValid())
        lines.append(tr("Finished: %1").arg(timeText(t.finishedAt)));
    if (!t.lastError.isEmpty())
        lines.append(tr("Last error: %1").arg(t.lastError));
    lines.append(t.href.toString());
    m_detail->setPlainText(lines.join(QLatin1Char('\n')));
}

void QueuePanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const bool has = m_admin && current.isValid();
    const TaskStatus status = has ? m_model->task(current.row()).status : TaskStatus::Done;
    m_retry->setEnabled(
        has && (status == TaskStatus::Dead || status == TaskStatus::Cancelled || status == TaskStatus::Retrying));
    m_cancel->setEnabled(
        has && (status == TaskStatus::Pending || status == TaskStatus::Retrying || status == TaskStatus::Dead));
    m_retryDead->setEnabled(m_admin && m_deadCount > 0);
    // Paused from anywhere (the CLI too): the button shows the stored state.
    const bool paused = m_admin && m_admin->isPaused();
    m_pause->setEnabled(m_admin != nullptr);
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume processing") : tr("Pause processing"));
    m_refreshButton->setEnabled(m_admin != nullptr);
}

void QueuePanel::retrySelected()
{
    const qint64 id = selectedTaskId();
    if (!m_admin || id == 0)
        return;
    m_admin->retry(id, [this, guard = QPointer<QueuePanel>(this), id](Result<bool, QString> result) {
        if (!guard)
            return;
        if (!result.ok())
            finishAction(false, result.error());
        else if (result.value())
            finishAction(true, tr("Task %1 will be processed again.").arg(id));
        else
            finishAction(false, tr("Task %1 cannot be retried in its current status.").arg(id));
    });
}

void QueuePanel::retryAllDead()
{
    if (!m_admin)
        return;
    m_admin->retryDead([this, guard = QPointer<QueuePanel>(this)](Result<int, QString> result) {
        if (!guard)
            return;
        if (result.ok())
            finishAction(true, tr("%n dead task(s) will be processed again.", nullptr, result.value()));
        else
            finishAction(false, result.error());
    });
}

void QueuePanel::cancelSelected()
{
    const qint64 id = selectedTaskId();
    if (!m_admin || id == 0)
        return;
    m_admin->cancel(id, [this, guard = QPointer<QueuePanel>(this), id](Result<bool, QString> result) {
        if (!guard)
            return;
        if (!result.ok())
            finishAction(false, result.error());
        else if (result.value())
            finishAction(true, tr("Task %1 was cancelled.").arg(id));
        else
            finishAction(false, tr("Task %1 cannot be cancelled in its current status.").arg(id));
    });
}

void QueuePanel::togglePause()
{
    if (!m_admin)
        return;
    const bool pause = !m_admin->isPaused();
    const auto set = m_admin->setPaused(pause);
    if (!set.ok())
        finishAction(false, set.error());
    else
        finishAction(true, pause ? tr("Processing is paused: deliveries are still received and queued.")
                                 : tr("Processing resumed."));
}

void QueuePanel::finishAction(bool ok, const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    if (ok)
        refresh();
    Q_EMIT actionFinished(ok, message);
}
