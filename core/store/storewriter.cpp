// SPDX-License-Identifier: GPL-3.0-or-later
#include "storewriter.h"

#include "common/logcategories.h"
#include "store/database.h"
#include "store/sqldialect.h"
#include "store/writelock.h"
#include "store/writerstatement.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>
#include <optional>
#include <vector>

namespace {
// As long as SQLite's busy timeout: another process's writes are short.
constexpr int lockTimeoutMs = 5000;

// The running writer's statements, on its own thread (see StoreWriter::prepared); null on any other thread.
thread_local QHash<QString, std::shared_ptr<WriterStatement>> *t_statements = nullptr;
thread_local QString t_connection;

// A transaction control statement (BEGIN, COMMIT, SAVEPOINT…). SQLite prepares it once, so a busy writer does not
// parse it again for every job; PostgreSQL cannot prepare transaction control, so there it runs as text.
class ControlStatement final
{
public:
    ControlStatement(const QSqlDatabase &db, QString sql)
        : m_prepared(db, sql)
        , m_text(db)
        , m_sql(std::move(sql))
    {}
    bool exec()
    {
        if (m_prepared.isPrepared()) {
            const bool ran = m_prepared.exec();
            m_error = m_prepared.lastError();
            return ran;
        }
        const bool ran = m_text.exec(m_sql);
        m_error = m_text.lastError().text();
        return ran;
    }
    QString lastError() const { return m_error; }

private:
    WriterStatement m_prepared;
    QSqlQuery m_text;
    QString m_sql;
    QString m_error;
};

// The transaction's own statements, run for every group and every job.
struct TransactionStatements final
{
    explicit TransactionStatements(const QSqlDatabase &db)
        : begin(db, SqlDialect::of(db)->beginWrite())
        , commit(db, QStringLiteral("COMMIT"))
        , rollback(db, QStringLiteral("ROLLBACK"))
        , savepoint(db, QStringLiteral("SAVEPOINT job"))
        , release(db, QStringLiteral("RELEASE job"))
        , rollbackToSavepoint(db, QStringLiteral("ROLLBACK TO job"))
    {}
    ControlStatement begin;
    ControlStatement commit;
    ControlStatement rollback;
    ControlStatement savepoint;
    ControlStatement release;
    ControlStatement rollbackToSavepoint;
};

// libpq's words for a connection that is gone.
bool isConnectionLost(const QString &error)
{
    for (const char *lost : {"server closed the connection", "no connection to the server", "terminating connection",
                             "could not connect", "connection to server", "SSL SYSCALL error"}) {
        if (error.contains(QLatin1String(lost)))
            return true;
    }
    return false;
}

QString nextWriterConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("skladhook-writer-%1").arg(counter.fetchAndAddRelaxed(1));
}
} // namespace

StoreWriter::StoreWriter(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
{}

StoreWriter::~StoreWriter()
{
    if (!m_thread)
        return;
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

Result<Done, QString> StoreWriter::start()
{
    QMutexLocker locker(&m_mutex);
    if (m_thread)
        return m_openResult;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("StoreWriter"));
    m_thread->start();
    while (!m_started)
        m_idle.wait(&m_mutex);
    return m_openResult;
}

void StoreWriter::submit(Job job, Finished done, Isolation isolation)
{
    QMutexLocker locker(&m_mutex);
    if (m_stopping || !m_openResult.ok()) {
        locker.unlock();
        if (done)
            done(m_openResult.ok() ? Result<Done, QString>(QStringLiteral("the database writer is stopping"))
                                   : m_openResult);
        return;
    }
    m_queue.push_back({std::move(job), std::move(done), isolation});
    if (m_gatherTarget == 0 || m_queue.size() >= m_gatherTarget)
        m_wake.wakeOne();
}

QString StoreWriter::storageProblemOf(const QString &error)
{
    if (error.contains(QLatin1String("disk is full")))
        return QStringLiteral("disk full");
    if (error.contains(QLatin1String("readonly database")) || error.contains(QLatin1String("read-only")))
        return QStringLiteral("database read-only");
    if (error.contains(QLatin1String("disk I/O error")))
        return QStringLiteral("disk I/O error");
    if (isConnectionLost(error))
        return QStringLiteral("store unreachable"); // a PostgreSQL store whose server cannot be reached
    return {};
}

WriterStatement &StoreWriter::prepared(QSqlDatabase &db, const QString &sql)
{
    if (!t_statements || db.connectionName() != t_connection) {
        Q_ASSERT_X(false, "StoreWriter::prepared", "called outside a job of this writer");
        thread_local std::unique_ptr<WriterStatement> scratch;
        scratch = std::make_unique<WriterStatement>(db, sql);
        return *scratch;
    }
    auto found = t_statements->find(sql);
    if (found == t_statements->end()) {
        auto statement = std::make_shared<WriterStatement>(db, sql);
        // A statement that fails to prepare is not kept (the next job tries again): it stays only until the next
        // failure, under the empty key, so that the job's exec() reports the error and it goes with the others.
        if (!statement->isPrepared()) {
            auto &failed = (*t_statements)[QString()];
            failed = std::move(statement);
            return *failed;
        }
        found = t_statements->insert(sql, std::move(statement));
    }
    return *found.value();
}

Result<int, QString> StoreWriter::execCount(QSqlDatabase &db, const QString &sql, const QList<QVariant> &values)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return query.lastError().text();
    return query.numRowsAffected();
}

