// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlrow.h"

#include "common/logcategories.h"

#include <QSqlQuery>
#include <QSqlRecord>

SqlRow::SqlRow(const QSqlQuery &query)
    : m_query(query)
{
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i)
        m_columns.insert(record.fieldName(i), i);
}

QVariant SqlRow::value(const QString &column) const
{
    const auto found = m_columns.constFind(column);
    if (found == m_columns.constEnd()) {
        qCWarning(lcStore).nospace() << "the query has no column " << column << " (it has " << m_columns.keys() << ")";
        return {};
    }
    return m_query.value(found.value());
}

QString SqlRow::text(const QString &column) const
{
    return value(column).toString();
}

qint64 SqlRow::integer(const QString &column) const
{
    return value(column).toLongLong();
}

bool SqlRow::flag(const QString &column) const
{
    return value(column).toBool();
}

QDateTime SqlRow::time(const QString &column) const
{
    const QVariant stored = value(column);
    return stored.isNull() ? QDateTime() : QDateTime::fromString(stored.toString(), Qt::ISODateWithMs);
}
