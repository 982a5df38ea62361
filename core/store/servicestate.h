// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <utility>

// service_state: what the serving process says of itself (receiver, worker, hook health, the next catch-up), one
// row per key, for every other process to read.
namespace ServiceState {

// Writes (or replaces) each key's value, stamped `at`. Runs on the StoreWriter's connection, inside its transaction.
Result<Done, QString> write(QSqlDatabase &db, const QList<std::pair<QString, QString>> &values, const QDateTime &at);

// Every key's value (empty when the table cannot be read: no service has written it yet, or an older database).
QHash<QString, QString> read(QSqlDatabase &db);

} // namespace ServiceState
