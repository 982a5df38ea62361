// SPDX-License-Identifier: GPL-3.0-or-later
// queue stats|list|deliveries|retry|retry-dead|cancel: the queue of one data directory.
#include "clicommand.h"
#include "clicontext.h"
#include "common/diagnosticslog.h"
#include "queue/taskqueue.h"
#include "service/service.h"
#include "workspace/queueadmin.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

// Queue administration through the workspace: logged, and announced to a running service, which takes a retried
// task within a poll.
QueueAdmin *queueAdmin(CliContext &ctx)
{
    return new QueueAdmin(ctx.workspace(), QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "from the command line")),
                          &ctx);
}

// Who takes a retried task: say so when another process serves the data directory.
QString whenProcessed(const CliContext &ctx)
{
    const QString holder = Service::lockHolder(ctx.dataDir());
    return holder.isEmpty() ? QString() : QStringLiteral(" (the running service, %1, takes it within 2 s)").arg(holder);
}

QJsonObject taskJson(const Task &task)
{
    return QJsonObject{{QStringLiteral("id"), task.id},
                       {QStringLiteral("hook"), task.hook()},
                       {QStringLiteral("documentId"), task.documentId},
                       {QStringLiteral("requestId"), task.requestId},
                       {QStringLiteral("mode"), executionModeName(task.mode)},
                       {QStringLiteral("status"), taskStatusName(task.status)},
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
    const auto stats = admin->stats();
    if (!stats.ok()) {
        ctx.fail(stats.error());
        return;
    }
    const QueueStats &s = stats.value();
    // Set while the serving process's worker finds MoySklad unreachable (its circuit breaker is open).
    const QDateTime unreachableSince = admin->serviceSnapshot().moyskladUnreachableSince;
    if (ctx.json()) {
        QJsonObject object{{QStringLiteral("pending"), s.pending},
                           {QStringLiteral("running"), s.running},
                           {QStringLiteral("retrying"), s.retrying},
                           {QStringLiteral("dead"), s.dead},
                           {QStringLiteral("done"), s.done}};
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
        const QString processing = admin->isPaused() ? QString() : admin->serviceProcessing();
        if (admin->isPaused())
            ctx.out() << "processing paused: 'skladhook-cli queue resume' continues it\n";
        else if (processing == Service::holdName(Service::Hold::NoToken))
            ctx.out() << "processing on hold: no API token ('skladhook-cli config set api.token -')\n";
        else if (processing == Service::holdName(Service::Hold::TokenRejected))
            ctx.out() << "processing on hold: MoySklad refused the API token (revoked by a newer login?); tasks keep "
                         "their attempts until a working token is saved ('skladhook-cli config set api.token -')\n";
        if (unreachableSince.isValid())
            ctx.out() << "MoySklad unreachable since " << unreachableSince.toString(Qt::ISODate)
                      << ": tasks wait without spending attempts; processing resumes once it answers again\n";
    }
    ctx.finish(0);
}

void runList(CliContext &ctx)
{
    if (ctx.arguments().size() > 1) {
        ctx.fail(QStringLiteral("usage: skladhook-cli queue list [STATUS]"), 2);
        return;
    }
    std::optional<TaskStatus> status;
    if (!ctx.arguments().isEmpty()) {
        status = parseTaskStatus(ctx.arguments().first());
        if (!status) {
            ctx.fail(QStringLiteral("unknown status '%1': pending, running, retrying, dead, done or cancelled")
                         .arg(ctx.arguments().first()),
                     2);
            return;
        }
    }
    const auto tasks = queueAdmin(ctx)->list(status, 500);
    if (!tasks.ok()) {
        ctx.fail(tasks.error());
        return;
    }
    QJsonArray array;
    for (const Task &task : tasks.value()) {
        if (ctx.json())
            array.append(taskJson(task));
        else
            ctx.out() << QStringLiteral("%1  %2  %3  %4  attempts %5  %6\n")
                             .arg(task.id, 6)
                             .arg(taskStatusName(task.status), -9)
                             .arg(task.hook(), -22)
                             .arg(task.documentId, -36)
                             .arg(task.attempts)
                             .arg(task.lastError);
    }
    if (ctx.json())
        ctx.printJson(QJsonDocument(array));
    ctx.finish(0);
}

// A stored delivery writes no log row: this is where it is found (table `deliveries`), its tasks by its requestId.
void runDeliveries(CliContext &ctx)
{
    if (ctx.arguments().size() > 1) {
        ctx.fail(QStringLiteral("usage: skladhook-cli queue deliveries [REQUEST_ID]"), 2);
        return;
    }
    const QString requestId = ctx.arguments().value(0);
    const auto deliveries = queueAdmin(ctx)->queue()->deliveries(requestId, 200);
    if (!deliveries.ok()) {
        ctx.fail(deliveries.error());
        return;
    }
    if (!requestId.isEmpty() && deliveries.value().isEmpty()) {
        ctx.fail(QStringLiteral("no delivery with requestId %1").arg(requestId));
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
    if (!ctx.expectArguments(1, usage))
        return;
    bool ok = false;
    const qint64 id = ctx.arguments().first().toLongLong(&ok);
    if (!ok) {
        ctx.fail(QStringLiteral("the task id must be a number (got '%1')").arg(ctx.arguments().first()), 2);
        return;
    }
    action(*queueAdmin(ctx), id, [&ctx, id, verb](Result<bool, QString> result) {
        if (!result.ok())
            ctx.fail(result.error());
        else if (!result.value())
            ctx.fail(QStringLiteral("task %1 cannot be %2 (no such task, or its status does not allow it)")
                         .arg(id)
                         .arg(verb));
        else {
            ctx.out() << "task " << id << ' ' << verb << whenProcessed(ctx) << Qt::endl;
            ctx.finish(0);
        }
    });
}

void runRetry(CliContext &ctx)
{
    runOnTask(ctx, QStringLiteral("queue retry ID"), QStringLiteral("queued again"),
              [](QueueAdmin &admin, qint64 id, auto done) { admin.retry(id, done); });
}

void runCancel(CliContext &ctx)
{
    runOnTask(ctx, QStringLiteral("queue cancel ID"), QStringLiteral("cancelled"),
              [](QueueAdmin &admin, qint64 id, auto done) { admin.cancel(id, done); });
}

void runRetryDead(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("queue retry-dead")))
        return;
    queueAdmin(ctx)->retryDead([&ctx](Result<int, QString> result) {
        if (!result.ok()) {
            ctx.fail(result.error());
            return;
        }
        ctx.out() << result.value() << " dead task(s) queued again"
                  << (result.value() > 0 ? whenProcessed(ctx) : QString()) << Qt::endl;
        ctx.finish(0);
    });
}

