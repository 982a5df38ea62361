// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "sqldialect.h"
#include "sqlitedialect.h"
#include "storeurl.h"

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
        // 10: what the store knows about itself. `complete` = 1: every row it should hold is there. A store built by
        // these steps is complete; `store migrate` sets it to 0 before copying rows in and back to 1 as its last
        // write, so a store whose copy did not finish can be told from one that is merely empty (checkComplete).
        {
            // Idempotent: a database taken back to an older schema version by hand (as tests of older migrations
            // do) still has the table.
            QStringLiteral("CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO store_meta (key, value) VALUES ('complete', '1') ON CONFLICT (key) DO NOTHING"),
        },
        // 11: several services on one PostgreSQL store (SQLite, with its one service, leaves these unused):
        // - which connection holds a running task's claim (SqlDialect::sessionOwner), so that the others take over at
        //   once the tasks of one that died, and never those of one that lives;
        // - the account-wide settings, which every service reads here (DatabaseSettingsBackend);
        // - MoySklad's weighted bucket shared by every process on the account (PostgresRequestGate): a leaky bucket
        //   `level` in units at `updated_ms` (the database's clock, ms since the epoch), and whether the last update
        //   took the request it was asked for. Its row is made on first use, so `store migrate` has nothing to copy;
        // - which processes serve it, from which machine, lacking which secret (ServiceRegistry).
        {
            QStringLiteral("ALTER TABLE tasks ADD COLUMN lease_owner TEXT"),
            QStringLiteral("CREATE TABLE account_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE rate_bucket (name TEXT PRIMARY KEY, level DOUBLE PRECISION NOT NULL, "
                           "updated_ms DOUBLE PRECISION NOT NULL, granted INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE services (id TEXT PRIMARY KEY, host TEXT NOT NULL, pid INTEGER NOT NULL, "
                           "state TEXT NOT NULL, detail TEXT, receiver TEXT, has_token INTEGER NOT NULL, "
                           "has_site_secret INTEGER NOT NULL, seen_at TEXT NOT NULL)"),
        },
        // 12: no index of tasks by request id. No query reads tasks through it (the queue's text filter ORs it with
        // LIKEs, a scan either way), and keyed by a random id it cost every delivery a page of its own in each
        // commit, the WAL and each checkpoint (issue 11's cost per delivery).
        {
            QStringLiteral("DROP INDEX IF EXISTS tasks_request"),
        },
        // 13: PostgreSQL's index for the log's text search (PostgresDialect::extraSteps: trigrams, when the server
        // lets the store's role use pg_trgm). SQLite's is FTS5, since step 5.
        {},
        // 14: the two tables a delivery writes made cheaper to write (SqliteDialect::extraSteps: tasks without
        // AUTOINCREMENT, deliveries without a unique request id), and deliveries indexed by time on both engines.
        {},
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

bool isPostgres(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

QString displayName(const QString &location)
{
    if (!isPostgres(location))
        return location;
    const auto url = StoreUrl::parse(location);
    return url.ok() ? url.value().masked() : QStringLiteral("(an invalid store.url)");
}

namespace {

Result<QSqlDatabase, QString> openPostgres(const QString &location, const QString &connectionName, bool readOnly)
{
    const auto url = StoreUrl::parse(location);
    if (!url.ok())
        return QStringLiteral("store.url: %1").arg(url.error());
    auto opened = url.value().open(connectionName);
    if (!opened.ok())
        return opened.error();
    QSqlDatabase db = opened.value();
    QSqlQuery query(db);
    // A reader never writes by mistake; a writer's schema steps run once however many services start together.
    if (readOnly) {
        if (!query.exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")))
            return QStringLiteral("cannot prepare %1: %2").arg(url.value().masked(), lastError(query));
        return db;
    }
    const SqlDialect *dialect = SqlDialect::of(db);
    auto locked = dialect->lockSchema(db);
    if (!locked.ok())
        return locked.error();
    auto migrated = migrate(db);
    dialect->unlockSchema(db);
    if (!migrated.ok())
        return migrated.error();
    return db;
}

} // namespace

Result<QSqlDatabase, QString> open(const QString &path, const QString &connectionName, bool readOnly)
{
    if (isPostgres(path))
        return openPostgres(path, connectionName, readOnly);
    if (readOnly && !QFileInfo::exists(path))
        return QStringLiteral("the database %1 does not exist yet").arg(path);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    // Readers wait for the writer's short transactions instead of failing at once.
    db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                  : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
    // The searches' lower case (SqlDialect::lowerCase), on every connection: the writer's bulk actions search too.
    if (const auto added = SqliteDialect::addFunctions(db); !added.ok())
        return QStringLiteral("cannot prepare %1: %2").arg(path, added.error());
    QSqlQuery query(db);
    if (!readOnly) {
        // WAL lets readers run beside the single writer; FULL makes a COMMIT survive a power cut. The writer opens a
        // savepoint per job: in memory its statement journal costs a copy of each page, in a temporary file (this
        // build's default) it cost a file and a write per page, 40 % of a delivery's CPU. The WAL is checkpointed
        // at SQLite's default of 1,000 pages. A checkpoint runs inside the COMMIT that crosses the mark (under the
        // WriteLock) and the deliveries waiting meanwhile wait for it too; every 100 pages it held them less long
        // (p99 2.4 against 3.8 ms in the intake benchmark) at two fsyncs more per group commit, about 3 µs of CPU a
        // delivery (issue 11).
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                                   "PRAGMA temp_store=MEMORY", "PRAGMA wal_autocheckpoint=1000"}) {
            if (!query.exec(QString::fromLatin1(pragma)))
                return QStringLiteral("cannot prepare %1: %2").arg(path, lastError(query));
        }
        auto migrated = migrate(db);
        if (!migrated.ok())
            return migrated.error();
    }
    return db;
}

