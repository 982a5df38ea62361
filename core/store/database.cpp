// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Database {

namespace {

// One entry per schema version; each runs in one transaction.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{
        // 1: diagnostics log, deliveries (dedup by requestId), tasks, the shop store, service state.
        {
            QStringLiteral(
                "CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, level INTEGER "
                "NOT NULL, category TEXT NOT NULL, hook TEXT, request_id TEXT, document_id TEXT, message TEXT "
                "NOT NULL, details TEXT)"),
            QStringLiteral("CREATE INDEX log_level ON log(level, id)"),
            QStringLiteral("CREATE INDEX log_hook ON log(hook, id)"),
            QStringLiteral("CREATE INDEX log_at ON log(at)"),
            QStringLiteral(
                "CREATE TABLE deliveries (request_id TEXT PRIMARY KEY, received_at TEXT NOT NULL, peer TEXT, "
                "events INTEGER NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE tasks (id INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT NOT NULL, action "
                "TEXT NOT NULL, document_id TEXT NOT NULL, href TEXT, request_id TEXT NOT NULL, "
                "event_index INTEGER NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT "
                "NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, lease_until TEXT, lease_token INTEGER NOT "
                "NULL DEFAULT 0, last_error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
                "finished_at TEXT)"),
            QStringLiteral("CREATE INDEX tasks_due ON tasks(status, next_attempt_at)"),
            QStringLiteral("CREATE INDEX tasks_request ON tasks(request_id)"),
            QStringLiteral(
                "CREATE TABLE orders (id TEXT PRIMARY KEY, name TEXT, state TEXT, sum INTEGER, payed_sum "
                "INTEGER, shipped_sum INTEGER, agent TEXT, moment TEXT, updated TEXT, deleted INTEGER NOT NULL "
                "DEFAULT 0)"),
            QStringLiteral("CREATE TABLE payments (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT, sum INTEGER, "
                           "moment TEXT, linked_orders TEXT, deleted INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE shipments (id TEXT PRIMARY KEY, name TEXT, sum INTEGER, state TEXT, order_id "
                           "TEXT, deleted INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE service_state (key TEXT PRIMARY KEY, value TEXT, updated_at TEXT NOT NULL)"),
        },
        // 2: when a document was marked deleted, and MoySklad's `updated` for every kept type, so that an answer
        // fetched before a deletion or before a newer answer cannot overwrite it.
        {
            QStringLiteral("ALTER TABLE orders ADD COLUMN deleted_at TEXT"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN deleted_at TEXT"),
            QStringLiteral("ALTER TABLE payments ADD COLUMN updated TEXT"),
            QStringLiteral("ALTER TABLE shipments ADD COLUMN deleted_at TEXT"),
            QStringLiteral("ALTER TABLE shipments ADD COLUMN updated TEXT"),
        },
        // 3: a change counter per topic, so that a running service follows what another process changed (settings
        // in the INI file, secrets in the keychain, queue actions) within a poll interval.
        {
            QStringLiteral("CREATE TABLE changes (topic TEXT PRIMARY KEY, version INTEGER NOT NULL, changed_at TEXT "
                           "NOT NULL, changed_by INTEGER)"),
        },
        // 4: catch-up sync. How far the store is known to follow MoySklad, per entity type (UTC), and the runs of
        // the sync and of the comparison with MoySklad (verify), with what each found, for the faces to show.
        {
            QStringLiteral("CREATE TABLE sync_state (entity_type TEXT PRIMARY KEY, complete_until TEXT NOT NULL, "
                           "updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE sync_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, "
                           "started_at TEXT NOT NULL, finished_at TEXT, since TEXT, until TEXT, ok INTEGER, "
                           "summary TEXT, error TEXT)"),
            QStringLiteral("CREATE INDEX sync_runs_kind ON sync_runs(kind, id)"),
        },
        // 5: the diagnostics pane over a million rows. A level or hook filter reads the newest page of each level
        // through (level, id) or (hook, level, id) and merges them, instead of walking every row newest first; the
        // text search (fts5Steps) uses a full-text index instead of scanning every message.
        {
            QStringLiteral("DROP INDEX IF EXISTS log_hook"),
            QStringLiteral("CREATE INDEX log_hook_level ON log(hook, level, id)"),
        },
        // 6: per-minute metrics (MetricsRecorder): what the charts show, and the counts that replace a log row per
        // refused request or redelivery. `minute` counts minutes since the epoch, UTC.
        {
            QStringLiteral("CREATE TABLE metrics (minute INTEGER NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL "
                           "DEFAULT '', value INTEGER NOT NULL, PRIMARY KEY (name, minute, label)) WITHOUT ROWID"),
        },
        // 7: a stored delivery is recorded by its deliveries row alone (no log rows per delivery): the hook its URL
        // named, and how long after its arrival it was written into the group transaction (µs; its COMMIT, and
        // the answer, follow at once).
        {
            QStringLiteral("ALTER TABLE deliveries ADD COLUMN hook TEXT"),
            QStringLiteral("ALTER TABLE deliveries ADD COLUMN written_us INTEGER"),
        },
        // 8: a log row's message as an id (its English template) and arguments (a JSON array of strings), so that
        // every face shows it in its current language. `message` keeps the English text; rows from before have
        // no id and are shown as stored.
        {
            QStringLiteral("ALTER TABLE log ADD COLUMN message_id TEXT"),
            QStringLiteral("ALTER TABLE log ADD COLUMN args TEXT"),
        },
        // 9: what a finished task did (applied, deleted, gone from MoySklad, skipped), and each attempt's history:
        // when, how long, MoySklad's HTTP status, and the error.
        {
            QStringLiteral("ALTER TABLE tasks ADD COLUMN outcome TEXT"),
            QStringLiteral("CREATE TABLE task_attempts (id INTEGER PRIMARY KEY AUTOINCREMENT, task_id INTEGER NOT "
                           "NULL, attempt INTEGER NOT NULL, started_at TEXT NOT NULL, finished_at TEXT NOT NULL, "
                           "http_status INTEGER, status TEXT NOT NULL, outcome TEXT, error TEXT)"),
            QStringLiteral("CREATE INDEX task_attempts_task ON task_attempts(task_id, id)"),
        },
    };
    return steps;
}

