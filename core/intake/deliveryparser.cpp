// SPDX-License-Identifier: GPL-3.0-or-later
#include "intake/deliveryparser.h"

#include "moysklad/documenthref.h"
#include "moysklad/moscowtime.h"

#include <QScopeGuard>
#include <QUrl>
#include <QUuid>

#include <simdjson.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace {

constexpr size_t kKeptParserCapacity = 64 * 1024;

const QString kActions[] = {QStringLiteral("CREATE"), QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
                            QStringLiteral("PROCESSED")};
// The types of the module's hooks (HookCatalog); any other is read as it comes.
const QString kCommonTypes[] = {QStringLiteral("customerorder"), QStringLiteral("paymentin"), QStringLiteral("cashin"),
                                QStringLiteral("demand")};

// Entity types are lower-case ASCII names ("customerorder", "paymentin"); anything else is not MoySklad's.
bool isEntityType(QStringView text)
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
    return std::find(std::begin(kActions), std::end(kActions), text) != std::end(kActions);
}

// MoySklad ids are UUIDs; a stricter check keeps odd characters out of the id filters built from them later.
bool isDocumentId(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

// The last path segment of a document URL (http or https, with a host); nullopt when `href` is not one.
std::optional<QString> lastPathSegmentOf(const QString &href, const QString &entityType)
{
    // MoySklad's own form without QUrl's parse (DocumentHref); any other through it.
    if (const QStringView id = DocumentHref::idIn(href, entityType); !id.isEmpty())
        return id.toString();
    const QUrl url(href, QUrl::StrictMode);
    if (href.isEmpty() || !url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") ||
        url.host().isEmpty())
        return std::nullopt;
    const QString path = url.path();
    return path.mid(path.lastIndexOf(u'/') + 1);
}

// A value's text when it is a JSON string.
std::optional<QString> stringOf(simdjson::dom::element value)
{
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS)
        return std::nullopt;
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A field's text when it is a JSON string; empty when it is missing or of another type (which then fails the checks
// that follow, as a wrong value does).
QString textOf(simdjson::dom::object object, std::string_view key)
{
    simdjson::dom::element value;
    if (object[key].get(value) != simdjson::SUCCESS)
        return {};
    return stringOf(value).value_or(QString());
}

// textOf for a field that is nearly always one of a few `words` (an event's type, its action): such a word comes back
// as the shared literal, where a new string was an allocation per event and field (issue 11's cost per delivery).
QString wordOf(simdjson::dom::object object, std::string_view key, std::span<const QString> words)
{
    std::string_view text;
    if (object[key].get_string().get(text) != simdjson::SUCCESS)
        return {};
    const QUtf8StringView utf8(text.data(), qsizetype(text.size()));
    for (const QString &word : words) {
        if (QAnyStringView::equal(utf8, word))
            return word;
    }
    return utf8.toString();
}

// A field that may be missing or null: nullopt then.
std::optional<simdjson::dom::element> optionalField(simdjson::dom::object object, std::string_view key)
{
    simdjson::dom::element value;
    if (object[key].get(value) != simdjson::SUCCESS || value.is_null())
        return std::nullopt;
    return value;
}

Result<DeliveryEvent, QString> parseEvent(simdjson::dom::element value, qsizetype index)
{
    // Worded only for a refusal: a delivery that passes pays for no message.
    const auto fail = [index](const QString &what) -> QString {
        return QStringLiteral("events[%1]").arg(index) + what;
    };
    simdjson::dom::object event;
    if (value.get_object().get(event) != simdjson::SUCCESS)
        return fail(QStringLiteral(" is not an object"));
    simdjson::dom::object meta;
    if (event["meta"].get_object().get(meta) != simdjson::SUCCESS)
        return fail(QStringLiteral(".meta is missing"));

    DeliveryEvent result;
    result.entityType = wordOf(meta, "type", kCommonTypes);
    if (!isEntityType(result.entityType))
        return fail(QStringLiteral(".meta.type is not an entity type"));

    result.href = textOf(meta, "href");
    const std::optional<QString> lastSegment = lastPathSegmentOf(result.href, result.entityType);
    if (!lastSegment)
        return fail(QStringLiteral(".meta.href is not a document URL"));
    result.documentId = *lastSegment;
    if (!isDocumentId(result.documentId))
        return fail(QStringLiteral(".meta.href does not end in a document id"));

    result.action = wordOf(event, "action", kActions);
    if (!isAction(result.action))
        return fail(QStringLiteral(".action is not CREATE, UPDATE, DELETE or PROCESSED"));

    if (const auto accountId = optionalField(event, "accountId")) {
        const std::optional<QString> text = stringOf(*accountId);
        if (!text)
            return fail(QStringLiteral(".accountId is not a string"));
        result.accountId = *text;
    }

    if (const auto updatedFields = optionalField(event, "updatedFields")) {
        simdjson::dom::array fields;
        if (updatedFields->get_array().get(fields) != simdjson::SUCCESS)
            return fail(QStringLiteral(".updatedFields is not an array"));
        for (simdjson::dom::element field : fields) {
            std::optional<QString> name = stringOf(field);
            if (!name)
                return fail(QStringLiteral(".updatedFields holds a non-string"));
            result.updatedFields.append(std::move(*name));
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
    // simdjson, not QJsonDocument: on every delivery, Qt's document and its keyed look-ups cost three times the rest
    // of the receiver's own work. One parser per thread keeps its buffers from one delivery to the next; it copies
    // the body into its own padded buffer, so the body needs no padding.
    thread_local simdjson::dom::parser parser;
    // A body far above the usual few kilobytes leaves the parser's buffers (about ten times its size) behind: they
    // are let go of once the delivery is read.
    const auto shrink = qScopeGuard([] {
        if (parser.capacity() > kKeptParserCapacity)
            parser = simdjson::dom::parser();
    });
    simdjson::dom::element document;
    if (const auto error = parser.parse(body.constData(), size_t(body.size())).get(document);
        error != simdjson::SUCCESS)
        return QStringLiteral("malformed JSON: %1").arg(QString::fromLatin1(simdjson::error_message(error)));
    simdjson::dom::object root;
    if (document.get_object().get(root) != simdjson::SUCCESS)
        return QStringLiteral("the body is not a JSON object");

    simdjson::dom::array events;
    if (root["events"].get_array().get(events) != simdjson::SUCCESS)
        return QStringLiteral("the body has no events array");
    const qsizetype count = qsizetype(events.size());
    if (count == 0)
        return QStringLiteral("the events array is empty");
    if (count > m_maxEvents)
        return QStringLiteral("%1 events in one delivery, more than the %2 accepted").arg(count).arg(m_maxEvents);

    Delivery delivery;
    delivery.events.reserve(count);
    qsizetype index = 0;
    for (simdjson::dom::element value : events) {
        Result<DeliveryEvent, QString> event = parseEvent(value, index++);
        if (!event)
            return std::move(event).error();
        delivery.events.append(std::move(event).value());
    }

    if (const auto audit = optionalField(root, "auditContext")) {
        simdjson::dom::object context;
        if (audit->get_object().get(context) != simdjson::SUCCESS)
            return QStringLiteral("auditContext is not an object");
        delivery.auditUid = textOf(context, "uid");
        delivery.auditMoment = MoscowTime::parse(textOf(context, "moment"));
    }
    return delivery;
}

bool DeliveryParser::parseHookPath(const QString &relativePath, QString *entityType, QString *action)
{
    // On every request: read in place, with no list of parts or case conversions (issue 11's cost per delivery).
    const QStringView path(relativePath);
    const QLatin1StringView root("moysklad/");
    if (!path.startsWith(root))
        return false;
    const QStringView rest = path.sliced(root.size());
    const qsizetype slash = rest.indexOf(u'/');
    if (slash < 0 || !isEntityType(rest.first(slash)))
        return false;
    // The action as our hook URLs write it, in lower case.
    const QStringView actionInPath = rest.sliced(slash + 1);
    static const std::pair<QLatin1StringView, QLatin1StringView> actions[] = {
        {QLatin1StringView("create"), QLatin1StringView("CREATE")},
        {QLatin1StringView("update"), QLatin1StringView("UPDATE")},
        {QLatin1StringView("delete"), QLatin1StringView("DELETE")},
        {QLatin1StringView("processed"), QLatin1StringView("PROCESSED")},
    };
    for (const auto &[lower, upper] : actions) {
        if (actionInPath == lower) {
            if (entityType)
                *entityType = rest.first(slash).toString();
            if (action)
                *action = upper;
            return true;
        }
    }
    return false;
}
