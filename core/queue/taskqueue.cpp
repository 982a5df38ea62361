// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskqueue.h"

#include "moysklad/documenthref.h"
#include "queue/recentrequests.h"
#include "store/database.h"
#include "store/sqldialect.h"
#include "store/sqlrow.h"
#include "store/storewriter.h"
#include "store/writerstatement.h"

#include <QMetaObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <memory>
#include <utility>

namespace {

QString iso(const QDateTime &time)
{
    return Clock::isoText(time);
}

const QString taskColumns = QStringLiteral(
    "id, entity_type, action, document_id, href, request_id, event_index, mode, status, attempts, next_attempt_at, "
    "lease_until, lease_token, last_error, created_at, updated_at, finished_at, outcome");

Task readTask(const SqlRow &row)
{
    Task task;
    task.id = row.integer(QStringLiteral("id"));
    task.entityType = row.text(QStringLiteral("entity_type"));
    task.action = row.text(QStringLiteral("action"));
    task.documentId = row.text(QStringLiteral("document_id"));
    // No href stored: MoySklad's own address of the document (enqueue leaves that one out).
    const QString href = row.text(QStringLiteral("href"));
    task.href = QUrl(href.isEmpty() ? DocumentHref::of(task.entityType, task.documentId) : href);
    task.requestId = row.text(QStringLiteral("request_id"));
    task.eventIndex = int(row.integer(QStringLiteral("event_index")));
    task.mode = parseExecutionMode(row.text(QStringLiteral("mode"))).value_or(ExecutionMode::Queued);
    task.status = parseTaskStatus(row.text(QStringLiteral("status"))).value_or(TaskStatus::Pending);
    task.attempts = int(row.integer(QStringLiteral("attempts")));
    task.nextAttemptAt = row.time(QStringLiteral("next_attempt_at"));
    task.leaseUntil = row.time(QStringLiteral("lease_until"));
    task.leaseToken = row.integer(QStringLiteral("lease_token"));
    task.lastError = row.text(QStringLiteral("last_error"));
    task.createdAt = row.time(QStringLiteral("created_at"));
    task.updatedAt = row.time(QStringLiteral("updated_at"));
    task.finishedAt = row.time(QStringLiteral("finished_at"));
    task.outcome = parseTaskOutcome(row.text(QStringLiteral("outcome")));
    return task;
}

// Where only the query is at hand (the claim, on the writer's connection): the names are resolved for each row, which
// a claim's few rows afford; the readers below resolve them once per query.
Task readTask(const QSqlQuery &query)
{
    return readTask(SqlRow(query));
}

// The writer's memory of recent deliveries, from the table: those received since `sinceMs` (ms since the epoch),
// oldest first (through the received_at index).
Result<Done, QString> loadRecent(QSqlDatabase &db, qint64 sinceMs, RecentRequests &ids)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT request_id, received_at FROM deliveries WHERE received_at >= ? ORDER BY "
                                 "received_at"));
    query.addBindValue(iso(QDateTime::fromMSecsSinceEpoch(sinceMs, Qt::UTC)));
    if (!query.exec())
        return QStringLiteral("cannot read the recent deliveries: %1").arg(query.lastError().text());
    const SqlRow row(query);
    while (query.next())
        ids.add(row.text(QStringLiteral("request_id")), row.time(QStringLiteral("received_at")).toMSecsSinceEpoch());
    return Done{};
}

} // namespace

struct TaskQueue::Recent final
{
    RecentRequests ids;
    bool loaded = false;
};

