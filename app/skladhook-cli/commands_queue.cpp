// SPDX-License-Identifier: GPL-3.0-or-later
// queue stats|list|deliveries|attempts|retry|retry-dead|retry-matching|cancel|cancel-matching|pause|resume: the queue
// of one data directory.
#include "clicommand.h"
#include "clicontext.h"
#include "common/diagnosticslog.h"
#include "hooks/hookcatalog.h"
#include "queue/taskqueue.h"
#include "service/service.h"
#include "workspace/queueadmin.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace {

const QCommandLineOption searchOption(
    QStringLiteral("search"),
    QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp",
                                        "queue: tasks whose document number or id, request id, task id, hook "
                                        "or last error contains TEXT.")),
    QStringLiteral("TEXT"));
const QCommandLineOption hookOption(QStringLiteral("hook"),
                                    QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "queue: tasks of this hook, e.g. "
                                                                                   "customerorder/UPDATE.")),
                                    QStringLiteral("HOOK"));
const QCommandLineOption statusOption(QStringLiteral("status"),
                                      QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "queue: tasks in this status.")),
                                      QStringLiteral("STATUS"));
const QCommandLineOption
    yesOption(QStringLiteral("yes"),
              QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "queue: do it; without it only the count is printed.")));

QString unknownStatus(const QString &name)
{
    return QCoreApplication::translate("CliQueue",
                                       "unknown status '%1': pending, running, retrying, dead, done or cancelled")
        .arg(name);
}

// Queue administration through the workspace: logged, and announced to a running service, which takes a retried
// task within a poll.
// Null when the workspace cannot be opened: the command has failed then, saying why.
QueueAdmin *queueAdmin(CliContext &ctx)
{
    Workspace *workspace = ctx.workspace();
    if (!workspace)
        return nullptr;
    return new QueueAdmin(workspace, QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "from the command line")), &ctx);
}

// Who takes a retried task: say so when another process serves the data directory.
QString whenProcessed(const CliContext &ctx)
{
    const QString holder = Service::lockHolder(ctx.dataDir());
    return holder.isEmpty()
               ? QString()
               : QCoreApplication::translate("CliQueue", " (the running service, %1, takes it within 2 s)").arg(holder);
}

QJsonObject taskJson(const Task &task)
{
    return QJsonObject{{QStringLiteral("id"), task.id},
                       {QStringLiteral("hook"), task.hook()},
                       {QStringLiteral("documentId"), task.documentId},
                       {QStringLiteral("requestId"), task.requestId},
                       {QStringLiteral("mode"), executionModeName(task.mode)},
                       {QStringLiteral("status"), taskStatusName(task.status)},
                       {QStringLiteral("outcome"), taskOutcomeName(task.outcome)},
                       {QStringLiteral("attempts"), task.attempts},
                       {QStringLiteral("nextAttemptAt"), task.nextAttemptAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("lastError"), task.lastError},
                       {QStringLiteral("createdAt"), task.createdAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("updatedAt"), task.updatedAt.toString(Qt::ISODateWithMs)}};
}

