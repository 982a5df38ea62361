// SPDX-License-Identifier: GPL-3.0-or-later
#include "service.h"

#include "common/clock.h"
#include "common/logcategories.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "hooks/hookcatalog.h"
#include "moysklad/moyskladclient.h"
#include "queue/queuesink.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/servicestate.h"
#include "store/storenotifications.h"
#include "store/storewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QMetaObject>

#include <utility>

namespace {
const QString category = QStringLiteral("service");
constexpr int maintenanceIntervalMs = 60 * 60 * 1000;
constexpr int receiverRetryIntervalMs = 10 * 1000;

QString lockPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("serve.lock"));
}
} // namespace

ServiceConfig ServiceConfig::fromSettings(const Settings &settings, const QString &dataDir, const QString &secret)
{
    ServiceConfig config;
    config.dataDir = dataDir;
    config.receiver.listen = settings.receiverListen();
    config.receiver.allowAllInterfaces = settings.receiverAllowExternal();
    config.receiver.maxConnectionsPerIp = settings.receiverMaxConnectionsPerAddress();
    config.receiver.siteUrl = settings.ownSites().value(0);
    config.receiver.verificationString = secret;
    config.worker.intervalMs = settings.workerIntervalSeconds() * 1000;
    config.worker.importOrders = settings.exchange().importOrders;
    config.worker.watchedTypes = HookCatalog::watchedTypes(settings.exchange());
    config.queue.maxAttempts = settings.workerMaxAttempts();
    config.retentionDays = settings.retentionDays();
    for (const HookSpec &spec : HookCatalog::all())
        config.modes.insert(spec.key(), settings.executionMode(spec.entityType, spec.action));
    return config;
}

Service::Service(ServiceConfig config, ServiceParts parts, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_parts(parts)
{
    if (!m_parts.clock)
        m_parts.clock = &Clock::system();
    connect(&m_maintenance, &QTimer::timeout, this, &Service::maintain);
    m_receiverRetry.setInterval(receiverRetryIntervalMs);
    connect(&m_receiverRetry, &QTimer::timeout, this, &Service::restartReceiver);
}

Service::~Service()
{
    stop();
}

QString Service::lockHolder(const QString &dataDir)
{
    QLockFile lock(lockPath(dataDir));
    // A lock left by a process that died is stale: taking it (and letting go) tells a live holder from a dead one.
    if (lock.tryLock(0)) {
        lock.unlock();
        return {};
    }
    qint64 pid = 0;
    QString host;
    QString app;
    if (!lock.getLockInfo(&pid, &host, &app))
        return {};
    return QStringLiteral("pid %1 on %2").arg(pid).arg(host);
}

void Service::onStorageChanged(const QString &problem)
{
    if (!problem.isEmpty()) {
        if (!m_storageFailingSince.isValid())
            m_storageFailingSince = m_parts.clock->utcNow();
        // Not storable now; the mirror to the journal / stderr carries it, the row below follows on recovery.
        if (m_parts.log)
            m_parts.log->error(
                category, LogText(QT_TRANSLATE_NOOP("LogMessage", "Cannot write %1: %2. Deliveries are answered 503 "
                                                                  "so that MoySklad retries them; nothing is "
                                                                  "acknowledged unstored"),
                                  m_parts.writer->databasePath(), problem));
        m_storageProblem = problem;
    } else if (m_storageFailingSince.isValid()) {
        if (m_parts.log)
            m_parts.log->warning(
                category,
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Writing works again: %1 from %2 to %3. Deliveries "
                                                        "meanwhile were answered 503 and retried by MoySklad; "
                                                        "processing resumed by itself"),
                        m_storageProblem, m_storageFailingSince.toString(Qt::ISODate),
                        m_parts.clock->utcNow().toString(Qt::ISODate)));
        m_storageFailingSince = {};
        m_storageProblem.clear();
    }
    Q_EMIT storageChanged(problem);
}

