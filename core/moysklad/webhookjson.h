// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "moysklad/webhook.h"

#include <QJsonArray>
#include <QJsonObject>

// JSON mapping of MoySklad's webhook entity.
namespace WebhookJson {
Webhook fromJson(const QJsonObject &object);
// The body of a create (no meta) or, when the hook has an href, of an update inside an array POST (with meta).
QJsonObject toJson(const Webhook &hook);
// {"meta": {"href", "type", "mediaType"}} for the delete-many request.
QJsonObject metaOf(const Webhook &hook);
QJsonObject meta(const QUrl &href, const QString &type);
} // namespace WebhookJson