// Run after schema 5's statements when SQLite has FTS5 (Debian's does; a build without it keeps the instr() search).
// External content: the words index the `log` rows themselves, kept in step by triggers, so the text is stored once.
// The ids are indexed as words too, so searching a request or document id stays one indexed lookup.
const QStringList &fts5Steps()
{
    static const QStringList steps{
        QStringLiteral("CREATE VIRTUAL TABLE log_fts USING fts5(message, details, request_id, document_id, "
                       "content='log', content_rowid='id')"),
        QStringLiteral("CREATE TRIGGER log_fts_insert AFTER INSERT ON log BEGIN INSERT INTO log_fts(rowid, message, "
                       "details, request_id, document_id) VALUES (new.id, new.message, new.details, new.request_id, "
                       "new.document_id); END"),
        QStringLiteral("CREATE TRIGGER log_fts_delete AFTER DELETE ON log BEGIN INSERT INTO log_fts(log_fts, rowid, "
                       "message, details, request_id, document_id) VALUES ('delete', old.id, old.message, "
                       "old.details, old.request_id, old.document_id); END"),
        QStringLiteral("CREATE TRIGGER log_fts_update AFTER UPDATE ON log BEGIN INSERT INTO log_fts(log_fts, rowid, "
                       "message, details, request_id, document_id) VALUES ('delete', old.id, old.message, "
                       "old.details, old.request_id, old.document_id); INSERT INTO log_fts(rowid, message, details, "
                       "request_id, document_id) VALUES (new.id, new.message, new.details, new.request_id, "
                       "new.document_id); END"),
        // Rows written before this version.
        QStringLiteral("INSERT INTO log_fts(log_fts) VALUES ('rebuild')"),
    };
    return steps;
}

QString lastError(const QSqlQuery &query)
{
    return query.lastError().text();
}

} // namespace

QString fileIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("skladhook.db"));
}

Result<QSqlDatabase, QString> open(const QString &path, const QString &connectionName, bool readOnly)
{
    if (readOnly && !QFileInfo::exists(path))
        return QStringLiteral("the database %1 does not exist yet").arg(path);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    // Readers wait for the writer's short transactions instead of failing at once.
    db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                  : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
    QSqlQuery query(db);
    if (!readOnly) {
        // WAL lets readers run beside the single writer; FULL makes a COMMIT survive a power cut.
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            if (!query.exec(QString::fromLatin1(pragma)))
                return QStringLiteral("cannot prepare %1: %2").arg(path, lastError(query));
        }
        auto migrated = migrate(db);
        if (!migrated.ok())
            return migrated.error();
    }
    return db;
}

Result<Done, QString> migrate(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return QStringLiteral("cannot read the schema version: %1").arg(lastError(query));
    const int current = query.value(0).toInt();
    if (current > schemaVersion)
        return QStringLiteral("the database was written by a newer SkladHook (schema %1, this one knows %2)")
            .arg(current)
            .arg(schemaVersion);
    if (current == 0) {
        // A fresh file has no tables; one with tables and no schema version is another program's database, which
        // must not get ours mixed into it.
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) || !query.next())
            return QStringLiteral("cannot read the schema: %1").arg(lastError(query));
        if (query.value(0).toInt() > 0)
            return QStringLiteral("the database belongs to another program");
    }
    for (int version = current + 1; version <= schemaVersion; ++version) {
        if (!db.transaction())
            return QStringLiteral("cannot start the migration to schema %1: %2")
                .arg(version)
                .arg(db.lastError().text());
        QStringList statements = migrations().at(version - 1);
        if (version == 5 && hasFts5(db))
            statements.append(fts5Steps());
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                const QString error = lastError(query);
                db.rollback();
                return QStringLiteral("migration to schema %1 failed: %2").arg(version).arg(error);
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)) || !db.commit()) {
            db.rollback();
            return QStringLiteral("migration to schema %1 could not be committed").arg(version);
        }
    }
    return Done{};
}

bool hasFts5(QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT sqlite_compileoption_used('ENABLE_FTS5')")) && query.next() &&
           query.value(0).toInt() == 1;
}

bool hasLogSearchIndex(QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_fts'")) &&
           query.next();
}

void close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace Database
