// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "intake/delivery.h"
#include "intake/receiver.h"
#include "queue/taskqueue.h"
#include "queue/worker.h"

#include <QHash>
#include <QLockFile>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <memory>

class MoySkladClient;
class Settings;
class SqliteDiagnosticsLog;
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

// Owns and wires, for one data directory: the StoreWriter (the only writer), the diagnostics log, the task
// queue, the worker and the receiver. A lock file (serve.lock) makes sure one Service writes at a time.
// It is the receiver's DeliverySink: persist first, answer second, then process immediate tasks.
class Service final : public QObject, public DeliverySink
{
    Q_OBJECT

public:
    Service(ServiceConfig config, MoySkladClient *client, QObject *parent = nullptr);
    ~Service() override;

    // Takes the lock, opens the database, starts the receiver and the worker. On error nothing keeps running.
    Result<Done, QString> start();
    // Stops accepting, lets the writer commit everything acknowledged, releases the lock.
    void stop();
    bool isRunning() const { return m_running; }

    void setExecutionModes(const QHash<QString, ExecutionMode> &modes);
    void setVerificationString(const QString &secret);

    Receiver *receiver() const { return m_receiver.get(); }
    TaskQueue *queue() const { return m_queue.get(); }
    Worker *worker() const { return m_worker.get(); }
    DiagnosticsLog *log() const;
    StoreWriter *writer() const { return m_writer.get(); }

    // DeliverySink: called on the receiver's thread.
    void persist(Delivery delivery, std::function<void(PersistOutcome)> done) override;

    // Who holds the data directory's lock, for a second instance's message: "pid 1234 on host"; empty when no live
    // process holds it.
    static QString lockHolder(const QString &dataDir);

Q_SIGNALS:
    void runningChanged(bool running);

private:
    void saveState();
    void maintain(); // prunes finished tasks and log rows past the retention period
    ExecutionMode modeOf(const QString &entityType, const QString &action) const;

    ServiceConfig m_config;
    MoySkladClient *m_client = nullptr;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<SqliteDiagnosticsLog> m_log;
    std::unique_ptr<TaskQueue> m_queue;
    std::unique_ptr<Worker> m_worker;
    std::unique_ptr<Receiver> m_receiver;
    QTimer m_maintenance;
    mutable QMutex m_modesMutex;
    bool m_running = false;
};
