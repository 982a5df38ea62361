// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "documents/documentprocessor.h"

// Shipments (demand) in the shipments table, with their state's name and the order they ship.
class ShipmentProcessor final : public DocumentProcessor
{
public:
    QString entityType() const override;
    QStringList expand() const override;
    Result<Done, QString> apply(QSqlDatabase &db, const QJsonObject &document,
                                const QDateTime &fetchedAt) const override;
    Result<Done, QString> markDeleted(QSqlDatabase &db, const QString &id, const QDateTime &at) const override;
};