TaskQueue::TaskQueue(StoreWriter *writer, Policy policy, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_policy(policy)
    , m_clock(clock)
    , m_reader(writer->databasePath())
    , m_recent(std::make_shared<Recent>())
{}

TaskQueue::~TaskQueue() = default;

QString TaskQueue::now() const
{
    return iso(m_clock.utcNow());
}

template<typename T>
std::function<void(Result<T, QString>)> TaskQueue::onQueueThread(Callback<T> done)
{
    // `done` may own this queue and its writer (a CLI command keeps them alive that way), so it must be let go of on
    // the queue's thread, never on the writer's. Qt 6.4 frees a posted functor on whichever thread drops the last
    // reference, the posting one included: the functor holds this box, and the callback is moved out of it and
    // destroyed where it runs.
    auto box = std::make_shared<Callback<T>>(std::move(done));
    QPointer<TaskQueue> self(this);
    return [self, box](Result<T, QString> result) {
        if (!self || !*box)
            return;
        QMetaObject::invokeMethod(self.data(), [result = std::move(result), box]() mutable {
            const Callback<T> callback = std::exchange(*box, nullptr);
            callback(std::move(result));
        });
    };
}

template<typename T>
void TaskQueue::run(std::function<Result<T, QString>(QSqlDatabase &)> job, Callback<T> done)
{
    auto result = std::make_shared<std::optional<Result<T, QString>>>();
    m_writer->submit(
        [job = std::move(job), result](QSqlDatabase &db) -> Result<Done, QString> {
            result->emplace(job(db));
            if (!result->value().ok())
                return result->value().error();
            return Done{};
        },
        [result, answer = onQueueThread<T>(std::move(done))](Result<Done, QString> committed) {
            answer(committed.ok() ? std::move(result->value()) : Result<T, QString>(committed.error()));
        });
}

void TaskQueue::enqueue(const Delivery &delivery, const ModeOf &modeOf, std::function<void(Enqueued)> done)
{
    const QDateTime current = m_clock.utcNow();
    const QString at = iso(current);
    const QString receivedAt = delivery.receivedAt.isValid() ? iso(delivery.receivedAt) : at;
    const QString hook = delivery.hookEntityType.isEmpty()
                             ? QString()
                             : delivery.hookEntityType + QLatin1Char('/') + delivery.hookAction;
    // Modes are decided now, from the settings of the moment the delivery arrived.
    QList<ExecutionMode> modes;
    modes.reserve(delivery.events.size());
    for (const DeliveryEvent &event : delivery.events)
        modes.append(modeOf ? modeOf(event.entityType, event.action) : ExecutionMode::Queued);
    auto enqueued = std::make_shared<Enqueued>();
    // The writer's memory keeps time by this clock, whatever time a delivery says it arrived.
    const qint64 currentMs = current.toMSecsSinceEpoch();
    auto recent = m_recent;
    auto remembered = std::make_shared<bool>(false); // whether `recent` took the id, to forget it if not committed
    m_writer->submit(
        [delivery, modes, at, receivedAt, currentMs, hook, enqueued, recent,
         remembered](QSqlDatabase &db) -> Result<Done, QString> {
            const SqlDialect *dialect = SqlDialect::of(db);
            // A store that one service writes (SQLite) knows a redelivery from the writer's memory of the last hour
            // (RecentRequests); one that several services write (PostgreSQL) from the table's unique key.
            const bool keyed = dialect->servesSeveral();
            if (!keyed) {
                if (!recent->loaded) {
                    const qint64 windowStart = currentMs - RecentRequests::defaultWindowMs;
                    if (const auto loaded = loadRecent(db, windowStart, recent->ids); !loaded.ok())
                        return loaded.error();
                    recent->loaded = true;
                }
                if (recent->ids.contains(delivery.requestId)) {
                    enqueued->outcome = PersistOutcome::Duplicate;
                    return Done{};
                }
            }
            // The writer's prepared statements: every delivery runs these two.
            WriterStatement &insertDelivery = StoreWriter::prepared(
                db, QStringLiteral("INSERT INTO deliveries (request_id, received_at, peer, events, hook, written_us) "
                                   "VALUES (?, ?, ?, ?, ?, ?)") +
                        (keyed ? QStringLiteral(" ON CONFLICT (request_id) DO NOTHING") : QString()));
            insertDelivery.add(delivery.requestId);
            insertDelivery.add(receivedAt);
            insertDelivery.add(delivery.peer);
            insertDelivery.add(qint64(delivery.events.size()));
            insertDelivery.add(hook);
            insertDelivery.add(delivery.arrival.isValid()
                                   ? std::optional<qint64>(delivery.arrival.nsecsElapsed() / 1000)
                                   : std::nullopt);
            if (!insertDelivery.exec())
                return insertDelivery.lastError();
            // Only the request id's key: a redelivery through another service's receiver. Any other constraint
            // failing is an error, never a redelivery (that would answer 200 for a delivery that was not stored).
            if (insertDelivery.rowsAffected() == 0) {
                enqueued->outcome = PersistOutcome::Duplicate;
                return Done{};
            }
            if (!keyed) {
                recent->ids.add(delivery.requestId, currentMs);
                *remembered = true;
            }
            WriterStatement &insertTask = StoreWriter::prepared(
                db, QStringLiteral("INSERT INTO tasks (entity_type, action, document_id, href, request_id, "
                                   "event_index, mode, status, next_attempt_at, created_at, updated_at) VALUES "
                                   "(?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)") +
                        dialect->returningId());
            // What every task row of the delivery repeats, in UTF-8 once.
            const QByteArray requestId = delivery.requestId.toUtf8();
            const QByteArray createdAt = at.toUtf8();
            for (qsizetype i = 0; i < delivery.events.size(); ++i) {
                const DeliveryEvent &event = delivery.events.at(i);
                const ExecutionMode mode = modes.at(i);
                insertTask.add(event.entityType);
                insertTask.add(event.action);
                insertTask.add(event.documentId);
                // MoySklad's own address is known from the type and the id (readTask): a third of the row's bytes.
                insertTask.add(DocumentHref::idIn(event.href, event.entityType) == event.documentId ? QString()
                                                                                                    : event.href);
                insertTask.add(requestId);
                insertTask.add(qint64(i));
                insertTask.add(executionModeName(mode));
                insertTask.add(createdAt); // next_attempt_at
                insertTask.add(createdAt);
                insertTask.add(createdAt); // updated_at
                if (!insertTask.exec())
                    return insertTask.lastError();
                const std::optional<qint64> id = insertTask.insertedId();
                if (!id)
                    return QStringLiteral("a task row was not inserted");
                const bool now = mode == ExecutionMode::Immediate || (mode == ExecutionMode::FirstImmediate && i == 0);
                if (now)
                    enqueued->immediate.append(*id);
            }
            // Another service that is free may take the immediate tasks at once (StoreNotifications).
            const QString notify = dialect->notifyImmediate();
            if (!notify.isEmpty() && !enqueued->immediate.isEmpty()) {
                QStringList ids;
                for (qint64 id : std::as_const(enqueued->immediate))
                    ids.append(QString::number(id));
                WriterStatement &told = StoreWriter::prepared(db, notify);
                told.add(ids.join(QLatin1Char(',')));
                if (!told.exec())
                    return told.lastError();
                told.finish();
            }
            enqueued->outcome = PersistOutcome::Stored;
            return Done{};
        },
        [enqueued, recent, remembered, requestId = delivery.requestId,
         done = std::move(done)](Result<Done, QString> committed) {
            if (!committed.ok()) {
                if (*remembered) // not stored after all: MoySklad's retry must be
                    recent->ids.remove(requestId);
                done(Enqueued{PersistOutcome::Failed, {}});
                return;
            }
            done(*enqueued);
        },
        // Its rows cannot fail one by one (the parser checked every value, a redelivery is no error): only a full
        // disk, an I/O error or a lost connection can, and those fail the whole transaction anyway.
        StoreWriter::Isolation::SharesTheTransaction);
}

void TaskQueue::claim(int limit, const QList<qint64> &ids, Callback<QList<Task>> done)
{
    const QString at = now();
    const QString leaseUntil = iso(m_clock.utcNow().addMSecs(m_policy.leaseMs));
    const int maxAttempts = m_policy.maxAttempts;
    // The claim's job hands both lists back; the abandoned ones are announced before `done` runs.
    struct Claimed
    {
        QList<Task> claimed;
        QList<Task> abandoned;
    };
    QPointer<TaskQueue> self(this);
    run<Claimed>(
        [at, leaseUntil, limit, ids, maxAttempts](QSqlDatabase &db) -> Result<Claimed, QString> {
            QSqlQuery query(db);
            const SqlDialect *dialect = SqlDialect::of(db);
            // Due: waiting and its time has come, or running with a lease that expired or a claim whose connection
            // is gone (its worker died).
            QString where = QStringLiteral("((status IN ('pending', 'retrying') AND next_attempt_at <= ?) OR "
                                           "(status = 'running' AND lease_until < ?) OR %1)")
                                .arg(dialect->ownerGone());
            if (!ids.isEmpty()) {
                QStringList numbers;
                for (qint64 id : ids)
                    numbers.append(QString::number(id));
                where += QStringLiteral(" AND id IN (%1)").arg(numbers.join(QLatin1Char(',')));
            }
            // Services sharing a PostgreSQL store claim side by side: each skips the rows another is claiming.
            query.prepare(QStringLiteral("SELECT %1 FROM tasks WHERE %2 ORDER BY next_attempt_at, id LIMIT %3%4")
                              .arg(taskColumns, where)
                              .arg(limit)
                              .arg(dialect->skipLockedRows()));
            query.addBindValue(at);
            query.addBindValue(at);
            if (!query.exec())
                return query.lastError().text();
            QList<Task> tasks;
            QList<Task> abandoned;
            while (query.next()) {
                Task task = readTask(query);
                // Every claim spent an attempt, and a task still unfinished after maxAttempts claims was taken by a
                // process that died (or hung) each time: taking it again would only crash-loop. It dies instead.
                if (task.attempts >= maxAttempts)
                    abandoned.append(task);
                else
                    tasks.append(task);
            }
            if (!abandoned.isEmpty()) {
                QSqlQuery dead(db);
                dead.prepare(
                    QStringLiteral("UPDATE tasks SET status = 'dead', last_error = ?, lease_until = NULL, "
                                   "lease_token = lease_token + 1, updated_at = ?, finished_at = ? WHERE id = ?"));
                for (Task &task : abandoned) {
                    task.lastError = abandonedError(task.attempts);
                    dead.addBindValue(task.lastError);
                    dead.addBindValue(at);
                    dead.addBindValue(at);
                    dead.addBindValue(task.id);
                    if (!dead.exec())
                        return dead.lastError().text();
                    task.status = TaskStatus::Dead;
                    ++task.leaseToken;
                }
            }
            if (tasks.isEmpty())
                return Claimed{tasks, abandoned};
            // Who claims, read once for the whole claim rather than once per task (a look into pg_stat_activity).
            QSqlQuery owner(db);
            if (!owner.exec(QStringLiteral("SELECT %1").arg(dialect->sessionOwner())) || !owner.next())
                return owner.lastError().text();
            const QVariant leaseOwner = owner.value(0);
            owner.finish();
            QSqlQuery update(db);
            update.prepare(
                QStringLiteral("UPDATE tasks SET status = 'running', attempts = attempts + 1, lease_until = ?, "
                               "lease_token = lease_token + 1, lease_owner = ?, updated_at = ? WHERE id = ?"));
            for (Task &task : tasks) {
                update.addBindValue(leaseUntil);
                update.addBindValue(leaseOwner);
                update.addBindValue(at);
                update.addBindValue(task.id);
                if (!update.exec())
                    return update.lastError().text();
                task.status = TaskStatus::Running;
                task.updatedAt = QDateTime::fromString(at, Qt::ISODateWithMs); // the attempt's start
                ++task.attempts;
                ++task.leaseToken;
                task.leaseUntil = QDateTime::fromString(leaseUntil, Qt::ISODateWithMs);
            }
            return Claimed{tasks, abandoned};
        },
        [self, done = std::move(done)](Result<Claimed, QString> claimed) {
            if (!claimed.ok()) {
                done(claimed.error());
                return;
            }
            if (self && !claimed.value().abandoned.isEmpty())
                Q_EMIT self->abandoned(claimed.value().abandoned);
            done(claimed.value().claimed);
        });
}

QString TaskQueue::abandonedError(int attempts)
{
    return QStringLiteral("Gave up after %1 attempt(s) that ended without an outcome: the process stopped (or hung) "
                          "while processing this task each time")
        .arg(attempts);
}

void TaskQueue::complete(const Task &task, Callback<bool> done)
{
    const QDateTime at = m_clock.utcNow();
    run<bool>([task, at](QSqlDatabase &db) { return completeIn(db, task, at, Completion{}); }, std::move(done));
}

void TaskQueue::fail(const Task &task, const QString &error, bool retryable, bool countAttempt, Callback<bool> done)
{
    const QDateTime at = m_clock.utcNow();
    const Failure failure{error, retryable, countAttempt};
    run<bool>(
        [task, failure, policy = m_policy, at](QSqlDatabase &db) { return failIn(db, task, failure, policy, at); },
        std::move(done));
}

namespace {

// The history row of an attempt whose claim held. It starts at the claim (the task's updated_at then).
Result<bool, QString> recordAttempt(QSqlDatabase &db, const Task &task, const QDateTime &at, TaskStatus status,
                                    TaskOutcome outcome, int httpStatus, const QString &error)
{
    QSqlQuery query(db);
    // Numbered in the task's history: a manual retry resets the task's attempt count, never its history.
    query.prepare(QStringLiteral("INSERT INTO task_attempts (task_id, attempt, started_at, finished_at, http_status, "
                                 "status, outcome, error) VALUES (?, (SELECT count(*) + 1 FROM task_attempts WHERE "
                                 "task_id = ?), ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(task.id);
    query.addBindValue(task.id);
    query.addBindValue(iso(task.updatedAt.isValid() ? task.updatedAt : at));
    query.addBindValue(iso(at));
    query.addBindValue(httpStatus > 0 ? QVariant(httpStatus) : QVariant());
    query.addBindValue(taskStatusName(status));
    query.addBindValue(outcome == TaskOutcome::None ? QVariant() : QVariant(taskOutcomeName(outcome)));
    query.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
    if (!query.exec())
        return query.lastError().text();
    return true;
}

} // namespace

Result<bool, QString> TaskQueue::completeIn(QSqlDatabase &db, const Task &task, const QDateTime &at,
                                            const Completion &completion)
{
    const QString time = iso(at);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE tasks SET status = 'done', outcome = ?, finished_at = ?, updated_at = ?, "
                                 "lease_until = NULL, last_error = NULL WHERE id = ? AND lease_token = ? AND status = "
                                 "'running'"));
    query.addBindValue(taskOutcomeName(completion.outcome));
    query.addBindValue(time);
    query.addBindValue(time);
    query.addBindValue(task.id);
    query.addBindValue(task.leaseToken);
    if (!query.exec())
        return query.lastError().text();
    if (query.numRowsAffected() != 1)
        return false;
    return recordAttempt(db, task, at, TaskStatus::Done, completion.outcome, completion.httpStatus, {});
}

namespace {
int attemptsAfter(const Task &task, const TaskQueue::Failure &failure)
{
    return failure.countAttempt ? task.attempts : std::max(0, task.attempts - 1);
}
} // namespace

bool TaskQueue::isFinal(const Task &task, const Failure &failure, const Policy &policy)
{
    return !failure.retryable || attemptsAfter(task, failure) >= policy.maxAttempts;
}

Result<bool, QString> TaskQueue::failIn(QSqlDatabase &db, const Task &task, const Failure &failure,
                                        const Policy &policy, const QDateTime &at)
{
    const int attempts = attemptsAfter(task, failure);
    const bool dead = isFinal(task, failure, policy);
    const qint64 exp = qint64(policy.backoffBaseMs) << std::min(std::max(attempts - 1, 0), 20);
    const qint64 cap = std::min<qint64>(exp, policy.backoffMaxMs);
    const qint64 delay = cap / 2 + qint64(QRandomGenerator::global()->bounded(double(cap / 2 + 1)));
    const qint64 wait = failure.dueAtOnce ? 0 : failure.countAttempt ? delay : std::min<qint64>(delay, 60000);
    const QString next = iso(at.addMSecs(wait));
    const QString time = iso(at);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE tasks SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, "
                                 "lease_until = NULL, updated_at = ?, finished_at = ? WHERE id = ? AND lease_token = ? "
                                 "AND status = 'running'"));
    query.addBindValue(dead ? QStringLiteral("dead") : QStringLiteral("retrying"));
    query.addBindValue(attempts);
    query.addBindValue(next);
    query.addBindValue(failure.error);
    query.addBindValue(time);
    query.addBindValue(dead ? QVariant(time) : QVariant());
    query.addBindValue(task.id);
    query.addBindValue(task.leaseToken);
    if (!query.exec())
        return query.lastError().text();
    if (query.numRowsAffected() != 1)
        return false;
    // An attempt given back (rate limited, MoySklad unreachable, token refused) still happened: it is in the history.
    return recordAttempt(db, task, at, dead ? TaskStatus::Dead : TaskStatus::Retrying, TaskOutcome::None,
                         failure.httpStatus, failure.error);
}