void runStats(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("queue stats")))
        return;
    QueueAdmin *admin = queueAdmin(ctx);
    if (!admin)
        return;
    const auto stats = admin->stats();
    if (!stats.ok()) {
        ctx.fail(stats.error());
        return;
    }
    const QueueStats &s = stats.value();
    // Set while the serving process's worker finds MoySklad unreachable (its circuit breaker is open).
    const ServiceSnapshot snapshot = admin->serviceSnapshot();
    const QDateTime unreachableSince = snapshot.moyskladUnreachableSince;
    if (ctx.json()) {
        // What the plain text says, for a monitoring script: whether processing moves, and since when work waits.
        QJsonObject object{{QStringLiteral("pending"), s.pending},
                           {QStringLiteral("running"), s.running},
                           {QStringLiteral("retrying"), s.retrying},
                           {QStringLiteral("dead"), s.dead},
                           {QStringLiteral("done"), s.done},
                           {QStringLiteral("cancelled"), s.cancelled},
                           {QStringLiteral("paused"), admin->isPaused()}};
        const QString processing = admin->isPaused() ? Service::holdName(Service::Hold::Paused) : snapshot.processing;
        if (!processing.isEmpty())
            object.insert(QStringLiteral("processing"), processing);
        if (s.oldestPendingCreatedAt.isValid())
            object.insert(QStringLiteral("oldestWaitingSince"), s.oldestPendingCreatedAt.toString(Qt::ISODateWithMs));
        if (unreachableSince.isValid())
            object.insert(QStringLiteral("moyskladUnreachableSince"), unreachableSince.toString(Qt::ISODateWithMs));
        ctx.printJson(QJsonDocument(object));
    } else {
        ctx.out() << QCoreApplication::translate("CliQueue", "pending %1, running %2, retrying %3, dead %4, done %5, "
                                                             "cancelled %6")
                         .arg(s.pending)
                         .arg(s.running)
                         .arg(s.retrying)
                         .arg(s.dead)
                         .arg(s.done)
                         .arg(s.cancelled)
                  << '\n';
        if (s.oldestPendingCreatedAt.isValid())
            ctx.out() << QCoreApplication::translate("CliQueue", "oldest waiting since %1")
                             .arg(s.oldestPendingCreatedAt.toString(Qt::ISODate))
                      << '\n';
        // Why nothing moves, when something holds processing.
        const QString processing = admin->isPaused() ? QString() : snapshot.processing;
        if (admin->isPaused())
            ctx.out() << QCoreApplication::translate("CliQueue",
                                                     "processing paused: 'skladhook-cli queue resume' continues it")
                      << '\n';
        else if (processing == Service::holdName(Service::Hold::NoToken))
            ctx.out() << QCoreApplication::translate(
                             "CliQueue", "processing on hold: no API token ('skladhook-cli config set api.token -')")
                      << '\n';
        else if (processing == Service::holdName(Service::Hold::TokenRejected))
            ctx.out() << QCoreApplication::translate(
                             "CliQueue", "processing on hold: MoySklad refused the API token (revoked by a newer "
                                         "login?); tasks keep their attempts until a working token is saved "
                                         "('skladhook-cli config set api.token -')")
                      << '\n';
        if (unreachableSince.isValid())
            ctx.out() << QCoreApplication::translate("CliQueue", "MoySklad unreachable since %1: tasks wait without "
                                                                 "spending attempts; processing resumes once it "
                                                                 "answers again")
                             .arg(unreachableSince.toString(Qt::ISODate))
                      << '\n';
    }
    ctx.finish(0);
}

// The filter the options give (and a status argument, for queue list; an empty one is an unknown status, not every
// status). False: a usage error was reported.
bool readFilter(CliContext &ctx, const std::optional<QString> &statusName, TaskFilter &filter)
{
    if (statusName) {
        filter.status = parseTaskStatus(*statusName);
        if (!filter.status) {
            ctx.fail(unknownStatus(*statusName), 2);
            return false;
        }
    }
    filter.text = ctx.value(searchOption.names().constFirst()).trimmed();
    // A hook is matched exactly: a typo ("customerorder/update", "order/UPDATE") would match nothing and a matching
    // action would report 0 without saying why.
    const QString hook = ctx.value(hookOption.names().constFirst()).trimmed();
    if (!hook.isEmpty()) {
        const auto spec = HookCatalog::find(hook.section(QLatin1Char('/'), 0, 0), hook.section(QLatin1Char('/'), 1));
        if (!spec) {
            ctx.fail(QCoreApplication::translate("CliQueue",
                                                 "unknown hook '%1': give ENTITY/ACTION of one of the module's hooks, "
                                                 "e.g. customerorder/UPDATE (see 'skladhook-cli webhooks plan')")
                         .arg(hook),
                     2);
            return false;
        }
        filter.hook = spec->key();
    }
    return true;
}

