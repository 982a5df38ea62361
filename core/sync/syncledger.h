// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// What the store knows of its own completeness (sync_state) and the runs of the catch-up sync and of the comparison
// with MoySklad (sync_runs). Writes run on the StoreWriter's connection, inside its transaction; reads on any.
namespace SyncLedger {

// The moment (UTC) up to which the store holds every change of `entityType`; none before the first sync.
Result<std::optional<QDateTime>, QString> completeUntil(QSqlDatabase &db, const QString &entityType);
// After a window [since, until] of `entityType` was committed: the watermark moves to `until` when the window starts
// at or before it (no gap would be left behind) and `until` is later. The first time, it is set to `until`.
Result<Done, QString> advance(QSqlDatabase &db, const QString &entityType, const QDateTime &since,
                              const QDateTime &until, const QDateTime &now);

struct Run
{
    qint64 id = 0;
    QString kind; // "sync" | "verify"
    QDateTime startedAt;
    QDateTime finishedAt; // invalid: running (or the process died during it)
    QDateTime since;
    QDateTime until;
    bool ok = false;
    QJsonObject summary; // what the run found: counts (sync), differences (verify)
    QString error;

    // The error of a run the user stopped.
    static constexpr char cancelledError[] = "cancelled";
    bool cancelled() const { return error == QLatin1String(cancelledError); }
};

Result<qint64, QString> startRun(QSqlDatabase &db, const QString &kind, const QDateTime &since, const QDateTime &until,
                                 const QDateTime &now);
Result<Done, QString> finishRun(QSqlDatabase &db, qint64 id, bool ok, const QJsonObject &summary, const QString &error,
                                const QDateTime &now);
// The newest run of `kind`; with finishedOnly, the newest one that ended (well or not).
Result<std::optional<Run>, QString> lastRun(QSqlDatabase &db, const QString &kind, bool finishedOnly = true);

} // namespace SyncLedger