void StoreWriter::deleteInChunks(const QString &sql, const QList<QVariant> &values, ChunksDeleted done)
{
    deleteChunk(sql.arg(deleteChunkRows), values, 0, std::move(done));
}

void StoreWriter::deleteChunk(const QString &sql, const QList<QVariant> &values, qint64 deletedBefore,
                              ChunksDeleted done)
{
    auto deleted = std::make_shared<int>(0);
    submit(
        [sql, values, deleted](QSqlDatabase &db) -> Result<Done, QString> {
            const auto count = execCount(db, sql, values);
            if (!count.ok())
                return count.error();
            *deleted = count.value();
            return Done{};
        },
        // On the writer's thread, which outlives the jobs it runs: the next chunk is asked for from there.
        [this, sql, values, deletedBefore, deleted, done](const Result<Done, QString> &committed) {
            if (!committed.ok()) {
                if (done)
                    done(committed.error());
            } else if (*deleted >= deleteChunkRows) {
                deleteChunk(sql, values, deletedBefore + *deleted, done);
            } else if (done) {
                done(deletedBefore + *deleted);
            }
        });
}

StoreWriter::Stats StoreWriter::stats() const
{
    return Stats{m_transactions.load(), m_jobs.load()};
}

void StoreWriter::flush()
{
    QMutexLocker locker(&m_mutex);
    while (!m_queue.empty() || m_busy)
        m_idle.wait(&m_mutex);
}

void StoreWriter::gather(std::size_t expected)
{
    // Senders that each wait for their answer (MoySklad's deliveries over keep-alive connections) send their next job
    // within a round trip of the last COMMIT: waiting for them while they keep coming makes one fsync serve twice as
    // many jobs (issue 11: 16 deliveries per transaction instead of 8 with 16 senders, a sixth less CPU per
    // delivery). It ends when `expected` jobs wait (submit() wakes the writer then, and not before), or when a slice
    // brought none, so a lone job waits one slice at most.
    m_gatherTarget = expected;
    const QDeadlineTimer cap(std::chrono::microseconds(kGatherCapUs), Qt::PreciseTimer);
    for (std::size_t seen = m_queue.size(); seen < expected && !m_stopping && !cap.hasExpired();) {
        m_wake.wait(&m_mutex, QDeadlineTimer(std::chrono::microseconds(kGatherSliceUs), Qt::PreciseTimer));
        if (m_queue.size() == seen)
            break;
        seen = m_queue.size();
    }
    m_gatherTarget = 0;
}