void runPause(CliContext &ctx, bool paused)
{
    if (!ctx.expectArguments(0, paused ? QStringLiteral("queue pause") : QStringLiteral("queue resume")))
        return;
    const auto set = queueAdmin(ctx)->setPaused(paused);
    if (!set.ok()) {
        ctx.fail(set.error());
        return;
    }
    const QString holder = Service::lockHolder(ctx.dataDir());
    ctx.out() << (paused ? "processing paused: deliveries are still received and queued" : "processing resumed")
              << (holder.isEmpty() ? QString()
                                   : QStringLiteral(" (the running service, %1, follows within 2 s)").arg(holder))
              << Qt::endl;
    ctx.finish(0);
}

const CliRegistration stats{
    {QStringLiteral("queue stats"), QString(), QStringLiteral("Task counts per status."), {}, runStats}};
const CliRegistration pause{{QStringLiteral("queue pause"),
                             QString(),
                             QStringLiteral("Pause processing (deliveries are still received and queued); survives a "
                                            "restart."),
                             {},
                             [](CliContext &ctx) { runPause(ctx, true); }}};
const CliRegistration resume{{QStringLiteral("queue resume"),
                              QString(),
                              QStringLiteral("Resume processing after queue pause."),
                              {},
                              [](CliContext &ctx) { runPause(ctx, false); }}};
const CliRegistration list{{QStringLiteral("queue list"),
                            QStringLiteral("[STATUS]"),
                            QStringLiteral("The newest tasks, with attempts and last error."),
                            {},
                            runList}};
const CliRegistration deliveries{{QStringLiteral("queue deliveries"),
                                  QStringLiteral("[REQUEST_ID]"),
                                  QStringLiteral("The newest stored deliveries (hook, sender, events, times), or one."),
                                  {},
                                  runDeliveries}};
const CliRegistration retry{{QStringLiteral("queue retry"),
                             QStringLiteral("ID"),
                             QStringLiteral("Queue a dead, cancelled or retrying task again now."),
                             {},
                             runRetry}};
const CliRegistration retryDead{
    {QStringLiteral("queue retry-dead"), QString(), QStringLiteral("Queue every dead task again."), {}, runRetryDead}};
const CliRegistration cancel{{QStringLiteral("queue cancel"),
                              QStringLiteral("ID"),
                              QStringLiteral("Cancel a waiting or dead task."),
                              {},
                              runCancel}};

} // namespace