namespace {

// A filter as an SQL condition with its values, limited to `statuses` when there are any (a bulk action's).
struct Condition
{
    QString sql;
    QList<QVariant> values;
};

Condition conditionOf(const TaskFilter &filter, const SqlDialect &dialect, QStringList statuses = {})
{
    QStringList parts{QStringLiteral("1 = 1")}; // a truth both engines accept as a condition
    Condition condition;
    if (filter.status) {
        const QString name = taskStatusName(*filter.status);
        statuses = statuses.isEmpty() || statuses.contains(name) ? QStringList{name} : QStringList{QString()};
    }
    if (!statuses.isEmpty()) {
        parts.append(QStringLiteral("status IN (%1)")
                         .arg(QStringList(statuses.size(), QStringLiteral("?")).join(QLatin1Char(','))));
        for (const QString &status : std::as_const(statuses))
            condition.values.append(status);
    }
    if (!filter.hook.isEmpty()) {
        parts.append(QStringLiteral("entity_type || '/' || action = ?"));
        condition.values.append(filter.hook);
    }
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        const QString like = SqlDialect::containsPattern(text);
        const auto contains = [&dialect](const QString &column) { return dialect.containsIgnoringCase(column); };
        // A document's number lives in the shop store; the queue knows only its id.
        parts.append(QStringLiteral(
                         "(CAST(id AS TEXT) = ? OR request_id = ? OR %1 OR %2 OR %3 OR (entity_type = 'customerorder' "
                         "AND document_id IN (SELECT id FROM orders WHERE %4)) OR (entity_type IN ('paymentin', "
                         "'cashin') AND document_id IN (SELECT id FROM payments WHERE %4)) OR (entity_type = "
                         "'demand' AND document_id IN (SELECT id FROM shipments WHERE %4)))")
                         .arg(contains(QStringLiteral("document_id")), contains(QStringLiteral("last_error")),
                              contains(QStringLiteral("(entity_type || '/' || action)")),
                              contains(QStringLiteral("name"))));
        condition.values << text << text;
        for (int i = 0; i < 6; ++i)
            condition.values << like;
    }
    condition.sql = parts.join(QStringLiteral(" AND "));
    return condition;
}

