// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>
#include <vector>

struct sqlite3_stmt;

// One statement of the writer's hot jobs (a delivery's rows), prepared once and run again for every job. On SQLite
// it binds and steps through SQLite's own API on the connection's handle: QSqlQuery wraps every value in a QVariant,
// formats a ":N" placeholder name for each positional bind, and hands SQLite UTF-16 text that it converts back to
// UTF-8 — a third of the writer's time per delivery. On any other engine it is a QSqlQuery.
//
// Values are added in placeholder order, as QSqlQuery::addBindValue does; exec() runs the statement with them and
// forgets them. A statement with RETURNING holds its row until next()/finish().
class WriterStatement final
{
public:
    WriterStatement(const QSqlDatabase &db, const QString &sql);
    ~WriterStatement();
    WriterStatement(const WriterStatement &) = delete;
    WriterStatement &operator=(const WriterStatement &) = delete;

    bool isPrepared() const;
    void add(const QString &text); // a null QString binds NULL
    // Text already in UTF-8: a value bound in several rows of a job is converted once. A null QByteArray binds NULL.
    void add(const QByteArray &utf8);
    void add(qint64 number);
    void add(std::optional<qint64> number); // nullopt binds NULL
    bool exec();
    bool next(); // the next row of a RETURNING or SELECT
    qint64 int64At(int column) const;
    // The id of the row the last exec() inserted, its statement ending in SqlDialect::returningId(): on SQLite the
    // connection's last rowid, elsewhere the RETURNING row, read and let go of. nullopt when there is none.
    std::optional<qint64> insertedId();
    int rowsAffected() const; // of the last exec()
    void finish();            // done with the rows: the statement lets go of the tables
    QString lastError() const;

private:
    void fail(int code);

    // SQLite's own statement (null on other engines, or when it did not prepare).
    sqlite3_stmt *m_statement = nullptr;
    int m_nextIndex = 1;
    int m_changes = 0;
    bool m_hasRow = false;
    // The UTF-8 of the text bound since the statement last ran, bound as SQLITE_STATIC: SQLite's own copy of every
    // value (SQLITE_TRANSIENT) was an allocation per column of every task row. A QByteArray's bytes stay where they
    // are when the vector grows.
    std::vector<QByteArray> m_text;
    QString m_error;
    // Every other engine.
    std::optional<QSqlQuery> m_query;
};
