// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

// A webhook as MoySklad stores it (entity/webhook). id and href are empty for a hook not created yet.
struct Webhook final
{
    QString id;
    QUrl href; // meta.href: the hook's own API address
    QString accountId;
    QString entityType; // "customerorder", "paymentin", …
    QString action;     // "CREATE" | "UPDATE" | "DELETE" | "PROCESSED"
    QString url;        // where MoySklad POSTs deliveries (≤ 255 characters)
    QString method = QStringLiteral("POST");
    bool enabled = true;
    QString diffType;       // "NONE" | "FIELDS" (UPDATE only); empty = not sent
    QUrl authorApplication; // meta.href of the solution that created the hook; empty for user-made hooks

    bool createdByApplication() const { return !authorApplication.isEmpty(); }
    bool operator==(const Webhook &) const = default;
};
Q_DECLARE_METATYPE(Webhook)
