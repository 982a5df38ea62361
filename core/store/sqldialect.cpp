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
