// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// What differs between the two engines the store runs on, so that Database keeps ONE list of schema steps written in
// SQLite's SQL: SqliteDialect runs them as written, PostgresDialect rewrites them. Everything engine-specific the
// schema and `store migrate` need goes through here, never through a driver-name check elsewhere.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    // The dialect of a connection's driver (QSQLITE or QPSQL); null for any other driver.
    static const SqlDialect *of(const QSqlDatabase &db);

    // A schema step's statement (SQLite's SQL) in this engine's SQL.
    virtual QString rewrite(const QString &statement) const = 0;
    // Statements this engine runs after schema step `version`'s own (SQLite: the log's FTS5 index after step 5).
    virtual QStringList extraSteps(QSqlDatabase &db, int version) const = 0;
    // The schema version stored in the database: 0 when none was written yet.
    virtual Result<int, QString> schemaVersion(QSqlDatabase &db) const = 0;
    // Stores the schema version, inside the transaction of the step that reached it.
    virtual Result<Done, QString> setSchemaVersion(QSqlDatabase &db, int version) const = 0;
    // The tables holding data, without the engine's own (SQLite's sqlite_sequence and the FTS5 index's tables,
    // PostgreSQL's schema_version): what another program's database has, and what `store migrate` copies.
    virtual Result<QStringList, QString> tables(QSqlDatabase &db) const = 0;
    // After rows were inserted with their ids: the next id generated for `table` follows the largest one, so that new
    // rows do not collide with the copied ones. Nothing to do for a table without an `id` column.
    virtual Result<Done, QString> followInsertedIds(QSqlDatabase &db, const QString &table) const = 0;

    // What several processes writing one store need (SQLite has one writer at a time under WriteLock; PostgreSQL
    // lets the services of several machines write at once):
    // Whether several services may share a store of this engine (each with its own data directory and lock).
    virtual bool servesSeveral() const = 0;
    // The statement that opens a write transaction.
    virtual QString beginWrite() const = 0;
    // Appended to a SELECT of tasks to claim: rows another transaction is claiming are skipped, not waited for.
    virtual QString skipLockedRows() const = 0;
    // An SQL expression naming the connection that runs it, as long as it lives (a claim's lease_owner); NULL where
    // one writer at a time makes it needless.
    virtual QString sessionOwner() const = 0;
    // An SQL condition on tasks: running, but its claim's connection is gone (its process died), so it is due now.
    // FALSE where a process finds its orphans by the data directory's lock instead (Service::start).
    virtual QString ownerGone() const = 0;
    // Held around the schema steps, so that services starting together on one store migrate it once.
    virtual Result<Done, QString> lockSchema(QSqlDatabase &db) const = 0;
    virtual void unlockSchema(QSqlDatabase &db) const = 0;
    // A statement that tells the other services sharing the store, at COMMIT, of immediate work: one placeholder for
    // the task ids ("1,2,3"). Empty where no other service can be told (SQLite).
    virtual QString notifyImmediate() const = 0;
    // Appended to an INSERT whose new row's id the writer reads (WriterStatement::insertedId): PostgreSQL's
    // RETURNING. Nothing on SQLite, whose connection keeps the last rowid: its RETURNING cost the writer about 30 µs
    // per five-event delivery (issue 11).
    virtual QString returningId() const = 0;
    // A table of the `id` fields of a JSON array of objects held in `column`, with each one's place in the array
    // (columns `id` and `ordinal`, which grows along the array): SQLite's json_each, PostgreSQL's jsonb_array_elements.
    virtual QString jsonArrayIds(const QString &column) const = 0;
    // The values of `expression` joined by `separator` (a literal) in the order of `orderBy`: string_agg's ORDER BY.
    // SQLite before 3.44 has no ORDER BY in an aggregate: its group_concat joins them in the order the rows come, so
    // the caller reads them from a subquery ordered the same way.
    virtual QString joinedValues(const QString &expression, const QString &separator, const QString &orderBy) const = 0;
    // A query of one number that changes whenever another connection has committed a change to the store's shop data
    // (orders, payments, shipments), for views that refresh when it moves.
    virtual QString dataVersion() const = 0;
    // `expression` in lower case, Cyrillic too: PostgreSQL's lower() through ICU; on SQLite, whose lower() knows ASCII
    // only, the function SqliteDialect::addFunctions gives each connection.
    virtual QString lowerCase(const QString &expression) const = 0;
    // A condition: `expression` contains the text of one bound value, whatever the case of either, the value given
    // as containsPattern() makes it. The same on both engines (SQLite's LIKE ignores the case of Latin letters only,
    // PostgreSQL's minds every case).
    QString containsIgnoringCase(const QString &expression) const;
    // The value for containsIgnoringCase(): `text` anywhere, its own wildcards (% _ \) taken literally.
    static QString containsPattern(const QString &text);
    // The position of `needle` in `haystack` (SQL expressions), 0 when absent: SQLite's instr, PostgreSQL's strpos.
    virtual QString position(const QString &needle, const QString &haystack) const = 0;
    // An SQL condition on the log row `l`: `needle` (an SQL expression) is in its message or details, whatever the
    // case, or is its request or document id. SQLite reads it row by row (its word search goes through FTS5);
    // PostgreSQL's form is the one its trigram index serves.
    virtual QString logContains(const QString &needle) const = 0;

protected:
    SqlDialect() = default;
};
