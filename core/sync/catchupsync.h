// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "moysklad/apierror.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class Clock;
class QSqlDatabase;
class DocumentProcessor;
class DocumentProcessors;
class MoySkladClient;
class StoreWriter;

// One catch-up: every document of the handled types that MoySklad changed in a window, applied through the same
// document processors as deliveries, and the documents the audit feed says were deleted in it, marked deleted. What a
// delivery lost (the receiver away, a hook disabled, a refused verification string) arrives this way.
//
// The window of a type runs from its watermark (SyncLedger) less an overlap, so that a change stamped at the edge or
// a clock a little off is not missed, to the moment the run started; re-applying a document is harmless. The
// watermark moves only after everything the window brought is committed: a run that dies repeats work, never skips
// it. A type synced for the first time starts at that moment (older documents come only when asked: `since`).
//
// Lists are paged by `updated` (keyset: the next page starts at the last `updated` seen), so a document that changes
// while the run pages cannot shift another one out of view; it leaves the window and the next run (and its delivery)
// brings it. Pages are the client's background calls: a delivery's fetch never waits behind more than one page.
class CatchUpSync final : public QObject
{
    Q_OBJECT

public:
    struct Counts
    {
        int fetched = 0;  // documents listed
        int applied = 0;  // of them, handed to the document processor and committed
        int deleted = 0;  // documents marked deleted from the audit feed
        int requests = 0; // API requests sent (list pages, metadata, audit)
    };
    struct Report
    {
        bool ok = false;
        QString error;             // why the run stopped (the types done before keep their progress)
        bool unauthorized = false; // MoySklad answered 401: the token is no longer accepted
        bool cancelled = false;    // stopped by cancel()
        QDateTime since;           // the earliest start of the types' windows (UTC)
        QDateTime until;           // the end of every window (UTC)
        Counts total;
        QMap<QString, Counts> byType;
        // `skladhook-cli sync --json`: fetched, applied, deleted, requests, since, until (Moscow time, as MoySklad
        // writes it), ok, error when not ok, and the same counts per type under "types".
        QJsonObject toJson() const;
    };
    struct Progress
    {
        QString entityType;
        int fetched = 0;   // documents of this type listed so far
        int pagesLeft = 0; // pages of this type still to fetch, as the last page's meta.size says
    };

    // Every run overlaps the previous one by this much.
    static constexpr int overlapSeconds = 300;

    CatchUpSync(MoySkladClient &client, StoreWriter &writer, const Clock &clock, QObject *parent = nullptr);
    ~CatchUpSync() override;

    // Starts a run over `entityTypes`. With `since`, every window starts there instead of at the watermark (the
    // watermark still only moves when that leaves no gap). False when a run is going on already.
    bool start(const QStringList &entityTypes, std::shared_ptr<const DocumentProcessors> processors,
               std::optional<QDateTime> since = {});
    bool isRunning() const { return m_run != nullptr; }
    // Stops the run now: the answers still on their way are dropped and finished() reports it cancelled. The types
    // done before keep their watermark, and what was applied stays; the next run starts where this one stopped.
    void cancel();

Q_SIGNALS:
    void progress(const CatchUpSync::Progress &progress);
    void finished(const CatchUpSync::Report &report);

private:
    struct Run;
    void nextType();
    void listPage();
    void onPage(const QList<QJsonObject> &rows, int size, const QDateTime &sentAt);
    void switchToMetadataStates();
    void listDeletions(int offset);
    void listDeletedEvents();
    void commitType();
    void fail(const ApiError &error);
    void fail(const QString &error);
    void finish();
    // Runs `job` on the writer, then `then` on this thread once it is committed (or fail() when it was not).
    void write(std::function<Result<Done, QString>(QSqlDatabase &)> job, std::function<void()> then);
    const DocumentProcessor *processor() const;

    MoySkladClient &m_client;
    StoreWriter &m_writer;
    const Clock &m_clock;
    std::shared_ptr<Run> m_run;          // shared with the writer job that records the run's start
    std::shared_ptr<QObject> m_requests; // context of the calls in flight: dropped with the run
};

Q_DECLARE_METATYPE(CatchUpSync::Report)
Q_DECLARE_METATYPE(CatchUpSync::Progress)
