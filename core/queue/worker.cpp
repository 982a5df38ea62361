// SPDX-License-Identifier: GPL-3.0-or-later
#include "worker.h"

#include "common/diagnosticslog.h"
#include "common/logcategories.h"
#include "documents/documentprocessors.h"
#include "moysklad/documentsource.h"
#include "queue/taskqueue.h"
#include "store/storewriter.h"

#include <QMap>
#include <QPointer>
#include <QSet>

#include <algorithm>
#include <optional>
#include <utility>

namespace {
constexpr qsizetype idsPerRequest = 100; // MoySklad's limit with expand
// Immediate passes at once: enough to start at once when idle; under a burst, later ids share fetches instead of
// spending one rate-limited request each.
constexpr int maxImmediatePasses = 2;
const QString category = QStringLiteral("worker");
} // namespace

// One pass: its parts (one per writer job) finish asynchronously; the pass reports when the last one has.
struct Worker::Pass
{
    int groups = 0; // parts still open
    int done = 0;
    int failed = 0;
    bool tick = false;
    bool immediate = false;
    bool full = false; // as many tasks as asked for: there may be more due
    bool probe = false;
    int claimed = 0;
    int requests = 0; // fetches sent
};

namespace {
QString duration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, (ms + 500) / 1000);
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg(seconds / 60 % 60);
}

QString shownTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

// The document processors as the exchange settings in `config` ask for them.
std::shared_ptr<const DocumentProcessors> processorsFor(const Worker::Config &config)
{
    return std::make_shared<const DocumentProcessors>(
        DocumentProcessors::Options{config.importOrders, config.watchedTypes});
}
} // namespace