void Service::sampleMetrics(MetricCounters &counters)
{
    if (m_queue) {
        const auto stats = m_queue->stats();
        if (stats.ok())
            counters.observe(Metric::QueueBacklog, stats.value().pending + stats.value().retrying);
    }
    if (!m_parts.client)
        return;
    // The client counts since it was made; the minute gets what grew since the last sample.
    const ClientCounters now = m_parts.client->counters();
    counters.add(Metric::ApiRequests, now.answers - m_clientCountersSeen.answers);
    counters.add(Metric::ApiRateLimited, now.rateLimited - m_clientCountersSeen.rateLimited);
    counters.add(Metric::ApiTimeouts, now.timeouts - m_clientCountersSeen.timeouts);
    counters.add(Metric::ApiServerErrors, now.serverErrorsRetried - m_clientCountersSeen.serverErrorsRetried);
    m_clientCountersSeen = now;
    counters.observe(Metric::LimiterRemaining, m_parts.client->budgetRemaining());
}

void Service::logInfo(const LogText &message)
{
    if (m_parts.log)
        m_parts.log->info(category, message);
}

Result<Done, QString> Service::start()
{
    if (m_running)
        return Done{};
    m_lock = std::make_unique<QLockFile>(lockPath(m_config.dataDir));
    m_lock->setStaleLockTime(0); // a crashed owner's lock is recognised by its pid, never by age
    if (!m_lock->tryLock(0)) {
        const QString holder = lockHolder(m_config.dataDir);
        m_lock.reset();
        return QCoreApplication::translate("Service", "another SkladHook (%1) is already serving %2")
            .arg(holder.isEmpty() ? QCoreApplication::translate("Service", "unknown process") : holder,
                 m_config.dataDir);
    }
    m_queue = std::make_unique<TaskQueue>(m_parts.writer, m_config.queue, *m_parts.clock);
    // We hold the lock: tasks still marked running were left by a process that died.
    m_queue->releaseOrphans([this](Result<int, QString> released) {
        if (released.ok() && released.value() > 0 && m_parts.log)
            m_parts.log->warning(
                category,
                LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 task(s) left running by a stopped process are due again"),
                        released.value()));
    });
    m_metrics = std::make_unique<MetricsRecorder>(m_parts.writer, m_parts.log, *m_parts.clock);
    m_metrics->setSampler([this](MetricCounters &counters) { sampleMetrics(counters); });
    m_worker = std::make_unique<Worker>(m_queue.get(), m_parts.client, m_parts.writer, m_parts.log, m_config.worker,
                                        *m_parts.clock);
    connect(m_worker.get(), &Worker::runFinished, this, &Service::saveState);
    connect(m_worker.get(), &Worker::runFinished, m_metrics.get(), [this](int done, int failed) {
        m_metrics->counters().add(Metric::TasksProcessed, done);
        m_metrics->counters().add(Metric::TasksFailed, failed);
    });
    connect(m_worker.get(), &Worker::credentialsRejected, this, &Service::credentialsRejected);
    connect(m_worker.get(), &Worker::reachabilityChanged, this, &Service::saveState);
    // A shared store: immediate work another service's receiver took is taken here too when this worker is free
    // (the receiving one may be busy, hold processing, or have died); claims never overlap, so one of them gets it.
    if (Database::isPostgres(m_parts.writer->databasePath())) {
        m_notifications = std::make_unique<StoreNotifications>(m_parts.writer->databasePath());
        connect(m_notifications.get(), &StoreNotifications::immediateTasks, this, [this](const QList<qint64> &ids) {
            if (m_worker && isProcessing() && !m_worker->isBusy())
                m_worker->processNow(ids);
        });
    }
    m_sink = std::make_unique<QueueSink>(m_queue.get(), m_worker.get(), m_parts.log);
    m_sink->setModes(m_config.modes);
    m_sink->setProcessing(isProcessing());
    m_receiver = std::make_unique<Receiver>(m_sink.get(), m_parts.log, *m_parts.clock);
    m_receiver->setMetrics(&m_metrics->counters());
    connect(m_receiver.get(), &Receiver::stateChanged, this, &Service::saveState);
    const auto listening = m_receiver->start(m_config.receiver);
    if (!listening.ok()) {
        if (m_parts.log)
            m_parts.log->error(category, LogText(QT_TRANSLATE_NOOP("LogMessage", "The receiver could not start: %1"),
                                                 listening.error()));
        stop();
        return listening.error();
    }
    connect(m_parts.writer, &StoreWriter::storageChanged, this, &Service::onStorageChanged, Qt::UniqueConnection);
    m_maintenance.start(maintenanceIntervalMs);
    m_metrics->start();
    maintain(); // a service restarted more often than hourly prunes too
    m_running = true;
    logInfo(LogText(QT_TRANSLATE_NOOP("LogMessage", "Serving %1 on %2%3; worker every %4 s"), m_config.dataDir,
                    m_receiver->listenAddress(), m_receiver->pathPrefix(), m_config.worker.intervalMs / 1000));
    if (!m_receiver->previousPathPrefix().isEmpty())
        logSiteMove();
    if (isProcessing()) {
        m_worker->start();
        // Tasks left from before (a crash, a stop) are picked up now, not a whole interval later.
        QMetaObject::invokeMethod(m_worker.get(), &Worker::runOnce, Qt::QueuedConnection);
    } else {
        logHold();
    }
    saveState();
    Q_EMIT runningChanged(true);
    return Done{};
}

