// SPDX-License-Identifier: GPL-3.0-or-later
#include "moyskladclient.h"

#include "common/buildinfo.h"
#include "common/logcategories.h"
#include "moysklad/gzip.h"
#include "moysklad/webhookjson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>

namespace {

constexpr int webhookPageSize = 1000; // MoySklad's maximum for lists without expand
constexpr int expandPageSize = 100;   // with expand, larger limits silently drop the expansion
constexpr int maxArrayItems = 1000;   // arrays in one request
constexpr qsizetype maxIdsPerRequest = 100;

// What came back from one HTTP exchange, body already inflated.
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    bool timedOut = false;
    std::optional<ApiError> failure; // set when the call failed before any exchange (e.g. the token exchange)
};

ApiError errorFromAnswer(const HttpAnswer &answer)
{
    if (answer.failure)
        return *answer.failure;
    ApiError error;
    error.httpStatus = answer.status;
    if (answer.timedOut) {
        error.kind = ApiError::Kind::Timeout;
        return error;
    }
    if (answer.status == 0) {
        error.kind = ApiError::Kind::Network;
        error.detail = answer.networkErrorText;
        return error;
    }
    error.items = ApiError::itemsFromBody(answer.body);
    switch (answer.status) {
    case 401:
        error.kind = ApiError::Kind::Unauthorized;
        break;
    case 403:
        error.kind = ApiError::Kind::Forbidden;
        break;
    case 404:
        error.kind = ApiError::Kind::NotFound;
        break;
    case 429:
        error.kind = ApiError::Kind::RateLimited;
        break;
    default:
        error.kind = ApiError::Kind::Http;
        break;
    }
    if (error.items.isEmpty() && answer.status == 415)
        error.detail = QStringLiteral("the server refused an uncompressed exchange (Accept-Encoding: gzip missing)");
    return error;
}

ApiError badResponse(const QString &what)
{
    ApiError error;
    error.kind = ApiError::Kind::BadResponse;
    error.detail = what;
    return error;
}

} // namespace

// One API call: retried as a whole until it succeeds, fails finally or runs out of attempts.
struct PendingCall
{
    QByteArray verb;
    QUrl url;
    QByteArray body;
    bool write = false;
    bool basicAuth = false; // the token exchange
    // A catch-up's list pages: sent only when no other call is ready, so that one never waits behind more than the
    // one page in flight.
    bool background = false;
    int attempt = 0;
    qint64 notBeforeMs = 0;
    quint64 ticket = 0;                       // the rate limiter's name for the attempt in flight
    SharedRequestGate::SlotId sharedSlot = 0; // the shared gate's slot of the attempt in flight, 0 when none
    qint64 sentAtMs = 0;
    QPointer<QObject> context;
    bool hasContext = false;
    std::function<void(const HttpAnswer &)> finish;

    bool contextGone() const { return hasContext && context.isNull(); }
};

class MoySkladClient::Private
{
public:
    Private(MoySkladClient *q, const Clock &clock)
        : q(q)
        , clock(clock)
        , limiter(q->m_config.limits)
    {
        wakeTimer.setSingleShot(true);
        QObject::connect(&wakeTimer, &QTimer::timeout, q, [this] { pump(); });
    }

    ~Private()
    {
        // Requests still in flight, or held after a timeout, never reach releaseSlot() now: their shared slots go
        // back to the account, or this process would hold them for as long as its gate lives.
        if (const auto &gate = q->m_config.sharedGate) {
            for (const SharedRequestGate::SlotId slot : sharedSlots)
                gate->release(slot);
        }
    }

    MoySkladClient *q;
    const Clock &clock;
    QNetworkAccessManager network;
    RateLimiter limiter;
    ClientCounters counters;
    QTimer wakeTimer;
    std::deque<std::shared_ptr<PendingCall>> queue;
    bool obtainingToken = false;
    std::vector<std::shared_ptr<PendingCall>> waitingForToken;
    std::vector<SharedRequestGate::SlotId> sharedSlots; // taken from the shared gate and not released yet
    bool sharedGateFailing = false;                     // the last ask of the gate failed (warned once per streak)

