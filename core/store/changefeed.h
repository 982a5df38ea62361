// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/readconnection.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>
#include <optional>

class StoreWriter;

// What another process may have changed under a running service. Each topic has a counter in skladhook.db's
// `changes` table: whoever changes something bumps it (through its own StoreWriter, under the cross-process write
// lock), and every process watching the database sees the new number within one poll.
enum class ChangeTopic {
    Settings, // settings.ini (a setting or an execution mode)
    Secrets,  // the API token or the verification string in the secret store
    Queue,    // a task made due by hand (retry, retry-dead) or cancelled
};

// Reads and bumps the counters.
namespace ChangeFeed {
QString topicName(ChangeTopic topic);
// A StoreWriter job body: bumps `topic`'s counter inside the writer's transaction.
Result<Done, QString> bump(QSqlDatabase &db, ChangeTopic topic, const QDateTime &at);
// Submits a bump, stamped `at`, to `writer`; `done` (may be empty) runs on the writer's thread after COMMIT.
void announce(StoreWriter *writer, ChangeTopic topic, const QDateTime &at,
              std::function<void(Result<Done, QString>)> done = {});
// The counters as they are; topics never bumped are absent.
Result<QHash<ChangeTopic, qint64>, QString> read(QSqlDatabase &db);
} // namespace ChangeFeed

// Polls the counters of one database and emits changed() for each topic whose counter moved since the last poll.
// Reading two integers from a WAL database is cheap, and polling works the same whichever process wrote.
class ChangeWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit ChangeWatcher(QString databasePath, int intervalMs = 500, QObject *parent = nullptr);
    ~ChangeWatcher() override;

    // Takes the current counters as the baseline (what happened before is not reported) and starts polling.
    void start();
    void stop();
    // One poll now (tests, and right after this process announced something).
    void poll();

Q_SIGNALS:
    void changed(ChangeTopic topic);

private:
    bool readCounters(QHash<ChangeTopic, qint64> *counters);

    ReadConnection m_reader;
    QTimer m_timer;
    QHash<ChangeTopic, qint64> m_seen;
    bool m_baseline = false;
};
