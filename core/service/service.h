// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logtext.h"
#include "diagnostics/metricsrecorder.h"
#include "intake/receiver.h"
#include "moysklad/moyskladclient.h"
#include "queue/taskqueue.h"
#include "queue/worker.h"

#include <QDateTime>
#include <QHash>
#include <QLockFile>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <memory>

class Clock;
class SqliteDiagnosticsLog;
class QueueSink;
class Settings;
class StoreNotifications;
class StoreWriter;

struct ServiceConfig final
{
    QString dataDir;
    ReceiverConfig receiver;
    Worker::Config worker;
    TaskQueue::Policy queue;
    int retentionDays = 30;
    // Execution mode per "entity/ACTION"; hooks not listed are processed immediately.
    QHash<QString, ExecutionMode> modes;

    // From the data directory's settings, with the verification string read from the secret store.
    static ServiceConfig fromSettings(const Settings &settings, const QString &dataDir, const QString &secret);
};

// What the serving process last wrote of itself (service_state), for any reader: the GUI, attached or not, and the
// CLI. Empty fields: never written (no service has run on this data directory).
struct ServiceSnapshot final
{
    QString receiverAddress; // "127.0.0.1:8765/shop/"
    QString processing;      // Service::holdName(): "on", "no-token", "token-rejected", "paused"
    QDateTime lastWorkerRun;
    QDateTime nextWorkerRun;
    // Valid while the worker's circuit breaker is open: MoySklad unreachable since then (Worker::unreachableSince).
    QDateTime moyskladUnreachableSince;
};

// What a Service works with and does not own: the data directory's writer and log, and the API client. The
// Workspace owns them (tests build them by hand).
struct ServiceParts final
{
    StoreWriter *writer = nullptr;       // started
    SqliteDiagnosticsLog *log = nullptr; // required
    MoySkladClient *client = nullptr;
    const Clock *clock = nullptr; // null: the system clock
};

// Wires, for one data directory: the task queue, the worker, and the receiver in front of the queue's sink. A lock
// file (serve.lock) makes sure one Service per data directory serves at a time. It follows changes while running
// (reconfigure, setVerificationString, setHold) without dropping a delivery.
class Service final : public QObject
{
    Q_OBJECT

public:
    Service(ServiceConfig config, ServiceParts parts, QObject *parent = nullptr);
    ~Service() override;

    // Takes the lock, starts the receiver and the worker. On error nothing keeps running.
    Result<Done, QString> start();
    // Stops accepting, lets the writer commit everything acknowledged, releases the lock.
    void stop();
    bool isRunning() const { return m_running; }

    // A changed configuration: modes and worker settings apply to the next delivery and run; a new listen address
    // restarts the receiver, a new site path applies to its next request.
    void reconfigure(const ServiceConfig &config);
    // `previous`, when not empty, is accepted too: a rotation in progress, until the hooks carry the new string.
    void setVerificationString(const QString &secret, const QString &previous = {});
    // Why processing waits. While held, deliveries are still answered and queued and the tasks wait (no attempt is
    // spent); resuming runs the worker at once.
    enum class Hold {
        None,
        NoToken,       // processing needs credentials
        TokenRejected, // MoySklad answered 401: the token was revoked (a login + password exchange does that) or wrong
        Paused,        // a person paused it (queue pause, the Queue tab); survives a restart
    };
    Q_ENUM(Hold)
    void setHold(Hold hold);
    Hold hold() const { return m_hold; }
    bool isProcessing() const { return m_hold == Hold::None; }
    // "on" | "no-token" | "token-rejected" | "paused": service_state's worker.processing
    static QString holdName(Hold hold);
    // Something made tasks due by hand (retry, retry-dead): take them now rather than at the next tick.
    void runWorkerNow();

    const ServiceConfig &config() const { return m_config; }
    Receiver *receiver() const { return m_receiver.get(); }
    TaskQueue *queue() const { return m_queue.get(); }
    Worker *worker() const { return m_worker.get(); }
    SqliteDiagnosticsLog *log() const { return m_parts.log; }
    StoreWriter *writer() const { return m_parts.writer; }

    // Reads what saveState() wrote, through any read connection.
    static ServiceSnapshot readSnapshot(QSqlDatabase &db);

    // Who holds the data directory's lock, for a second instance's message: "pid 1234 on host"; empty when no live
    // process holds it.
    static QString lockHolder(const QString &dataDir);

Q_SIGNALS:
    void runningChanged(bool running);
    // The worker met a 401: whoever owns the credentials holds processing until a new token is saved.
    void credentialsRejected();
    void receiverRestarted();
    // Writes fail for want of storage ("disk full", …), or work again (empty).
    void storageChanged(const QString &problem);
    void holdChanged(Service::Hold hold);
    // The receiver serves another site path (a new site.url) or stopped or started serving a previous one (a site
    // move), on the same address.
    void receiverPathChanged();

private:
    void saveState();
    void maintain(); // prunes finished tasks and log rows past the retention period
    void logInfo(const LogText &message);
    // Before each minute's metrics are stored: the queue's backlog, the limiter's budget, the client's new counts.
    void sampleMetrics(MetricCounters &counters);
    void onStorageChanged(const QString &problem);
    void logHold();
    void restartReceiver(); // on the configured address, or where it is while that cannot be served
    void logSiteMove();     // the paths the receiver serves while a site move lasts, or that it ended

    ServiceConfig m_config;
    ServiceParts m_parts;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<MetricsRecorder> m_metrics;
    ClientCounters m_clientCountersSeen; // the client's counters at the last metrics sample
    QDateTime m_storageFailingSince;     // writes failing for want of storage since (invalid: they work)
    QString m_storageProblem;
    std::unique_ptr<TaskQueue> m_queue;
    std::unique_ptr<Worker> m_worker;
    std::unique_ptr<StoreNotifications> m_notifications; // a shared PostgreSQL store's only
    std::unique_ptr<QueueSink> m_sink;
    std::unique_ptr<Receiver> m_receiver;
    QTimer m_maintenance;
    QTimer m_receiverRetry; // while the receiver serves another address than the configured one (it was busy)
    bool m_running = false;
    Hold m_hold = Hold::None;
};
