// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuepanel.h"

#include "common/clock.h"
#include "hooks/hookcatalog.h"
#include "models/tasklistmodel.h"
#include "queue/taskqueue.h"
#include "widgets/emptystatelabel.h"
#include "workspace/queueadmin.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
const QList<TaskStatus> allStatuses{TaskStatus::Pending, TaskStatus::Running, TaskStatus::Retrying,
                                    TaskStatus::Dead,    TaskStatus::Done,    TaskStatus::Cancelled};
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
    m_hookFilter = new QComboBox(this);
    m_hookFilter->setObjectName(QStringLiteral("hookFilter"));
    m_hookFilter->addItem(QString(), QString());
    for (const HookSpec &hook : HookCatalog::all())
        m_hookFilter->addItem(hook.key(), hook.key());
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit")); // Ctrl+F finds it
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    // Typing searches after a pause, not at every key: each search is a query.
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);

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
    m_retryMatching = new QPushButton(this);
    m_retryMatching->setObjectName(QStringLiteral("retryMatchingButton"));
    m_cancelMatching = new QPushButton(this);
    m_cancelMatching->setObjectName(QStringLiteral("cancelMatchingButton"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_statusFilter, 1);
    filters->addWidget(m_hookFilter, 1);
    filters->addWidget(m_retryMatching);
    filters->addWidget(m_cancelMatching);
    auto *actions = new QHBoxLayout;
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
    // At most a few hundred rows: every column fits its content, the last error takes the rest.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TaskListModel::LastErrorColumn, QHeaderView::Stretch);
    m_empty = new EmptyStateLabel(m_view);

    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("taskDetail"));
    m_detail->setReadOnly(true);
    m_attempts = new QTableWidget(0, 6, this);
    m_attempts->setObjectName(QStringLiteral("attemptsView"));
    m_attempts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attempts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attempts->verticalHeader()->hide();
    m_attempts->horizontalHeader()->setStretchLastSection(true);
    auto *details = new QSplitter(Qt::Horizontal, this);
    details->addWidget(m_detail);
    details->addWidget(m_attempts);
    details->setStretchFactor(0, 1);
    details->setStretchFactor(1, 2);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *top = new QHBoxLayout;
    top->addLayout(counts);
    top->addStretch(1);
    top->addLayout(times);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    retranslateUi();

    connect(m_retry, &QPushButton::clicked, this, &QueuePanel::retrySelected);
    connect(m_retryDead, &QPushButton::clicked, this, &QueuePanel::retryAllDead);
    connect(m_cancel, &QPushButton::clicked, this, &QueuePanel::cancelSelected);
    connect(m_refreshButton, &QPushButton::clicked, this, &QueuePanel::refresh);
    connect(m_pause, &QPushButton::clicked, this, &QueuePanel::togglePause);
    connect(m_retryMatching, &QPushButton::clicked, this, &QueuePanel::retryMatching);
    connect(m_cancelMatching, &QPushButton::clicked, this, &QueuePanel::cancelMatching);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &QueuePanel::applyFilter);
    connect(m_hookFilter, &QComboBox::currentIndexChanged, this, &QueuePanel::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &QueuePanel::applyFilter);
    connect(&m_searchDelay, &QTimer::timeout, this, &QueuePanel::applyFilter);
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

void QueuePanel::search(const QString &text)
{
    m_search->setText(text);
    applyFilter();
}

void QueuePanel::showHook(const QString &hook)
{
    const int index = m_hookFilter->findData(hook);
    if (index >= 0)
        m_hookFilter->setCurrentIndex(index);
}

void QueuePanel::applyFilter()
{
    m_searchDelay.stop();
    TaskFilter filter;
    filter.status = parseTaskStatus(m_statusFilter->currentData().toString());
    filter.hook = m_hookFilter->currentData().toString();
    filter.text = m_search->text().trimmed();
    m_model->setFilter(filter);
    sayWhyEmpty();
    updateDetail();
    updateActions();
}

void QueuePanel::sayWhyEmpty()
{
    const bool filtered =
        m_statusFilter->currentIndex() > 0 || m_hookFilter->currentIndex() > 0 || !m_search->text().trimmed().isEmpty();
    m_empty->setMessage(filtered ? tr("No task matches the filter.")
                                 : tr("No tasks yet. Each event MoySklad delivers becomes a task here; finished ones "
                                      "are kept for the retention period."));
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
    sayWhyEmpty();
    m_hookFilter->setItemText(0, tr("All hooks"));
    m_search->setPlaceholderText(tr("Search: document number or id, request id, hook, error text"));
    m_search->setAccessibleName(tr("Search tasks"));
    m_retryMatching->setText(tr("Retry &matching…"));
    m_retryMatching->setToolTip(tr("Process again every dead, cancelled or retrying task that matches the filter"));
    m_cancelMatching->setText(tr("Cancel ma&tching…"));
    m_cancelMatching->setToolTip(tr("Cancel every pending, retrying or dead task that matches the filter"));
    m_attempts->setHorizontalHeaderLabels(
        {tr("Attempt"), tr("Started"), tr("Duration"), tr("HTTP status"), tr("Result"), tr("Error")});
    for (int i = 0; i < allStatuses.size(); ++i)
        m_statusFilter->setItemText(i + 1, TaskListModel::statusText(allStatuses.at(i)));
    m_retry->setText(tr("&Retry"));
    m_retry->setToolTip(tr("Process the selected task again now, with its attempts reset"));
    m_retryDead->setText(tr("Retry all &dead"));
    m_cancel->setText(tr("Cancel t&ask"));
    m_refreshButton->setText(tr("Refres&h"));
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
    m_lastRun->setText(lastRun.isValid() ? TaskListModel::timeText(lastRun) : tr("not yet"));
    m_nextRun->setText(nextRun.isValid() ? TaskListModel::timeText(nextRun) : tr("not scheduled"));
}

