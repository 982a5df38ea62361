// SPDX-License-Identifier: GPL-3.0-or-later
#include "service.h"

#include "common/logcategories.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "hooks/hookcatalog.h"
#include "moysklad/moyskladclient.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QMetaObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString category = QStringLiteral("service");
constexpr int maintenanceIntervalMs = 60 * 60 * 1000;

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
    config.receiver.siteUrl = settings.ownSites().value(0);
    config.receiver.verificationString = secret;
    config.worker.intervalMs = settings.workerIntervalSeconds() * 1000;
    config.worker.importOrders = settings.exchange().importOrders;
    config.queue.maxAttempts = settings.workerMaxAttempts();
    config.retentionDays = settings.retentionDays();
    for (const HookSpec &spec : HookCatalog::all())
        config.modes.insert(spec.key(), settings.executionMode(spec.entityType, spec.action));
    return config;
}

Service::Service(ServiceConfig config, MoySkladClient *client, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_client(client)
{
    connect(&m_maintenance, &QTimer::timeout, this, &Service::maintain);
}

Service::~Service()
{
    stop();
}

DiagnosticsLog *Service::log() const
{
    return m_log.get();
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

Result<Done, QString> Service::start()
{
    if (m_running)
        return Done{};
    QDir().mkpath(m_config.dataDir);
    m_lock = std::make_unique<QLockFile>(lockPath(m_config.dataDir));
    m_lock->setStaleLockTime(0); // a crashed owner's lock is recognised by its pid, never by age
    if (!m_lock->tryLock(0)) {
        const QString holder = lockHolder(m_config.dataDir);
        m_lock.reset();
        return QStringLiteral("another SkladHook (%1) is already serving %2")
            .arg(holder.isEmpty() ? QStringLiteral("unknown process") : holder, m_config.dataDir);
    }
    m_writer = std::make_unique<StoreWriter>(Database::fileIn(m_config.dataDir));
    const auto opened = m_writer->start();
    if (!opened.ok()) {
        stop();
        return opened.error();
    }
    m_log = std::make_unique<SqliteDiagnosticsLog>(m_writer.get());
    m_queue = std::make_unique<TaskQueue>(m_writer.get(), m_config.queue);
    // We hold the lock: tasks still marked running were left by a process that died.
    m_queue->releaseOrphans([this](Result<int, QString> released) {
        if (released.ok() && released.value() > 0 && m_log)
            m_log->warning(
                category,
                QStringLiteral("%1 task(s) left running by a stopped process are due again").arg(released.value()));
    });
    m_worker = std::make_unique<Worker>(m_queue.get(), m_client, m_writer.get(), m_log.get(), m_config.worker);
    connect(m_worker.get(), &Worker::runFinished, this, &Service::saveState);
    m_receiver = std::make_unique<Receiver>(this, m_log.get());
    connect(m_receiver.get(), &Receiver::stateChanged, this, &Service::saveState);
    const auto listening = m_receiver->start(m_config.receiver);
    if (!listening.ok()) {
        m_log->error(category, QStringLiteral("The receiver could not start: %1").arg(listening.error()));
        stop();
        return listening.error();
    }
    m_worker->start();
    m_maintenance.start(maintenanceIntervalMs);
    maintain(); // a service restarted more often than hourly prunes too
    m_running = true;
    m_log->info(category, QStringLiteral("Serving %1 on %2%3; worker every %4 s")
                              .arg(m_config.dataDir, m_receiver->listenAddress(), m_receiver->pathPrefix())
                              .arg(m_config.worker.intervalMs / 1000));
    saveState();
    // Tasks left from before (a crash, a stop) are picked up now, not a whole interval later.
    QMetaObject::invokeMethod(m_worker.get(), &Worker::runOnce, Qt::QueuedConnection);
    Q_EMIT runningChanged(true);
    return Done{};
}

void Service::stop()
{
    const bool wasRunning = m_running;
    m_running = false;
    m_maintenance.stop();
    // Order matters: no new deliveries, then no new work, then everything acknowledged is committed.
    if (m_receiver)
        m_receiver->stop();
    if (m_worker)
        m_worker->stop();
    if (m_log && wasRunning)
        m_log->info(category, QStringLiteral("Stopped"));
    if (m_writer)
        m_writer->flush();
    m_receiver.reset();
    m_worker.reset();
    m_queue.reset();
    m_log.reset();
    m_writer.reset();
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
    if (wasRunning)
        Q_EMIT runningChanged(false);
}

void Service::maintain()
{
    if (!m_queue || !m_log)
        return;
    m_queue->prune(m_config.retentionDays, [this](Result<int, QString> pruned) {
        if (m_log && pruned.ok() && pruned.value() > 0)
            m_log->info(category, QStringLiteral("Pruned %1 finished task(s) older than %2 day(s)")
                                      .arg(pruned.value())
                                      .arg(m_config.retentionDays));
    });
    m_log->prune(m_config.retentionDays);
}

void Service::setExecutionModes(const QHash<QString, ExecutionMode> &modes)
{
    QMutexLocker locker(&m_modesMutex);
    m_config.modes = modes;
}

void Service::setVerificationString(const QString &secret)
{
    m_config.receiver.verificationString = secret;
    if (m_receiver)
        m_receiver->setVerificationString(secret);
}

ExecutionMode Service::modeOf(const QString &entityType, const QString &action) const
{
    QMutexLocker locker(&m_modesMutex);
    return m_config.modes.value(entityType + QLatin1Char('/') + action, ExecutionMode::Immediate);
}

void Service::persist(Delivery delivery, std::function<void(PersistOutcome)> done)
{
    if (!m_queue) {
        done(PersistOutcome::Failed);
        return;
    }
    const QString requestId = delivery.requestId;
    const int events = int(delivery.events.size());
    m_queue->enqueue(
        delivery, [this](const QString &entity, const QString &action) { return modeOf(entity, action); },
        [this, done = std::move(done), requestId, events](TaskQueue::Enqueued enqueued) {
            // On the writer thread, right after COMMIT: answer first, then start the immediate work.
            done(enqueued.outcome);
            LogEntry entry;
            entry.category = QStringLiteral("queue");
            entry.requestId = requestId;
            switch (enqueued.outcome) {
            case PersistOutcome::Stored:
                entry.message =
                    QStringLiteral("Queued %1 event(s), %2 to process now").arg(events).arg(enqueued.immediate.size());
                break;
            case PersistOutcome::Duplicate:
                entry.message = QStringLiteral("A redelivery of a known requestId: no new work");
                break;
            case PersistOutcome::Failed:
                entry.level = LogLevel::Error;
                entry.message = QStringLiteral("The delivery could not be stored: MoySklad will retry");
                break;
            }
            if (m_log)
                m_log->write(entry);
            if (!enqueued.immediate.isEmpty() && m_worker)
                QMetaObject::invokeMethod(
                    m_worker.get(), [worker = m_worker.get(), ids = enqueued.immediate] { worker->processNow(ids); });
        });
}

void Service::saveState()
{
    if (!m_writer || !m_receiver || !m_worker)
        return;
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QList<std::pair<QString, QString>> values{
        {QStringLiteral("receiver.address"), m_receiver->listenAddress() + m_receiver->pathPrefix()},
        {QStringLiteral("receiver.state"),
         m_receiver->state() == Receiver::State::Listening ? QStringLiteral("listening")
         : m_receiver->state() == Receiver::State::Error   ? QStringLiteral("error: ") + m_receiver->errorString()
                                                           : QStringLiteral("stopped")},
        {QStringLiteral("worker.lastRun"), m_worker->lastRun().toString(Qt::ISODateWithMs)},
        {QStringLiteral("worker.nextRun"), m_worker->nextRun().toString(Qt::ISODateWithMs)},
        {QStringLiteral("service.pid"), QString::number(QCoreApplication::applicationPid())},
    };
    m_writer->submit([values, at](QSqlDatabase &db) -> Result<Done, QString> {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("INSERT INTO service_state (key, value, updated_at) VALUES (?, ?, ?) ON "
                           "CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"));
        for (const auto &[key, value] : values) {
            query.addBindValue(key);
            query.addBindValue(value);
            query.addBindValue(at);
            if (!query.exec())
                return query.lastError().text();
        }
        return Done{};
    });
}