void StoreWriter::run()
{
    const QString name = nextWriterConnectionName();
    // SQLite only: PostgreSQL orders its writers itself, those of other machines too.
    std::optional<WriteLock> fileLock;
    if (!Database::isPostgres(m_path))
        fileLock.emplace(WriteLock::pathFor(m_path));
    const auto lock = [&fileLock]() -> Result<Done, QString> {
        return fileLock ? fileLock->acquire(lockTimeoutMs) : Result<Done, QString>(Done{});
    };
    const auto unlock = [&fileLock] {
        if (fileLock)
            fileLock->release();
    };
    {
        // Opening creates or migrates the schema and switches to WAL: a write like any other.
        auto locked = lock();
        auto opened = locked.ok() ? Database::open(m_path, name, false) : Result<QSqlDatabase, QString>(locked.error());
        unlock();
        QMutexLocker locker(&m_mutex);
        m_openResult = opened.ok() ? Result<Done, QString>(Done{}) : Result<Done, QString>(opened.error());
        m_started = true;
        m_idle.wakeAll();
        if (!opened.ok()) {
            Database::close(name);
            return;
        }
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    QHash<QString, std::shared_ptr<WriterStatement>> statements;
    t_statements = &statements;
    t_connection = name;
    auto tx = std::make_unique<TransactionStatements>(db);
    // PostgreSQL only: a connection lost (the server restarted, a network cut, an administrator's
    // pg_terminate_backend) is opened again before the next transaction, instead of failing every write until the
    // service restarts. Its prepared statements went with it.
    const auto reconnect = [&]() -> Result<Done, QString> {
        // The driver goes before the statements: without it they are dropped quietly, where a dead connection would
        // make each of them warn that it cannot be freed.
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        tx.reset();
        statements.clear();
        auto opened = Database::open(m_path, name, false);
        if (!opened.ok())
            return opened.error();
        db = opened.value();
        tx = std::make_unique<TransactionStatements>(db);
        qCInfo(lcStore) << "the connection to the store was lost and is open again";
        return Done{};
    };
    std::size_t lastGroup = 0;
    for (;;) {
        std::deque<Pending> batch;
        {
            QMutexLocker locker(&m_mutex);
            // Sent by others while the last group committed (its own senders were waiting for their answers).
            const std::size_t othersWaiting = m_queue.size();
            while (m_queue.empty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_queue.empty() && m_stopping)
                break;
            if (lastGroup > 1) // several senders at once: the last group's come back, besides those already here
                gather(lastGroup + othersWaiting);
            batch.swap(m_queue);
            lastGroup = batch.size();
            m_busy = true;
        }
        std::vector<Result<Done, QString>> results;
        results.reserve(batch.size());
        // The lock covers the transaction and the automatic checkpoint that follows its COMMIT.
        const auto locked = lock();
        bool committed = locked.ok() && tx && tx->begin.exec();
        QString batchError = committed      ? QString()
                             : !locked.ok() ? locked.error()
                             : tx           ? tx->begin.lastError()
                                            : QStringLiteral("no connection to the server");
        if (!committed && locked.ok() && !fileLock && (!tx || !db.isOpen() || isConnectionLost(batchError))) {
            const auto reopened = reconnect();
            committed = reopened.ok() && tx->begin.exec();
            batchError = committed ? QString() : reopened.ok() ? tx->begin.lastError() : reopened.error();
        }
        if (committed) {
            // Every statement of the savepoint dance is checked: a failed job must never commit half its writes.
            bool intact = true; // false: a failed job's writes could not be undone, so nothing of the batch stays
            QString abandoned;  // why nothing of the batch stays
            for (Pending &pending : batch) {
                if (!intact) {
                    results.push_back(QStringLiteral("not written: the transaction was abandoned"));
                    continue;
                }
                const bool ownSavepoint = pending.isolation == Isolation::OwnSavepoint;
                if (ownSavepoint && !tx->savepoint.exec()) {
                    results.push_back(QStringLiteral("cannot open a savepoint: %1").arg(tx->savepoint.lastError()));
                    continue;
                }
                Result<Done, QString> result = pending.job(db);
                if (ownSavepoint && result.ok() && !tx->release.exec())
                    result = QStringLiteral("cannot release the savepoint: %1").arg(tx->release.lastError());
                if (!result.ok() && !ownSavepoint) {
                    intact = false;
                    abandoned = result.error(); // as it says it: "database or disk is full" is a storage problem
                } else if (!result.ok() && !(tx->rollbackToSavepoint.exec() && tx->release.exec())) {
                    intact = false;
                    abandoned = QStringLiteral("a failed job's writes could not be undone, so none were kept");
                }
                results.push_back(std::move(result));
            }
            committed = intact && tx->commit.exec();
            if (!committed) {
                batchError = intact ? tx->commit.lastError() : abandoned;
                tx->rollback.exec();
            }
        }
        unlock();
        if (committed) {
            m_transactions.fetch_add(1, std::memory_order_relaxed);
            m_jobs.fetch_add(batch.size(), std::memory_order_relaxed);
        } else {
            qCWarning(lcStore) << "a write transaction failed:" << batchError;
        }
        // A full disk or a database turned read-only fails every write until someone acts: said once, in plain
        // words, and again when writes work again.
        QString storage = committed ? QString() : storageProblemOf(batchError);
        for (std::size_t i = 0; committed && i < results.size(); ++i) {
            if (!results[i].ok() && storage.isEmpty())
                storage = storageProblemOf(results[i].error());
        }
        if (storage != m_storageProblem && (committed || !storage.isEmpty())) {
            m_storageProblem = storage;
            Q_EMIT storageChanged(storage);
        }
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (!batch[i].done)
                continue;
            if (!committed)
                batch[i].done(QStringLiteral("the database write failed: %1").arg(batchError));
            else
                batch[i].done(std::move(results[i]));
        }
        QMutexLocker locker(&m_mutex);
        m_busy = false;
        m_idle.wakeAll();
    }
    // Every statement goes before the connection closes.
    t_statements = nullptr;
    t_connection.clear();
    statements.clear();
    tx.reset();
    db = QSqlDatabase();
    // The last connection to close checkpoints the WAL: under the lock too (best effort, closing never fails).
    const bool lockedForClose = lock().ok();
    Database::close(name);
    if (lockedForClose)
        unlock();
    QMutexLocker locker(&m_mutex);
    m_idle.wakeAll();
}
