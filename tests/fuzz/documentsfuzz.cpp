// SPDX-License-Identifier: GPL-3.0-or-later
// A fetched MoySklad document (order, incoming payment, cash receipt, shipment), applied by every processor to an
// in-memory store with the real schema: the JSON reading and the overlap rules around it.
#include "documents/documentprocessors.h"
#include "fuzzsupport.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>

namespace {

QSqlDatabase &store()
{
    static QSqlDatabase db = [] {
        auto opened = Database::open(QStringLiteral(":memory:"), QStringLiteral("fuzz"), false);
        FuzzSupport::require(opened.ok(), "in-memory store opens");
        return std::move(opened).value();
    }();
    return db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzSupport::initQt();
    const QJsonDocument document = QJsonDocument::fromJson(FuzzSupport::bytes(data, size));
    if (!document.isObject())
        return 0;
    const QJsonObject object = document.object();
    const QString id = object.value(QLatin1String("id")).toString();

    static const DocumentProcessors importing(DocumentProcessors::Options{true});
    static const DocumentProcessors following(DocumentProcessors::Options{false});
    const QDateTime fetched(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
    QSqlDatabase &db = store();
    for (const DocumentProcessors *processors : {&importing, &following}) {
        for (const QString &type : processors->entityTypes()) {
            const DocumentProcessor *processor = processors->processorFor(type);
            FuzzSupport::require(db.transaction(), "begin");
            // Applied, applied again (a redelivery), deleted, then an answer fetched before the deletion.
            (void)processor->apply(db, object, fetched);
            (void)processor->apply(db, object, fetched.addSecs(1));
            if (!id.isEmpty())
                (void)processor->markDeleted(db, id, fetched.addSecs(2));
            (void)processor->apply(db, object, fetched.addSecs(1));
            // Every input starts from an empty store: findings reproduce from their one file.
            FuzzSupport::require(db.rollback(), "rollback");
        }
    }
    return 0;
}
