// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakemoysklad.h"

#include "common/result.h"
#include "moysklad/gzip.h"
#include "moysklad/webhookjson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtDebug>
#include <QThread>
#include <QTimeZone>
#include <QUuid>

#include <microhttpd.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace {

const QString apiPrefix = QStringLiteral("/api/remap/1.2");
const QStringList documentTypes{QStringLiteral("customerorder"), QStringLiteral("paymentin"), QStringLiteral("cashin"),
                                QStringLiteral("demand")};
const QStringList hookEntityTypes{
    QStringLiteral("customerorder"), QStringLiteral("paymentin"),  QStringLiteral("cashin"),
    QStringLiteral("demand"),        QStringLiteral("product"),    QStringLiteral("counterparty"),
    QStringLiteral("supply"),        QStringLiteral("invoiceout"), QStringLiteral("paymentout"),
    QStringLiteral("cashout"),       QStringLiteral("move"),       QStringLiteral("retaildemand")};
const QStringList hookActions{QStringLiteral("CREATE"), QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
                              QStringLiteral("PROCESSED")};
const QStringList nestedMetaFields{QStringLiteral("state"), QStringLiteral("agent"), QStringLiteral("customerOrder"),
                                   QStringLiteral("organization")};

struct Answer
{
    int status = 200;
    QByteArray body;
    int errorCode = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool drop = false;
};

// MoySklad's error body {"errors":[…]} with one error.
QJsonObject errorObject(int code, const QString &message, const QString &parameter = {})
{
    QJsonObject error{{QStringLiteral("error"), message}, {QStringLiteral("code"), code}};
    if (!parameter.isEmpty())
        error.insert(QStringLiteral("parameter"), parameter);
    error.insert(QStringLiteral("moreInfo"),
                 QStringLiteral("https://dev.moysklad.ru/doc/api/remap/1.2/#error_%1").arg(code));
    return QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}};
}

Answer errorAnswer(int status, int code, const QString &message, const QString &parameter = {})
{
    Answer answer;
    answer.status = status;
    answer.errorCode = code;
    answer.body = QJsonDocument(errorObject(code, message, parameter)).toJson(QJsonDocument::Compact);
    return answer;
}

// md/_restrictions.md: more than 1000 items in one array is refused with 413 (md/_errors.md 2007).
constexpr int maxArrayItems = 1000;
Answer tooManyItems()
{
    return errorAnswer(413, 2007, QStringLiteral("Ошибка формата: слишком большое число вложенных объектов"));
}

Answer notJson()
{
    return errorAnswer(400, 2001, QStringLiteral("Ошибка формата: входящий запрос не соответствует формату JSON"));
}

// md/audit/_audit.md: limit "Default: 25", "Допустимые значения 1 - 100".
constexpr int auditDefaultLimit = 25;
constexpr int auditMaxLimit = 100;

Answer jsonAnswer(const QJsonDocument &document, int status = 200)
{
    Answer answer;
    answer.status = status;
    answer.body = document.toJson(QJsonDocument::Compact);
    return answer;
}

struct Failure
{
    QString method;
    QString pathContains;
    int status = 500;
    int code = 0;
    QString message;
    int remaining = 1;
};

struct AuditContext
{
    QString id;
    QString moment; // Moscow time
    QString eventType;
    QString entityType;
    QList<QJsonObject> events;
};

struct Connection
{
    QByteArray body;
    bool counted = false;
    bool overParallel = false; // decided on arrival: requests in flight at that moment, this one included
};

} // namespace

