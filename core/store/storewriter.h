// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QMutex>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>

class WriterStatement;

// The only thread of a process that writes the store (skladhook.db, or PostgreSQL: see Database). Jobs come from any
// thread; the writer runs every job queued at that moment in one BEGIN IMMEDIATE … COMMIT (group commit: one fsync for
// many deliveries; after a group of several it waits up to a millisecond for the next ones while they keep coming),
// each job inside its own savepoint so that one failing job does not undo the others (unless it shares the
// transaction's fate: Isolation). `done` runs on the writer thread after COMMIT. Debian's SQLite 3.40 has a WAL bug
// that needs two concurrent writers: with one writer it cannot happen.
class StoreWriter final : public QObject
{
    Q_OBJECT

public:
    using Job = std::function<Result<Done, QString>(QSqlDatabase &)>;
    using Finished = std::function<void(Result<Done, QString>)>;

    // How a job's failure is contained.
    enum class Isolation {
        // In a savepoint of its own: when it fails, its writes are undone and the other jobs commit.
        OwnSavepoint,
        // Without one: when it fails, its whole transaction is abandoned and every job in it fails with its error.
        // For the hot jobs whose only failures (a full disk, an I/O error, a lost connection) fail the transaction
        // anyway: a savepoint copies every page a job first touches (about 10 µs of the writer's time per delivery,
        // issue 11).
        SharesTheTransaction,
    };

    explicit StoreWriter(QString databasePath, QObject *parent = nullptr);
    ~StoreWriter() override; // runs what is queued, then stops

    // Opens the database on the writer thread (creating and migrating it). Blocks until it is open.
    Result<Done, QString> start();
    void submit(Job job, Finished done = {}, Isolation isolation = Isolation::OwnSavepoint);
    // Blocks until everything submitted so far is committed (tests, clean shutdown).
    void flush();
    QString databasePath() const { return m_path; }
    // "disk full", "database read-only", "disk I/O error", "store unreachable" (PostgreSQL's server) for an error
    // text that says so; empty otherwise.
    static QString storageProblemOf(const QString &error);

    // Inside a job: `sql` prepared once on this writer's connection and reused by every later job (the text is the
    // key), so a hot job does not parse its statements again each time. Add values and exec(); rows must be
    // finish()ed by the job. Valid until the writer stops; only inside a job (asserted).
    static WriterStatement &prepared(QSqlDatabase &db, const QString &sql);

    // Inside a job: `sql` run once with `values` bound in order; the rows it changed.
    static Result<int, QString> execCount(QSqlDatabase &db, const QString &sql, const QList<QVariant> &values);

    // Deletes what `sql` deletes, deleteChunkRows rows per job, each job in its own savepoint: the statement journal
    // (in memory) holds one chunk's pages, never a whole backlog's, and other writes commit between the chunks
    // instead of waiting behind one long DELETE. `sql` bounds its rows with `LIMIT %1`; `values` are bound in order.
    // `done` runs on the writer's thread with the rows deleted in all, or the first error.
    using ChunksDeleted = std::function<void(Result<qint64, QString>)>;
    static constexpr int deleteChunkRows = 2000;
    void deleteInChunks(const QString &sql, const QList<QVariant> &values, ChunksDeleted done = {});

    // What the writer did so far (benchmarks, diagnostics). Thread-safe.
    struct Stats final
    {
        quint64 transactions = 0; // committed BEGIN … COMMIT groups: each one fsync of the WAL (synchronous=FULL)
        quint64 jobs = 0;         // jobs committed in them
    };
    Stats stats() const;

Q_SIGNALS:
    // Emitted on the writer's thread when writes start failing for want of storage (`problem` as storageProblemOf
    // says it) and again, with an empty problem, once a transaction commits again.
    void storageChanged(const QString &problem);

private:
    struct Pending
    {
        Job job;
        Finished done;
        Isolation isolation = Isolation::OwnSavepoint;
    };
    void run();
    // With m_mutex held, after a group of several jobs: waits while more jobs keep arriving, a slice at a time, up to
    // the cap or until `expected` wait, so that they share the next COMMIT.
    void gather(std::size_t expected);
    static constexpr int kGatherSliceUs = 100;
    static constexpr int kGatherCapUs = 1000;
    void deleteChunk(const QString &sql, const QList<QVariant> &values, qint64 deletedBefore, ChunksDeleted done);

    QString m_path;
    QThread *m_thread = nullptr;
    QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_idle;
    std::deque<Pending> m_queue;
    bool m_stopping = false;
    bool m_busy = false;
    std::size_t m_gatherTarget = 0; // while gathering: submit() wakes the writer only once this many jobs wait
    bool m_started = false;
    Result<Done, QString> m_openResult = Done{};
    QString m_storageProblem; // the writer thread's own
    std::atomic<quint64> m_transactions{0};
    std::atomic<quint64> m_jobs{0};
};
