// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "documents/documentprocessor.h"

// Incoming payments in the payments table: one instance per kind, paymentin (bank) or cashin (cash), the kind
// stored beside the payment. Of a payment's operations the store keeps the orders it pays, with the linked sums.
class PaymentProcessor final : public DocumentProcessor
{
public:
    explicit PaymentProcessor(QString kind);

    QString entityType() const override;
    Result<Done, QString> apply(QSqlDatabase &db, const QJsonObject &document,
                                const QDateTime &fetchedAt) const override;
    Result<Done, QString> markDeleted(QSqlDatabase &db, const QString &id, const QDateTime &at) const override;

private:
    QString m_kind;
};