class FakeMoySklad::Impl
{
public:
    explicit Impl(Options options)
        : options(options)
        , available(options.rateUnits)
    {
        clock.start();
        tokens.insert(QStringLiteral("fake-token-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

    Options options;
    MHD_Daemon *daemon = nullptr;
    quint16 port = 0;
    QElapsedTimer clock;

    mutable std::mutex mutex;
    QSet<QString> tokens;
    QString login = QStringLiteral("admin@shop");
    QString password = QStringLiteral("correct horse battery");
    QList<Webhook> hooks;
    QMap<QString, QMap<QString, QJsonObject>> documents; // type → id → document
    QList<AuditContext> audit;                           // oldest first
    QList<Failure> failures;
    QList<Request> log;
    int responseDelayMs = 0;
    int inFlight = 0;
    QList<FakeMoySklad::Request> received; // as they arrive, before any answer
    int maxInFlight = 0;
    int rateLimited = 0;
    double available = 0;
    qint64 lastRefillMs = 0;
    double neighbourUnitsPerMs = 0;
    QString accountId = QStringLiteral("1f2e3d4c-0000-4000-8000-00000000acc0");

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port) + apiPrefix; }

    QString hookHref(const QString &id) const { return base() + QStringLiteral("/entity/webhook/") + id; }

    // --- rate limit (called under the mutex) ---
    // A fluid model of the bucket shared with the neighbour (another integration of the same user): between two
    // looks the bucket moves by the refill minus what the neighbour spends, within [0, rateUnits].
    void refill(qint64 now)
    {
        const double elapsed = double(std::max<qint64>(0, now - lastRefillMs));
        const double net = double(options.rateUnits) / options.rateWindowMs - neighbourUnitsPerMs;
        available = std::clamp(available + elapsed * net, 0.0, double(options.rateUnits));
        lastRefillMs = now;
    }

    qint64 msUntilUnits(double units) const
    {
        const double missing = std::max(0.0, units - available);
        const double net = double(options.rateUnits) / options.rateWindowMs - neighbourUnitsPerMs;
        if (net <= 0)
            return options.rateWindowMs;
        return qint64(std::ceil(missing / net));
    }

    // Limit and Remaining count requests of this user's weight, not units (md/_restrictions.md).
    QList<QPair<QByteArray, QByteArray>> rateHeaders() const
    {
        const int weight = std::max(1, options.requestWeight);
        return {{"X-RateLimit-Limit", QByteArray::number(options.rateUnits / weight)},
                {"X-RateLimit-Remaining", QByteArray::number(qint64(std::floor(available / weight)))},
                {"X-Lognex-Retry-TimeInterval", QByteArray::number(options.rateWindowMs)},
                {"X-Lognex-Reset", QByteArray::number(msUntilUnits(options.rateUnits))}};
    }

    // --- request handling ---
    Answer handle(const QString &method, const QString &path, const QUrlQuery &query,
                  const QMap<QByteArray, QByteArray> &headers, const QByteArray &body, bool overParallel)
    {
        std::lock_guard lock(mutex);
        const QByteArray acceptEncoding = headers.value("accept-encoding");
        if (!acceptEncoding.toLower().contains("gzip")) {
            Answer answer;
            answer.status = 415;
            return answer;
        }
        if (headers.contains("accept") &&
            headers.value("accept").toLower().replace(" ", "") != "application/json;charset=utf-8")
            return errorAnswer(400, 1062, QStringLiteral("Неверное значение заголовка 'Accept'"));
        // The specification's ContentTypeJson parameter allows application/json and nothing else (md/_errors.md 1037).
        if (!body.isEmpty() && headers.value("content-type").toLower().replace(" ", "") != "application/json")
            return errorAnswer(415, 1037, QStringLiteral("Неверно указан Content-Type запроса"));

        for (auto it = failures.begin(); it != failures.end(); ++it) {
            if ((it->method.isEmpty() || it->method == method) && path.contains(it->pathContains)) {
                Failure failure = *it;
                if (it->remaining > 0 && --it->remaining == 0)
                    failures.erase(it);
                if (failure.status == 0) {
                    Answer answer;
                    answer.drop = true;
                    return answer;
                }
                if (failure.code == 0) {
                    Answer answer;
                    answer.status = failure.status;
                    return answer;
                }
                Answer answer = errorAnswer(failure.status, failure.code,
                                            failure.message.isEmpty() ? QStringLiteral("Ошибка %1").arg(failure.code)
                                                                      : failure.message);
                if (failure.status == 429) {
                    answer.headers.append(qMakePair(QByteArray("X-Lognex-Retry-After"), QByteArray("50")));
                    ++rateLimited;
                }
                return answer;
            }
        }

        const QByteArray authorization = headers.value("authorization");
        const bool basic = authorization.startsWith("Basic ");
        if (basic) {
            const QByteArray expected = (login + QLatin1Char(':') + password).toUtf8().toBase64();
            if (authorization.mid(6).trimmed() != expected)
                return errorAnswer(401, 1056,
                                   QStringLiteral("Ошибка аутентификации: Неправильный пароль или имя пользователя "
                                                  "или ключ авторизации"));
        } else if (!authorization.startsWith("Bearer ") ||
                   !tokens.contains(QString::fromUtf8(authorization.mid(7).trimmed()))) {
            return errorAnswer(401, 1056,
                               QStringLiteral("Ошибка аутентификации: Неправильный пароль или имя пользователя или "
                                              "ключ авторизации"));
        }

        const qint64 now = clock.elapsed();
        refill(now);
        if (overParallel) {
            Answer answer = errorAnswer(429, 1073,
                                        QStringLiteral("Превышено ограничение на количество параллельных "
                                                       "запросов"));
            answer.headers = rateHeaders();
            answer.headers.append({"X-Lognex-Retry-After", QByteArray::number(options.rateWindowMs / 10 + 1)});
            ++rateLimited;
            return answer;
        }
        if (available + 1e-9 < options.requestWeight) {
            Answer answer = errorAnswer(429, 1049,
                                        QStringLiteral("Превышено ограничение на количество запросов в "
                                                       "единицу времени"));
            answer.headers = rateHeaders();
            answer.headers.append({"X-Lognex-Retry-After", QByteArray::number(msUntilUnits(options.requestWeight))});
            ++rateLimited;
            return answer;
        }
        available -= options.requestWeight;

        Answer answer = route(method, path, query, body);
        answer.headers.append(rateHeaders());
        return answer;
    }

    // A new token revokes the user's earlier ones, as MoySklad does. The caller holds the mutex.
    QString issueToken()
    {
        tokens.clear();
        const QString token = QStringLiteral("fake-token-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        tokens.insert(token);
        return token;
    }

    Answer route(const QString &method, const QString &fullPath, const QUrlQuery &query, const QByteArray &body)
    {
        if (!fullPath.startsWith(apiPrefix))
            return errorAnswer(404, 1002, QStringLiteral("Неизвестный адрес: %1").arg(fullPath));
        const QString path = fullPath.mid(apiPrefix.size());
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);

        if (path == QLatin1String("/security/token") && method == QLatin1String("POST")) {
            return jsonAnswer(QJsonDocument(QJsonObject{{QStringLiteral("access_token"), issueToken()}}));
        }
        if (path == QLatin1String("/context/employee") && method == QLatin1String("GET"))
            return jsonAnswer(QJsonDocument(QJsonObject{{QStringLiteral("uid"), login},
                                                        {QStringLiteral("name"), QStringLiteral("Администратор")}}));
        if (parts.size() >= 2 && parts.at(0) == QLatin1String("entity") && parts.at(1) == QLatin1String("webhook"))
            return routeWebhook(method, parts.mid(2), query, body);
        if (parts.size() >= 2 && parts.at(0) == QLatin1String("entity") && documentTypes.contains(parts.at(1)) &&
            method == QLatin1String("GET"))
            return routeDocuments(parts.at(1), parts.mid(2), query);
        if (!parts.isEmpty() && parts.at(0) == QLatin1String("audit") && method == QLatin1String("GET"))
            return routeAudit(parts.mid(1), query);
        return errorAnswer(404, 1002, QStringLiteral("Неизвестный адрес: %1").arg(fullPath));
    }

    // --- webhooks ---
    Answer validate(const Webhook &hook, const QString &ignoreId) const
    {
        if (!hookEntityTypes.contains(hook.entityType))
            return errorAnswer(412, 30000,
                               QStringLiteral("Неизвестный тип сущности '%1' для веб-хука").arg(hook.entityType),
                               QStringLiteral("entityType"));
        if (!hookActions.contains(hook.action))
            return errorAnswer(412, 30002, QStringLiteral("Неизвестное действие '%1' для веб-хука").arg(hook.action),
                               QStringLiteral("action"));
        if (hook.url.size() > 255)
            return errorAnswer(412, 30010, QStringLiteral("Длина url превышает 255 символов"), QStringLiteral("url"));
        const QUrl url(hook.url, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return errorAnswer(412, 30005, QStringLiteral("Неверный url '%1' для веб-хука").arg(hook.url),
                               QStringLiteral("url"));
        if (!hook.diffType.isEmpty() && hook.action != QLatin1String("UPDATE"))
            return errorAnswer(412, 30009,
                               QStringLiteral("Параметр diffType может быть указан только для действия UPDATE"),
                               QStringLiteral("diffType"));
        int sameKind = 0;
        for (const Webhook &other : hooks) {
            if (other.id == ignoreId)
                continue;
            if (other.entityType == hook.entityType && other.action == hook.action) {
                if (other.url == hook.url)
                    return errorAnswer(412, 30003,
                                       QStringLiteral("Веб-хук с такими entityType, action и url уже существует"));
                if (!other.createdByApplication())
                    ++sameKind;
            }
        }
        if (sameKind >= 5)
            return errorAnswer(412, 30007,
                               QStringLiteral("Превышено ограничение на количество веб-хуков для сущности '%1' и "
                                              "действия '%2'")
                                   .arg(hook.entityType, hook.action));
        return Answer{};
    }

    int indexOfHook(const QString &id) const
    {
        for (qsizetype i = 0; i < hooks.size(); ++i) {
            if (hooks.at(i).id == id)
                return int(i);
        }
        return -1;
    }

    // Applies one create or update; on error returns the error answer.
    Answer saveOne(const QJsonObject &object, Webhook *saved)
    {
        const QString href = object.value(QLatin1String("meta")).toObject().value(QLatin1String("href")).toString();
        if (!href.isEmpty()) {
            const QString id = href.section(QLatin1Char('/'), -1);
            return updateOne(id, object, saved);
        }
        Webhook hook = WebhookJson::fromJson(object);
        if (!object.contains(QLatin1String("enabled")))
            hook.enabled = true;
        // md/dictionaries/_webhook.md: diffType "по умолчанию NONE", and an UPDATE hook is listed with it.
        if (hook.action == QLatin1String("UPDATE") && hook.diffType.isEmpty())
            hook.diffType = QStringLiteral("NONE");
        const Answer invalid = validate(hook, {});
        if (invalid.status != 200)
            return invalid;
        hook.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        hook.href = QUrl(hookHref(hook.id));
        hook.accountId = accountId;
        hook.authorApplication.clear();
        hooks.append(hook);
        *saved = hook;
        return Answer{};
    }

    Answer updateOne(const QString &id, const QJsonObject &object, Webhook *saved)
    {
        const int index = indexOfHook(id);
        if (index < 0)
            return errorAnswer(404, 1021, QStringLiteral("Объект с UUID '%1' не найден").arg(id));
        Webhook hook = hooks.at(index);
        if (object.contains(QLatin1String("url")))
            hook.url = object.value(QLatin1String("url")).toString();
        if (object.contains(QLatin1String("action")))
            hook.action = object.value(QLatin1String("action")).toString();
        if (object.contains(QLatin1String("entityType")))
            hook.entityType = object.value(QLatin1String("entityType")).toString();
        if (object.contains(QLatin1String("enabled")))
            hook.enabled = object.value(QLatin1String("enabled")).toBool();
        if (object.contains(QLatin1String("diffType")))
            hook.diffType = object.value(QLatin1String("diffType")).toString();
        const Answer invalid = validate(hook, id);
        if (invalid.status != 200)
            return invalid;
        hooks[index] = hook;
        *saved = hook;
        return Answer{};
    }

    QJsonObject hookJson(const Webhook &hook) const
    {
        QJsonObject object = WebhookJson::toJson(hook);
        object.insert(QStringLiteral("id"), hook.id);
        object.insert(QStringLiteral("accountId"), hook.accountId);
        if (hook.createdByApplication())
            object.insert(QStringLiteral("authorApplication"),
                          QJsonObject{{QStringLiteral("meta"),
                                       WebhookJson::meta(hook.authorApplication, QStringLiteral("application"))}});
        return object;
    }

    Answer routeWebhook(const QString &method, const QStringList &rest, const QUrlQuery &query, const QByteArray &body)
    {
        if (rest.isEmpty() && method == QLatin1String("GET")) {
            const int limit = std::clamp(query.queryItemValue(QStringLiteral("limit")).toInt(), 0, options.maxPageSize);
            const int pageLimit = limit == 0 ? options.maxPageSize : limit;
            const int offset = std::max(0, query.queryItemValue(QStringLiteral("offset")).toInt());
            QJsonArray rows;
            for (qsizetype i = offset; i < std::min<qsizetype>(hooks.size(), offset + pageLimit); ++i)
                rows.append(hookJson(hooks.at(i)));
            QJsonObject meta{{QStringLiteral("href"), QString(base() + QStringLiteral("/entity/webhook"))},
                             {QStringLiteral("type"), QStringLiteral("webhook")},
                             {QStringLiteral("size"), int(hooks.size())},
                             {QStringLiteral("limit"), pageLimit},
                             {QStringLiteral("offset"), offset}};
            if (offset + pageLimit < hooks.size())
                meta.insert(
                    QStringLiteral("nextHref"),
                    QString(
                        base() +
                        QStringLiteral("/entity/webhook?limit=%1&offset=%2").arg(pageLimit).arg(offset + pageLimit)));
            return jsonAnswer(
                QJsonDocument(QJsonObject{{QStringLiteral("meta"), meta}, {QStringLiteral("rows"), rows}}));
        }
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (rest.isEmpty() && method == QLatin1String("POST")) {
            if (document.isObject()) {
                Webhook saved;
                const Answer result = saveOne(document.object(), &saved);
                return result.status != 200 ? result : jsonAnswer(QJsonDocument(hookJson(saved)));
            }
            if (document.isArray()) {
                if (document.array().size() > maxArrayItems)
                    return tooManyItems();
                // An array is answered 200 with one element per item, in the order sent: the saved hook, or the
                // item's errors (OpenAPI BatchResponseEntity). The other items are saved all the same.
                QJsonArray results;
                for (const QJsonValue &item : document.array()) {
                    Webhook saved;
                    const Answer result = saveOne(item.toObject(), &saved);
                    results.append(result.status == 200 ? hookJson(saved)
                                                        : QJsonDocument::fromJson(result.body).object());
                }
                return jsonAnswer(QJsonDocument(results));
            }
            return notJson();
        }
        if (rest.size() == 1 && rest.at(0) == QLatin1String("delete") && method == QLatin1String("POST")) {
            if (!document.isArray())
                return notJson();
            if (document.array().size() > maxArrayItems)
                return tooManyItems();
            // One element per item (md/dictionaries/_webhook.md, OpenAPI deleteRowResult): {"info"} or its errors.
            QJsonArray results;
            for (const QJsonValue &item : document.array()) {
                const QString id = item.toObject()
                                       .value(QLatin1String("meta"))
                                       .toObject()
                                       .value(QLatin1String("href"))
                                       .toString()
                                       .section(QLatin1Char('/'), -1);
                const int index = indexOfHook(id);
                if (index < 0) {
                    results.append(errorObject(1021, QStringLiteral("Объект с UUID '%1' не найден").arg(id)));
                    continue;
                }
                hooks.removeAt(index);
                results.append(QJsonObject{
                    {QStringLiteral("info"), QStringLiteral("Сущность 'webhook' с UUID: %1 успешно удалена").arg(id)}});
            }
            return jsonAnswer(QJsonDocument(results));
        }
        if (rest.size() == 1) {
            const QString id = rest.at(0);
            const int index = indexOfHook(id);
            if (index < 0)
                return errorAnswer(404, 1021, QStringLiteral("Объект с UUID '%1' не найден").arg(id));
            if (method == QLatin1String("GET"))
                return jsonAnswer(QJsonDocument(hookJson(hooks.at(index))));
            if (method == QLatin1String("DELETE")) {
                hooks.removeAt(index);
                Answer answer;
                answer.status = 200;
                return answer;
            }
            if (method == QLatin1String("PUT")) {
                if (!document.isObject())
                    return notJson();
                Webhook saved;
                const Answer result = updateOne(id, document.object(), &saved);
                return result.status != 200 ? result : jsonAnswer(QJsonDocument(hookJson(saved)));
            }
        }
        return errorAnswer(405, 1039, QStringLiteral("Операция %1 не поддерживается для данного ресурса").arg(method));
    }

    // --- documents ---
    QJsonObject shaped(const QJsonObject &document, const QStringList &expand) const
    {
        QJsonObject object = document;
        for (const QString &field : nestedMetaFields) {
            if (object.contains(field) && !expand.contains(field))
                object.insert(field, QJsonObject{{QStringLiteral("meta"),
                                                  object.value(field).toObject().value(QLatin1String("meta"))}});
        }
        return object;
    }

    Answer routeDocuments(const QString &type, const QStringList &rest, const QUrlQuery &query)
    {
        const auto &ofType = documents[type];
        QStringList expand = query.queryItemValue(QStringLiteral("expand")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (rest.size() == 1 && rest.at(0) == QLatin1String("metadata"))
            return jsonAnswer(QJsonDocument(metadataOf(type)));
        if (rest.size() == 1) {
            if (!ofType.contains(rest.at(0)))
                return errorAnswer(404, 1021, QStringLiteral("Объект с UUID '%1' не найден").arg(rest.at(0)));
            return jsonAnswer(QJsonDocument(shaped(ofType.value(rest.at(0)), expand)));
        }
        auto conditions =
            parseFilter(query, {QStringLiteral("id"), QStringLiteral("updated"), QStringLiteral("moment")});
        if (!conditions.ok())
            return conditions.error();
        QList<QJsonObject> matching;
        const bool byIdsOnly =
            !conditions.value().isEmpty() &&
            std::all_of(conditions.value().cbegin(), conditions.value().cend(), [](const Condition &c) {
                return c.field == QLatin1String("id") && c.op == QLatin1String("=");
            });
        if (byIdsOnly) {
            // `id=a;id=b;…` (a fetch of known documents): looked up, not matched against every document, so that a
            // test with a large account measures the product, not the fake. The same rows in the same (id) order.
            QStringList ids;
            for (const Condition &condition : conditions.value())
                ids.append(condition.value);
            ids.sort();
            ids.removeDuplicates();
            for (const QString &id : std::as_const(ids)) {
                if (const auto found = ofType.constFind(id); found != ofType.cend())
                    matching.append(*found);
            }
        } else {
            for (const QJsonObject &document : ofType) {
                if (matches(document, conditions.value()))
                    matching.append(document);
            }
        }
        if (const auto sorted = sortBy(matching, query); sorted.status != 200)
            return sorted;
        const Paging paging = pagingOf(query, 1000);
        if (paging.limit > 100)
            expand.clear(); // MoySklad silently drops expand above 100 rows
        for (QJsonObject &document : matching)
            document = shaped(document, expand);
        return page(QStringLiteral("/entity/") + type, type, matching, paging);
    }

    // GET /entity/{type}/metadata: here only `states`, every state the seeded documents carry.
    QJsonObject metadataOf(const QString &type) const
    {
        QMap<QString, QJsonObject> states;
        for (const QJsonObject &document : documents.value(type)) {
            const QJsonObject state = document.value(QLatin1String("state")).toObject();
            const QString href = state.value(QLatin1String("meta")).toObject().value(QLatin1String("href")).toString();
            if (!href.isEmpty())
                states.insert(href, state);
        }
        QJsonArray rows;
        for (const QJsonObject &state : states)
            rows.append(state);
        return {
            {QStringLiteral("meta"), WebhookJson::meta(QUrl(base() + QStringLiteral("/entity/%1/metadata").arg(type)),
                                                       QStringLiteral("embeddedentitymetadata"))},
            {QStringLiteral("states"), rows}};
    }

    // --- lists: filter, order, paging (md/_general.md) ---
    struct Condition
    {
        QString field;
        QString op; // = != > < >= <=
        QString value;
    };
    struct Paging
    {
        int limit = 1000;
        int offset = 0;
    };

    // `filter=a=1;b>=2`: conditions on different fields are AND-ed, repeated `=` conditions on one field OR-ed.
    static Result<QList<Condition>, Answer> parseFilter(const QUrlQuery &query, const QStringList &fields)
    {
        QList<Condition> conditions;
        const QString filter = query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded);
        for (const QString &text : filter.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const qsizetype at = text.indexOf(QRegularExpression(QStringLiteral("[<>=!]")));
            Condition condition;
            if (at > 0) {
                const qsizetype valueAt = text.indexOf(QRegularExpression(QStringLiteral("[^<>=!]")), at);
                condition = {text.left(at), text.mid(at, (valueAt < 0 ? text.size() : valueAt) - at),
                             valueAt < 0 ? QString() : text.mid(valueAt)};
            }
            static const QStringList operators{QStringLiteral("="), QStringLiteral("!="), QStringLiteral(">"),
                                               QStringLiteral("<"), QStringLiteral(">="), QStringLiteral("<=")};
            if (at <= 0 || !operators.contains(condition.op) || !fields.contains(condition.field))
                return errorAnswer(412, 1002, QStringLiteral("Неизвестное условие фильтрации '%1'").arg(text),
                                   QStringLiteral("filter"));
            const bool isTime =
                condition.field == QLatin1String("updated") || condition.field == QLatin1String("moment");
            if (isTime && !moscowTime(condition.value).isValid())
                return errorAnswer(412, 1002, QStringLiteral("Неверный формат даты '%1'").arg(condition.value),
                                   QStringLiteral("filter"));
            conditions.append(condition);
        }
        return conditions;
    }

    // MoySklad's `yyyy-MM-dd HH:mm:ss[.SSS]`, Moscow time; compared as instants.
    static QDateTime moscowTime(const QString &text)
    {
        QDateTime time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        if (!time.isValid())
            time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (time.isValid())
            time.setTimeZone(QTimeZone(3 * 3600));
        return time;
    }

    static QString moscowNow()
    {
        return QDateTime::currentDateTimeUtc().toOffsetFromUtc(3 * 3600).toString(
            QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    }

    static int compareField(const QJsonObject &object, const QString &field, const QString &value)
    {
        const QString own = object.value(field).toString();
        if (field == QLatin1String("updated") || field == QLatin1String("moment")) {
            // Both Moscow time in one fixed-width form once the milliseconds are filled in: text order is time order
            // (and far cheaper than parsing, which a sort over thousands of rows would do many times).
            const auto full = [](const QString &text) {
                return text.size() == 19 ? text + QStringLiteral(".000") : text;
            };
            return QString::compare(full(own), full(value));
        }
        return QString::compare(own, value);
    }

    static bool matches(const QJsonObject &object, const QList<Condition> &conditions)
    {
        QHash<QString, bool> anyEqual; // field → one of its `=` conditions held
        for (const Condition &condition : conditions) {
            const int c = compareField(object, condition.field, condition.value);
            if (condition.op == QLatin1String("=")) {
                anyEqual[condition.field] = anyEqual.value(condition.field) || c == 0;
                continue;
            }
            const bool holds = condition.op == QLatin1String("!=")   ? c != 0
                               : condition.op == QLatin1String(">")  ? c > 0
                               : condition.op == QLatin1String("<")  ? c < 0
                               : condition.op == QLatin1String(">=") ? c >= 0
                                                                     : c <= 0;
            if (!holds)
                return false;
        }
        return std::all_of(anyEqual.cbegin(), anyEqual.cend(), [](bool held) { return held; });
    }

    // `order=updated,asc;name,desc`. Without it the order is the store's (by id here), stable across pages.
    static Answer sortBy(QList<QJsonObject> &rows, const QUrlQuery &query)
    {
        QList<std::pair<QString, bool>> keys; // field, descending
        for (const QString &part : query.queryItemValue(QStringLiteral("order"), QUrl::FullyDecoded)
                                       .split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QStringList fieldAndDirection = part.split(QLatin1Char(','));
            const QString direction = fieldAndDirection.value(1, QStringLiteral("asc"));
            if (fieldAndDirection.size() > 2 ||
                (direction != QLatin1String("asc") && direction != QLatin1String("desc")))
                return errorAnswer(412, 1002, QStringLiteral("Неверный параметр сортировки '%1'").arg(part),
                                   QStringLiteral("order"));
            keys.append({fieldAndDirection.at(0), direction == QLatin1String("desc")});
        }
        std::stable_sort(rows.begin(), rows.end(), [&keys](const QJsonObject &a, const QJsonObject &b) {
            for (const auto &[field, descending] : keys) {
                const int c = compareField(a, field, b.value(field).toString());
                if (c != 0)
                    return descending ? c > 0 : c < 0;
            }
            return false;
        });
        return Answer{};
    }

    static Paging pagingOf(const QUrlQuery &query, int defaultLimit, int maxLimit = 1000)
    {
        Paging paging;
        paging.limit = query.hasQueryItem(QStringLiteral("limit"))
                           ? std::clamp(query.queryItemValue(QStringLiteral("limit")).toInt(), 1, maxLimit)
                           : defaultLimit;
        paging.offset = std::max(0, query.queryItemValue(QStringLiteral("offset")).toInt());
        return paging;
    }

    Answer listAnswer(const QString &path, const QString &type, const QJsonArray &rows, int size, Paging paging) const
    {
        QJsonObject meta{{QStringLiteral("href"), QString(base() + path)},
                         {QStringLiteral("type"), type},
                         {QStringLiteral("mediaType"), QStringLiteral("application/json")},
                         {QStringLiteral("size"), size},
                         {QStringLiteral("limit"), paging.limit},
                         {QStringLiteral("offset"), paging.offset}};
        if (paging.offset + paging.limit < size)
            meta.insert(
                QStringLiteral("nextHref"),
                QString(base() + path +
                        QStringLiteral("?limit=%1&offset=%2").arg(paging.limit).arg(paging.offset + paging.limit)));
        return jsonAnswer(QJsonDocument(QJsonObject{{QStringLiteral("meta"), meta}, {QStringLiteral("rows"), rows}}));
    }

    // --- the audit feed (md/audit): a context per change, its events under /audit/{id}/events ---
    // The caller holds the mutex.
    void recordAudit(const QString &eventType, const QString &entityType, const QJsonObject &document)
    {
        AuditContext context;
        context.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        context.moment = moscowNow().left(19);
        context.eventType = eventType;
        context.entityType = entityType;
        const QJsonObject auditMeta =
            WebhookJson::meta(QUrl(base() + QStringLiteral("/audit/") + context.id), QStringLiteral("audit"));
        context.events.append(QJsonObject{
            {QStringLiteral("source"), QStringLiteral("app")},
            {QStringLiteral("eventType"), eventType},
            {QStringLiteral("entityType"), entityType},
            {QStringLiteral("uid"), login},
            {QStringLiteral("moment"), context.moment},
            {QStringLiteral("name"), document.value(QLatin1String("name"))},
            {QStringLiteral("audit"), QJsonObject{{QStringLiteral("meta"), auditMeta}}},
            {QStringLiteral("entity"), QJsonObject{{QStringLiteral("meta"), document.value(QLatin1String("meta"))}}}});
        audit.append(context);
    }

    Answer routeAudit(const QStringList &rest, const QUrlQuery &query)
    {
        if (rest.isEmpty()) {
            auto conditions =
                parseFilter(query, {QStringLiteral("moment"), QStringLiteral("eventType"), QStringLiteral("entityType"),
                                    QStringLiteral("source"), QStringLiteral("uid"), QStringLiteral("employee")});
            if (!conditions.ok())
                return conditions.error();
            QList<QJsonObject> matching;
            for (const AuditContext &context : audit) {
                const QJsonObject row{
                    {QStringLiteral("meta"),
                     WebhookJson::meta(QUrl(base() + QStringLiteral("/audit/") + context.id), QStringLiteral("audit"))},
                    {QStringLiteral("id"), context.id},
                    {QStringLiteral("uid"), login},
                    {QStringLiteral("source"), QStringLiteral("app")},
                    {QStringLiteral("moment"), context.moment},
                    {QStringLiteral("objectCount"), int(context.events.size())},
                    {QStringLiteral("eventType"), context.eventType},
                    {QStringLiteral("entityType"), context.entityType},
                    {QStringLiteral("events"),
                     QJsonObject{{QStringLiteral("meta"),
                                  QJsonObject{{QStringLiteral("href"),
                                               QString(base() + QStringLiteral("/audit/%1/events").arg(context.id))},
                                              {QStringLiteral("type"), QStringLiteral("auditevent")},
                                              {QStringLiteral("mediaType"), QStringLiteral("application/json")},
                                              {QStringLiteral("size"), int(context.events.size())}}}}}};
                if (matches(row, conditions.value()))
                    matching.append(row);
            }
            // Newest first, as the feed is shown in MoySklad, unless asked otherwise.
            std::stable_sort(matching.begin(), matching.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return compareField(a, QStringLiteral("moment"), b.value(QLatin1String("moment")).toString()) > 0;
            });
            if (const auto sorted = sortBy(matching, query); sorted.status != 200)
                return sorted;
            return page(QStringLiteral("/audit"), QStringLiteral("audit"), matching,
                        pagingOf(query, auditDefaultLimit, auditMaxLimit));
        }
        if (rest.size() == 2 && rest.at(1) == QLatin1String("events")) {
            const auto context = std::find_if(audit.cbegin(), audit.cend(),
                                              [&rest](const AuditContext &c) { return c.id == rest.at(0); });
            if (context == audit.cend())
                return errorAnswer(404, 1021, QStringLiteral("Объект с UUID '%1' не найден").arg(rest.at(0)));
            return page(QStringLiteral("/audit/%1/events").arg(context->id), QStringLiteral("auditevent"),
                        context->events, pagingOf(query, auditDefaultLimit, auditMaxLimit));
        }
        return errorAnswer(404, 1002, QStringLiteral("Неизвестный адрес: /audit/%1").arg(rest.join(QLatin1Char('/'))));
    }

    Answer page(const QString &path, const QString &type, const QList<QJsonObject> &all, Paging paging) const
    {
        QJsonArray rows;
        for (qsizetype i = paging.offset; i < std::min<qsizetype>(all.size(), paging.offset + paging.limit); ++i)
            rows.append(all.at(i));
        return listAnswer(path, type, rows, int(all.size()), paging);
    }

    // --- libmicrohttpd glue ---
    static MHD_Result onRequest(void *cls, MHD_Connection *connection, const char *url, const char *method,
                                const char * /*version*/, const char *uploadData, size_t *uploadDataSize,
                                void **connectionState)
    {
        auto *self = static_cast<Impl *>(cls);
        if (!*connectionState) {
            auto *state = new Connection;
            *connectionState = state;
            std::lock_guard lock(self->mutex);
            state->counted = true;
            ++self->inFlight;
            self->maxInFlight = std::max(self->maxInFlight, self->inFlight);
            state->overParallel = self->inFlight > self->options.maxParallel;
            return MHD_YES;
        }
        auto *state = static_cast<Connection *>(*connectionState);
        if (*uploadDataSize > 0) {
            state->body.append(uploadData, qsizetype(*uploadDataSize));
            *uploadDataSize = 0;
            return MHD_YES;
        }

        QMap<QByteArray, QByteArray> headers;
        MHD_get_connection_values(
            connection, MHD_HEADER_KIND,
            [](void *target, MHD_ValueKind, const char *key, const char *value) -> MHD_Result {
                static_cast<QMap<QByteArray, QByteArray> *>(target)->insert(QByteArray(key).toLower(),
                                                                            QByteArray(value ? value : ""));
                return MHD_YES;
            },
            &headers);
        QUrlQuery query;
        MHD_get_connection_values(
            connection, MHD_GET_ARGUMENT_KIND,
            [](void *target, MHD_ValueKind, const char *key, const char *value) -> MHD_Result {
                // MHD hands decoded values; re-encode the few characters QUrlQuery treats specially.
                QString text = QString::fromUtf8(value ? value : "");
                text.replace(QLatin1Char('%'), QStringLiteral("%25")).replace(QLatin1Char('&'), QStringLiteral("%26"));
                static_cast<QUrlQuery *>(target)->addQueryItem(QString::fromUtf8(key), text);
                return MHD_YES;
            },
            &query);

        int delay = 0;
        {
            std::lock_guard lock(self->mutex);
            delay = self->responseDelayMs;
            FakeMoySklad::Request arrived;
            arrived.method = QString::fromLatin1(method);
            arrived.path = QString::fromUtf8(url);
            arrived.query = query;
            arrived.headers = headers;
            arrived.body = state->body;
            arrived.atMs = self->clock.elapsed();
            self->received.append(arrived);
        }
        const QString methodText = QString::fromLatin1(method);
        const QString path = QString::fromUtf8(url);
        Answer answer = self->handle(methodText, path, query, headers, state->body, state->overParallel);
        if (delay > 0)
            QThread::msleep(ulong(delay));

        {
            std::lock_guard lock(self->mutex);
            Request logged;
            logged.method = methodText;
            logged.path = path;
            logged.query = query;
            logged.headers = headers;
            logged.body = state->body;
            logged.status = answer.drop ? 0 : answer.status;
            logged.errorCode = answer.errorCode;
            logged.atMs = self->clock.elapsed();
            self->log.append(logged);
        }
        if (answer.drop)
            return MHD_NO; // closes the connection without an answer

        const QByteArray body = answer.body.isEmpty() ? QByteArray() : Gzip::compress(answer.body);
        MHD_Response *response = MHD_create_response_from_buffer(
            size_t(body.size()), const_cast<char *>(body.constData()), MHD_RESPMEM_MUST_COPY);
        if (!body.isEmpty()) {
            MHD_add_response_header(response, "Content-Type", "application/json;charset=utf-8");
            MHD_add_response_header(response, "Content-Encoding", "gzip");
        }
        for (const auto &[name, value] : answer.headers)
            MHD_add_response_header(response, name.constData(), value.constData());
        const MHD_Result queued = MHD_queue_response(connection, uint(answer.status), response);
        MHD_destroy_response(response);
        return queued;
    }

    static void onCompleted(void *cls, MHD_Connection *, void **connectionState, MHD_RequestTerminationCode)
    {
        auto *self = static_cast<Impl *>(cls);
        auto *state = static_cast<Connection *>(*connectionState);
        if (!state)
            return;
        if (state->counted) {
            std::lock_guard lock(self->mutex);
            --self->inFlight;
        }
        delete state;
        *connectionState = nullptr;
    }
};

FakeMoySklad::FakeMoySklad()
    : FakeMoySklad(Options{})
{}

FakeMoySklad::FakeMoySklad(Options options)
    : d(std::make_unique<Impl>(options))
{}

FakeMoySklad::~FakeMoySklad()
{
    if (d->daemon)
        MHD_stop_daemon(d->daemon);
}

bool FakeMoySklad::start()
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = 0;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    d->daemon = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, 0, nullptr, nullptr,
                                 &Impl::onRequest, d.get(), MHD_OPTION_SOCK_ADDR, &address, MHD_OPTION_NOTIFY_COMPLETED,
                                 &Impl::onCompleted, d.get(), MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_END);
    if (!d->daemon) {
        qWarning("FakeMoySklad: cannot start the HTTP server");
        return false;
    }
    d->port = MHD_get_daemon_info(d->daemon, MHD_DAEMON_INFO_BIND_PORT)->port;
    std::lock_guard lock(d->mutex);
    d->lastRefillMs = d->clock.elapsed();
    return true;
}

