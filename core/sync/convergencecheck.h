// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "moysklad/apierror.h"
#include "moysklad/moyskladclient.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class DiagnosticsLog;
class StoreWriter;

// The proof that the shop store follows MoySklad (`skladhook-cli verify`, "Compare with MoySklad"): every document of
// each handled type is listed in MoySklad — id and `updated` only, no expand, 1000 rows a page — and compared with
// the store's rows of that type:
// - missing: in MoySklad, but not in the store or marked deleted there;
// - stale:   the store's `updated` is older than MoySklad's (compared as instants, both being MoySklad's Moscow
//            times), or unknown (a row written before the store kept it);
// - extra:   live in the store, gone from MoySklad.
//
// Paging. MoySklad filters `id` only with = and !=, so a keyset on id is impossible, and offset paging over a list that
// changes skips a row for every row removed or moved before the offset. The listing is therefore ordered by
// `updated,asc;id,asc` and keyed on `updated`, to the second (filter=updated>=S): a document edited or created while
// the listing runs moves to the end of the list, where it is still read; one deleted before the cursor shifts nothing
// after it. Rows sharing the cursor's second are skipped by an offset inside that second (so a second with more than a
// page of rows, a bulk import, still advances), and that offset starts a few rows early, so that rows of that second
// edited or deleted meanwhile cannot make it skip one; rows read twice are merged by id (the newest `updated` wins).
//
// A window (since): only documents whose MoySklad `updated` is at or after `since` are listed. Missing and stale are
// judged as without one. Extra is judged only among the store's live rows updated at or after `since`: such a row
// that the window does not list is gone, since MoySklad's `updated` never goes back. A store row updated before
// `since` is not in the window whether or not it still exists in MoySklad; asking for those ids would cost a request
// per 100 rows, more than the whole listing (1000 a page), so deletions of older documents are left to a comparison
// without a window (or to the catch-up sync's audit feed). The store count of a window is that of those rows too.
//
// Each type's store rows are read right after its listing: a delivery applied in between is seen, and a document
// changed in MoySklad while the comparison runs may show as a difference until its delivery is processed.
//
// Each run is recorded in sync_runs (kind "verify", its summary the JSON of the result) and logged.
class ConvergenceCheck final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QStringList entityTypes; // the handled types: HookCatalog::watchedTypes(settings.exchange())
        // Types whose new documents the store does not take (customerorder with order import off): one the store
        // never had is not missing.
        QStringList knownOnly;
        QString origin;         // ends the logged lines: "from the command line", "from the desktop app"
        int maxListedIds = 100; // ids kept per kind of difference; the counts are always complete
        int pageSize = 1000;    // rows a page (MoySklad's maximum without expand)
    };

    // What one entity type showed.
    struct TypeReport
    {
        QString entityType;
        int moysklad = 0; // documents listed in MoySklad (in the window, with since)
        int store = 0;    // live documents of the store judged (updated in the window, with since)
        int missing = 0;
        int stale = 0;
        int extra = 0;
        // The first maxListedIds of each, sorted.
        QStringList missingIds;
        QStringList staleIds;
        QStringList extraIds;

        bool converged() const { return missing == 0 && stale == 0 && extra == 0; }
    };

    struct Report
    {
        std::optional<QDateTime> since; // UTC, to the second
        QDateTime startedAt;            // UTC
        QDateTime finishedAt;
        QList<TypeReport> types; // in the order of Options::entityTypes; only those compared when it failed
        int requests = 0;        // list pages asked for
        // Why the comparison could not be completed (empty when it was); apiError when MoySklad's answer was the cause.
        QString error;
        std::optional<ApiError> apiError;
        bool cancelled = false; // stopped by cancel()

        bool ok() const { return error.isEmpty(); }
        bool converged() const;
        // Keyed by entity type: {"moysklad", "store", "missing", "stale", "extra", "missingIds", "staleIds",
        // "extraIds"}: the output of `verify --json` and the summary kept in sync_runs.
        QJsonObject toJson() const;
    };

    ConvergenceCheck(MoySkladClient &client, StoreWriter &writer, DiagnosticsLog &log, Options options,
                     const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~ConvergenceCheck() override;

    // Starts a comparison of every document (no since) or of those updated at or after `since` (to the second).
    // False, and nothing started, while one runs. finished() follows, once, after the run is recorded.
    bool run(std::optional<QDateTime> since = std::nullopt);
    bool isRunning() const { return m_running; }
    // Stops the comparison now: the page on its way is dropped, and finished() reports it cancelled (its record
    // says so too).
    void cancel();

Q_SIGNALS:
    // After each page: `listed` documents of `entityType` so far, of about `total` (MoySklad's count at its first
    // page; documents changed meanwhile may add a few).
    void progress(const QString &entityType, int listed, int total);
    void finished(const ConvergenceCheck::Report &report);

private:
    void startType();
    void requestPage();
    void onPage(Result<MoySkladClient::ListPage, ApiError> page);
    void compareType();
    void fail(const QString &error, std::optional<ApiError> apiError = std::nullopt);
    void finish();

    MoySkladClient &m_client;
    StoreWriter &m_writer;
    DiagnosticsLog &m_log;
    Options m_options;
    const Clock &m_clock;

    bool m_running = false;
    std::unique_ptr<QObject> m_requests; // context of the page asked for: dropped by cancel() and at the end
    Report m_report;
    std::shared_ptr<qint64> m_runId; // set by the writer job that records the start; read by the one that ends it
    qsizetype m_typeIndex = 0;
    // The listing of the current type: the keyset cursor (a second, UTC; invalid before the first page without since),
    // how many rows of that second were read, the offset asked for, the rows read and MoySklad's count.
    QDateTime m_cursor;
    int m_readInCursorSecond = 0;
    int m_offset = 0;
    QHash<QString, QDateTime> m_listed;
    int m_total = 0;
};
