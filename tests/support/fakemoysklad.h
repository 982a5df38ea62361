// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "moysklad/webhook.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

// A fake MoySklad JSON API 1.2 on a real loopback socket, written from the documentation
// (md/dictionaries/_webhook.md, _general.md, _restrictions.md, _errors.md). It runs libmicrohttpd with a thread
// per connection, so it answers while the test's Qt event loop runs; every public method is thread-safe.
//
// What it enforces, as MoySklad does:
// - Accept-Encoding must include gzip, else 415 with an empty body; answers are gzip-encoded.
// - Accept, when sent, must be application/json;charset=utf-8 (400, code 1062).
// - A request with a body must say Content-Type: application/json, exactly as the specification allows (415 with an
//   error body, code 1062).
// - Authorization: Bearer <token> or Basic login:password (401, code 1056). POST /security/token (Basic) returns
//   {"access_token"} and revokes the earlier tokens.
// - A weighted token bucket per user (429, code 1049) and at most maxParallel requests in flight (429, code 1073),
//   with X-RateLimit-Limit and X-RateLimit-Remaining (in requests of requestWeight units, not in units),
//   X-Lognex-Retry-TimeInterval, X-Lognex-Reset and X-Lognex-Retry-After (ms). A request stays in flight until the
//   fake has answered it, even when the client hung up earlier: MoySklad keeps serving it and keeps its slot taken.
//   Another integration of the same user can spend the same bucket (setNeighbourUnitsPerSecond).
// - /entity/webhook: GET (paged: limit, offset, meta.size, meta.nextHref), POST one or an array (items with meta are
//   updates), PUT /{id}, DELETE /{id}, POST /entity/webhook/delete; validations 30000 (entity type), 30002 (action),
//   30003 (duplicate entityType+action+url), 30005 (url), 30007 (over 5 per entityType+action), 30009 (diffType
//   outside UPDATE), 30010 (url over 255 characters).
// - /entity/{customerorder|paymentin|cashin|demand}: GET /{id} (404 code 1021 when missing) and the list
// (md/_general.md):
//   filter on id, updated and moment with = != > < >= <= (conditions on different fields AND-ed, repeated `=` on one
//   field OR-ed; times are Moscow time, yyyy-MM-dd HH:mm:ss[.SSS], compared as instants), order=field,asc|desc;…,
//   limit (≤ 1000) and offset with meta.size and meta.nextHref, expand (nested state/agent/customerOrder reduced to
//   their meta unless expanded; expand dropped above limit=100); /metadata with the `states` the documents carry.
// - /audit (md/audit): the contexts, newest first, filtered on moment (>=, <=), eventType, entityType, source, uid;
//   /audit/{id}/events with each event's entity.meta. A context is recorded for every removeDocument().
// - /context/employee: the user behind the credentials.
class FakeMoySklad final
{
public:
    struct Options
    {
        int rateUnits = 45;      // bucket size
        int rateWindowMs = 3000; // refill time of the whole bucket
        int requestWeight = 4;   // units the fake charges per request, whatever weight the client assumes
        int maxParallel = 5;     // requests in flight per user
        int maxPageSize = 1000;  // largest `limit` honoured for webhook lists
    };

    struct Request
    {
        QString method;
        QString path; // e.g. /api/remap/1.2/entity/webhook
        QUrlQuery query;
        QMap<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;                      // as received (requests are not compressed)
        int status = 0;
        int errorCode = 0; // MoySklad error code of the answer, 0 when none
        qint64 atMs = 0;   // since the server started
    };

    FakeMoySklad();
    explicit FakeMoySklad(Options options);
    ~FakeMoySklad();
    FakeMoySklad(const FakeMoySklad &) = delete;
    FakeMoySklad &operator=(const FakeMoySklad &) = delete;

    // Listens on 127.0.0.1 on a port the OS chooses. False (with a qWarning) when it cannot.
    bool start();
    QUrl baseUrl() const; // http://127.0.0.1:<port>/api/remap/1.2

    // Credentials. A default valid token exists from the start.
    QString token() const;
    void setLogin(const QString &login, const QString &password);
    // What a login + password exchange elsewhere does (another program, or a person): every earlier token is revoked.
    // Returns the new one.
    QString revokeTokens();

    // Webhooks. seedHook assigns id, href and accountId and stores the hook as is (no validation).
    Webhook seedHook(Webhook hook);
    QList<Webhook> hooks() const;
    // What happens in the account behind the application's back: MoySklad disables a hook whose deliveries keep
    // failing (enabled=false, as a listing then shows it), and a person may disable or delete one in the web UI.
    // False when no hook has that id.
    bool setHookEnabled(const QString &id, bool enabled);
    bool removeHook(const QString &id);

    // Documents of one type. `document` must carry "id"; meta is filled in, and `updated` (now) when it has none.
    // Nested objects (state, agent, customerOrder) are given whole, with their meta; the fake reduces them when not
    // expanded.
    void seedDocument(const QString &type, QJsonObject document);
    // A change made in MoySklad: the fields are replaced and `updated` becomes now. False when there is no such
    // document.
    bool editDocument(const QString &type, const QString &id, const QJsonObject &changes);
    // A deletion made in MoySklad: the document is gone and the audit feed has a `delete` context for it.
    void removeDocument(const QString &type, const QString &id);
    // Now in MoySklad's form: Moscow time, yyyy-MM-dd HH:mm:ss.SSS.
    static QString moscowNow();
    int documentCount(const QString &type) const;
    QJsonObject document(const QString &type, const QString &id) const; // as stored: empty when there is none

    // Failure injection: the next `times` requests (-1: all) whose method matches (empty: any) and whose path
    // contains `pathContains` answer `status` with MoySklad's error body {code, message}. status 0 drops the
    // connection without an answer.
    void failNext(const QString &method, const QString &pathContains, int status, int code = 0,
                  const QString &message = {}, int times = 1);
    void clearFailures();
    // Another client of the same user spends this many units per second of the shared bucket from now on (when
    // there are any left), so that the client sees its Remaining drop faster than its own requests explain.
    void setNeighbourUnitsPerSecond(double units);
    // Every answer waits this long first (keeps requests in flight, for the parallel limit).
    void setResponseDelayMs(int ms);

    // The request log.
    QList<Request> requests() const;
    void clearRequests();
    // Requests whose method matches (empty: any) and whose path contains `pathContains`.
    int countRequests(const QString &method, const QString &pathContains) const;
    int maxInFlight() const;      // the most requests ever in flight at once
    int rateLimitedCount() const; // answers 429
    // Requests received so far, answered or not (status 0): the log above records a request once it is answered, this
    // one as it arrives (a request still waiting for its delayed answer, or one whose client was killed meanwhile).
    QList<Request> received() const;

    class Impl;

private:
    std::unique_ptr<Impl> d;
};
