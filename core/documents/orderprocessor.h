// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "documents/documentprocessor.h"

// Customer orders (customerorder) in the orders table, with their state's and agent's names. With order import off
// the store takes no new orders: CREATE is skipped, and an UPDATE or DELETE only changes an order already there
// (the UPDATE hook is mandatory, so it would otherwise import every order the first time it changes).
class OrderProcessor final : public DocumentProcessor
{
public:
    explicit OrderProcessor(bool importOrders);

    QString entityType() const override;
    QStringList expand() const override;
    Handling handlingOf(const QString &action) const override;
    QString skipReason(const QString &action) const override;
    Result<Done, QString> apply(QSqlDatabase &db, const QJsonObject &document,
                                const QDateTime &fetchedAt) const override;
    Result<Done, QString> markDeleted(QSqlDatabase &db, const QString &id, const QDateTime &at) const override;

private:
    bool m_importOrders = false;
};