void QueuePanel::updateDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        updateAttempts(0);
        return;
    }
    const Task &t = m_model->task(current.row());
    updateAttempts(t.id);
    QStringList lines{
        tr("Task %1: %2, document %3").arg(t.id).arg(t.hook(), t.documentId),
        tr("Status: %1").arg(TaskListModel::statusText(t.status, t.outcome)),
        tr("Attempts: %1").arg(t.attempts),
        tr("Request: %1 (event %2)").arg(t.requestId).arg(t.eventIndex + 1),
        tr("Created: %1").arg(TaskListModel::timeText(t.createdAt)),
        tr("Updated: %1").arg(TaskListModel::timeText(t.updatedAt)),
    };
    if (t.nextAttemptAt.isValid() && (t.status == TaskStatus::Pending || t.status == TaskStatus::Retrying))
        lines.append(tr("Next attempt: %1").arg(TaskListModel::timeText(t.nextAttemptAt)));
    if (t.status == TaskStatus::Running && t.leaseUntil.isValid())
        lines.append(tr("Leased until: %1").arg(TaskListModel::timeText(t.leaseUntil)));
    if (t.finishedAt.isValid())
        lines.append(tr("Finished: %1").arg(TaskListModel::timeText(t.finishedAt)));
    if (!t.lastError.isEmpty())
        lines.append(tr("Last error: %1").arg(t.lastError));
    lines.append(t.href.toString());
    m_detail->setPlainText(lines.join(QLatin1Char('\n')));
}

void QueuePanel::updateAttempts(qint64 taskId)
{
    QList<TaskAttempt> attempts;
    if (m_admin && taskId != 0) {
        auto read = m_admin->attempts(taskId);
        if (read.ok())
            attempts = read.value();
    }
    // Rows are kept while nothing changed, so a refresh does not lose the user's selection in the history.
    if (taskId == m_attemptsOf && attempts.size() == m_attemptsShown)
        return;
    m_attemptsOf = taskId;
    m_attemptsShown = int(attempts.size());
    m_attempts->setRowCount(int(attempts.size()));
    for (int row = 0; row < attempts.size(); ++row) {
        const TaskAttempt &attempt = attempts.at(row);
        const QString result = attempt.status == TaskStatus::Done
                                   ? TaskListModel::statusText(attempt.status, attempt.outcome)
                                   : TaskListModel::statusText(attempt.status);
        const QStringList cells{
            QString::number(attempt.attempt),
            TaskListModel::timeText(attempt.startedAt),
            tr("%1 ms").arg(attempt.durationMs()),
            attempt.httpStatus > 0 ? QString::number(attempt.httpStatus) : tr("no request"),
            result,
            attempt.error,
        };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == cells.size() - 1 && !attempt.error.isEmpty())
                item->setToolTip(attempt.error);
            m_attempts->setItem(row, column, item);
        }
    }
    m_attempts->resizeColumnsToContents();
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
    m_retryMatching->setEnabled(m_admin != nullptr);
    m_cancelMatching->setEnabled(m_admin != nullptr);
    // Paused from anywhere (the CLI too): the button shows the stored state.
    const bool paused = m_admin && m_admin->isPaused();
    m_pause->setEnabled(m_admin != nullptr);
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume &processing") : tr("&Pause processing"));
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

void QueuePanel::retryMatching()
{
    applyToMatching(BulkAction::Retry);
}

void QueuePanel::cancelMatching()
{
    applyToMatching(BulkAction::Cancel);
}

void QueuePanel::applyToMatching(BulkAction action)
{
    if (!m_admin)
        return;
    applyFilter(); // what the fields say now, even within the typing pause
    const TaskFilter filter = m_model->filter();
    const auto count = m_admin->countMatching(action, filter);
    if (!count.ok()) {
        finishAction(false, count.error());
        return;
    }
    const bool retry = action == BulkAction::Retry;
    if (count.value() == 0) {
        finishAction(false, retry ? tr("No task that matches the filter can be retried (only dead, cancelled and "
                                       "retrying tasks can).")
                                  : tr("No task that matches the filter can be cancelled (only pending, retrying "
                                       "and dead tasks can)."));
        return;
    }
    const QString title = retry ? tr("Retry matching tasks") : tr("Cancel matching tasks");
    const QString text = retry ? tr("Process %n task(s) that match the filter again now, with their attempts reset?",
                                    nullptr, count.value())
                               : tr("Cancel %n task(s) that match the filter? Their documents will not be fetched.",
                                    nullptr, count.value());
    const QString confirmText =
        retry ? tr("Retry %n task(s)", nullptr, count.value()) : tr("Cancel %n task(s)", nullptr, count.value());
    auto answered = [this, guard = QPointer<QueuePanel>(this), action, filter, retry](bool yes) {
        if (!guard || !yes)
            return;
        m_admin->applyToMatching(action, filter, [this, guard, retry](Result<int, QString> result) {
            if (!guard)
                return;
            if (!result.ok())
                finishAction(false, result.error());
            else
                finishAction(true, retry ? tr("%n task(s) will be processed again.", nullptr, result.value())
                                         : tr("%n task(s) cancelled.", nullptr, result.value()));
        });
    };
    if (m_confirm) {
        m_confirm(title, text, confirmText, answered);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->addButton(confirmText, QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this,
            [box, answered](int) { answered(box->buttonRole(box->clickedButton()) == QMessageBox::AcceptRole); });
    box->open();
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