QStringList statusesFor(BulkAction action)
{
    return action == BulkAction::Retry
               ? QStringList{QStringLiteral("dead"), QStringLiteral("cancelled"), QStringLiteral("retrying")}
               : QStringList{QStringLiteral("pending"), QStringLiteral("retrying"), QStringLiteral("dead")};
}

} // namespace

void TaskQueue::applyToMatching(BulkAction action, const TaskFilter &filter, Callback<int> done)
{
    const QString at = now();
    const QString sql =
        action == BulkAction::Retry
            ? QStringLiteral("UPDATE tasks SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?, "
                             "finished_at = NULL WHERE %1")
            : QStringLiteral("UPDATE tasks SET status = 'cancelled', updated_at = ?, finished_at = ? WHERE %1");
    run<int>(
        [sql, at, filter, statuses = statusesFor(action)](QSqlDatabase &db) {
            const Condition condition = conditionOf(filter, *SqlDialect::of(db), statuses);
            QList<QVariant> values{at, at};
            values.append(condition.values);
            return StoreWriter::execCount(db, sql.arg(condition.sql), values);
        },
        std::move(done));
}

void TaskQueue::retry(qint64 id, Callback<bool> done)
{
    const QString at = now();
    run<bool>(
        [at, id](QSqlDatabase &db) -> Result<bool, QString> {
            auto count = StoreWriter::execCount(
                db,
                QStringLiteral("UPDATE tasks SET status = 'pending', attempts = 0, next_attempt_at = "
                               "?, updated_at = ?, finished_at = NULL WHERE id = ? AND status IN "
                               "('dead', 'cancelled', 'retrying')"),
                {at, at, id});
            if (!count.ok())
                return count.error();
            return count.value() == 1;
        },
        std::move(done));
}

