// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakemoysklad.h"

#include "moysklad/gzip.h"
#include "moysklad/webhookjson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtDebug>
#include <QThread>
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

Answer errorAnswer(int status, int code, const QString &message, const QString &parameter = {})
{
    QJsonObject error{{QStringLiteral("error"), message}, {QStringLiteral("code"), code}};
    if (!parameter.isEmpty())
        error.insert(QStringLiteral("parameter"), parameter);
    error.insert(QStringLiteral("moreInfo"),
                 QStringLiteral("https://dev.moysklad.ru/doc/api/remap/1.2/#error_%1").arg(code));
    Answer answer;
    answer.status = status;
    answer.errorCode = code;
    answer.body =
        QJsonDocument(QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}}).toJson(QJsonDocument::Compact);
    return answer;
}

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
    QList<Failure> failures;
    QList<Request> log;
    int responseDelayMs = 0;
    int inFlight = 0;
    int maxInFlight = 0;
    int rateLimited = 0;
    double available = 0;
    qint64 lastRefillMs = 0;
    QString accountId = QStringLiteral("1f2e3d4c-0000-4000-8000-00000000acc0");

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port) + apiPrefix; }

    QString hookHref(const QString &id) const { return base() + QStringLiteral("/entity/webhook/") + id; }

    // --- rate limit (called under the mutex) ---
    void refill(qint64 now)
    {
        available = std::min<double>(options.rateUnits,
                                     available + double(now - lastRefillMs) * options.rateUnits / options.rateWindowMs);
        lastRefillMs = now;
    }

    qint64 msUntilUnits(double units) const
    {
        const double missing = std::max(0.0, units - available);
        return qint64(std::ceil(missing * options.rateWindowMs / options.rateUnits));
    }

    QList<QPair<QByteArray, QByteArray>> rateHeaders() const
    {
        return {{"X-RateLimit-Limit", QByteArray::number(options.rateUnits)},
                {"X-RateLimit-Remaining", QByteArray::number(qint64(std::floor(available)))},
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
        // The specification's ContentTypeJson parameter allows application/json and nothing else. MoySklad's error
        // list has no code for it: the answer keeps MoySklad's error shape with the Accept header's code.
        if (!body.isEmpty() && headers.value("content-type").toLower().replace(" ", "") != "application/json")
            return errorAnswer(415, 1062, QStringLiteral("Неверное значение заголовка 'Content-Type'"));

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
            return jsonAnswer(QJsonDocument(QJsonObject{{QStringLiteral("access_token"), issueToken()}}), 201);
        }
        if (path == QLatin1String("/context/employee") && method == QLatin1String("GET"))
            return jsonAnswer(QJsonDocument(QJsonObject{{QStringLiteral("uid"), login},
                                                        {QStringLiteral("name"), QStringLiteral("Администратор")}}));
        if (parts.size() >= 2 && parts.at(0) == QLatin1String("entity") && parts.at(1) == QLatin1String("webhook"))
            return routeWebhook(method, parts.mid(2), query, body);
        if (parts.size() >= 2 && parts.at(0) == QLatin1String("entity") && documentTypes.contains(parts.at(1)) &&
            method == QLatin1String("GET"))
            return routeDocuments(parts.at(1), parts.mid(2), query);
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
                if (document.array().size() > 1000)
                    return errorAnswer(412, 1017,
                                       QStringLiteral("Превышено максимальное количество элементов в массиве"));
                // MoySklad answers an array with one entry per item: the saved hook or the item's errors.
                QJsonArray results;
                bool anyError = false;
                for (const QJsonValue &item : document.array()) {
                    Webhook saved;
                    const Answer result = saveOne(item.toObject(), &saved);
                    if (result.status != 200) {
                        anyError = true;
                        results.append(QJsonDocument::fromJson(result.body).object());
                    } else {
                        results.append(hookJson(saved));
                    }
                }
                if (anyError) {
                    // The first error decides the status, as a whole-request failure is what clients must handle.
                    for (const QJsonValue &value : results) {
                        if (value.toObject().contains(QLatin1String("errors"))) {
                            Answer answer = jsonAnswer(QJsonDocument(value.toObject()), 412);
                            answer.errorCode = value.toObject()
                                                   .value(QLatin1String("errors"))
                                                   .toArray()
                                                   .first()
                                                   .toObject()
                                                   .value(QLatin1String("code"))
                                                   .toInt();
                            return answer;
                        }
                    }
                }
                return jsonAnswer(QJsonDocument(results));
            }
            return errorAnswer(400, 2016, QStringLiteral("Ошибка формата: тело запроса не является JSON"));
        }
        if (rest.size() == 1 && rest.at(0) == QLatin1String("delete") && method == QLatin1String("POST")) {
            if (!document.isArray())
                return errorAnswer(400, 2016, QStringLiteral("Ошибка формата: ожидается массив"));
            for (const QJsonValue &item : document.array()) {
                const QString id = item.toObject()
                                       .value(QLatin1String("meta"))
                                       .toObject()
                                       .value(QLatin1String("href"))
                                       .toString()
                                       .section(QLatin1Char('/'), -1);
                const int index = indexOfHook(id);
                if (index < 0)
                    return errorAnswer(404, 1021, QStringLiteral("Объект с UUID '%1' не найден").arg(id));
                hooks.removeAt(index);
            }
            return jsonAnswer(QJsonDocument(QJsonArray()));
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
                    return errorAnswer(400, 2016, QStringLiteral("Ошибка формата: тело запроса не является JSON"));
                Webhook saved;
                const Answer result = updateOne(id, document.object(), &saved);
                return result.status != 200 ? result : jsonAnswer(QJsonDocument(hookJson(saved)));
            }
        }
        return errorAnswer(405, 1001, QStringLiteral("Метод %1 не поддерживается").arg(method));
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
        const int limit =
            query.hasQueryItem(QStringLiteral("limit")) ? query.queryItemValue(QStringLiteral("limit")).toInt() : 1000;
        QStringList expand = query.queryItemValue(QStringLiteral("expand")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        const auto &ofType = documents[type];
        if (rest.size() == 1) {
            if (!ofType.contains(rest.at(0)))
                return errorAnswer(404, 1021, QStringLiteral("Объект с UUID '%1' не найден").arg(rest.at(0)));
            return jsonAnswer(QJsonDocument(shaped(ofType.value(rest.at(0)), expand)));
        }
        if (limit > 100)
            expand.clear(); // MoySklad silently drops expand above 100 rows
        QStringList ids;
        const QString filter = query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded);
        for (const QString &condition : filter.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (!condition.startsWith(QLatin1String("id=")))
                return errorAnswer(412, 1002, QStringLiteral("Неизвестное условие фильтрации '%1'").arg(condition),
                                   QStringLiteral("filter"));
            ids += condition.mid(3);
        }
        QJsonArray rows;
        for (auto it = ofType.cbegin(); it != ofType.cend() && rows.size() < limit; ++it) {
            if (filter.isEmpty() || ids.contains(it.key()))
                rows.append(shaped(it.value(), expand));
        }
        const QJsonObject meta{{QStringLiteral("href"), QString(base() + QStringLiteral("/entity/") + type)},
                               {QStringLiteral("type"), type},
                               {QStringLiteral("size"), int(rows.size())},
                               {QStringLiteral("limit"), limit},
                               {QStringLiteral("offset"), 0}};
        return jsonAnswer(QJsonDocument(QJsonObject{{QStringLiteral("meta"), meta}, {QStringLiteral("rows"), rows}}));
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

void FakeMoySklad::seedDocument(const QString &type, QJsonObject document)
{
    std::lock_guard lock(d->mutex);
    const QString id = document.value(QLatin1String("id")).toString();
    document.insert(QStringLiteral("meta"),
                    WebhookJson::meta(QUrl(d->base() + QStringLiteral("/entity/%1/%2").arg(type, id)), type));
    d->documents[type].insert(id, document);
}

void FakeMoySklad::removeDocument(const QString &type, const QString &id)
{
    std::lock_guard lock(d->mutex);
    d->documents[type].remove(id);
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

int FakeMoySklad::rateLimitedCount() const
{
    std::lock_guard lock(d->mutex);
    return d->rateLimited;
}