Worker::Worker(TaskQueue *queue, DocumentSource *source, StoreWriter *writer, DiagnosticsLog *log, Config config,
               const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_source(source)
    , m_writer(writer)
    , m_log(log)
    , m_config(config)
    , m_clock(clock)
    , m_processors(processorsFor(config))
{
    connect(&m_timer, &QTimer::timeout, this, &Worker::runOnce);
    connect(&m_probeTimer, &QTimer::timeout, this, &Worker::probe);
    connect(m_queue, &TaskQueue::abandoned, this, [this](const QList<Task> &tasks) {
        for (const Task &task : tasks)
            this->log(int(LogLevel::Error),
                      LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 is dead: %2"), task.id, task.lastError), &task);
    });
}

Worker::~Worker() = default;

void Worker::start()
{
    m_started = true;
    if (isReachable())
        m_timer.start(m_config.intervalMs);
    else
        m_probeTimer.start(m_config.probeIntervalMs);
}

void Worker::stop()
{
    m_started = false;
    m_timer.stop();
    m_probeTimer.stop();
}

void Worker::setConfig(Config config)
{
    m_config = config;
    m_processors = processorsFor(config);
    if (m_timer.isActive())
        m_timer.start(m_config.intervalMs);
    if (m_probeTimer.isActive())
        m_probeTimer.start(m_config.probeIntervalMs);
}

QDateTime Worker::nextRun() const
{
    const QTimer &timer = m_probeTimer.isActive() ? m_probeTimer : m_timer;
    if (!timer.isActive())
        return {};
    return m_clock.utcNow().addMSecs(timer.remainingTime());
}

bool Worker::isOutage(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return true;
    case ApiError::Kind::Http:
        return error.httpStatus >= 500;
    default:
        return false;
    }
}

void Worker::runOnce()
{
    if (m_tickRunning)
        return; // the running pass picks up what is due; don't pile passes up
    if (!isReachable())
        return; // only the probe asks MoySklad; the backlog drains once it answers
    process({}, m_config.batchSize, Kind::Tick);
}

void Worker::probe()
{
    if (m_probing || isReachable())
        return;
    m_probing = true;
    process({}, 1, Kind::Probe);
}

void Worker::markUnreachable(const QDateTime &since, const ApiError &error)
{
    if (!isReachable())
        return; // said once, not per task
    m_unreachableSince = since;
    log(int(LogLevel::Error),
        LogText(QT_TRANSLATE_NOOP("LogMessage", "MoySklad unreachable since %1: %2. Tasks wait without spending "
                                                "attempts; one request every %3 checks whether it is back"),
                shownTime(since), error.toString(), duration(m_config.probeIntervalMs)));
    if (m_started) {
        m_timer.stop();
        m_probeTimer.start(m_config.probeIntervalMs);
    }
    Q_EMIT reachabilityChanged(since);
}

void Worker::markReachable()
{
    if (isReachable())
        return;
    const QDateTime since = std::exchange(m_unreachableSince, QDateTime());
    log(int(LogLevel::Info),
        LogText(QT_TRANSLATE_NOOP("LogMessage", "MoySklad reachable again after %1 (unreachable since %2)"),
                duration(since.msecsTo(m_clock.utcNow())), shownTime(since)));
    m_probeTimer.stop();
    if (m_started) {
        m_timer.start(m_config.intervalMs);
        // The backlog (every task given back meanwhile is due) drains now, not a whole interval later.
        QMetaObject::invokeMethod(this, &Worker::runOnce, Qt::QueuedConnection);
    }
    Q_EMIT reachabilityChanged({});
}

void Worker::processNow(const QList<qint64> &taskIds)
{
    // While MoySklad is unreachable the tasks stay due in the queue: the drain after recovery takes them.
    if (!isReachable())
        return;
    m_immediateWaiting.append(taskIds);
    startImmediate();
}

void Worker::startImmediate()
{
    if (!isReachable()) {
        m_immediateWaiting.clear(); // due in the queue; the drain after recovery takes them
        return;
    }
    while (m_immediateRunning < maxImmediatePasses && !m_immediateWaiting.isEmpty()) {
        const QList<qint64> ids = m_immediateWaiting.mid(0, m_config.batchSize);
        m_immediateWaiting.remove(0, ids.size());
        ++m_immediateRunning;
        process(ids, int(ids.size()), Kind::Immediate);
    }
}

void Worker::log(int level, const LogText &message, const Task *task, const QString &details)
{
    write(LogEntry::make(LogLevel(level), category, message).withDetails(details), task);
}

void Worker::log(int level, const QString &message, const Task *task, const QString &details)
{
    write(LogEntry::make(LogLevel(level), category, message).withDetails(details), task);
}

void Worker::write(LogEntry entry, const Task *task)
{
    if (!m_log)
        return;
    if (task) {
        entry.hook = task->hook();
        entry.requestId = task->requestId;
        entry.documentId = task->documentId;
    }
    m_log->write(entry);
}

void Worker::process(const QList<qint64> &ids, int limit, Kind kind)
{
    const bool tick = kind == Kind::Tick;
    ++m_activeRuns;
    if (tick)
        m_tickRunning = true;
    m_queue->claim(limit, ids, [this, limit, tick, kind](Result<QList<Task>, QString> claimed) {
        auto pass = std::make_shared<Pass>();
        pass->tick = tick;
        pass->immediate = kind == Kind::Immediate;
        pass->probe = kind == Kind::Probe;
        if (!claimed.ok()) {
            log(int(LogLevel::Error),
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Claiming tasks failed: %1"), claimed.error()));
            pass->groups = 1;
            groupDone(pass);
            return;
        }
        const QList<Task> &tasks = claimed.value();
        pass->full = tick && tasks.size() == limit;
        pass->claimed = int(tasks.size());
        // An idle run every minute is noise in the pane's default view, yet still there for a debug filter.
        if (tick)
            log(int(tasks.isEmpty() ? LogLevel::Debug : LogLevel::Info),
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Worker run: %1 due task(s)"), tasks.size()));
        QMap<QString, QList<Task>> byType;
        for (const Task &task : tasks)
            byType[task.entityType].append(task);
        pass->groups = 1; // released below, once every part is under way, so an empty pass finishes too
        for (auto it = byType.cbegin(); it != byType.cend(); ++it)
            processGroup(pass, it.key(), it.value());
        groupDone(pass);
    });
}

void Worker::processGroup(const std::shared_ptr<Pass> &pass, const QString &entityType, QList<Task> tasks)
{
    const TaskQueue::Policy policy = m_queue->policy();
    const std::shared_ptr<const DocumentProcessors> processors = m_processors;
    const DocumentProcessor *processor = processors->processorFor(entityType);
    if (!processor) {
        submit(pass, BatchJob::failing(
                         tasks, {QStringLiteral("SkladHook does not process %1 events").arg(entityType), false, true},
                         policy, m_clock));
        return;
    }
    // Events that need no fetch: deletions, and those the import rule keeps out.
    QList<Task> deletions;
    QList<Task> skipped;
    QList<Task> fetches;
    for (const Task &task : std::as_const(tasks)) {
        switch (processor->handlingOf(task.action)) {
        case DocumentProcessor::Handling::MarkDeleted:
            deletions.append(task);
            break;
        case DocumentProcessor::Handling::Skip:
            skipped.append(task);
            break;
        case DocumentProcessor::Handling::Fetch:
            fetches.append(task);
            break;
        }
    }
    if (!skipped.isEmpty()) {
        for (const Task &task : std::as_const(skipped))
            log(int(LogLevel::Info), processor->skipReason(task.action), &task);
        submit(pass, BatchJob::completing(processors, entityType, skipped, {}, {}, {}, policy, m_clock));
    }
    if (!deletions.isEmpty()) {
        QStringList ids;
        for (const Task &task : std::as_const(deletions)) {
            if (!ids.contains(task.documentId))
                ids.append(task.documentId);
        }
        submit(pass, BatchJob::completing(processors, entityType, deletions, {}, ids, {}, policy, m_clock));
    }
    // One fetch per document however many events it had (coalescing), 100 documents per request.
    QStringList ids;
    QSet<QString> seen;
    for (const Task &task : std::as_const(fetches)) {
        if (!seen.contains(task.documentId)) {
            seen.insert(task.documentId);
            ids.append(task.documentId);
        }
    }
    const QStringList expand = processor->expand();
    for (qsizetype i = 0; i < ids.size(); i += idsPerRequest) {
        const QStringList chunk = ids.mid(i, idsPerRequest);
        const QSet<QString> inChunk(chunk.cbegin(), chunk.cend());
        QList<Task> chunkTasks;
        for (const Task &task : std::as_const(fetches)) {
            if (inChunk.contains(task.documentId))
                chunkTasks.append(task);
        }
        ++pass->groups; // released once the answer is handed on (onFetched)
        ++pass->requests;
        // Before the request leaves: a deletion recorded after this moment outranks the answer.
        const QDateTime fetchedAt = m_clock.utcNow();
        // Queued work yields to immediate work (and a probe, which decides whether anything runs, goes first too).
        const auto lane = pass->tick ? DocumentSource::Lane::Queued : DocumentSource::Lane::Immediate;
        m_source->getDocumentsByIds(entityType, chunk, expand, lane, this,
                                    [this, pass, processors, entityType, chunk, chunkTasks,
                                     fetchedAt](Result<QList<QJsonObject>, ApiError> fetched) {
                                        onFetched(pass, processors, entityType, chunk, chunkTasks, fetchedAt, fetched);
                                    });
    }
}

void Worker::onFetched(const std::shared_ptr<Pass> &pass, const std::shared_ptr<const DocumentProcessors> &processors,
                       const QString &entityType, const QStringList &ids, const QList<Task> &tasks,
                       const QDateTime &fetchedAt, const Result<QList<QJsonObject>, ApiError> &fetched)
{
    if (!fetched.ok() && isOutage(fetched.error())) {
        // Not the documents' fault: the tasks get their attempt back and are due as soon as MoySklad answers again.
        const ApiError &error = fetched.error();
        submit(pass, BatchJob::failing(tasks, {error.toString(), true, false, true, error.httpStatus},
                                       m_queue->policy(), m_clock));
        markUnreachable(fetchedAt, error);
    } else if (!fetched.ok()) {
        markReachable(); // an answer, if a refusal: MoySklad is there
        const ApiError &error = fetched.error();
        // A 429 that outlived the client's retries only delays the tasks: it spends no attempt. Neither does a
        // refused token: the documents are fine, the credentials are not, and no task may die of that.
        const bool unauthorized = error.kind == ApiError::Kind::Unauthorized;
        const bool countAttempt = error.kind != ApiError::Kind::RateLimited && !unauthorized;
        submit(pass, BatchJob::failing(tasks,
                                       {error.toString(), error.isRetryable() || unauthorized, countAttempt,
                                        unauthorized, error.httpStatus},
                                       m_queue->policy(), m_clock));
        if (unauthorized)
            Q_EMIT credentialsRejected(error.toString());
    } else {
        markReachable();
        // Not returned: MoySklad no longer has it (deleted). Final, not retried.
        QSet<QString> present;
        for (const QJsonObject &document : fetched.value())
            present.insert(document.value(QLatin1String("id")).toString());
        QStringList gone;
        for (const QString &id : ids) {
            if (!present.contains(id))
                gone.append(id);
        }
        submit(pass, BatchJob::completing(processors, entityType, tasks, fetched.value(), gone, fetchedAt,
                                          m_queue->policy(), m_clock));
    }
    groupDone(pass); // the chunk's own part; its job holds one of its own
}

void Worker::submit(const std::shared_ptr<Pass> &pass, BatchJob job)
{
    // The pass ends when every outcome is committed: runFinished then means the queue says so too.
    ++pass->groups;
    const QList<Task> tasks = job.tasks();
    auto outcome = std::make_shared<std::optional<Result<QList<BatchJob::Finished>, QString>>>();
    QPointer<Worker> self(this);
    m_writer->submit(
        [job = std::move(job), outcome](QSqlDatabase &db) -> Result<Done, QString> {
            outcome->emplace(job.run(db));
            if (!outcome->value().ok())
                return outcome->value().error();
            return Done{};
        },
        [self, pass, tasks, outcome](Result<Done, QString> committed) {
            if (!self)
                return;
            QMetaObject::invokeMethod(self.data(), [self, pass, tasks, outcome, committed] {
                if (!self)
                    return;
                if (committed.ok()) {
                    for (const BatchJob::Finished &finished : outcome->value().value())
                        self->finished(*pass, finished);
                } else {
                    // Nothing of the batch was written: the tasks stay claimed and are due again when their leases
                    // end.
                    for (const Task &task : tasks) {
                        ++pass->failed;
                        self->log(int(LogLevel::Error),
                                  LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 could not be finished: %2"), task.id,
                                          committed.error()),
                                  &task);
                    }
                }
                self->groupDone(pass);
            });
        });
}

void Worker::finished(Pass &pass, const BatchJob::Finished &finished)
{
    const Task &task = finished.task;
    switch (finished.outcome) {
    case BatchJob::Outcome::Done:
        ++pass.done;
        if (finished.taskOutcome == TaskOutcome::Gone)
            log(int(LogLevel::Info),
                LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 %2: the document is gone from MoySklad, marked deleted"),
                        task.hook(), task.documentId),
                &task);
        else
            log(int(LogLevel::Info),
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Processed %1 %2"), task.hook(), task.documentId), &task);
        break;
    case BatchJob::Outcome::ResultDropped:
        log(int(LogLevel::Warning),
            LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 was claimed again meanwhile: result dropped"), task.id),
            &task);
        break;
    case BatchJob::Outcome::FailureDropped:
        ++pass.failed;
        log(int(LogLevel::Warning),
            LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 was claimed again meanwhile: failure dropped"), task.id),
            &task);
        break;
    case BatchJob::Outcome::Retrying:
        ++pass.failed;
        log(int(LogLevel::Warning),
            LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 failed, will retry: %2"), task.id, finished.error), &task);
        break;
    case BatchJob::Outcome::Dead:
        ++pass.failed;
        log(int(LogLevel::Error),
            LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 is dead: %2"), task.id, finished.error), &task);
        break;
    }
}

void Worker::groupDone(const std::shared_ptr<Pass> &pass)
{
    if (--pass->groups > 0)
        return;
    --m_activeRuns;
    if (pass->immediate) {
        --m_immediateRunning;
        startImmediate();
    }
    if (pass->tick) {
        m_tickRunning = false;
        m_lastRun = m_clock.utcNow();
    }
    if (pass->probe) {
        m_probing = false;
        // The task it took needed no request (a deletion, a skipped event): that proved nothing, so take another.
        if (pass->claimed > 0 && pass->requests == 0 && !isReachable())
            QMetaObject::invokeMethod(this, &Worker::probe, Qt::QueuedConnection);
    }
    Q_EMIT runFinished(pass->done, pass->failed);
    if (pass->full)
        QMetaObject::invokeMethod(this, &Worker::runOnce, Qt::QueuedConnection);
}
