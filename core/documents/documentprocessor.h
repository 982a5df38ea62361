// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <utility>

// What the events and documents of one MoySklad entity type do to the shop store. apply and markDeleted run on the
// StoreWriter's connection, inside its transaction; processors hold no state beyond their options, so one instance
// serves the worker's thread (handlingOf, expand) and the writer's (apply, markDeleted) at once.
class DocumentProcessor
{
public:
    // What an event asks of the worker.
    enum class Handling {
        Fetch,       // fetch the current document, then apply it
        MarkDeleted, // nothing to fetch: the document is gone
        Skip,        // a rule keeps these events out: nothing fetched or stored, the task still finishes
    };

    virtual ~DocumentProcessor() = default;

    virtual QString entityType() const = 0;
    // The expand parameter to fetch a document of this type with (nested objects the store keeps names of).
    virtual QStringList expand() const { return {}; }
    // DELETE marks deleted, everything else is fetched; every event is skipped while the exchange settings leave
    // this type out.
    virtual Handling handlingOf(const QString &action) const;
    // Why handlingOf(action) is Skip, for the log.
    virtual QString skipReason(const QString &action) const;
    // Whether the exchange settings ask for this type (exchange.payments / exchange.shipments full). An event of a
    // type left out (a hook left after the exchange was turned off, a delivery sent by hand) changes nothing.
    bool isWatched() const { return m_watched; }
    void setWatched(bool watched) { m_watched = watched; }

    // Stores the document (MoySklad's JSON, expanded as expand() says), fetched by a request sent at `fetchedAt`.
    // Answers overlap: one older than the stored `updated` changes nothing, and one fetched before the document was
    // marked deleted does not bring it back.
    virtual Result<Done, QString> apply(QSqlDatabase &db, const QJsonObject &document,
                                        const QDateTime &fetchedAt) const = 0;
    // Marks the document deleted at `at`: a DELETE event, or a document MoySklad no longer returns.
    virtual Result<Done, QString> markDeleted(QSqlDatabase &db, const QString &id, const QDateTime &at) const = 0;

private:
    bool m_watched = true;

protected:
    using Columns = QList<std::pair<QString, QVariant>>;
    enum class Rows {
        InsertOrUpdate, // a document seen for the first time is stored
        UpdateOnly,     // only documents the store already has change
    };

    // Writes `columns` (the first one is "id", one of the others "updated") into `table` under the overlap rules
    // above; a row written here is not deleted unless a deletion newer than `fetchedAt` stands.
    static Result<Done, QString> store(QSqlDatabase &db, const QString &table, const Columns &columns,
                                       const QDateTime &fetchedAt, Rows rows);
    // Marks the row `id` of `table` deleted at `at`. InsertOrUpdate records a document never seen as deleted too
    // (`extra` fills its NOT NULL columns), so that an answer fetched before the deletion cannot insert it later.
    static Result<Done, QString> markDeletedIn(QSqlDatabase &db, const QString &table, const QString &id,
                                               const QDateTime &at, Rows rows, const Columns &extra = {});

    // Reading MoySklad's JSON.
    static QString idOf(const QJsonObject &document);
    static QString idOfMeta(const QJsonObject &object);                    // the last segment of meta.href
    static QString nameOf(const QJsonObject &document, const char *field); // an expanded object's name
    // Kopecks, as MoySklad gives them (a JSON number, rounded to whole kopecks); 0 when the field is missing. NULL
    // for a number that cannot be a sum of money (beyond ±2^53, where a double stops holding whole kopecks): a
    // damaged or hostile answer must not reach an out-of-range conversion.
    static QVariant money(const QJsonObject &document, const char *field);
};