namespace {

// The schema steps from the stored version up to schemaVersion, each in its own transaction (ownTransactions) or all
// in the caller's. The same steps for both engines: the connection's dialect rewrites them and stores the version.
Result<Done, QString> runSteps(QSqlDatabase &db, bool ownTransactions)
{
    const SqlDialect *dialect = SqlDialect::of(db);
    if (!dialect)
        return QStringLiteral("the store cannot use the database driver %1").arg(db.driverName());
    const auto stored = dialect->schemaVersion(db);
    if (!stored.ok())
        return stored.error();
    const int current = stored.value();
    if (current > schemaVersion)
        return QStringLiteral("the database was written by a newer SkladHook (schema %1, this one knows %2)")
            .arg(current)
            .arg(schemaVersion);
    if (current == 0) {
        // A fresh database has no tables; one with tables and no schema version is another program's database,
        // which must not get ours mixed into it.
        const auto tables = dialect->tables(db);
        if (!tables.ok())
            return QStringLiteral("cannot read the schema: %1").arg(tables.error());
        if (!tables.value().isEmpty())
            return QStringLiteral("the database belongs to another program");
    }
    QSqlQuery query(db);
    for (int version = current + 1; version <= schemaVersion; ++version) {
        if (ownTransactions && !db.transaction())
            return QStringLiteral("cannot start the migration to schema %1: %2")
                .arg(version)
                .arg(db.lastError().text());
        QStringList statements = migrations().at(version - 1);
        statements.append(dialect->extraSteps(db, version));
        for (const QString &statement : std::as_const(statements)) {
            if (!query.exec(dialect->rewrite(statement))) {
                const QString error = lastError(query);
                if (ownTransactions)
                    db.rollback();
                return QStringLiteral("migration to schema %1 failed: %2").arg(version).arg(error);
            }
        }
        const auto written = dialect->setSchemaVersion(db, version);
        if (!written.ok() || (ownTransactions && !db.commit())) {
            if (ownTransactions)
                db.rollback();
            return QStringLiteral("migration to schema %1 could not be committed%2")
                .arg(version)
                .arg(written.ok() ? QString() : QStringLiteral(": ") + written.error());
        }
    }
    return Done{};
}

} // namespace

Result<Done, QString> migrate(QSqlDatabase &db)
{
    return runSteps(db, true);
}

Result<Done, QString> migrateInTransaction(QSqlDatabase &db)
{
    return runSteps(db, false);
}

Result<Done, QString> checkComplete(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT value FROM store_meta WHERE key = 'complete'")))
        return QStringLiteral("cannot read whether the store is complete: %1").arg(lastError(query));
    if (query.next()) {
        if (query.value(0).toString() == QLatin1String("1"))
            return Done{};
        return QStringLiteral("the store was not completely copied (its migration did not finish): run `skladhook-cli "
                              "store migrate` again into an empty database");
    }
    // No marker: fine for an empty store, not for one holding rows that no finished copy vouches for.
    for (const char *table : {"tasks", "deliveries", "log"}) {
        if (!query.exec(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(QLatin1String(table))))
            return QStringLiteral("cannot read %1: %2").arg(QLatin1String(table), lastError(query));
        if (query.next())
            return QStringLiteral("the store holds data but no record that its copy finished: run `skladhook-cli store "
                                  "migrate` again into an empty database");
    }
    return Done{};
}

bool hasFts5(QSqlDatabase &db)
{
    return SqliteDialect::hasFts5(db);
}

bool hasLogSearchIndex(QSqlDatabase &db)
{
    if (!dynamic_cast<const SqliteDialect *>(SqlDialect::of(db)))
        return false; // FTS5 is SQLite's; PostgreSQL's substring search has a trigram index (PostgresDialect)
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