QUrl FakeMoySklad::baseUrl() const
{
    return QUrl(d->base());
}

QString FakeMoySklad::token() const
{
    std::lock_guard lock(d->mutex);
    return d->tokens.isEmpty() ? QString() : *d->tokens.cbegin();
}

QString FakeMoySklad::revokeTokens()
{
    std::lock_guard lock(d->mutex);
    return d->issueToken();
}

void FakeMoySklad::setLogin(const QString &login, const QString &password)
{
    std::lock_guard lock(d->mutex);
    d->login = login;
    d->password = password;
}

Webhook FakeMoySklad::seedHook(Webhook hook)
{
    std::lock_guard lock(d->mutex);
    if (hook.id.isEmpty())
        hook.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    hook.href = QUrl(d->hookHref(hook.id));
    hook.accountId = d->accountId;
    d->hooks.append(hook);
    return hook;
}

QList<Webhook> FakeMoySklad::hooks() const
{
    std::lock_guard lock(d->mutex);
    return d->hooks;
}

bool FakeMoySklad::setHookEnabled(const QString &id, bool enabled)
{
    std::lock_guard lock(d->mutex);
    const int index = d->indexOfHook(id);
    if (index < 0)
        return false;
    d->hooks[index].enabled = enabled;
    return true;
}

