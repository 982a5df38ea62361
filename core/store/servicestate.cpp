// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/servicestate.h"

#include <QSqlError>
#include <QSqlQuery>

Result<Done, QString> ServiceState::write(QSqlDatabase &db, const QList<std::pair<QString, QString>> &values,
                                          const QDateTime &at)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO service_state (key, value, updated_at) VALUES (?, ?, ?) ON "
                       "CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"));
    const QString stamp = at.toString(Qt::ISODateWithMs);
    for (const auto &[key, value] : values) {
        query.addBindValue(key);
        query.addBindValue(value);
        query.addBindValue(stamp);
        if (!query.exec())
            return QStringLiteral("cannot save %1 in service_state: %2").arg(key, query.lastError().text());
    }
    return Done{};
}

QHash<QString, QString> ServiceState::read(QSqlDatabase &db)
{
    QHash<QString, QString> values;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT key, value FROM service_state")))
        return values;
    while (query.next())
        values.insert(query.value(0).toString(), query.value(1).toString());
    return values;
}
