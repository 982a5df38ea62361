// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqldialect.h"

#include "postgresdialect.h"
#include "sqlitedialect.h"

const SqlDialect *SqlDialect::of(const QSqlDatabase &db)
{
    static const SqliteDialect sqlite;
    static const PostgresDialect postgres;
    const QString driver = db.driverName();
    if (driver == QLatin1String("QSQLITE"))
        return &sqlite;
    if (driver == QLatin1String("QPSQL"))
        return &postgres;
    return nullptr;
}

QString SqlDialect::containsIgnoringCase(const QString &expression) const
{
    return QStringLiteral("%1 LIKE %2 ESCAPE '\\'")
        .arg(lowerCase(expression), lowerCase(QStringLiteral("CAST(? AS TEXT)")));
}

QString SqlDialect::containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}