void runList(CliContext &ctx)
{
    if (ctx.arguments().size() > 1) {
        ctx.fail(QCoreApplication::translate("CliQueue",
                                             "usage: skladhook-cli queue list [STATUS] [--search TEXT] [--hook HOOK]"),
                 2);
        return;
    }
    TaskFilter filter;
    if (!readFilter(ctx,
                    ctx.arguments().isEmpty() ? std::nullopt : std::optional<QString>(ctx.arguments().constFirst()),
                    filter))
        return;
    QueueAdmin *admin = queueAdmin(ctx);
    if (!admin)
        return;
    const auto tasks = admin->list(filter, 500);
    if (!tasks.ok()) {
        ctx.fail(tasks.error());
        return;
    }
    QJsonArray array;
    for (const Task &task : tasks.value()) {
        if (ctx.json())
            array.append(taskJson(task));
        else
            ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                             .arg(task.id, 6)
                             .arg(taskStatusName(task.status) +
                                      (task.outcome == TaskOutcome::None || task.outcome == TaskOutcome::Applied
                                           ? QString()
                                           : QLatin1Char('/') + taskOutcomeName(task.outcome)),
                                  -9)
                             .arg(task.hook(), -22)
                             .arg(task.documentId, -36)
                             .arg(QCoreApplication::translate("CliQueue", "attempts %1").arg(task.attempts))
                             .arg(task.lastError);
    }
    if (ctx.json())
        ctx.printJson(QJsonDocument(array));
    ctx.finish(0);
}

// The one argument of a command on one task: its id. nullopt: a usage error was reported.
std::optional<qint64> taskIdArgument(CliContext &ctx, const QString &usage)
{
    if (!ctx.expectArguments(1, usage))
        return std::nullopt;
    bool ok = false;
    const qint64 id = ctx.arguments().first().toLongLong(&ok);
    if (ok && id <= 0) { // task ids start at 1
        ctx.fail(QCoreApplication::translate("CliQueue", "the task id must be 1 or more (got '%1')")
                     .arg(ctx.arguments().first()),
                 2);
        return std::nullopt;
    }
    if (!ok) {
        ctx.fail(QCoreApplication::translate("CliQueue", "the task id must be a number (got '%1')")
                     .arg(ctx.arguments().first()),
                 2);
        return std::nullopt;
    }
    return id;
}

// One task's attempts: when, how long, MoySklad's HTTP status, what came of it.
void runAttempts(CliContext &ctx)
{
    const std::optional<qint64> taskId = taskIdArgument(ctx, QStringLiteral("queue attempts ID"));
    if (!taskId)
        return;
    const qint64 id = *taskId;
    QueueAdmin *admin = queueAdmin(ctx);
    if (!admin)
        return;
    const auto task = admin->task(id);
    if (task.ok() && !task.value()) {
        ctx.fail(QCoreApplication::translate("CliQueue", "no task %1").arg(id));
        return;
    }
    const auto attempts = admin->attempts(id);
    if (!task.ok() || !attempts.ok()) {
        ctx.fail(task.ok() ? attempts.error() : task.error());
        return;
    }
    QJsonArray array;
    for (const TaskAttempt &attempt : attempts.value()) {
        if (ctx.json())
            array.append(QJsonObject{{QStringLiteral("attempt"), attempt.attempt},
                                     {QStringLiteral("startedAt"), attempt.startedAt.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("durationMs"), attempt.durationMs()},
                                     {QStringLiteral("httpStatus"), attempt.httpStatus},
                                     {QStringLiteral("status"), taskStatusName(attempt.status)},
                                     {QStringLiteral("outcome"), taskOutcomeName(attempt.outcome)},
                                     {QStringLiteral("error"), attempt.error}});
        else
            ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                             .arg(attempt.attempt, 3)
                             .arg(attempt.startedAt.toString(Qt::ISODateWithMs))
                             .arg(QCoreApplication::translate("CliQueue", "%1 ms").arg(attempt.durationMs()), 9)
                             .arg(attempt.httpStatus > 0 ? QString::number(attempt.httpStatus) : QStringLiteral("-"), 3)
                             .arg(taskStatusName(attempt.status) +
                                      (attempt.outcome == TaskOutcome::None
                                           ? QString()
                                           : QLatin1Char('/') + taskOutcomeName(attempt.outcome)),
                                  -16)
                             .arg(attempt.error);
    }
    if (ctx.json())
        ctx.printJson(QJsonDocument(array));
    else if (attempts.value().isEmpty())
        ctx.out() << QCoreApplication::translate("CliQueue", "task %1 has no attempt yet").arg(id) << '\n';
    ctx.finish(0);
}

