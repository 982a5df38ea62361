// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitedialect.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace {

// skladhook_lower(text): SQLite's lower() changes ASCII letters only, so that a search for "ошибка" would miss
// "Ошибка" on SQLite while PostgreSQL finds it. NULL stays NULL, as with lower().
void unicodeLower(sqlite3_context *context, int, sqlite3_value **arguments)
{
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(arguments[0]));
    const QByteArray lowered = QString::fromUtf8(text, sqlite3_value_bytes(arguments[0])).toLower().toUtf8();
    sqlite3_result_text(context, lowered.constData(), int(lowered.size()), SQLITE_TRANSIENT);
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

// Step 14, both tables a delivery writes, copied in the step's transaction (SQLite cannot change either in place):
// - tasks without AUTOINCREMENT, which updated sqlite_sequence for every task row (issue 11). A plain rowid continues
//   after the largest id in the table, and pruning always keeps the newest task (TaskQueue::prune), so an id is still
//   never handed out twice;
// - deliveries without the unique key on the request id, whose random keys cost every delivery a page of its own in
//   each commit, the WAL and each checkpoint: the writer knows a redelivery by its memory (RecentRequests). Indexed
//   by time instead, for the listing, pruning and that memory's reading at start.
// PostgreSQL keeps both: its identity column has no such cost, and several services may receive (extraSteps there).
QStringList step14()
{
    const QString taskColumns = QStringLiteral(
        "id, entity_type, action, document_id, href, request_id, event_index, mode, status, attempts, "
        "next_attempt_at, lease_until, lease_token, last_error, created_at, updated_at, finished_at, outcome, "
        "lease_owner");
    const QString deliveryColumns = QStringLiteral("request_id, received_at, peer, events, hook, written_us");
    return {
        QStringLiteral("CREATE TABLE tasks_rebuilt (id INTEGER PRIMARY KEY, entity_type TEXT NOT NULL, action TEXT "
                       "NOT NULL, document_id TEXT NOT NULL, href TEXT, request_id TEXT NOT NULL, event_index INTEGER "
                       "NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, "
                       "next_attempt_at TEXT NOT NULL, lease_until TEXT, lease_token INTEGER NOT NULL DEFAULT 0, "
                       "last_error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, finished_at TEXT, "
                       "outcome TEXT, lease_owner TEXT)"),
        QStringLiteral("INSERT INTO tasks_rebuilt (%1) SELECT %1 FROM tasks").arg(taskColumns),
        QStringLiteral("DROP TABLE tasks"),
        QStringLiteral("ALTER TABLE tasks_rebuilt RENAME TO tasks"),
        QStringLiteral("CREATE INDEX tasks_due ON tasks(status, next_attempt_at)"),
        QStringLiteral("DELETE FROM sqlite_sequence WHERE name = 'tasks'"),
        QStringLiteral("CREATE TABLE deliveries_rebuilt (request_id TEXT NOT NULL, received_at TEXT NOT NULL, peer "
                       "TEXT, events INTEGER NOT NULL, hook TEXT, written_us INTEGER)"),
        QStringLiteral("INSERT INTO deliveries_rebuilt (%1) SELECT %1 FROM deliveries ORDER BY received_at")
            .arg(deliveryColumns),
        QStringLiteral("DROP TABLE deliveries"),
        QStringLiteral("ALTER TABLE deliveries_rebuilt RENAME TO deliveries"),
        QStringLiteral("CREATE INDEX deliveries_received ON deliveries(received_at)"),
    };
}

} // namespace

QString SqliteDialect::rewrite(const QString &statement) const
{
    return statement; // the steps are written in SQLite's SQL
}

QStringList SqliteDialect::extraSteps(QSqlDatabase &db, int version) const
{
    if (version == 5 && hasFts5(db))
        return fts5Steps();
    if (version == 14)
        return step14();
    return {};
}

Result<int, QString> SqliteDialect::schemaVersion(QSqlDatabase &db) const
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return QStringLiteral("cannot read the schema version: %1").arg(query.lastError().text());
    return query.value(0).toInt();
}

