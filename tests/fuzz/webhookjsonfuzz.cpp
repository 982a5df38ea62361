// SPDX-License-Identifier: GPL-3.0-or-later
// MoySklad's webhook entity as the hook list returns it, mapped to a Webhook and back into a request body.
#include "fuzzsupport.h"
#include "moysklad/webhookjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

void mapOne(const QJsonObject &object)
{
    const Webhook hook = WebhookJson::fromJson(object);
    const Webhook again = WebhookJson::fromJson(WebhookJson::toJson(hook));
    // What the planner compares and sends back must survive the round trip.
    FuzzSupport::require(again.url == hook.url, "url round trip");
    FuzzSupport::require(again.action == hook.action, "action round trip");
    FuzzSupport::require(again.entityType == hook.entityType, "entityType round trip");
    FuzzSupport::require(again.enabled == hook.enabled, "enabled round trip");
    FuzzSupport::require(again.diffType == hook.diffType, "diffType round trip");
    FuzzSupport::require(!again.method.isEmpty(), "method");
    const QJsonObject meta = WebhookJson::metaOf(hook).value(QLatin1String("meta")).toObject();
    FuzzSupport::require(meta.value(QLatin1String("type")).toString() == u"webhook", "meta type");
    (void)hook.createdByApplication();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzSupport::initQt();
    const QJsonDocument document = QJsonDocument::fromJson(FuzzSupport::bytes(data, size));
    if (document.isObject()) {
        const QJsonObject object = document.object();
        mapOne(object);
        // A list answer: {"meta": …, "rows": [hook, …]}.
        for (const QJsonValue &row : object.value(QLatin1String("rows")).toArray())
            mapOne(row.toObject());
    } else if (document.isArray()) {
        // The answer of an array POST (create or update many).
        for (const QJsonValue &row : document.array())
            mapOne(row.toObject());
    }
    return 0;
}
