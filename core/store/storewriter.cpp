// SPDX-License-Identifier: GPL-3.0-or-later
#include "storewriter.h"

#include "common/logcategories.h"
#include "store/database.h"
#include "store/writelock.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// As long as SQLite's busy timeout: another process's writes are short.
constexpr int lockTimeoutMs = 5000;

QString nextConnectionName()
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

void StoreWriter::submit(Job job, Finished done)
{
    QMutexLocker locker(&m_mutex);
    if (m_stopping || !m_openResult.ok()) {
        locker.unlock();
        if (done)
            done(m_openResult.ok() ? Result<Done, QString>(QStringLiteral("the database writer is stopping"))
                                   : m_openResult);
        return;
    }
    m_queue.push_back({std::move(job), std::move(done)});
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
    return {};
}

void StoreWriter::flush()
{
    QMutexLocker locker(&m_mutex);
    while (!m_queue.empty() || m_busy)
        m_idle.wait(&m_mutex);
}

void StoreWriter::run()
{
    const QString name = nextConnectionName();
    WriteLock lock(WriteLock::pathFor(m_path));
    {
        // Opening creates or migrates the schema and switches to WAL: a write like any other.
        auto locked = lock.acquire(lockTimeoutMs);
        auto opened = locked.ok() ? Database::open(m_path, name, false) : Result<QSqlDatabase, QString>(locked.error());
        lock.release();
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
    QSqlQuery query(db);
    for (;;) {
        std::deque<Pending> batch;
        {
            QMutexLocker locker(&m_mutex);
            while (m_queue.empty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_queue.empty() && m_stopping)
                break;
            batch.swap(m_queue);
            m_busy = true;
        }
        std::vector<Result<Done, QString>> results;
        results.reserve(batch.size());
        // The lock covers the transaction and the automatic checkpoint that follows its COMMIT.
        const auto locked = lock.acquire(lockTimeoutMs);
        bool committed = locked.ok() && query.exec(QStringLiteral("BEGIN IMMEDIATE"));
        QString batchError = committed ? QString() : locked.ok() ? query.lastError().text() : locked.error();
        if (committed) {
            // Every statement of the savepoint dance is checked: a failed job must never commit half its writes.
            bool intact = true; // false: a failed job's writes could not be undone, so nothing of the batch stays
            for (Pending &pending : batch) {
                if (!intact) {
                    results.push_back(QStringLiteral("not written: the transaction was abandoned"));
                    continue;
                }
                if (!query.exec(QStringLiteral("SAVEPOINT job"))) {
                    results.push_back(QStringLiteral("cannot open a savepoint: %1").arg(query.lastError().text()));
                    continue;
                }
                Result<Done, QString> result = pending.job(db);
                if (result.ok() && !query.exec(QStringLiteral("RELEASE job")))
                    result = QStringLiteral("cannot release the savepoint: %1").arg(query.lastError().text());
                if (!result.ok() &&
                    !(query.exec(QStringLiteral("ROLLBACK TO job")) && query.exec(QStringLiteral("RELEASE job"))))
                    intact = false;
                results.push_back(std::move(result));
            }
            committed = intact && query.exec(QStringLiteral("COMMIT"));
            if (!committed) {
                batchError = intact ? query.lastError().text()
                                    : QStringLiteral("a failed job's writes could not be undone, so none were kept");
                query.exec(QStringLiteral("ROLLBACK"));
            }
        }
        lock.release();
        if (!committed)
            qCWarning(lcStore) << "a write transaction failed:" << batchError;
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
    db = QSqlDatabase();
    query = QSqlQuery();
    // The last connection to close checkpoints the WAL: under the lock too (best effort, closing never fails).
    const bool lockedForClose = lock.acquire(lockTimeoutMs).ok();
    Database::close(name);
    if (lockedForClose)
        lock.release();
    QMutexLocker locker(&m_mutex);
    m_idle.wakeAll();
}