    QUrl endpoint(const QString &path, const QUrlQuery &query = {}) const
    {
        QUrl url = q->m_config.baseUrl;
        QString base = url.path();
        if (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        url.setPath(base + path);
        if (!query.isEmpty())
            url.setQuery(query);
        return url;
    }

    // A document href on another host (e.g. the dead online.moysklad.ru) is moved onto our base URL.
    QUrl rebase(const QUrl &href) const
    {
        static const QString marker = QStringLiteral("/api/remap/1.2");
        const QString path = href.path();
        const qsizetype at = path.indexOf(marker);
        const QString tail = at >= 0 ? path.mid(at + marker.size()) : path;
        QUrl url = endpoint(tail);
        url.setQuery(href.query());
        return url;
    }

    void submit(const QByteArray &verb, const QUrl &url, const QByteArray &body, QObject *context,
                std::function<void(const HttpAnswer &)> finish, bool basicAuth = false, bool background = false)
    {
        auto call = std::make_shared<PendingCall>();
        call->background = background;
        call->verb = verb;
        call->url = url;
        call->body = body;
        call->write = verb != "GET";
        call->basicAuth = basicAuth;
        call->context = context;
        call->hasContext = context != nullptr;
        call->finish = std::move(finish);
        if (!basicAuth && q->m_config.token.isEmpty() && !q->m_config.login.isEmpty()) {
            waitingForToken.push_back(call);
            exchangeLoginForToken();
            return;
        }
        queue.push_back(call);
        pump();
    }

    void exchangeLoginForToken()
    {
        if (obtainingToken)
            return;
        obtainingToken = true;
        q->obtainToken(q, [this](Result<QString, ApiError> result) {
            obtainingToken = false;
            auto waiting = std::move(waitingForToken);
            waitingForToken.clear();
            for (const auto &call : waiting) {
                if (result.ok()) {
                    queue.push_back(call);
                } else if (!call->contextGone()) {
                    // The token exchange failed: every call waiting on it fails the same way.
                    HttpAnswer answer;
                    answer.failure = result.error();
                    call->finish(answer);
                }
            }
            pump();
        });
    }

    void pump()
    {
        while (!queue.empty()) {
            const qint64 now = clock.monotonicMs();
            auto call = queue.front();
            if (call->contextGone()) {
                queue.pop_front();
                continue;
            }
            // Calls waiting for a backoff do not hold up the others; background calls go when nothing else is ready.
            auto ready = std::find_if(queue.begin(), queue.end(),
                                      [now](const auto &c) { return !c->background && c->notBeforeMs <= now; });
            if (ready == queue.end())
                ready =
                    std::find_if(queue.begin(), queue.end(), [now](const auto &c) { return c->notBeforeMs <= now; });
            if (ready == queue.end()) {
                qint64 earliest = queue.front()->notBeforeMs;
                for (const auto &c : queue)
                    earliest = std::min(earliest, c->notBeforeMs);
                schedule(earliest - now);
                return;
            }
            // This process's limits first, without counting: a request the shared gate refuses costs nothing here.
            const qint64 wait = limiter.wouldWait(now);
            if (wait < 0)
                return; // in-flight cap: a finishing request pumps again
            if (wait > 0) {
                schedule(wait);
                return;
            }
            const auto shared = acquireShared();
            if (!shared)
                return;              // the account's slots or bucket are spent elsewhere: acquireShared() set the timer
            limiter.tryAcquire(now); // 0: wouldWait() said so at this same `now`
            call = *ready;
            queue.erase(ready);
            call->ticket = limiter.lastTicket();
            call->sharedSlot = *shared;
            call->sentAtMs = now;
            send(call);
        }
    }

    // The account-wide slot for the next request: a slot id, 0 when there is no gate or it failed, or nothing (and
    // the wake timer set) when the gate says to wait.
    std::optional<SharedRequestGate::SlotId> acquireShared()
    {
        const auto &gate = q->m_config.sharedGate;
        if (!gate)
            return SharedRequestGate::SlotId(0);
        const auto grant = gate->tryAcquire(limiter.unitsPerRequest());
        if (!grant.ok()) {
            // The shared store is unreachable: waiting for it would stop every call of this process for as long as
            // it is down, so this request goes under this process's own limits alone. The account may then see
            // more than its limits allow and answer a few 429s, which the limiter learns from and the retries absorb.
            if (!sharedGateFailing)
                qCWarning(lcMoySklad) << "the shared rate limit cannot be reached; keeping this process's own limits "
                                         "until it can:"
                                      << grant.error();
            sharedGateFailing = true;
            return SharedRequestGate::SlotId(0);
        }
        if (sharedGateFailing) {
            qCInfo(lcMoySklad) << "the shared rate limit is reachable again";
            sharedGateFailing = false;
        }
        if (grant.value().slot == 0) {
            schedule(grant.value().waitMs);
            return std::nullopt;
        }
        sharedSlots.push_back(grant.value().slot);
        return grant.value().slot;
    }

    void releaseShared(SharedRequestGate::SlotId slot)
    {
        const auto it = std::find(sharedSlots.begin(), sharedSlots.end(), slot);
        if (slot == 0 || it == sharedSlots.end())
            return;
        sharedSlots.erase(it);
        q->m_config.sharedGate->release(slot);
    }

    void schedule(qint64 ms)
    {
        const int delay = int(std::clamp<qint64>(ms, 1, 60 * 60 * 1000));
        if (!wakeTimer.isActive() || wakeTimer.remainingTime() > delay)
            wakeTimer.start(delay);
    }

    void send(const std::shared_ptr<PendingCall> &call)
    {
        ++call->attempt;
        QNetworkRequest request(call->url);
        request.setRawHeader("Accept-Encoding", "gzip");
        request.setRawHeader("Accept", "application/json;charset=utf-8");
        request.setHeader(QNetworkRequest::UserAgentHeader, BuildInfo::userAgent());
        if (call->basicAuth) {
            const QByteArray pair = (q->m_config.login + QLatin1Char(':') + q->m_config.password).toUtf8();
            request.setRawHeader("Authorization", "Basic " + pair.toBase64());
        } else {
            request.setRawHeader("Authorization", "Bearer " + q->m_config.token.toUtf8());
        }
        // The OpenAPI specification allows only this value (ContentTypeJson), and only where a request has a body
        // (DELETE /entity/webhook/{id} lists none); JSON is UTF-8 by definition.
        if (!call->body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (call->write && !q->m_config.disableHooksPrefix.isEmpty())
            request.setRawHeader("X-Lognex-WebHook-DisableByPrefix", q->m_config.disableHooksPrefix.toUtf8());
        // An inactivity timeout, not a deadline: longer than MoySklad's own limit (see ClientConfig).
        request.setTransferTimeout(q->m_config.timeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);

        QElapsedTimer elapsed;
        elapsed.start();
        QNetworkReply *reply = call->body.isEmpty() && !call->write
                                   ? network.sendCustomRequest(request, call->verb)
                                   : network.sendCustomRequest(request, call->verb, call->body);
        qCDebug(lcMoySklad) << call->verb << call->url.path() << "attempt" << call->attempt;
        // The manager, not the client, is the context: it drops this connection before it deletes its replies,
        // so a reply torn down with the client never calls into the half-destroyed Private.
        QObject::connect(reply, &QNetworkReply::finished, &network, [this, reply, call, elapsed] {
            reply->deleteLater();
            releaseSlot(call, reply);
            onReply(call, reply, elapsed.elapsed());
            pump();
        });
        // A slow answer is waited for, never resent: resending would take a second slot while MoySklad still serves
        // the first, and throw its answer away.
        if (q->m_config.slowAnswerMs > 0 && q->m_config.slowAnswerMs < q->m_config.timeoutMs) {
            QTimer::singleShot(q->m_config.slowAnswerMs, reply, [this, call, reply] {
                if (reply->isFinished())
                    return;
                qCInfo(lcMoySklad) << call->verb << call->url.path() << "still unanswered after"
                                   << q->m_config.slowAnswerMs << "ms; waiting for it";
                count(&ClientCounters::slowAnswers);
            });
        }
    }

    static bool timedOut(QNetworkReply *reply)
    {
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 0 &&
               (reply->error() == QNetworkReply::OperationCanceledError ||
                reply->error() == QNetworkReply::TimeoutError);
    }

    // The server holds a request's parallel slot until it has answered it, even when we hung up: after a timeout
    // ours stays taken until the server has surely given up too.
    void releaseSlot(const std::shared_ptr<PendingCall> &call, QNetworkReply *reply)
    {
        const qint64 holdMs = call->sentAtMs + q->m_config.serverMaxAnswerMs - clock.monotonicMs();
        // The account-wide slot (SharedRequestGate) follows the same rule as the local ticket.
        if (!timedOut(reply) || holdMs <= 0) {
            limiter.finished(call->ticket);
            releaseShared(call->sharedSlot);
            return;
        }
        QTimer::singleShot(int(std::min<qint64>(holdMs, 60 * 60 * 1000)), &network,
                           [this, ticket = call->ticket, slot = call->sharedSlot] {
                               limiter.finished(ticket);
                               releaseShared(slot);
                               pump();
                           });
    }

    void count(qint64 ClientCounters::*counter)
    {
        ++(counters.*counter);
        Q_EMIT q->countersChanged();
    }

    void onReply(const std::shared_ptr<PendingCall> &call, QNetworkReply *reply, qint64 elapsedMs)
    {
        const qint64 now = clock.monotonicMs();
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.networkError = reply->error();
        answer.networkErrorText = reply->errorString();
        answer.timedOut = timedOut(reply);
        // An aborted reply (the transfer timeout) is closed; reading it would only warn.
        QByteArray raw = reply->isOpen() ? reply->readAll() : QByteArray();
        if (reply->rawHeader("Content-Encoding").trimmed().toLower() == "gzip" && !raw.isEmpty()) {
            const auto inflated = Gzip::decompress(raw);
            if (!inflated) {
                answer.status = 0;
                answer.networkErrorText = QStringLiteral("the answer's gzip body could not be decoded");
            } else {
                raw = *inflated;
            }
        }
        answer.body = raw;

        const auto header = [reply](const char *name) {
            bool ok = false;
            const qint64 value = reply->rawHeader(name).trimmed().toLongLong(&ok);
            return ok && value >= 0 ? value : -1;
        };
        ++counters.answers; // the ordinary case: read by the per-minute sample, no signal
        RateLimiter::ServerLimits limits;
        limits.limit = int(std::min<qint64>(header("X-RateLimit-Limit"), 1 << 20));
        limits.remaining = int(std::min<qint64>(header("X-RateLimit-Remaining"), 1 << 20));
        limits.intervalMs = header("X-Lognex-Retry-TimeInterval");
        qint64 retryAfterMs = 0;
        if (answer.status == 429) {
            retryAfterMs = header("X-Lognex-Retry-After");
            if (retryAfterMs <= 0)
                retryAfterMs = q->m_config.limits.windowMs;
            limits.retryAfterMs = retryAfterMs;
        }
        limiter.observe(limits, call->ticket, call->sentAtMs, now);
        if (answer.status == 429) {
            const QList<ApiErrorItem> items = ApiError::itemsFromBody(answer.body);
            count(&ClientCounters::rateLimited);
            Q_EMIT q->rateLimited(int(retryAfterMs), items.isEmpty() ? 0 : items.constFirst().code);
        }
        if (answer.timedOut)
            count(&ClientCounters::timeouts);
        QUrl shownUrl = call->url;
        Q_EMIT q->exchangeFinished(QString::fromLatin1(call->verb), shownUrl, answer.status, call->attempt, elapsedMs);

        const bool success = answer.status >= 200 && answer.status < 300;
        if (!success && call->attempt < q->m_config.maxAttempts && errorFromAnswer(answer).isRetryable()) {
            // A 429 says exactly when to come back, and the limiter holds every call until then: a backoff on top
            // would let the background pages that became ready meanwhile overtake this call.
            call->notBeforeMs = now + (answer.status == 429 ? retryAfterMs : backoffMs(call->attempt));
            if (answer.timedOut) // never beside the original, which the server may still be serving
                call->notBeforeMs = std::max(call->notBeforeMs, call->sentAtMs + q->m_config.serverMaxAnswerMs);
            if (answer.status >= 500 || (answer.status == 0 && !answer.timedOut))
                count(&ClientCounters::serverErrorsRetried);
            qCInfo(lcMoySklad) << "retrying" << call->verb << call->url.path() << "status" << answer.status << "in"
                               << call->notBeforeMs - now << "ms";
            queue.push_front(call);
            return;
        }
        if (!call->contextGone())
            call->finish(answer);
    }

    // Exponential backoff with full jitter in [base*2^(n-1)/2, base*2^(n-1)], capped.
    qint64 backoffMs(int attempt) const
    {
        const qint64 exp = qint64(q->m_config.backoffBaseMs) << std::min(attempt - 1, 20);
        const qint64 cap = std::min<qint64>(exp, q->m_config.backoffMaxMs);
        return cap / 2 + qint64(QRandomGenerator::global()->bounded(double(cap / 2 + 1)));
    }
};

namespace {

// Turns an answer into the caller's Result with a decoder for the success body.
template<typename T, typename Decode>
std::function<void(const HttpAnswer &)> decoding(MoySkladClient::Callback<T> done, Decode decode)
{
    return [done = std::move(done), decode = std::move(decode)](const HttpAnswer &answer) {
        if (answer.failure || answer.status < 200 || answer.status >= 300) {
            ApiError error = errorFromAnswer(answer);
            if (answer.status == 0 && !answer.timedOut && error.detail.isEmpty())
                error.detail = answer.networkErrorText;
            done(error);
            return;
        }
        done(decode(answer.body));
    };
}

Result<QJsonObject, ApiError> parseObject(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return badResponse(QStringLiteral("expected a JSON object: %1").arg(parseError.errorString()));
    return document.object();
}

// A list answer: its rows and meta.size, the number of rows the whole list has.
Result<MoySkladClient::ListPage, ApiError> parsePage(const QByteArray &body)
{
    const auto object = parseObject(body);
    if (!object.ok())
        return object.error();
    MoySkladClient::ListPage page;
    const QJsonArray rows = object.value().value(QLatin1String("rows")).toArray();
    for (const QJsonValue &row : rows)
        page.rows.append(row.toObject());
    page.size =
        object.value().value(QLatin1String("meta")).toObject().value(QLatin1String("size")).toInt(int(rows.size()));
    return page;
}

Result<QJsonArray, ApiError> parseArray(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isArray())
        return badResponse(QStringLiteral("expected a JSON array: %1").arg(parseError.errorString()));
    return document.array();
}

QByteArray toBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray toBody(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace

MoySkladClient::MoySkladClient(ClientConfig config, QObject *parent, const Clock &clock)
    : QObject(parent)
    , m_config(std::move(config))
    , d(std::make_unique<Private>(this, clock))
{}

MoySkladClient::~MoySkladClient() = default;

int MoySkladClient::budgetRemaining() const
{
    return int(std::floor(d->limiter.available(d->clock.monotonicMs())));
}

const ClientCounters &MoySkladClient::counters() const
{
    return d->counters;
}

const RateLimiter &MoySkladClient::limiter() const
{
    return d->limiter;
}

void MoySkladClient::setToken(const QString &token)
{
    m_config.token = token;
}

void MoySkladClient::obtainToken(QObject *context, Callback<QString> done)
{
    if (m_config.login.isEmpty() || m_config.password.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::InvalidInput;
        error.detail = QStringLiteral("a login and a password are needed to obtain a token");
        done(error);
        return;
    }
    d->submit("POST", d->endpoint(QStringLiteral("/security/token")), QByteArray(), context,
              decoding<QString>(
                  [this, done = std::move(done)](Result<QString, ApiError> result) {
                      if (result.ok())
                          m_config.token = result.value();
                      done(std::move(result));
                  },
                  [](const QByteArray &body) -> Result<QString, ApiError> {
                      const auto object = parseObject(body);
                      if (!object.ok())
                          return object.error();
                      const QString token = object.value().value(QLatin1String("access_token")).toString();
                      if (token.isEmpty())
                          return badResponse(QStringLiteral("the token answer has no access_token"));
                      return token;
                  }),
              true);
}

void MoySkladClient::checkAccess(QObject *context, Callback<AccessReport> done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    d->submit("GET", d->endpoint(QStringLiteral("/context/employee")), QByteArray(), context,
              decoding<QJsonObject>(
                  [this, guard, hasContext, done = std::move(done)](Result<QJsonObject, ApiError> employee) mutable {
                      if (!employee.ok()) {
                          done(employee.error());
                          return;
                      }
                      AccessReport report;
                      report.login = employee.value().value(QLatin1String("uid")).toString();
                      QUrlQuery query;
                      query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
                      d->submit("GET", d->endpoint(QStringLiteral("/entity/webhook"), query), QByteArray(),
                                hasContext ? guard.data() : nullptr,
                                [report, done = std::move(done)](const HttpAnswer &answer) mutable {
                                    if (answer.status >= 200 && answer.status < 300) {
                                        report.canManageWebhooks = true;
                                        done(report);
                                        return;
                                    }
                                    const ApiError error = errorFromAnswer(answer);
                                    if (error.kind == ApiError::Kind::Forbidden) {
                                        report.canManageWebhooks = false;
                                        report.reason = error.toString();
                                        done(report);
                                        return;
                                    }
                                    done(error);
                                });
                  },
                  parseObject));
}

void MoySkladClient::listWebhooks(QObject *context, Callback<QList<Webhook>> done)
{
    // Pages are fetched one after the other; the list is complete when meta.size rows have come.
    auto collected = std::make_shared<QList<Webhook>>();
    auto fetchPage = std::make_shared<std::function<void(int)>>();
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    // The lambda holds itself weakly; the request in flight holds it strongly, so a dropped call frees it.
    *fetchPage = [this, collected, weakSelf = std::weak_ptr(fetchPage), guard, hasContext,
                  done = std::move(done)](int offset) {
        const auto fetchPage = weakSelf.lock();
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QString::number(webhookPageSize));
        query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
        d->submit("GET", d->endpoint(QStringLiteral("/entity/webhook"), query), QByteArray(),
                  hasContext ? guard.data() : nullptr,
                  decoding<ListPage>(
                      [collected, fetchPage, offset, done](Result<ListPage, ApiError> page) {
                          if (!page.ok()) {
                              done(page.error());
                              return;
                          }
                          for (const QJsonObject &row : page.value().rows)
                              collected->append(WebhookJson::fromJson(row));
                          const int next = offset + int(page.value().rows.size());
                          if (!page.value().rows.isEmpty() && next < page.value().size) {
                              (*fetchPage)(next);
                              return;
                          }
                          done(*collected);
                      },
                      parsePage));
    };
    (*fetchPage)(0);
}

void MoySkladClient::createWebhook(const Webhook &hook, QObject *context, Callback<Webhook> done)
{
    Webhook body = hook;
    body.href.clear();
    d->submit("POST", d->endpoint(QStringLiteral("/entity/webhook")), toBody(WebhookJson::toJson(body)), context,
              decoding<Webhook>(std::move(done), [](const QByteArray &answer) -> Result<Webhook, ApiError> {
                  const auto object = parseObject(answer);
                  if (!object.ok())
                      return object.error();
                  return WebhookJson::fromJson(object.value());
              }));
}

void MoySkladClient::postInChunks(const QString &path, const QJsonArray &items, QObject *context,
                                  Callback<QJsonArray> done)
{
    auto answers = std::make_shared<QJsonArray>();
    auto sendChunk = std::make_shared<std::function<void(qsizetype)>>();
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    // The lambda holds itself weakly; the request in flight holds it strongly, so a dropped call frees it.
    *sendChunk = [this, path, items, answers, weakSelf = std::weak_ptr(sendChunk), guard, hasContext,
                  done = std::move(done)](qsizetype from) {
        const auto sendChunk = weakSelf.lock();
        QJsonArray chunk;
        for (qsizetype i = from; i < std::min<qsizetype>(items.size(), from + maxArrayItems); ++i)
            chunk.append(items.at(i));
        const qsizetype next = from + chunk.size();
        d->submit(
            "POST", d->endpoint(path), toBody(chunk), hasContext ? guard.data() : nullptr,
            decoding<QJsonArray>(
                [items, answers, sendChunk, next, sent = chunk.size(), done](Result<QJsonArray, ApiError> result) {
                    if (!result.ok()) {
                        done(result.error());
                        return;
                    }
                    const QJsonArray &elements = result.value();
                    for (qsizetype i = 0; i < sent; ++i)
                        answers->append(i < elements.size() ? elements.at(i) : QJsonValue());
                    if (next < items.size()) {
                        (*sendChunk)(next);
                        return;
                    }
                    done(*answers);
                },
                parseArray));
    };
    (*sendChunk)(0);
}

namespace {

// The outcome of one item of an array request, from its element of the answer: MoySklad's errors for that item, or
// `decode` of the element.
template<typename T, typename Decode>
Result<T, ApiError> itemResult(const QJsonValue &element, Decode decode)
{
    const QJsonObject object = element.toObject();
    if (object.contains(QLatin1String("errors"))) {
        ApiError error;
        error.kind = ApiError::Kind::ItemRefused;
        error.httpStatus = 200;
        error.items = ApiError::itemsFromObject(object);
        return error;
    }
    if (object.isEmpty())
        return badResponse(QStringLiteral("the answer has no element for this item"));
    return decode(object);
}

// Every item's outcome from the answers of an array request (postInChunks), or the error of a request that failed as
// a whole.
template<typename T, typename Decode>
Result<MoySkladClient::ItemResults<T>, ApiError> itemResults(const Result<QJsonArray, ApiError> &answers, Decode decode)
{
    if (!answers.ok())
        return answers.error();
    MoySkladClient::ItemResults<T> results;
    for (const QJsonValue &element : answers.value())
        results.append(itemResult<T>(element, decode));
    return results;
}

} // namespace

void MoySkladClient::saveWebhooks(const QList<Webhook> &hooks, QObject *context, Callback<ItemResults<Webhook>> done)
{
    if (hooks.isEmpty()) {
        done(ItemResults<Webhook>());
        return;
    }
    QJsonArray array;
    for (const Webhook &hook : hooks)
        array.append(WebhookJson::toJson(hook));
    postInChunks(QStringLiteral("/entity/webhook"), array, context,
                 [done = std::move(done)](Result<QJsonArray, ApiError> answers) {
                     done(itemResults<Webhook>(answers, [](const QJsonObject &object) -> Result<Webhook, ApiError> {
                         Webhook saved = WebhookJson::fromJson(object);
                         if (saved.id.isEmpty())
                             return badResponse(QStringLiteral("the saved webhook has no id"));
                         return saved;
                     }));
                 });
}

void MoySkladClient::updateWebhook(const Webhook &hook, QObject *context, Callback<Webhook> done)
{
    QJsonObject body = WebhookJson::toJson(hook);
    body.remove(QStringLiteral("meta"));
    d->submit("PUT", d->endpoint(QStringLiteral("/entity/webhook/") + hook.id), toBody(body), context,
              decoding<Webhook>(std::move(done), [](const QByteArray &answer) -> Result<Webhook, ApiError> {
                  const auto object = parseObject(answer);
                  if (!object.ok())
                      return object.error();
                  return WebhookJson::fromJson(object.value());
              }));
}

void MoySkladClient::setWebhookEnabled(const QString &id, bool enabled, QObject *context, Callback<Webhook> done)
{
    const QJsonObject body{{QStringLiteral("enabled"), enabled}};
    d->submit("PUT", d->endpoint(QStringLiteral("/entity/webhook/") + id), toBody(body), context,
              decoding<Webhook>(std::move(done), [](const QByteArray &answer) -> Result<Webhook, ApiError> {
                  const auto object = parseObject(answer);
                  if (!object.ok())
                      return object.error();
                  return WebhookJson::fromJson(object.value());
              }));
}

void MoySkladClient::deleteWebhook(const QString &id, QObject *context, Callback<::Done> done)
{
    d->submit("DELETE", d->endpoint(QStringLiteral("/entity/webhook/") + id), QByteArray(), context,
              decoding<::Done>(std::move(done), [](const QByteArray &) { return Result<::Done, ApiError>(::Done{}); }));
}

void MoySkladClient::deleteWebhooks(const QStringList &ids, QObject *context, Callback<ItemResults<::Done>> done)
{
    if (ids.isEmpty()) {
        done(ItemResults<::Done>());
        return;
    }
    QJsonArray array;
    for (const QString &id : ids)
        array.append(
            QJsonObject{{QStringLiteral("meta"), WebhookJson::meta(d->endpoint(QStringLiteral("/entity/webhook/") + id),
                                                                   QStringLiteral("webhook"))}});
    // Each element is {"info": "… успешно удалена"} or the item's errors.
    postInChunks(
        QStringLiteral("/entity/webhook/delete"), array, context,
        [done = std::move(done)](Result<QJsonArray, ApiError> answers) {
            done(itemResults<::Done>(answers, [](const QJsonObject &) { return Result<::Done, ApiError>(::Done{}); }));
        });
}

void MoySkladClient::getDocument(const QUrl &href, const QStringList &expand, QObject *context,
                                 Callback<QJsonObject> done)
{
    QUrl url = d->rebase(href);
    if (!expand.isEmpty()) {
        QUrlQuery query(url);
        query.addQueryItem(QStringLiteral("expand"), expand.join(QLatin1Char(',')));
        url.setQuery(query);
    }
    d->submit("GET", url, QByteArray(), context, decoding<QJsonObject>(std::move(done), parseObject));
}

void MoySkladClient::getDocumentsByIds(const QString &entityType, const QStringList &ids, const QStringList &expand,
                                       Lane lane, QObject *context, Callback<QList<QJsonObject>> done)
{
    if (ids.size() > maxIdsPerRequest || ids.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::InvalidInput;
        error.detail =
            QStringLiteral("between 1 and %1 ids per request, %2 given").arg(maxIdsPerRequest).arg(ids.size());
        done(error);
        return;
    }
    QStringList conditions;
    for (const QString &id : ids)
        conditions += QStringLiteral("id=") + id;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"), conditions.join(QLatin1Char(';')));
    if (!expand.isEmpty())
        query.addQueryItem(QStringLiteral("expand"), expand.join(QLatin1Char(',')));
    query.addQueryItem(QStringLiteral("limit"), QString::number(expandPageSize));
    d->submit("GET", d->endpoint(QStringLiteral("/entity/") + entityType, query), QByteArray(), context,
              decoding<QList<QJsonObject>>(std::move(done),
                                           [](const QByteArray &body) -> Result<QList<QJsonObject>, ApiError> {
                                               const auto page = parsePage(body);
                                               if (!page.ok())
                                                   return page.error();
                                               return page.value().rows;
                                           }),
              false, lane == Lane::Queued);
}

void MoySkladClient::getListPage(const QString &path, const QUrlQuery &query, QObject *context, Callback<ListPage> done)
{
    d->submit("GET", d->endpoint(path, query), QByteArray(), context, decoding<ListPage>(std::move(done), parsePage),
              false, true);
}
