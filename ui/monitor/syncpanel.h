// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/readconnection.h"
#include "sync/catchupsync.h"

#include <QDateTime>
#include <QGroupBox>
#include <QTimer>

class CatchUpScheduler;
class QLabel;
class QProgressBar;
class QPushButton;

// The catch-up with MoySklad on the Queue tab: how far the store is known to be complete, the last run and what it
// found, the next run, and "Sync now" / "Sync since…" with the progress of a run started here. It reads the database,
// so it shows the same whichever process serves; a run asked for here runs in this process.
class SyncPanel final : public QGroupBox
{
    Q_OBJECT

public:
    SyncPanel(CatchUpScheduler *scheduler, const QString &databasePath, QWidget *parent = nullptr);

public Q_SLOTS:
    void refresh();
    // Catch up from the watermarks now.
    void syncNow();
    // Catch up from `since` (UTC): documents older than the store's watermark, on demand.
    void syncSince(const QDateTime &since);
    // Asks for the moment with a date and time picker, then syncSince().
    void askSince();

private:
    void start(std::optional<QDateTime> since);
    void showProgress(const CatchUpSync::Progress &progress);
    void showFinished(const CatchUpSync::Report &report);
    void setMessage(const QString &text, bool error);

    CatchUpScheduler *m_scheduler = nullptr;
    ReadConnection m_reader;
    QLabel *m_complete = nullptr;
    QLabel *m_lastRun = nullptr;
    QLabel *m_nextRun = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_syncNow = nullptr;
    QPushButton *m_syncSince = nullptr;
    QTimer m_refresh;
};