void Service::stop()
{
    const bool wasRunning = m_running;
    m_running = false;
    m_maintenance.stop();
    m_receiverRetry.stop();
    // Order matters: no new deliveries, then no new work, then everything acknowledged is committed.
    if (m_receiver)
        m_receiver->stop();
    if (m_worker)
        m_worker->stop();
    if (wasRunning)
        logInfo(LogText(QT_TRANSLATE_NOOP("LogMessage", "Stopped")));
    if (m_parts.writer && (m_receiver || m_worker))
        m_parts.writer->flush();
    m_receiver.reset();
    m_sink.reset();
    m_notifications.reset();
    m_worker.reset();
    if (m_metrics) {
        m_metrics->stop();
        m_parts.writer->flush();
    }
    m_metrics.reset();
    m_queue.reset();
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
    if (wasRunning)
        Q_EMIT runningChanged(false);
}

void Service::maintain()
{
    if (!m_queue || !m_parts.log)
        return;
    m_queue->prune(m_config.retentionDays, [this](Result<int, QString> pruned) {
        if (pruned.ok() && pruned.value() > 0)
            logInfo(LogText(QT_TRANSLATE_NOOP("LogMessage", "Pruned %1 finished task(s) older than %2 day(s)"),
                            pruned.value(), m_config.retentionDays));
    });
    m_parts.log->prune(m_config.retentionDays);
}

