// SPDX-License-Identifier: GPL-3.0-or-later
#include "worker.h"

#include "common/diagnosticslog.h"
#include "common/logcategories.h"
#include "moysklad/moyskladclient.h"
#include "queue/taskqueue.h"
#include "store/shopstore.h"
#include "store/storewriter.h"

#include <QMap>
#include <QPointer>
#include <QSet>

namespace {
constexpr qsizetype idsPerRequest = 100; // MoySklad's limit with expand
// Immediate passes at once: enough to start at once when idle; under a burst, later ids share fetches instead of
// spending one rate-limited request each.
constexpr int maxImmediatePasses = 2;
const QString category = QStringLiteral("worker");
} // namespace

// One pass: its groups finish asynchronously; the pass reports when the last one has.
struct Worker::Pass
{
    int groups = 0;
    int done = 0;
    int failed = 0;
    bool tick = false;
    bool immediate = false;
    bool full = false; // as many tasks as asked for: there may be more due
};

Worker::Worker(TaskQueue *queue, MoySkladClient *client, StoreWriter *writer, DiagnosticsLog *log, Config config,
               QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_client(client)
    , m_writer(writer)
    , m_log(log)
    , m_config(config)
{
    connect(&m_timer, &QTimer::timeout, this, &Worker::runOnce);
}

void Worker::start()
{
    m_timer.start(m_config.intervalMs);
}

void Worker::stop()
{
    m_timer.stop();
}

void Worker::setConfig(Config config)
{
    m_config = config;
    if (m_timer.isActive())
        m_timer.start(m_config.intervalMs);
}

QDateTime Worker::nextRun() const
{
    if (!m_timer.isActive())
        return {};
    return QDateTime::currentDateTimeUtc().addMSecs(m_timer.remainingTime());
}

void Worker::runOnce()
{
    if (m_tickRunning)
        return; // the running pass picks up what is due; don't pile passes up
    process({}, m_config.batchSize, Kind::Tick);
}

void Worker::processNow(const QList<qint64> &taskIds)
{
    m_immediateWaiting.append(taskIds);
    startImmediate();
}

void Worker::startImmediate()
{
    while (m_immediateRunning < maxImmediatePasses && !m_immediateWaiting.isEmpty()) {
        const QList<qint64> ids = m_immediateWaiting.mid(0, m_config.batchSize);
        m_immediateWaiting.remove(0, ids.size());
        ++m_immediateRunning;
        process(ids, int(ids.size()), Kind::Immediate);
    }
}

void Worker::log(int level, const QString &message, const Task *task, const QString &details)
{
    if (!m_log)
        return;
    LogEntry entry;
    entry.level = LogLevel(level);
    entry.category = category;
    entry.message = message;
    entry.details = details;
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
    m_queue->claim(limit, ids, [this, limit, tick](Result<QList<Task>, QString> claimed) {
        auto pass = std::make_shared<Pass>();
        pass->tick = tick;
        pass->immediate = !tick;
        if (!claimed.ok()) {
            log(int(LogLevel::Error), QStringLiteral("Claiming tasks failed: %1").arg(claimed.error()));
            pass->groups = 1;
            groupDone(pass);
            return;
        }
        const QList<Task> &tasks = claimed.value();
        pass->full = tick && tasks.size() == limit;
        // An idle run every minute is noise in the pane's default view, yet still there for a debug filter.
        if (tick)
            log(int(tasks.isEmpty() ? LogLevel::Debug : LogLevel::Info),
                QStringLiteral("Worker run: %1 due task(s)").arg(tasks.size()));
        QMap<QString, QList<Task>> byType;
        for (const Task &task : tasks)
            byType[task.entityType].append(task);
        pass->groups = int(byType.size()) + 1; // +1 released below, so an empty pass finishes too
        for (auto it = byType.cbegin(); it != byType.cend(); ++it)
            processGroup(pass, it.key(), it.value());
        groupDone(pass);
    });
}

void Worker::processGroup(const std::shared_ptr<Pass> &pass, const QString &entityType, QList<Task> tasks)
{
    if (!ShopStore::handles(entityType)) {
        finishTasks(pass, tasks, QStringLiteral("SkladHook does not process %1 events").arg(entityType), false, true);
        return;
    }
    // Events that need no fetch: deletions, and order creations while order import is off.
    QList<Task> deletions;
    QList<Task> skipped;
    QList<Task> fetches;
    for (const Task &task : std::as_const(tasks)) {
        if (task.action == QLatin1String("DELETE"))
            deletions.append(task);
        else if (entityType == QLatin1String("customerorder") && task.action == QLatin1String("CREATE") &&
                 !m_config.importOrders)
            skipped.append(task);
        else
            fetches.append(task);
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
    QList<QStringList> chunks;
    for (qsizetype i = 0; i < ids.size(); i += idsPerRequest)
        chunks.append(ids.mid(i, idsPerRequest));
    pass->groups += int(chunks.size()) + (deletions.isEmpty() ? 0 : 1) + (skipped.isEmpty() ? 0 : 1) - 1;

    if (!skipped.isEmpty()) {
        for (const Task &task : std::as_const(skipped))
            log(int(LogLevel::Info), QStringLiteral("Order import is off: customerorder/CREATE not imported"), &task);
        finishTasks(pass, skipped, {}, false, true);
    }
    if (!deletions.isEmpty()) {
        m_writer->submit(
            [deletions, entityType](QSqlDatabase &db) -> Result<Done, QString> {
                for (const Task &task : deletions) {
                    auto marked = ShopStore::markDeleted(db, entityType, task.documentId);
                    if (!marked.ok())
                        return marked;
                }
                return Done{};
            },
            [this, pass, deletions](Result<Done, QString> result) {
                QMetaObject::invokeMethod(this, [this, pass, deletions, result] {
                    finishTasks(pass, deletions, result.ok() ? QString() : result.error(), true, true);
                });
            });
    }
    for (const QStringList &chunk : std::as_const(chunks)) {
        QList<Task> chunkTasks;
        for (const Task &task : std::as_const(fetches)) {
            if (chunk.contains(task.documentId))
                chunkTasks.append(task);
        }
        // Before the request leaves: a deletion recorded after this moment outranks the answer.
        const QDateTime fetchedAt = QDateTime::currentDateTimeUtc();
        m_client->getDocumentsByIds(
            entityType, chunk, ShopStore::expandFor(entityType), this,
            [this, pass, entityType, chunk, chunkTasks, fetchedAt](Result<QList<QJsonObject>, ApiError> fetched) {
                if (!fetched.ok()) {
                    const ApiError &error = fetched.error();
                    // A 429 that outlived the client's retries only delays the tasks: it spends no attempt.
                    finishTasks(pass, chunkTasks, error.toString(), error.isRetryable(),
                                error.kind != ApiError::Kind::RateLimited);
                    return;
                }
                const QList<QJsonObject> documents = fetched.value();
                m_writer->submit(
                    [documents, entityType, chunk, fetchedAt](QSqlDatabase &db) -> Result<Done, QString> {
                        QSet<QString> present;
                        for (const QJsonObject &document : documents) {
                            present.insert(document.value(QLatin1String("id")).toString());
                            auto applied = ShopStore::apply(db, entityType, document, fetchedAt);
                            if (!applied.ok())
                                return applied;
                        }
                        // Not returned: MoySklad no longer has it (deleted). Final, not retried.
                        for (const QString &id : chunk) {
                            if (!present.contains(id)) {
                                auto marked = ShopStore::markDeleted(db, entityType, id);
                                if (!marked.ok())
                                    return marked;
                            }
                        }
                        return Done{};
                    },
                    [this, pass, chunkTasks](Result<Done, QString> result) {
                        QMetaObject::invokeMethod(this, [this, pass, chunkTasks, result] {
                            finishTasks(pass, chunkTasks, result.ok() ? QString() : result.error(), true, true);
                        });
                    });
            });
    }
}

void Worker::finishTasks(const std::shared_ptr<Pass> &pass, const QList<Task> &tasks, const QString &error,
                         bool retryable, bool countAttempt)
{
    // The pass ends when every outcome is committed: runFinished then means the queue says so too.
    pass->groups += int(tasks.size());
    QPointer<Worker> self(this);
    for (const Task &task : tasks) {
        if (error.isEmpty()) {
            m_queue->complete(task, [self, pass, task](Result<bool, QString> completed) {
                if (!self)
                    return;
                if (completed.ok() && completed.value()) {
                    ++pass->done;
                    self->log(int(LogLevel::Info), QStringLiteral("Processed %1 %2").arg(task.hook(), task.documentId),
                              &task);
                } else if (completed.ok()) {
                    self->log(int(LogLevel::Warning),
                              QStringLiteral("Task %1 was claimed again meanwhile: result dropped").arg(task.id),
                              &task);
                } else {
                    self->log(
                        int(LogLevel::Error),
                        QStringLiteral("Task %1 could not be marked done: %2").arg(task.id).arg(completed.error()),
                        &task);
                }
                self->groupDone(pass);
            });
        } else {
            const bool dead = !retryable || (countAttempt && task.attempts >= m_queue->policy().maxAttempts);
            m_queue->fail(
                task, error, retryable, countAttempt, [self, pass, task, error, dead](Result<bool, QString> failed) {
                    if (!self)
                        return;
                    ++pass->failed;
                    if (failed.ok() && !failed.value())
                        self->log(int(LogLevel::Warning),
                                  QStringLiteral("Task %1 was claimed again meanwhile: failure dropped").arg(task.id),
                                  &task);
                    else
                        self->log(int(dead ? LogLevel::Error : LogLevel::Warning),
                                  dead ? QStringLiteral("Task %1 is dead: %2").arg(task.id).arg(error)
                                       : QStringLiteral("Task %1 failed, will retry: %2").arg(task.id).arg(error),
                                  &task);
                    self->groupDone(pass);
                });
        }
    }
    groupDone(pass);
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
        m_lastRun = QDateTime::currentDateTimeUtc();
    }
    Q_EMIT runFinished(pass->done, pass->failed);
    if (pass->full)
        QMetaObject::invokeMethod(this, &Worker::runOnce, Qt::QueuedConnection);
}
