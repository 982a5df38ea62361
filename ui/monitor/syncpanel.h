// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/readconnection.h"
#include "sync/catchupsync.h"
#include "sync/convergencecheck.h"

#include <QDateTime>
#include <QGroupBox>
#include <QTimer>

class CatchUpScheduler;
class QueueAdmin;
class QLabel;
class Workspace;
class QProgressBar;
class QPushButton;

// The catch-up with MoySklad on the Queue tab: how far the store is known to be complete, the last run and what it
// found, the next run, and "Sync now" / "Sync since…" with the progress of a run started here; and the proof: "Compare
// with MoySklad" with the last comparison's result, and an offer to fetch what differs. It reads the database, so it
// shows the same whichever process serves; a run asked for here runs in this process.
class SyncPanel final : public QGroupBox
{
    Q_OBJECT

public:
    // `queue` takes the documents a comparison found different.
    SyncPanel(Workspace *workspace, QueueAdmin *queue, QWidget *parent = nullptr);
    ~SyncPanel() override;

public Q_SLOTS:
    void refresh();
    // Catch up from the watermarks now.
    void syncNow();
    // Catch up from `since` (UTC): documents older than the store's watermark, on demand.
    void syncSince(const QDateTime &since);
    // Asks for the moment with a date and time picker, then syncSince().
    void askSince();
    // Lists every handled document in MoySklad and compares it with the store.
    void compare();
    // Queues a fetch of what the last comparison found missing, stale or extra.
    void fetchDifferences();
    // Stops the sync or the comparison running in this process.
    void stop();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    // The progress bar and its Stop, shown together.
    void showBusy(bool busy);
    void start(std::optional<QDateTime> since);
    void showProgress(const CatchUpSync::Progress &progress);
    void showFinished(const CatchUpSync::Report &report);
    void setMessage(const QString &text, bool error);
    void showComparison(const ConvergenceCheck::Report &report);
    // The last comparison's line, from its record (any process may have run it).
    void showLastComparison();

    Workspace *m_workspace = nullptr;
    CatchUpScheduler *m_scheduler = nullptr;
    QueueAdmin *m_queue = nullptr;
    std::unique_ptr<ConvergenceCheck> m_check;
    QHash<QString, QStringList> m_differences; // the last comparison run here: ids by type
    ReadConnection m_reader;
    QLabel *m_completeLabel = nullptr;
    QLabel *m_lastRunLabel = nullptr;
    QLabel *m_nextRunLabel = nullptr;
    QLabel *m_comparisonLabel = nullptr;
    QLabel *m_complete = nullptr;
    QLabel *m_lastRun = nullptr;
    QLabel *m_nextRun = nullptr;
    QLabel *m_comparison = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_syncNow = nullptr;
    QPushButton *m_syncSince = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_fetchDifferences = nullptr;
    QTimer m_refresh;
};