bool FakeMoySklad::removeHook(const QString &id)
{
    std::lock_guard lock(d->mutex);
    const int index = d->indexOfHook(id);
    if (index < 0)
        return false;
    d->hooks.removeAt(index);
    return true;
}

void FakeMoySklad::seedDocument(const QString &type, QJsonObject document)
{
    std::lock_guard lock(d->mutex);
    const QString id = document.value(QLatin1String("id")).toString();
    document.insert(QStringLiteral("meta"),
                    WebhookJson::meta(QUrl(d->base() + QStringLiteral("/entity/%1/%2").arg(type, id)), type));
    if (!document.contains(QLatin1String("updated")))
        document.insert(QStringLiteral("updated"), Impl::moscowNow());
    d->documents[type].insert(id, document);
}

bool FakeMoySklad::editDocument(const QString &type, const QString &id, const QJsonObject &changes)
{
    std::lock_guard lock(d->mutex);
    auto &ofType = d->documents[type];
    if (!ofType.contains(id))
        return false;
    QJsonObject &document = ofType[id];
    for (auto it = changes.begin(); it != changes.end(); ++it)
        document.insert(it.key(), it.value());
    document.insert(QStringLiteral("updated"), Impl::moscowNow());
    return true;
}

void FakeMoySklad::removeDocument(const QString &type, const QString &id)
{
    std::lock_guard lock(d->mutex);
    const QJsonObject document = d->documents[type].take(id);
    if (!document.isEmpty())
        d->recordAudit(QStringLiteral("delete"), type, document);
}