// queue retry-matching / cancel-matching: the count first; the change only with --yes.
void runMatching(CliContext &ctx, BulkAction action)
{
    const bool retry = action == BulkAction::Retry;
    if (!ctx.expectArguments(0,
                             retry ? QStringLiteral("queue retry-matching") : QStringLiteral("queue cancel-matching")))
        return;
    TaskFilter filter;
    const QString status = ctx.value(statusOption.names().constFirst()).trimmed();
    if (!readFilter(ctx, status.isEmpty() ? std::nullopt : std::optional<QString>(status), filter))
        return;
    if (!filter.status && filter.text.isEmpty() && filter.hook.isEmpty()) {
        // Everything is rarely what was meant: say it with a filter (--status dead matches every dead task).
        ctx.fail(QCoreApplication::translate("CliQueue", "give at least one of --status, --search or --hook"), 2);
        return;
    }
    QueueAdmin *admin = queueAdmin(ctx);
    if (!admin)
        return;
    const auto matching = admin->countMatching(action, filter);
    if (!matching.ok()) {
        ctx.fail(matching.error());
        return;
    }
    const auto report = [&ctx, retry](int count, int changed, bool done) {
        if (ctx.json()) {
            ctx.printJson(
                QJsonDocument(QJsonObject{{QStringLiteral("matching"), count}, {QStringLiteral("changed"), changed}}));
        } else if (!done) {
            ctx.out() << (retry ? QCoreApplication::translate("CliQueue",
                                                              "%n task(s) match and can be retried; add --yes to "
                                                              "retry them",
                                                              nullptr, count)
                                : QCoreApplication::translate("CliQueue",
                                                              "%n task(s) match and can be cancelled; add --yes to "
                                                              "cancel them",
                                                              nullptr, count))
                      << '\n';
        } else {
            ctx.out() << (retry ? QCoreApplication::translate("CliQueue", "%n task(s) queued again", nullptr, changed)
                                : QCoreApplication::translate("CliQueue", "%n task(s) cancelled", nullptr, changed))
                      << (retry && changed > 0 ? whenProcessed(ctx) : QString()) << '\n';
        }
        ctx.finish(0);
    };
    if (!ctx.isSet(yesOption.names().constFirst()) || matching.value() == 0) {
        report(matching.value(), 0, ctx.isSet(yesOption.names().constFirst()));
        return;
    }
    admin->applyToMatching(action, filter, [&ctx, report, count = matching.value()](Result<int, QString> result) {
        if (!result.ok())
            ctx.fail(result.error());
        else
            report(count, result.value(), true);
    });
}

