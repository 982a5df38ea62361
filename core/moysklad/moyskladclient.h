// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "moysklad/apierror.h"
#include "moysklad/documentsource.h"
#include "moysklad/ratelimiter.h"
#include "moysklad/sharedrequestgate.h"
#include "moysklad/webhook.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QNetworkAccessManager;

struct ClientConfig final
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.moysklad.ru/api/remap/1.2"));
    QString token; // Bearer token; when empty, login + password are exchanged for one
    QString login;
    QString password;
    RateLimiter::Config limits; // defaults: a user token, 45 units / 3 s, weight 4, 5 in flight
    int maxAttempts = 5;        // first try included
    // MoySklad may take up to 300 s to answer a heavy request and keeps serving it (and its parallel slot) when the
    // client hangs up, so a request is never abandoned early: an answer slower than slowAnswerMs is only counted,
    // and the connection is given up after timeoutMs without a byte, longer than MoySklad's own limit.
    int slowAnswerMs = 30000;
    int timeoutMs = 330000;
    // After giving up on a connection the server may still be serving it: its slot stays taken and the resend waits
    // until this long after the original was sent, so that the two never overlap.
    int serverMaxAnswerMs = 300000;
    int backoffBaseMs = 500; // exponential backoff with jitter: base * 2^attempt, capped
    int backoffMaxMs = 30000;
    // Sent as X-Lognex-WebHook-DisableByPrefix on writes so that our own changes fire no hooks of ours.
    QString disableHooksPrefix;
    // The account's limits shared with the other processes on it (a PostgresRequestGate when they share a store):
    // a request goes only when `limits` here and the gate both allow it. Null: this process's limits alone.
    std::shared_ptr<SharedRequestGate> sharedGate;
};

// Who we are to MoySklad and what we may do: the answer to `skladhook-cli check`.
struct AccessReport final
{
    QString login; // from the token exchange or the employee context, when known
    bool canManageWebhooks = false;
    QString reason; // why not, in MoySklad's words, when canManageWebhooks is false
};

// What went wrong with the API so far, for the diagnostics' per-minute counters.
struct ClientCounters final
{
    qint64 rateLimited = 0;         // answers 429 (1049 rate, 1073 parallel)
    qint64 timeouts = 0;            // connections given up after timeoutMs
    qint64 slowAnswers = 0;         // requests still unanswered after slowAnswerMs (kept waiting, not resent)
    qint64 serverErrorsRetried = 0; // 5xx answers and dropped connections sent again
    qint64 answers = 0;             // answers of any status (the per-minute count of API requests)
};

// The asynchronous MoySklad JSON API 1.2 client: gzip, auth, rate limit, retries.
// Every call finishes exactly once through `done`, on this object's thread, unless `context` (or the
// client) is destroyed first, in which case `done` is never called.
class MoySkladClient final : public QObject, public DocumentSource
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(Result<T, ApiError>)>;

    explicit MoySkladClient(ClientConfig config, QObject *parent = nullptr, const Clock &clock = Clock::system());
    ~MoySkladClient() override;

    const ClientConfig &config() const { return m_config; }
    const ClientCounters &counters() const;
    // The rate limiter's estimate of the requests left in the server's window now (the charts' remaining budget).
    int budgetRemaining() const;
    const RateLimiter &limiter() const; // the learnt limits, for diagnostics and tests
    void setToken(const QString &token);
    // Requests sent from now on go to this base URL (a changed api.url); those in flight finish where they went.
    void setBaseUrl(const QUrl &url) { m_config.baseUrl = url; }

    // POST /security/token with Basic login:password. Revokes the user's earlier tokens (warn the user).
    void obtainToken(QObject *context, Callback<QString> done);
    // Token valid? May this user manage webhooks?
    void checkAccess(QObject *context, Callback<AccessReport> done);

    void listWebhooks(QObject *context, Callback<QList<Webhook>> done); // every page
    void createWebhook(const Webhook &hook, QObject *context, Callback<Webhook> done);
    // One outcome per item sent, in the order sent. MoySklad answers an array request 200 even when it refused some
    // of its items: each element is the item's result or its errors (OpenAPI BatchResponseEntity, deleteRowResult).
    template<typename T>
    using ItemResults = QList<Result<T, ApiError>>;
    // Array POST: items with an id are updates, the others are created. Split into chunks of ≤ 1000, sent one after
    // the other; a request that fails as a whole ends the call with its error.
    void saveWebhooks(const QList<Webhook> &hooks, QObject *context, Callback<ItemResults<Webhook>> done);
    void updateWebhook(const Webhook &hook, QObject *context, Callback<Webhook> done); // PUT url/enabled/…
    void setWebhookEnabled(const QString &id, bool enabled, QObject *context, Callback<Webhook> done);
    void deleteWebhook(const QString &id, QObject *context, Callback<::Done> done);
    // POST /entity/webhook/delete, in chunks as saveWebhooks.
    void deleteWebhooks(const QStringList &ids, QObject *context, Callback<ItemResults<::Done>> done);

    // One page of a list: `rows`, and `size`, the number of rows of the whole list (meta.size).
    struct ListPage
    {
        QList<QJsonObject> rows;
        int size = 0;
    };
    // GET one page of a list under the base URL — "/entity/customerorder", "/audit", "/audit/<id>/events" — with the
    // query as given (filter, order, limit ≤ 1000, or ≤ 100 with expand, offset). The caller pages: it decides
    // between requests (a watermark committed, progress shown). Pages are background work: a call of any other kind
    // that is ready to go is sent first.
    void getListPage(const QString &path, const QUrlQuery &query, QObject *context, Callback<ListPage> done);

    // GET a document by its meta.href (rewritten onto our base URL when it names another host).
    void getDocument(const QUrl &href, const QStringList &expand, QObject *context, Callback<QJsonObject> done);
    // GET /entity/<type>?filter=id=A;id=B…&expand=…&limit=100: up to 100 documents in one request.
    // Ids not returned are absent from the list (deleted documents).
    void getDocumentsByIds(const QString &entityType, const QStringList &ids, const QStringList &expand, Lane lane,
                           QObject *context, Callback<QList<QJsonObject>> done) override;

Q_SIGNALS:
    // For diagnostics: one per HTTP exchange (retries included). url has no secrets; status 0 = no answer.
    void exchangeFinished(const QString &method, const QUrl &url, int httpStatus, int attempt, qint64 elapsedMs);
    void rateLimited(int retryAfterMs, int errorCode);
    // Each time one of counters() that tells of trouble grows (not `answers`); the counters say which.
    void countersChanged();

private:
    // POSTs `items` to `path` in chunks of ≤ 1000, one after the other, and gives back the answers' elements in the
    // order sent: one per item (null where an answer had fewer elements than its chunk).
    void postInChunks(const QString &path, const QJsonArray &items, QObject *context, Callback<QJsonArray> done);

    class Private;
    ClientConfig m_config;
    std::unique_ptr<Private> d;
};
