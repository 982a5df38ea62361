// SPDX-License-Identifier: GPL-3.0-or-later
#include "storemigration.h"

#include "database.h"
#include "sqldialect.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace StoreMigration {

namespace {

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QStringList columnsOf(QSqlDatabase &db, const QString &table)
{
    const QSqlRecord record = db.record(table);
    QStringList names;
    for (int i = 0; i < record.count(); ++i)
        names.append(record.fieldName(i));
    return names;
}

// A store with queue, deliveries or log rows is someone's data: never mixed with a second copy.
Result<Done, QString> refuseData(QSqlDatabase &target)
{
    QSqlQuery query(target);
    for (const char *table : {"tasks", "deliveries", "log"}) {
        if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) || !query.next())
            return QStringLiteral("cannot read %1 in the target: %2")
                .arg(QLatin1String(table), query.lastError().text());
        if (query.value(0).toLongLong() > 0)
            return QStringLiteral("the target already holds SkladHook data (%1 rows in %2): migrate into an empty "
                                  "database")
                .arg(query.value(0).toLongLong())
                .arg(QLatin1String(table));
    }
    return Done{};
}

Result<qint64, QString> copyTable(QSqlDatabase &source, QSqlDatabase &target, const QString &table)
{
    const QStringList columns = columnsOf(source, table);
    const QStringList targetColumns = columnsOf(target, table);
    for (const QString &column : columns) {
        if (!targetColumns.contains(column))
            return QStringLiteral("copying %1 failed: the target has no column %2").arg(table, column);
    }
    QStringList names;
    for (const QString &column : columns)
        names.append(quoted(column));
    const QString list = names.join(QStringLiteral(", "));

    QSqlQuery read(source);
    read.setForwardOnly(true); // a million log rows are streamed, not cached
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2").arg(list, quoted(table))))
        return QStringLiteral("copying %1 failed reading SQLite: %2").arg(table, read.lastError().text());
    // Literal values, a few hundred rows per INSERT: fewer round trips than a row each, and no prepared statement,
    // which QPSQL deallocates when its query object goes (failing, with a warning, once an error aborted the
    // transaction).
    const QString insert = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(quoted(table), list);
    // A SQLite store knows redeliveries by the writer's memory of the last hour (RecentRequests), so one that came
    // later may be there twice; PostgreSQL's table has the request id as its key, and keeps the first.
    const bool keyedDeliveries = table == QLatin1String("deliveries") && SqlDialect::of(target)->servesSeveral();
    const QString conflicts = keyedDeliveries ? QStringLiteral(" ON CONFLICT (request_id) DO NOTHING") : QString();
    QSqlQuery write(target);
    QStringList values;
    qint64 rows = 0;
    const auto flush = [&]() -> Result<Done, QString> {
        if (values.isEmpty())
            return Done{};
        if (!write.exec(insert + values.join(QStringLiteral(", ")) + conflicts))
            return QStringLiteral("copying %1 failed in its rows %2 to %3: %4")
                .arg(table)
                .arg(rows - values.size() + 1)
                .arg(rows)
                .arg(write.lastError().text());
        values.clear();
        return Done{};
    };
    QSqlDriver *driver = target.driver();
    while (read.next()) {
        QStringList row;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const QVariant value = read.value(int(i));
            QSqlField field(QString(), value.metaType());
            field.setValue(value);
            row.append(driver->formatValue(field));
        }
        values.append(QLatin1Char('(') + row.join(QStringLiteral(", ")) + QLatin1Char(')'));
        ++rows;
        if (values.size() == 250) {
            const auto flushed = flush();
            if (!flushed.ok())
                return flushed.error();
        }
    }
    const auto flushed = flush();
    if (!flushed.ok())
        return flushed.error();
    if (read.lastError().isValid())
        return QStringLiteral("copying %1 failed reading SQLite: %2").arg(table, read.lastError().text());
    return rows;
}

Result<Counts, QString> copyInTransaction(QSqlDatabase &source, QSqlDatabase &target, const QString &sourceName)
{
    const SqlDialect *sourceDialect = SqlDialect::of(source);
    const SqlDialect *targetDialect = SqlDialect::of(target);
    if (!sourceDialect || !targetDialect)
        return QStringLiteral("the store cannot copy between the drivers %1 and %2")
            .arg(source.driverName(), target.driverName());
    const auto schema = Database::migrateInTransaction(target);
    if (!schema.ok())
        return QStringLiteral("cannot create the schema in the target: %1").arg(schema.error());
    const auto empty = refuseData(target);
    if (!empty.ok())
        return empty.error();

    QSqlQuery meta(target);
    // Not complete until the last write below: were the copy ever split over transactions, a store left half-way
    // would say so (Database::checkComplete).
    if (!meta.exec(QStringLiteral("UPDATE store_meta SET value = '0' WHERE key = 'complete'")))
        return QStringLiteral("cannot mark the target incomplete: %1").arg(meta.lastError().text());

    const auto sourceTables = sourceDialect->tables(source);
    if (!sourceTables.ok())
        return sourceTables.error();
    const auto targetTables = targetDialect->tables(target);
    if (!targetTables.ok())
        return targetTables.error();
    Counts counts;
    for (const QString &table : sourceTables.value()) {
        // store_meta describes the store it is in: the target's own is written below.
        if (table == QLatin1String("store_meta"))
            continue;
        if (!targetTables.value().contains(table))
            return QStringLiteral("copying %1 failed: the target's schema has no such table").arg(table);
        const auto copied = copyTable(source, target, table);
        if (!copied.ok())
            return copied.error();
        const auto followed = targetDialect->followInsertedIds(target, table);
        if (!followed.ok())
            return QStringLiteral("copying %1 failed: %2").arg(table, followed.error());
        counts.append({table, copied.value()});
    }

    for (const auto &[key, value] :
         {std::pair{QStringLiteral("migrated_from"), sourceName},
          std::pair{QStringLiteral("migrated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}}) {
        QSqlField field(QString(), QMetaType::fromType<QString>());
        field.setValue(value);
        if (!meta.exec(QStringLiteral("INSERT INTO store_meta (key, value) VALUES ('%1', %2)")
                           .arg(key, target.driver()->formatValue(field))))
            return QStringLiteral("cannot record the migration in store_meta: %1").arg(meta.lastError().text());
    }
    if (!meta.exec(QStringLiteral("UPDATE store_meta SET value = '1' WHERE key = 'complete'")))
        return QStringLiteral("cannot mark the target complete: %1").arg(meta.lastError().text());
    return counts;
}

} // namespace

Result<Counts, QString> copy(QSqlDatabase &source, QSqlDatabase &target, const QString &sourceName)
{
    if (!target.transaction())
        return QStringLiteral("cannot start a transaction in the target: %1").arg(target.lastError().text());
    auto copied = copyInTransaction(source, target, sourceName);
    if (!copied.ok()) {
        target.rollback();
        return copied;
    }
    if (!target.commit()) {
        const QString error = target.lastError().text();
        target.rollback();
        return QStringLiteral("cannot commit the copy: %1").arg(error);
    }
    return copied;
}

} // namespace StoreMigration
