// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookjson.h"

namespace WebhookJson {

Webhook fromJson(const QJsonObject &object)
{
    Webhook hook;
    hook.id = object.value(QLatin1String("id")).toString();
    hook.href = QUrl(object.value(QLatin1String("meta")).toObject().value(QLatin1String("href")).toString());
    hook.accountId = object.value(QLatin1String("accountId")).toString();
    hook.entityType = object.value(QLatin1String("entityType")).toString();
    hook.action = object.value(QLatin1String("action")).toString();
    hook.url = object.value(QLatin1String("url")).toString();
    hook.method = object.value(QLatin1String("method")).toString(QStringLiteral("POST"));
    hook.enabled = object.value(QLatin1String("enabled")).toBool(true);
    hook.diffType = object.value(QLatin1String("diffType")).toString();
    const QJsonObject author = object.value(QLatin1String("authorApplication")).toObject();
    hook.authorApplication =
        QUrl(author.value(QLatin1String("meta")).toObject().value(QLatin1String("href")).toString());
    return hook;
}

QJsonObject meta(const QUrl &href, const QString &type)
{
    return QJsonObject{{QStringLiteral("href"), href.toString()},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("mediaType"), QStringLiteral("application/json")}};
}

QJsonObject metaOf(const Webhook &hook)
{
    return QJsonObject{{QStringLiteral("meta"), meta(hook.href, QStringLiteral("webhook"))}};
}

QJsonObject toJson(const Webhook &hook)
{
    QJsonObject object{{QStringLiteral("url"), hook.url},
                       {QStringLiteral("action"), hook.action},
                       {QStringLiteral("entityType"), hook.entityType},
                       {QStringLiteral("method"), hook.method.isEmpty() ? QStringLiteral("POST") : hook.method},
                       {QStringLiteral("enabled"), hook.enabled}};
    if (!hook.diffType.isEmpty())
        object.insert(QStringLiteral("diffType"), hook.diffType);
    if (!hook.href.isEmpty())
        object.insert(QStringLiteral("meta"), meta(hook.href, QStringLiteral("webhook")));
    return object;
}

} // namespace WebhookJson
