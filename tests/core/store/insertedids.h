// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/sqldialect.h"
#include "store/storewriter.h"
#include "store/writerstatement.h"

#include <optional>
#include <vector>

// Runs one prepared INSERT of a sync_runs row per entry of `inserts` (false: the INSERT inserts nothing), ending in
// the engine's SqlDialect::returningId(), in one writer job; gives back what WriterStatement::insertedId() read after
// each. `error` says why the job failed, if it did.
inline std::vector<std::optional<qint64>> insertedIds(StoreWriter &writer, const std::vector<bool> &inserts,
                                                      QString *error)
{
    std::vector<std::optional<qint64>> ids;
    writer.submit(
        [&](QSqlDatabase &db) -> Result<Done, QString> {
            WriterStatement &insert = StoreWriter::prepared(
                db, QStringLiteral("INSERT INTO sync_runs (kind, started_at) SELECT ?, 'now' WHERE ? = 1") +
                        SqlDialect::of(db)->returningId());
            for (const bool inserted : inserts) {
                insert.add(QStringLiteral("catch-up"));
                insert.add(qint64(inserted ? 1 : 0));
                if (!insert.exec())
                    return insert.lastError();
                ids.push_back(insert.insertedId());
            }
            return Done{};
        },
        [error](Result<Done, QString> done) {
            if (!done.ok())
                *error = done.error();
        });
    writer.flush();
    return ids;
}
