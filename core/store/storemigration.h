// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <utility>

// `store migrate`: copies a SQLite store into an empty PostgreSQL database, every table by its column names, in ONE
// transaction of the target: its schema (Database's steps through the PostgreSQL dialect), the rows, the identity
// sequences moved past the copied ids, and last the `complete` marker (Database::checkComplete). Any error rolls it
// all back, so the target holds either the whole store or nothing of it.
namespace StoreMigration {

// Rows copied per table, in the order copied.
using Counts = QList<std::pair<QString, qint64>>;

// `source` is the SQLite store (its schema brought up to date by the caller), `target` an open PostgreSQL
// connection; `sourceName` is recorded in the target's store_meta as `migrated_from`. The error names the table and
// the database's own error.
Result<Counts, QString> copy(QSqlDatabase &source, QSqlDatabase &target, const QString &sourceName);

} // namespace StoreMigration
