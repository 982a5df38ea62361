// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqldialect.h"

// PostgreSQL (15, through Qt's QPSQL driver): the schema steps rewritten from SQLite's SQL, the version in a one-row
// schema_version table, identity columns whose sequences follow copied ids.
class PostgresDialect final : public SqlDialect
{
public:
    QString rewrite(const QString &statement) const override;
    QStringList extraSteps(QSqlDatabase &db, int version) const override;
    Result<int, QString> schemaVersion(QSqlDatabase &db) const override;
    Result<Done, QString> setSchemaVersion(QSqlDatabase &db, int version) const override;
    Result<QStringList, QString> tables(QSqlDatabase &db) const override;
    Result<Done, QString> followInsertedIds(QSqlDatabase &db, const QString &table) const override;
    bool servesSeveral() const override { return true; }
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

private:
    // The log row's searched text, as the trigram index holds it: `row` prefixes the columns ("l." or nothing).
    QString logText(const QString &row) const;
};
