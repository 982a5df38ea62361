// SPDX-License-Identifier: GPL-3.0-or-later
#include "intake/deliveryparser.h"

#include "moysklad/moscowtime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QUuid>

#include <utility>

namespace {

// Entity types are lower-case ASCII names ("customerorder", "paymentin"); anything else is not MoySklad's.
bool isEntityType(const QString &text)
{
    if (text.isEmpty() || text.size() > 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return false;
    }
    return true;
}

bool isAction(const QString &text)
{
    return text == u"CREATE" || text == u"UPDATE" || text == u"DELETE" || text == u"PROCESSED";
}

// MoySklad ids are UUIDs; a stricter check keeps odd characters out of the id filters built from them later.
bool isDocumentId(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

Result<DeliveryEvent, QString> parseEvent(const QJsonValue &value, qsizetype index)
{
    // Worded only for a refusal: a delivery that passes pays for no message.
    const auto fail = [index](const QString &what) -> QString {
        return QStringLiteral("events[%1]").arg(index) + what;
    };
    if (!value.isObject())
        return fail(QStringLiteral(" is not an object"));
    const QJsonObject event = value.toObject();
    const QJsonValue metaValue = event.value(u"meta");
    if (!metaValue.isObject())
        return fail(QStringLiteral(".meta is missing"));
    const QJsonObject meta = metaValue.toObject();

    DeliveryEvent result;
    result.entityType = meta.value(u"type").toString();
    if (!isEntityType(result.entityType))
        return fail(QStringLiteral(".meta.type is not an entity type"));

    const QString hrefText = meta.value(u"href").toString();
    result.href = QUrl(hrefText, QUrl::StrictMode);
    if (hrefText.isEmpty() || !result.href.isValid() ||
        (result.href.scheme() != u"https" && result.href.scheme() != u"http") || result.href.host().isEmpty())
        return fail(QStringLiteral(".meta.href is not a document URL"));
    const QString path = result.href.path();
    result.documentId = path.mid(path.lastIndexOf(u'/') + 1);
    if (!isDocumentId(result.documentId))
        return fail(QStringLiteral(".meta.href does not end in a document id"));

    result.action = event.value(u"action").toString();
    if (!isAction(result.action))
        return fail(QStringLiteral(".action is not CREATE, UPDATE, DELETE or PROCESSED"));

    const QJsonValue accountId = event.value(u"accountId");
    if (!accountId.isUndefined() && !accountId.isNull()) {
        if (!accountId.isString())
            return fail(QStringLiteral(".accountId is not a string"));
        result.accountId = accountId.toString();
    }

    const QJsonValue updatedFields = event.value(u"updatedFields");
    if (!updatedFields.isUndefined() && !updatedFields.isNull()) {
        if (!updatedFields.isArray())
            return fail(QStringLiteral(".updatedFields is not an array"));
        for (const QJsonValue &field : updatedFields.toArray()) {
            if (!field.isString())
                return fail(QStringLiteral(".updatedFields holds a non-string"));
            result.updatedFields.append(field.toString());
        }
    }
    return result;
}

} // namespace

DeliveryParser::DeliveryParser(int maxEvents)
    : m_maxEvents(maxEvents)
{}

Result<Delivery, QString> DeliveryParser::parse(const QByteArray &body) const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("malformed JSON at offset %1: %2").arg(error.offset).arg(error.errorString());
    if (!document.isObject())
        return QStringLiteral("the body is not a JSON object");
    const QJsonObject root = document.object();

    const QJsonValue eventsValue = root.value(u"events");
    if (!eventsValue.isArray())
        return QStringLiteral("the body has no events array");
    const QJsonArray events = eventsValue.toArray();
    if (events.isEmpty())
        return QStringLiteral("the events array is empty");
    if (events.size() > m_maxEvents)
        return QStringLiteral("%1 events in one delivery, more than the %2 accepted")
            .arg(events.size())
            .arg(m_maxEvents);

    Delivery delivery;
    delivery.events.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        Result<DeliveryEvent, QString> event = parseEvent(events.at(i), i);
        if (!event)
            return std::move(event).error();
        delivery.events.append(std::move(event).value());
    }

    const QJsonValue audit = root.value(u"auditContext");
    if (!audit.isUndefined() && !audit.isNull()) {
        if (!audit.isObject())
            return QStringLiteral("auditContext is not an object");
        const QJsonObject context = audit.toObject();
        delivery.auditUid = context.value(u"uid").toString();
        delivery.auditMoment = MoscowTime::parse(context.value(u"moment").toString());
    }
    return delivery;
}

bool DeliveryParser::parseHookPath(const QString &relativePath, QString *entityType, QString *action)
{
    const QStringList parts = relativePath.split(u'/');
    if (parts.size() != 3 || parts.at(0) != u"moysklad" || !isEntityType(parts.at(1)))
        return false;
    const QString upper = parts.at(2).toUpper();
    if (parts.at(2) != upper.toLower() || !isAction(upper))
        return false;
    if (entityType)
        *entityType = parts.at(1);
    if (action)
        *action = upper;
    return true;
}