void TaskQueue::retryDead(Callback<int> done)
{
    const QString at = now();
    run<int>(
        [at](QSqlDatabase &db) {
            return StoreWriter::execCount(
                db,
                QStringLiteral("UPDATE tasks SET status = 'pending', attempts = 0, next_attempt_at = ?, "
                               "updated_at = ?, finished_at = NULL WHERE status = 'dead'"),
                {at, at});
        },
        std::move(done));
}

void TaskQueue::cancel(qint64 id, Callback<bool> done)
{
    const QString at = now();
    run<bool>(
        [at, id](QSqlDatabase &db) -> Result<bool, QString> {
            auto count = StoreWriter::execCount(
                db,
                QStringLiteral("UPDATE tasks SET status = 'cancelled', updated_at = ?, finished_at = ? "
                               "WHERE id = ? AND status IN ('pending', 'retrying', 'dead')"),
                {at, at, id});
            if (!count.ok())
                return count.error();
            return count.value() == 1;
        },
        std::move(done));
}

void TaskQueue::prune(int retentionDays, Callback<int> done)
{
    // In chunks (StoreWriter::deleteInChunks), one table after the other on the writer's thread: done and cancelled
    // tasks, then attempts left without their task, then deliveries past retention (a requestId is kept as long as
    // MoySklad could still redeliver it; far beyond that here).
    const QString cutoff = iso(m_clock.utcNow().addDays(-retentionDays));
    StoreWriter *writer = m_writer;
    const QString deliveryKey =
        Database::isPostgres(writer->databasePath()) ? QStringLiteral("request_id") : QStringLiteral("rowid");
    const auto answer = onQueueThread<int>(std::move(done));
    writer->deleteInChunks(
        // The newest task stays whatever its age: the next id follows the largest one in the table (SQLite's rowid),
        // and a pruned newest task would have its id handed out again.
        QStringLiteral("DELETE FROM tasks WHERE id IN (SELECT id FROM tasks WHERE status IN ('done', 'cancelled') AND "
                       "finished_at < ? AND id < (SELECT MAX(id) FROM tasks) LIMIT %1)"),
        {cutoff}, [writer, cutoff, deliveryKey, answer](Result<qint64, QString> tasks) {
            if (!tasks.ok())
                return answer(tasks.error());
            writer->deleteInChunks(
                QStringLiteral("DELETE FROM task_attempts WHERE id IN (SELECT id FROM task_attempts WHERE task_id NOT "
                               "IN (SELECT id FROM tasks) LIMIT %1)"),
                {},
                [writer, cutoff, deliveryKey, answer, pruned = int(tasks.value())](Result<qint64, QString> attempts) {
                    if (!attempts.ok())
                        return answer(attempts.error());
                    writer->deleteInChunks(
                        // Each chunk by the rows' own key: the request id on PostgreSQL, the rowid on SQLite, where
                        // the request id has no index (RecentRequests).
                        QStringLiteral("DELETE FROM deliveries WHERE %1 IN (SELECT %1 FROM deliveries WHERE "
                                       "received_at < ? LIMIT %2)")
                            .arg(deliveryKey, QStringLiteral("%1")), // LIMIT %1 is deleteInChunks's
                        {cutoff}, [answer, pruned](Result<qint64, QString> deliveries) {
                            answer(deliveries.ok() ? Result<int, QString>(pruned)
                                                   : Result<int, QString>(deliveries.error()));
                        });
                });
        });
}