QString FakeMoySklad::moscowNow()
{
    return Impl::moscowNow();
}

QJsonObject FakeMoySklad::document(const QString &type, const QString &id) const
{
    std::lock_guard lock(d->mutex);
    return d->documents.value(type).value(id);
}

int FakeMoySklad::documentCount(const QString &type) const
{
    std::lock_guard lock(d->mutex);
    return int(d->documents.value(type).size());
}

void FakeMoySklad::failNext(const QString &method, const QString &pathContains, int status, int code,
                            const QString &message, int times)
{
    std::lock_guard lock(d->mutex);
    d->failures.append({method, pathContains, status, code, message, times});
}

void FakeMoySklad::clearFailures()
{
    std::lock_guard lock(d->mutex);
    d->failures.clear();
}

void FakeMoySklad::setNeighbourUnitsPerSecond(double units)
{
    std::lock_guard lock(d->mutex);
    d->refill(d->clock.elapsed()); // what the neighbour spent so far at the old rate
    d->neighbourUnitsPerMs = std::max(0.0, units / 1000.0);
}

void FakeMoySklad::setResponseDelayMs(int ms)
{
    std::lock_guard lock(d->mutex);
    d->responseDelayMs = ms;
}

QList<FakeMoySklad::Request> FakeMoySklad::requests() const
{
    std::lock_guard lock(d->mutex);
    return d->log;
}

void FakeMoySklad::clearRequests()
{
    std::lock_guard lock(d->mutex);
    d->log.clear();
    d->maxInFlight = d->inFlight;
    d->rateLimited = 0;
}

int FakeMoySklad::countRequests(const QString &method, const QString &pathContains) const
{
    std::lock_guard lock(d->mutex);
    return int(std::count_if(d->log.cbegin(), d->log.cend(), [&](const Request &request) {
        return (method.isEmpty() || request.method == method) && request.path.contains(pathContains);
    }));
}

int FakeMoySklad::maxInFlight() const
{
    std::lock_guard lock(d->mutex);
    return d->maxInFlight;
}

QList<FakeMoySklad::Request> FakeMoySklad::received() const
{
    std::lock_guard lock(d->mutex);
    return d->received;
}

int FakeMoySklad::rateLimitedCount() const
{
    std::lock_guard lock(d->mutex);
    return d->rateLimited;
}
