// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/logentry.h"
#include "common/result.h"
#include "moysklad/apierror.h"
#include "queue/batchjob.h"
#include "queue/task.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>

class DiagnosticsLog;
class DocumentProcessors;
class DocumentSource;
class StoreWriter;
class TaskQueue;

// Processes due tasks: every interval, or at once for immediate tasks. Takes tasks in batches, groups them by
// entity type, coalesces them by document id and fetches up to 100 documents per request, then applies each answer
// through the type's DocumentProcessor and finishes its tasks in one StoreWriter job (BatchJob). The source's rate
// limit applies: hitting it slows processing down, it never fails tasks.
class Worker final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        int intervalMs = 60 * 1000;
        int batchSize = 500;
        bool importOrders = false; // customerorder events bring new orders into the store only when on
        // The entity types the exchange settings ask for (HookCatalog::watchedTypes); events of another type end
        // skipped, with the reason. Empty: every type the store keeps.
        QStringList watchedTypes = {};
        // While MoySklad is unreachable (the circuit breaker is open): how often one request checks whether it is
        // back. Tests shorten it.
        int probeIntervalMs = 60 * 1000;
    };

    Worker(TaskQueue *queue, DocumentSource *source, StoreWriter *writer, DiagnosticsLog *log, Config config,
           const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~Worker() override;

    void start(); // the periodic tick
    void stop();
    void setConfig(Config config);

    // One pass over the due tasks now (the tick does this). Several passes may overlap; claims never do.
    void runOnce();
    // Processes these tasks now (immediate mode), without waiting for the tick. At most two such passes run at once;
    // ids arriving meanwhile (a burst of deliveries) wait for one of them and are then fetched together.
    void processNow(const QList<qint64> &taskIds);

    QDateTime lastRun() const { return m_lastRun; }
    QDateTime nextRun() const;
    bool isBusy() const { return m_activeRuns > 0 || !m_immediateWaiting.isEmpty(); }

    // The circuit breaker. When a fetch finds MoySklad unreachable (network error, timeout, 5xx), its tasks get their
    // attempt back and the worker stops taking tasks: every probeIntervalMs one pass of a single task checks whether
    // MoySklad is back, and the first answer that is not an outage closes the breaker and drains the backlog.
    // Invalid while MoySklad is reachable; else when the first failing request was sent.
    QDateTime unreachableSince() const { return m_unreachableSince; }
    bool isReachable() const { return !m_unreachableSince.isValid(); }
    // Whether this error means MoySklad is unreachable rather than that the request or its documents are wrong.
    static bool isOutage(const ApiError &error);

Q_SIGNALS:
    // After each pass, once the outcome of every task it took is committed: how many tasks it finished and how many
    // failed (retrying or dead).
    void runFinished(int done, int failed);
    // MoySklad refused the credentials (401: the token was revoked or is wrong). The tasks of that request were put
    // back without spending an attempt; more requests would only fail the same way.
    void credentialsRejected(const QString &error);
    // The breaker opened (unreachable, `since` valid) or closed (reachable again, `since` invalid).
    void reachabilityChanged(const QDateTime &since);

private:
    struct Pass;
    enum class Kind { Tick, Immediate, Probe };
    void process(const QList<qint64> &ids, int limit, Kind kind);
    void startImmediate();
    void processGroup(const std::shared_ptr<Pass> &pass, const QString &entityType, QList<Task> tasks);
    void onFetched(const std::shared_ptr<Pass> &pass, const std::shared_ptr<const DocumentProcessors> &processors,
                   const QString &entityType, const QStringList &ids, const QList<Task> &tasks,
                   const QDateTime &fetchedAt, const Result<QList<QJsonObject>, ApiError> &fetched);
    // Submits the job; once it is committed, logs and counts what became of each task and ends one part of the pass.
    void submit(const std::shared_ptr<Pass> &pass, BatchJob job);
    void finished(Pass &pass, const BatchJob::Finished &task);
    void groupDone(const std::shared_ptr<Pass> &pass);
    void log(int level, const LogText &message, const Task *task = nullptr, const QString &details = {});
    // A line that has no template (a processor's own reason): stored and shown as it is.
    void log(int level, const QString &message, const Task *task = nullptr, const QString &details = {});
    void write(LogEntry entry, const Task *task);
    void probe();
    void markUnreachable(const QDateTime &since, const ApiError &error);
    void markReachable();

    TaskQueue *m_queue = nullptr;
    DocumentSource *m_source = nullptr;
    StoreWriter *m_writer = nullptr;
    DiagnosticsLog *m_log = nullptr;
    Config m_config;
    const Clock &m_clock;
    std::shared_ptr<const DocumentProcessors> m_processors; // built from m_config; jobs in flight keep theirs
    QTimer m_timer;
    QTimer m_probeTimer;
    bool m_started = false; // start() called and no stop() since: which of the two timers runs follows the breaker
    QDateTime m_unreachableSince;
    bool m_probing = false;
    QDateTime m_lastRun;
    int m_activeRuns = 0;
    bool m_tickRunning = false;
    QList<qint64> m_immediateWaiting;
    int m_immediateRunning = 0;
};