void TaskQueue::releaseOrphans(Callback<int> done)
{
    const QString at = now();
    run<int>(
        [at](QSqlDatabase &db) {
            // SQLite: the data directory's lock holder is the only service, so every running task is an orphan.
            // PostgreSQL: other services may be running theirs; only those whose connection is gone are orphans.
            const SqlDialect *dialect = SqlDialect::of(db);
            const QString orphan =
                dialect->servesSeveral() ? dialect->ownerGone() : QStringLiteral("status = 'running'");
            return StoreWriter::execCount(
                db,
                QStringLiteral("UPDATE tasks SET status = 'pending', next_attempt_at = ?, lease_until = "
                               "NULL, lease_token = lease_token + 1, updated_at = ? WHERE %1")
                    .arg(orphan),
                {at, at});
        },
        std::move(done));
}

Result<QueueStats, QString> TaskQueue::stats()
{
    if (!m_reader.ensureOpen())
        return m_reader.error();
    return readStats(m_reader.db());
}

Result<QueueStats, QString> TaskQueue::readStats(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT status, count(*) AS n FROM tasks GROUP BY status")))
        return query.lastError().text();
    QueueStats stats;
    const SqlRow row(query);
    while (query.next()) {
        const int n = int(row.integer(QStringLiteral("n")));
        switch (parseTaskStatus(row.text(QStringLiteral("status"))).value_or(TaskStatus::Pending)) {
        case TaskStatus::Pending:
            stats.pending = n;
            break;
        case TaskStatus::Running:
            stats.running = n;
            break;
        case TaskStatus::Retrying:
            stats.retrying = n;
            break;
        case TaskStatus::Dead:
            stats.dead = n;
            break;
        case TaskStatus::Done:
            stats.done = n;
            break;
        case TaskStatus::Cancelled:
            stats.cancelled = n;
            break;
        }
    }
    if (query.exec(
            QStringLiteral("SELECT min(created_at) AS oldest FROM tasks WHERE status IN ('pending', 'retrying')")) &&
        query.next())
        stats.oldestPendingCreatedAt = SqlRow(query).time(QStringLiteral("oldest"));
    return stats;
}