// A stored delivery writes no log row: this is where it is found (table `deliveries`), its tasks by its requestId.
void runDeliveries(CliContext &ctx)
{
    if (ctx.arguments().size() > 1) {
        ctx.fail(QStringLiteral("usage: skladhook-cli queue deliveries [REQUEST_ID]"), 2);
        return;
    }
    const QString requestId = ctx.arguments().value(0);
    QueueAdmin *admin = queueAdmin(ctx);
    if (!admin)
        return;
    const auto deliveries = admin->queue()->deliveries(requestId, 200);
    if (!deliveries.ok()) {
        ctx.fail(deliveries.error());
        return;
    }
    if (!requestId.isEmpty() && deliveries.value().isEmpty()) {
        ctx.fail(QCoreApplication::translate("CliQueue", "no delivery with requestId %1").arg(requestId));
        return;
    }
    QJsonArray array;
    for (const DeliveryRecord &d : deliveries.value()) {
        if (ctx.json())
            array.append(QJsonObject{{QStringLiteral("requestId"), d.requestId},
                                     {QStringLiteral("receivedAt"), d.receivedAt.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("hook"), d.hook},
                                     {QStringLiteral("peer"), d.peer},
                                     {QStringLiteral("events"), d.events},
                                     {QStringLiteral("writtenUs"), d.writtenUs}});
        else
            ctx.out() << QStringLiteral("%1  %2  %3  %4 event(s) from %5%6\n")
                             .arg(d.receivedAt.toString(Qt::ISODateWithMs), d.requestId)
                             .arg(d.hook.isEmpty() ? QStringLiteral("-") : d.hook, -22)
                             .arg(d.events)
                             .arg(d.peer, d.writtenUs < 0 ? QString()
                                                          : QStringLiteral(", written after %1 µs").arg(d.writtenUs));
    }
    if (ctx.json())
        ctx.printJson(QJsonDocument(array));
    ctx.finish(0);
}

template<typename Action>
void runOnTask(CliContext &ctx, const QString &usage, const QString &verb, Action action)
{
    const std::optional<qint64> taskId = taskIdArgument(ctx, usage);
    if (!taskId)
        return;
    const qint64 id = *taskId;
    QueueAdmin *admin = queueAdmin(ctx);
    if (!admin)
        return;
    action(*admin, id, [&ctx, id, verb](Result<bool, QString> result) {
        if (!result.ok())
            ctx.fail(result.error());
        else if (!result.value())
            ctx.fail(QCoreApplication::translate("CliQueue",
                                                 "task %1 cannot be %2 (no such task, or its status does not allow it)")
                         .arg(id)
                         .arg(verb));
        else {
            if (ctx.json())
                ctx.printJson(
                    QJsonDocument(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("changed"), true}}));
            else
                ctx.out() << QCoreApplication::translate("CliQueue", "task %1 %2").arg(id).arg(verb)
                          << whenProcessed(ctx) << Qt::endl;
            ctx.finish(0);
        }
    });
}

void runRetry(CliContext &ctx)
{
    runOnTask(ctx, QStringLiteral("queue retry ID"), QCoreApplication::translate("CliQueue", "queued again"),
              [](QueueAdmin &admin, qint64 id, auto done) { admin.retry(id, done); });
}

void runCancel(CliContext &ctx)
{
    runOnTask(ctx, QStringLiteral("queue cancel ID"), QCoreApplication::translate("CliQueue", "cancelled"),
              [](QueueAdmin &admin, qint64 id, auto done) { admin.cancel(id, done); });
}

void runRetryDead(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("queue retry-dead")))
        return;
    QueueAdmin *admin = queueAdmin(ctx);
    if (!admin)
        return;
    admin->retryDead([&ctx](Result<int, QString> result) {
        if (!result.ok()) {
            ctx.fail(result.error());
            return;
        }
        if (ctx.json())
            ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("changed"), result.value()}}));
        else
            ctx.out() << QCoreApplication::translate("CliQueue", "%n dead task(s) queued again", nullptr,
                                                     result.value())
                      << (result.value() > 0 ? whenProcessed(ctx) : QString()) << Qt::endl;
        ctx.finish(0);
    });
}