void Service::reconfigure(const ServiceConfig &config)
{
    const ServiceConfig old = std::exchange(m_config, config);
    // The verification strings are not settings: they arrive through setVerificationString().
    m_config.receiver.verificationString = old.receiver.verificationString;
    m_config.receiver.previousVerificationString = old.receiver.previousVerificationString;
    if (!m_running)
        return;
    m_sink->setModes(m_config.modes);
    m_queue->setPolicy(m_config.queue);
    if (m_config.worker.intervalMs != old.worker.intervalMs ||
        m_config.worker.importOrders != old.worker.importOrders || m_config.worker.batchSize != old.worker.batchSize ||
        m_config.worker.watchedTypes != old.worker.watchedTypes) {
        m_worker->setConfig(m_config.worker);
        logInfo(m_config.worker.importOrders
                    ? LogText(QT_TRANSLATE_NOOP("LogMessage", "Worker settings changed: every %1 s, order import on"),
                              m_config.worker.intervalMs / 1000)
                    : LogText(QT_TRANSLATE_NOOP("LogMessage", "Worker settings changed: every %1 s, order import off"),
                              m_config.worker.intervalMs / 1000));
    }
    const bool receiverChanged = m_config.receiver.listen != old.receiver.listen ||
                                 m_config.receiver.allowAllInterfaces != old.receiver.allowAllInterfaces ||
                                 m_config.receiver.maxConnectionsPerIp != old.receiver.maxConnectionsPerIp;
    if (receiverChanged) {
        restartReceiver();
    } else if (m_config.receiver.siteUrl != old.receiver.siteUrl ||
               m_config.receiver.previousSiteUrl != old.receiver.previousSiteUrl) {
        // Another path on the same socket: no restart, so nothing in flight is cut off and the port stays.
        m_receiver->setSites(m_config.receiver.siteUrl, m_config.receiver.previousSiteUrl);
        if (m_config.receiver.siteUrl != old.receiver.siteUrl)
            logInfo(LogText(QT_TRANSLATE_NOOP("LogMessage", "The receiver now serves %1%2"),
                            m_receiver->listenAddress(), m_receiver->pathPrefix()));
        logSiteMove();
        saveState();
        Q_EMIT receiverPathChanged();
    }
}

void Service::restartReceiver()
{
    // Receiver::start on a running receiver restarts it: deliveries in flight are answered by the old engine. A new
    // address that cannot be served (busy, refused) leaves it where it was, saying why; it is tried again until it
    // can be served or the setting changes.
    const auto restarted = m_receiver->start(m_config.receiver);
    if (!restarted.ok()) {
        if (m_receiver->listenAddress().isEmpty()) {
            m_receiverRetry.stop();
            m_parts.log->error(category, LogText(QT_TRANSLATE_NOOP("LogMessage", "The receiver could not restart: %1"),
                                                 restarted.error()));
            saveState();
            Q_EMIT receiverRestarted();
        } else {
            m_receiverRetry.start();
        }
        return;
    }
    m_receiverRetry.stop();
    logInfo(LogText(QT_TRANSLATE_NOOP("LogMessage", "The receiver now serves %1%2"), m_receiver->listenAddress(),
                    m_receiver->pathPrefix()));
    if (!m_receiver->previousPathPrefix().isEmpty())
        logSiteMove();
    saveState();
    Q_EMIT receiverRestarted();
}

void Service::logSiteMove()
{
    if (!m_receiver)
        return;
    const QString previous = m_receiver->previousPathPrefix();
    logInfo(previous.isEmpty()
                ? LogText(QT_TRANSLATE_NOOP("LogMessage", "The receiver serves %1 only"), m_receiver->pathPrefix())
                : LogText(QT_TRANSLATE_NOOP(
                              "LogMessage",
                              "The site URL is moving: the receiver serves %1 and still %2, the previous path, "
                              "until the hooks point at the new URL"),
                          m_receiver->pathPrefix(), previous));
}

void Service::setVerificationString(const QString &secret, const QString &previous)
{
    if (secret == m_config.receiver.verificationString && previous == m_config.receiver.previousVerificationString)
        return;
    m_config.receiver.verificationString = secret;
    m_config.receiver.previousVerificationString = previous;
    if (m_receiver) {
        m_receiver->setVerificationString(secret, previous);
        logInfo(
            previous.isEmpty()
                ? LogText(QT_TRANSLATE_NOOP("LogMessage", "The receiver accepts the current verification string only"))
                : LogText(QT_TRANSLATE_NOOP("LogMessage", "The receiver accepts the new verification string, and the "
                                                          "previous one until the hooks carry the new one")));
    }
}