Result<QList<Task>, QString> TaskQueue::list(std::optional<TaskStatus> status, int limit)
{
    return list(TaskFilter{status, {}, {}}, limit);
}

Result<QList<Task>, QString> TaskQueue::list(const TaskFilter &filter, int limit)
{
    if (!m_reader.ensureOpen())
        return m_reader.error();
    const Condition condition = conditionOf(filter, *SqlDialect::of(m_reader.db()));
    QSqlQuery query(m_reader.db());
    query.prepare(QStringLiteral("SELECT %1 FROM tasks WHERE %2 ORDER BY id DESC LIMIT %3")
                      .arg(taskColumns, condition.sql)
                      .arg(limit));
    for (const QVariant &value : condition.values)
        query.addBindValue(value);
    if (!query.exec())
        return query.lastError().text();
    QList<Task> tasks;
    const SqlRow row(query);
    while (query.next())
        tasks.append(readTask(row));
    return tasks;
}

Result<int, QString> TaskQueue::countMatching(BulkAction action, const TaskFilter &filter)
{
    if (!m_reader.ensureOpen())
        return m_reader.error();
    const Condition condition = conditionOf(filter, *SqlDialect::of(m_reader.db()), statusesFor(action));
    QSqlQuery query(m_reader.db());
    query.prepare(QStringLiteral("SELECT count(*) FROM tasks WHERE %1").arg(condition.sql));
    for (const QVariant &value : condition.values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return query.lastError().text();
    return query.value(0).toInt();
}

Result<QList<TaskAttempt>, QString> TaskQueue::attempts(qint64 taskId)
{
    if (!m_reader.ensureOpen())
        return m_reader.error();
    QSqlQuery query(m_reader.db());
    query.prepare(
        QStringLiteral("SELECT task_id, attempt, started_at, finished_at, http_status, status, outcome, error "
                       "FROM task_attempts WHERE task_id = ? ORDER BY id"));
    query.addBindValue(taskId);
    if (!query.exec())
        return query.lastError().text();
    QList<TaskAttempt> attempts;
    const SqlRow row(query);
    while (query.next()) {
        TaskAttempt attempt;
        attempt.taskId = row.integer(QStringLiteral("task_id"));
        attempt.attempt = int(row.integer(QStringLiteral("attempt")));
        attempt.startedAt = row.time(QStringLiteral("started_at"));
        attempt.finishedAt = row.time(QStringLiteral("finished_at"));
        attempt.httpStatus = int(row.integer(QStringLiteral("http_status")));
        attempt.status = parseTaskStatus(row.text(QStringLiteral("status"))).value_or(TaskStatus::Done);
        attempt.outcome = parseTaskOutcome(row.text(QStringLiteral("outcome")));
        attempt.error = row.text(QStringLiteral("error"));
        attempts.append(attempt);
    }
    return attempts;
}

Result<std::optional<Task>, QString> TaskQueue::task(qint64 id)
{
    if (!m_reader.ensureOpen())
        return m_reader.error();
    QSqlQuery query(m_reader.db());
    query.prepare(QStringLiteral("SELECT %1 FROM tasks WHERE id = ?").arg(taskColumns));
    query.addBindValue(id);
    if (!query.exec())
        return query.lastError().text();
    if (!query.next())
        return std::optional<Task>();
    return std::optional<Task>(readTask(query));
}

Result<QList<DeliveryRecord>, QString> TaskQueue::deliveries(const QString &requestId, int limit)
{
    if (!m_reader.ensureOpen())
        return m_reader.error();
    QSqlQuery query(m_reader.db());
    query.prepare(QStringLiteral("SELECT request_id, received_at, hook, peer, events, written_us FROM deliveries %1 "
                                 "ORDER BY received_at DESC, request_id DESC LIMIT %2")
                      .arg(requestId.isEmpty() ? QString() : QStringLiteral("WHERE request_id = ?"))
                      .arg(limit));
    if (!requestId.isEmpty())
        query.addBindValue(requestId);
    if (!query.exec())
        return query.lastError().text();
    QList<DeliveryRecord> records;
    const SqlRow row(query);
    while (query.next()) {
        DeliveryRecord record;
        record.requestId = row.text(QStringLiteral("request_id"));
        record.receivedAt = row.time(QStringLiteral("received_at"));
        record.hook = row.text(QStringLiteral("hook"));
        record.peer = row.text(QStringLiteral("peer"));
        record.events = int(row.integer(QStringLiteral("events")));
        const QVariant written = row.value(QStringLiteral("written_us"));
        record.writtenUs = written.isNull() ? -1 : written.toLongLong();
        records.append(record);
    }
    return records;
}
