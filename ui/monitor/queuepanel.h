// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queue/task.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class Clock;
class EmptyStateLabel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QPushButton;
class QTableView;
class QueueAdmin;
class TaskListModel;

// The queue at a glance: counts per status, the age of the oldest waiting task, the worker's last and next run,
// the task list (filtered by status, hook and a search over numbers, ids and errors) with the selected task's detail
// and attempt history, and Retry / Retry all dead / Cancel, one task or every task that matches the filter (after a
// confirmation that states the count). Refreshes itself on a timer
// and after each action. It works the same whichever process serves the data directory: reads come from the
// database, actions go through QueueAdmin (logged, and taken by the serving process at once).
class QueuePanel final : public QWidget
{
    Q_OBJECT

public:
    // Asks the user a yes/no question and calls `answered` once (the app's Dialogs; tests answer at once).
    using Confirm = std::function<void(const QString &title, const QString &text, const QString &confirmText,
                                       std::function<void(bool)> answered)>;

    explicit QueuePanel(QueueAdmin *admin, QWidget *parent = nullptr, const Clock *clock = nullptr);
    // Without one, bulk actions ask with a plain message box.
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    TaskListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // 0 stops the timer.
    void setRefreshInterval(int ms);
    // The selected task's id, 0 when none.
    qint64 selectedTaskId() const;
    void selectTask(qint64 id);
    // Lists only the tasks in `status` (all of them with nullopt), as the status filter does.
    void showStatus(std::optional<TaskStatus> status);
    // The search field and hook filter, as a user would type and choose them.
    void search(const QString &text);
    void showHook(const QString &hook);
    QTableWidget *attemptsView() const { return m_attempts; }

public Q_SLOTS:
    void refresh();
    // From the serving process (ServiceStatus): when its worker last ran and runs next; invalid = unknown.
    void setWorkerTimes(const QDateTime &lastRun, const QDateTime &nextRun);
    void retrySelected();
    void retryAllDead();
    void cancelSelected();
    // Every task that matches the current filter, after a confirmation stating how many.
    void retryMatching();
    void cancelMatching();
    // Pauses processing, or resumes it (wherever the service runs; the receiver keeps queueing).
    void togglePause();

Q_SIGNALS:
    // After an action's result came back (and the panel refreshed).
    void actionFinished(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void sayWhyEmpty(); // the empty list's sentence, for the filter
    void updateStats(const QueueStats &stats);
    void updateDetail();
    void updateActions();
    void finishAction(bool ok, const QString &message);
    void applyFilter();
    void updateAttempts(qint64 taskId);
    void applyToMatching(BulkAction action);
    QString ageText(const QDateTime &since) const;

    QueueAdmin *m_admin = nullptr;
    const Clock *m_clock = nullptr;
    TaskListModel *m_model = nullptr;
    QHash<TaskStatus, QLabel *> m_counts;
    QHash<TaskStatus, QLabel *> m_countNames;
    QLabel *m_oldestPendingLabel = nullptr;
    QLabel *m_lastRunLabel = nullptr;
    QLabel *m_nextRunLabel = nullptr;
    QDateTime m_lastRunAt; // as last given to setWorkerTimes(), shown again in a new language
    QDateTime m_nextRunAt;
    bool m_workerTimesKnown = false;
    QLabel *m_oldestPending = nullptr;
    QLabel *m_lastRun = nullptr;
    QLabel *m_nextRun = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_hookFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer m_searchDelay;
    QTableWidget *m_attempts = nullptr;
    qint64 m_attemptsOf = 0; // the task whose attempts are shown
    int m_attemptsShown = -1;
    QPushButton *m_retryMatching = nullptr;
    QPushButton *m_cancelMatching = nullptr;
    Confirm m_confirm;
    QTableView *m_view = nullptr;
    EmptyStateLabel *m_empty = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_retryDead = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_pause = nullptr;
    QTimer m_refresh;
    int m_deadCount = 0;
};
