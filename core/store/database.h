// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

// The store: skladhook.db in the data directory (SQLite in WAL mode with synchronous=FULL), or the PostgreSQL
// database that store.url names, shared by the services of several machines. Its location is one string, the file's
// path or the URL. In each process only the StoreWriter writes; readers (GUI models, the CLI) open their own
// read-only connections beside it, through ReadConnection.
namespace Database {

inline constexpr int schemaVersion = 14;

QString fileIn(const QString &dataDir); // <dataDir>/skladhook.db
// Whether `location` is a PostgreSQL URL (postgresql:// or postgres://) rather than a SQLite file's path.
bool isPostgres(const QString &location);
// The location as it may be shown or logged: a URL's password masked.
QString displayName(const QString &location);

// Opens (creating the file and the schema when writing) a connection named `connectionName` on the calling
// thread: a Qt SQL connection belongs to the thread that opened it.
Result<QSqlDatabase, QString> open(const QString &location, const QString &connectionName, bool readOnly);
// Brings the schema up to schemaVersion in place, one transaction per step; never drops data. SQLite or PostgreSQL:
// the same steps through the connection's SqlDialect (version in PRAGMA user_version, or a schema_version table).
Result<Done, QString> migrate(QSqlDatabase &db);
// The same steps inside the caller's open transaction (PostgreSQL's DDL is transactional): `store migrate` creates
// the schema and copies the rows in one transaction, so a failure leaves nothing behind.
Result<Done, QString> migrateInTransaction(QSqlDatabase &db);
// Whether the store holds everything it should: its store_meta `complete` is 1, or it has no marker and no rows. A
// store whose `store migrate` did not finish is refused by this, which a service calls before it starts on a store.
Result<Done, QString> checkComplete(QSqlDatabase &db);
// Whether the SQLite library behind the connection was built with FTS5 (the log's full-text index).
bool hasFts5(QSqlDatabase &db);
// Whether the log's full-text index (log_fts) exists: schema 5 written by a SQLite with FTS5.
bool hasLogSearchIndex(QSqlDatabase &db);
// Closes and forgets a connection opened by open().
void close(const QString &connectionName);

} // namespace Database
