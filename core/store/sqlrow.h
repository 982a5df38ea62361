// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QVariant>

class QSqlQuery;

// The current row of a query, read by column name: the code that decodes a row names the column it means instead of
// a position in a SELECT list written elsewhere. The result's column names are looked up once, when the SqlRow is
// made (after exec()); the query must outlive it. A name the result does not have is a programming error: it is
// reported as a warning on skladhook.store (the tests fail on it) and reads as NULL.
class SqlRow final
{
public:
    explicit SqlRow(const QSqlQuery &query);

    QVariant value(const QString &column) const;
    QString text(const QString &column) const;
    qint64 integer(const QString &column) const;
    bool flag(const QString &column) const;
    // A time stored as ISO 8601 text (with milliseconds); NULL or empty reads as an invalid QDateTime.
    QDateTime time(const QString &column) const;

private:
    const QSqlQuery &m_query;
    QHash<QString, int> m_columns;
};
