// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "sync/catchupsync.h"
#include "sync/convergencecheck.h"
#include "sync/syncledger.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <optional>

class QSqlDatabase;
class Workspace;

// When the store catches up with MoySklad: once when this process starts serving, every sync.interval seconds while
// it serves (0: never by itself), and on demand from either face, in any process. A periodic run waits while
// processing is held (paused, no token, token refused) and runs once it is resumed. Each run is logged; a 401 holds
// processing like the worker's does.
class CatchUpScheduler final : public QObject
{
    Q_OBJECT

public:
    // What any process can read of the catch-up (the Queue tab, `sync` without arguments).
    struct Status
    {
        std::optional<QDateTime> completeUntil; // the oldest watermark of the handled types: the store holds
                                                // everything up to then (none: never synced)
        std::optional<SyncLedger::Run> lastRun; // the newest finished run
        QDateTime nextRun;                      // when the serving process runs the next one (invalid: not planned)
    };

    explicit CatchUpScheduler(Workspace *workspace);
    ~CatchUpScheduler() override;

    // Starts a run over the handled types now; `origin` ends the log line ("from the command line"). With `since`,
    // from then on (older documents). An error when a run is going on already or there is nothing to ask MoySklad
    // with.
    Result<Done, QString> runNow(std::optional<QDateTime> since, const QString &origin);
    bool isRunning() const { return m_sync.isRunning(); }
    // Stops the run of this process (CatchUpSync::cancel): finished() follows at once.
    void cancel() { m_sync.cancel(); }
    // A fresh store (the previous one moved aside): the first catch-up starts at `since` instead of now, so the
    // documents changed since then are fetched again. Sets only watermarks not set yet.
    void startFrom(const QDateTime &since);
    QDateTime nextRun() const { return m_nextRun; }

    static Status readStatus(QSqlDatabase &db, const QStringList &entityTypes);
    // The handled types under the current exchange settings.
    QStringList entityTypes() const;
    // What a comparison with MoySklad (verify, "Compare with MoySklad") covers under the current settings.
    ConvergenceCheck::Options comparisonOptions(const QString &origin) const;

Q_SIGNALS:
    void started();
    void progress(const CatchUpSync::Progress &progress);
    void finished(const CatchUpSync::Report &report);
    void scheduleChanged(); // nextRun() moved

private:
    void followRole();
    void followService();
    void due();
    void onFinished(const CatchUpSync::Report &report);
    void plan(); // arms the timer for the next periodic run and publishes the moment
    bool serving() const;

    Workspace *m_workspace = nullptr;
    CatchUpSync m_sync;
    QTimer m_timer;
    QDateTime m_nextRun;
    bool m_duePending = false; // a periodic run came due while processing was held
};