Result<Done, QString> SqliteDialect::setSchemaVersion(QSqlDatabase &db, int version) const
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return QStringLiteral("cannot write the schema version: %1").arg(query.lastError().text());
    return Done{};
}

Result<QStringList, QString> SqliteDialect::tables(QSqlDatabase &db) const
{
    // table_list (SQLite 3.37+) types the FTS5 index's own tables `virtual` and `shadow`, so they are left out here.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND "
                                   "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")))
        return QStringLiteral("cannot list the tables: %1").arg(query.lastError().text());
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

Result<Done, QString> SqliteDialect::followInsertedIds(QSqlDatabase &, const QString &) const
{
    return Done{}; // a rowid (and AUTOINCREMENT) continues after the largest id in the table
}

Result<Done, QString> SqliteDialect::addFunctions(QSqlDatabase &db)
{
    // Qt's SQLite driver is built against this same libsqlite3 (as WriterStatement relies on too).
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return QStringLiteral("the SQLite driver gives no sqlite3 handle");
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    // Deterministic: SQLite may then compute it once for a constant argument (the search text) instead of per row.
    const int code = sqlite3_create_function_v2(connection, "skladhook_lower", 1,
                                                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                                unicodeLower, nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        return QStringLiteral("cannot add skladhook_lower(): %1").arg(QString::fromUtf8(sqlite3_errmsg(connection)));
    return Done{};
}

QString SqliteDialect::logContains(const QString &needle) const
{
    const QString lowered = lowerCase(needle);
    return QStringLiteral("(%1 > 0 OR %2 > 0 OR l.request_id = %3 OR l.document_id = %3)")
        .arg(position(lowered, lowerCase(QStringLiteral("l.message"))),
             position(lowered, lowerCase(QStringLiteral("l.details"))), needle);
}

bool SqliteDialect::hasFts5(QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT sqlite_compileoption_used('ENABLE_FTS5')")) && query.next() &&
           query.value(0).toInt() == 1;
}

QString SqliteDialect::beginWrite() const
{
    // Takes the write lock at once: a transaction that reads first and upgrades later could fail with SQLITE_BUSY.
    return QStringLiteral("BEGIN IMMEDIATE");
}

QString SqliteDialect::skipLockedRows() const
{
    return {}; // one writer at a time: nobody else is claiming
}

QString SqliteDialect::sessionOwner() const
{
    return QStringLiteral("NULL");
}

QString SqliteDialect::ownerGone() const
{
    return QStringLiteral("0");
}

Result<Done, QString> SqliteDialect::lockSchema(QSqlDatabase &) const
{
    return Done{}; // the StoreWriter opens (and migrates) under the WriteLock
}

void SqliteDialect::unlockSchema(QSqlDatabase &) const {}

QString SqliteDialect::position(const QString &needle, const QString &haystack) const
{
    return QStringLiteral("instr(%1, %2)").arg(haystack, needle);
}

QString SqliteDialect::notifyImmediate() const
{
    return {}; // one service: it processes its own receiver's work
}

QString SqliteDialect::returningId() const
{
    return {}; // sqlite3_last_insert_rowid
}

QString SqliteDialect::jsonArrayIds(const QString &column) const
{
    return QStringLiteral("(SELECT json_extract(value, '$.id') AS id, key AS ordinal FROM json_each(%1))").arg(column);
}

QString SqliteDialect::joinedValues(const QString &expression, const QString &separator, const QString &) const
{
    // No ORDER BY in an aggregate before SQLite 3.44 (Debian 12 has 3.40): the rows come ordered from the caller's
    // subquery, which SQLite does not flatten into an aggregate, and group_concat keeps their order.
    return QStringLiteral("group_concat(%1, %2)").arg(expression, separator);
}

QString SqliteDialect::dataVersion() const
{
    // Moves when another connection committed anything; the shop views' own reads do not move it.
    return QStringLiteral("PRAGMA data_version");
}

QString SqliteDialect::lowerCase(const QString &expression) const
{
    return QStringLiteral("skladhook_lower(%1)").arg(expression); // addFunctions()
}