void runPause(CliContext &ctx, bool paused)
{
    if (!ctx.expectArguments(0, paused ? QStringLiteral("queue pause") : QStringLiteral("queue resume")))
        return;
    QueueAdmin *admin = queueAdmin(ctx);
    if (!admin)
        return;
    const auto set = admin->setPaused(paused);
    if (!set.ok()) {
        ctx.fail(set.error());
        return;
    }
    const QString holder = Service::lockHolder(ctx.dataDir());
    if (ctx.json()) {
        ctx.printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("paused"), paused}, {QStringLiteral("serviceFollows"), !holder.isEmpty()}}));
        ctx.finish(0);
        return;
    }
    ctx.out()
        << (paused
                ? QCoreApplication::translate("CliQueue", "processing paused: deliveries are still received and queued")
                : QCoreApplication::translate("CliQueue", "processing resumed"))
        << (holder.isEmpty()
                ? QString()
                : QCoreApplication::translate("CliQueue", " (the running service, %1, follows within 2 s)").arg(holder))
        << Qt::endl;
    ctx.finish(0);
}

const CliRegistration stats{{QStringLiteral("queue stats"),
                             QString(),
                             QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Task counts per status.")),
                             {},
                             runStats}};
const CliRegistration pause{{QStringLiteral("queue pause"),
                             QString(),
                             QString::fromUtf8(QT_TRANSLATE_NOOP(
                                 "CliHelp", "Pause processing (deliveries are still received and queued); survives a "
                                            "restart.")),
                             {},
                             [](CliContext &ctx) { runPause(ctx, true); }}};
const CliRegistration resume{{QStringLiteral("queue resume"),
                              QString(),
                              QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Resume processing after queue pause.")),
                              {},
                              [](CliContext &ctx) { runPause(ctx, false); }}};
const CliRegistration list{{QStringLiteral("queue list"),
                            QStringLiteral("[STATUS]"),
                            QString::fromUtf8(QT_TRANSLATE_NOOP(
                                "CliHelp", "The newest tasks, with attempts and last error; --search and --hook "
                                           "narrow them.")),
                            {searchOption, hookOption},
                            runList}};
const CliRegistration attempts{
    {QStringLiteral("queue attempts"),
     QStringLiteral("ID"),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "A task's attempts: start, duration, HTTP status, result, error.")),
     {},
     runAttempts}};
const CliRegistration retryMatching{
    {QStringLiteral("queue retry-matching"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP(
         "CliHelp", "Queue again every dead, cancelled or retrying task that matches --status, --search and --hook "
                    "(the count only, without --yes).")),
     {statusOption, searchOption, hookOption, yesOption},
     [](CliContext &ctx) { runMatching(ctx, BulkAction::Retry); }}};
const CliRegistration cancelMatching{
    {QStringLiteral("queue cancel-matching"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP(
         "CliHelp", "Cancel every pending, retrying or dead task that matches --status, --search and --hook (the "
                    "count only, without --yes).")),
     {statusOption, searchOption, hookOption, yesOption},
     [](CliContext &ctx) { runMatching(ctx, BulkAction::Cancel); }}};
const CliRegistration deliveries{
    {QStringLiteral("queue deliveries"),
     QStringLiteral("[REQUEST_ID]"),
     QString::fromUtf8(
         QT_TRANSLATE_NOOP("CliHelp", "The newest stored deliveries (hook, sender, events, times), or one.")),
     {},
     runDeliveries}};
const CliRegistration retry{
    {QStringLiteral("queue retry"),
     QStringLiteral("ID"),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Queue a dead, cancelled or retrying task again now.")),
     {},
     runRetry}};
const CliRegistration retryDead{{QStringLiteral("queue retry-dead"),
                                 QString(),
                                 QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Queue every dead task again.")),
                                 {},
                                 runRetryDead}};
const CliRegistration cancel{{QStringLiteral("queue cancel"),
                              QStringLiteral("ID"),
                              QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Cancel a waiting or dead task.")),
                              {},
                              runCancel}};

} // namespace
