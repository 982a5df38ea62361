// SPDX-License-Identifier: GPL-3.0-or-later
#include "changefeed.h"

#include "store/storewriter.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <utility>

namespace {
std::optional<ChangeTopic> topicOf(const QString &name)
{
    for (ChangeTopic topic : {ChangeTopic::Settings, ChangeTopic::Secrets, ChangeTopic::Queue}) {
        if (ChangeFeed::topicName(topic) == name)
            return topic;
    }
    return std::nullopt;
}
} // namespace

namespace ChangeFeed {

QString topicName(ChangeTopic topic)
{
    switch (topic) {
    case ChangeTopic::Settings:
        return QStringLiteral("settings");
    case ChangeTopic::Secrets:
        return QStringLiteral("secrets");
    case ChangeTopic::Queue:
        return QStringLiteral("queue");
    }
    return {};
}

Result<Done, QString> bump(QSqlDatabase &db, ChangeTopic topic, const QDateTime &at)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO changes (topic, version, changed_at, changed_by) VALUES (?, 1, ?, ?) "
                                 "ON CONFLICT(topic) DO UPDATE SET version = changes.version + 1, changed_at = "
                                 "excluded.changed_at, changed_by = excluded.changed_by"));
    query.addBindValue(topicName(topic));
    query.addBindValue(at.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(QCoreApplication::applicationPid());
    if (!query.exec())
        return query.lastError().text();
    return Done{};
}

void announce(StoreWriter *writer, ChangeTopic topic, const QDateTime &at,
              std::function<void(Result<Done, QString>)> done)
{
    writer->submit([topic, at](QSqlDatabase &db) { return bump(db, topic, at); }, std::move(done));
}

Result<QHash<ChangeTopic, qint64>, QString> read(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT topic, version FROM changes")))
        return query.lastError().text();
    QHash<ChangeTopic, qint64> counters;
    while (query.next()) {
        if (const auto topic = topicOf(query.value(QStringLiteral("topic")).toString()))
            counters.insert(*topic, query.value(QStringLiteral("version")).toLongLong());
    }
    return counters;
}

} // namespace ChangeFeed

ChangeWatcher::ChangeWatcher(QString databasePath, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_reader(std::move(databasePath))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::poll);
}

ChangeWatcher::~ChangeWatcher() = default;

void ChangeWatcher::start()
{
    m_baseline = readCounters(&m_seen);
    m_timer.start();
}

void ChangeWatcher::stop()
{
    m_timer.stop();
}

bool ChangeWatcher::readCounters(QHash<ChangeTopic, qint64> *counters)
{
    // The database may not exist yet (a GUI opened before anything was written): try again at the next poll.
    if (!m_reader.ensureOpen())
        return false;
    auto read = ChangeFeed::read(m_reader.db());
    if (!read.ok())
        return false; // e.g. a schema older than the `changes` table, until its writer migrates it
    *counters = read.value();
    return true;
}

void ChangeWatcher::poll()
{
    QHash<ChangeTopic, qint64> now;
    if (!readCounters(&now))
        return;
    if (!m_baseline) {
        // The first successful read after the database appeared: every topic there is news.
        m_baseline = true;
        m_seen = {};
    }
    const QHash<ChangeTopic, qint64> before = std::exchange(m_seen, now);
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (before.value(it.key(), 0) != it.value())
            Q_EMIT changed(it.key());
    }
}
