// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqldialect.h"

// The embedded default: the schema steps are SQLite's SQL already; the version is PRAGMA user_version.
class SqliteDialect final : public SqlDialect
{
public:
    QString rewrite(const QString &statement) const override;
    QStringList extraSteps(QSqlDatabase &db, int version) const override;
    Result<int, QString> schemaVersion(QSqlDatabase &db) const override;
    Result<Done, QString> setSchemaVersion(QSqlDatabase &db, int version) const override;
    Result<QStringList, QString> tables(QSqlDatabase &db) const override;
    Result<Done, QString> followInsertedIds(QSqlDatabase &db, const QString &table) const override;
    bool servesSeveral() const override { return false; }
    QString beginWrite() const override;
    QString skipLockedRows() const override;
    QString sessionOwner() const override;
    QString ownerGone() const override;
    Result<Done, QString> lockSchema(QSqlDatabase &db) const override;
    void unlockSchema(QSqlDatabase &db) const override;
    QString notifyImmediate() const override;
    QString returningId() const override;
    QString jsonArrayIds(const QString &column) const override;
    QString joinedValues(const QString &expression, const QString &separator, const QString &orderBy) const override;
    QString dataVersion() const override;
    QString lowerCase(const QString &expression) const override;
    QString position(const QString &needle, const QString &haystack) const override;
    QString logContains(const QString &needle) const override;

    // Whether the SQLite library behind the connection was built with FTS5 (the log's full-text index).
    static bool hasFts5(QSqlDatabase &db);
    // Gives an open connection what lowerCase() names: skladhook_lower(), lower() for every letter (as QString's,
    // and PostgreSQL's through ICU), so that a search ignores the case of Cyrillic on SQLite too.
    static Result<Done, QString> addFunctions(QSqlDatabase &db);
};
