// SPDX-License-Identifier: GPL-3.0-or-later
// The body MoySklad (or anyone who knows a hook URL) posts to the receiver, and the hook path it is posted to.
#include "fuzzsupport.h"
#include "intake/deliveryparser.h"

#include <QStringList>
#include <QUrl>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzSupport::initQt();
    const QByteArray body = FuzzSupport::bytes(data, size);

    // A small limit, so that the fuzzer reaches the "too many events" path too.
    constexpr int maxEvents = 20;
    const auto parsed = DeliveryParser(maxEvents).parse(body);
    if (parsed) {
        const Delivery &delivery = parsed.value();
        FuzzSupport::require(!delivery.events.isEmpty() && delivery.events.size() <= maxEvents, "event count");
        static const QStringList actions{QStringLiteral("CREATE"), QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
                                         QStringLiteral("PROCESSED")};
        for (const DeliveryEvent &event : delivery.events) {
            FuzzSupport::require(!event.entityType.isEmpty(), "entity type");
            FuzzSupport::require(actions.contains(event.action), "action");
            // Ids end up in filters of API requests: never anything but a UUID.
            FuzzSupport::require(event.documentId.size() == 36, "document id");
            const QUrl href(event.href, QUrl::StrictMode);
            FuzzSupport::require(href.isValid() && (href.scheme() == u"https" || href.scheme() == u"http"), "href");
        }
    }

    QString entityType;
    QString action;
    const QString path = QString::fromUtf8(body);
    if (DeliveryParser::parseHookPath(path, &entityType, &action)) {
        // Accepted only in the one spelling HookUrl::build writes.
        FuzzSupport::require(QStringLiteral("moysklad/%1/%2").arg(entityType, action.toLower()) == path,
                             "hook path spelling");
    }
    return 0;
}