QString Service::holdName(Hold hold)
{
    switch (hold) {
    case Hold::None:
        return QStringLiteral("on");
    case Hold::NoToken:
        return QStringLiteral("no-token");
    case Hold::TokenRejected:
        return QStringLiteral("token-rejected");
    case Hold::Paused:
        return QStringLiteral("paused");
    }
    return {};
}

void Service::logHold()
{
    switch (m_hold) {
    case Hold::None:
        logInfo(LogText(QT_TRANSLATE_NOOP("LogMessage", "Processing resumed")));
        break;
    case Hold::NoToken:
        m_parts.log->warning(category, LogText(QT_TRANSLATE_NOOP(
                                           "LogMessage", "Processing is on hold: no API token. Deliveries are still "
                                                         "answered and queued; save a token to resume")));
        break;
    case Hold::TokenRejected:
        m_parts.log->error(
            category,
            LogText(QT_TRANSLATE_NOOP("LogMessage", "MoySklad refused the API token (revoked by a newer login, or "
                                                    "wrong): processing is on hold and the tasks keep their attempts. "
                                                    "Save a working token to resume")));
        break;
    case Hold::Paused:
        m_parts.log->warning(
            category, LogText(QT_TRANSLATE_NOOP("LogMessage", "Processing is paused. Deliveries are still answered and "
                                                              "queued; resume it to process them")));
        break;
    }
}

void Service::setHold(Hold hold)
{
    if (hold == m_hold)
        return;
    m_hold = hold;
    Q_EMIT holdChanged(hold);
    if (!m_running)
        return;
    m_sink->setProcessing(isProcessing());
    logHold();
    if (isProcessing()) {
        m_worker->start();
        runWorkerNow();
    } else {
        m_worker->stop();
    }
    saveState();
}

void Service::runWorkerNow()
{
    if (m_running && isProcessing())
        QMetaObject::invokeMethod(m_worker.get(), &Worker::runOnce, Qt::QueuedConnection);
}

ServiceSnapshot Service::readSnapshot(QSqlDatabase &db)
{
    const QHash<QString, QString> values = ServiceState::read(db);
    const auto moment = [&values](const char *key) {
        return QDateTime::fromString(values.value(QLatin1String(key)), Qt::ISODateWithMs);
    };
    ServiceSnapshot snapshot;
    snapshot.receiverAddress = values.value(QStringLiteral("receiver.address"));
    snapshot.processing = values.value(QStringLiteral("worker.processing"));
    snapshot.lastWorkerRun = moment("worker.lastRun");
    snapshot.nextWorkerRun = moment("worker.nextRun");
    snapshot.moyskladUnreachableSince = moment("moysklad.unreachableSince");
    return snapshot;
}

void Service::saveState()
{
    if (!m_parts.writer || !m_receiver || !m_worker)
        return;
    const QDateTime at = m_parts.clock->utcNow();
    const QList<std::pair<QString, QString>> values{
        {QStringLiteral("receiver.address"), m_receiver->listenAddress() + m_receiver->pathPrefix()},
        {QStringLiteral("receiver.state"),
         m_receiver->state() == Receiver::State::Listening ? QStringLiteral("listening")
         : m_receiver->state() == Receiver::State::Error   ? QStringLiteral("error: ") + m_receiver->errorString()
                                                           : QStringLiteral("stopped")},
        {QStringLiteral("worker.lastRun"), m_worker->lastRun().toString(Qt::ISODateWithMs)},
        {QStringLiteral("worker.nextRun"), m_worker->nextRun().toString(Qt::ISODateWithMs)},
        {QStringLiteral("worker.processing"), holdName(m_hold)},
        {QStringLiteral("moysklad.unreachableSince"), m_worker->unreachableSince().toString(Qt::ISODateWithMs)},
        {QStringLiteral("service.pid"), QString::number(QCoreApplication::applicationPid())},
    };
    m_parts.writer->submit([values, at](QSqlDatabase &db) { return ServiceState::write(db, values, at); });
}
