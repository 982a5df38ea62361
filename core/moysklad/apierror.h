// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QJsonObject;

// One error of MoySklad's error body: {"errors":[{"error":…, "code":…, "parameter":…, "moreInfo":…}]}.
struct ApiErrorItem final
{
    QString message; // MoySklad's own text (Russian), shown as it is
    int code = 0;
    QString parameter;
    QString moreInfo;
};

// Why an API call failed, typed so that callers decide without parsing text.
struct ApiError final
{
    enum class Kind {
        Network,      // connection refused, DNS, TLS, reset
        Timeout,      // no answer in time
        RateLimited,  // 429 still after the retries
        Unauthorized, // 401: token or login/password wrong
        Forbidden,    // 403: no permission (e.g. 30004 not an administrator)
        NotFound,     // 404: the document or hook is gone (1021)
        Http,         // any other 4xx/5xx
        BadResponse,  // the answer could not be decoded or is not the expected shape
        InvalidInput, // refused before any request (our own validation)
        ItemRefused,  // one item of an array request refused, in an answer 200 that may have done the others
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QList<ApiErrorItem> items; // MoySklad's errors, in order
    QString detail;            // our text when MoySklad gave none (network error string, decode failure…)

    // The first MoySklad error code, or 0.
    int code() const { return items.isEmpty() ? 0 : items.constFirst().code; }
    bool hasCode(int code) const;
    // Worth retrying: network errors, timeouts, 429 and 5xx. Other 4xx are final.
    bool isRetryable() const;
    // One line for people: MoySklad's message and code where there is one, e.g.
    // "HTTP 412: Значение поля 'url' не прошло валидацию (код 30005)". Secrets masked.
    QString toString() const;

    // MoySklad's error items from an error body: {"errors":[…]} or, for an array POST, [{"errors":[…]}, …] (every
    // element's, in order). Any other body (HTML from a proxy, truncated JSON) gives none.
    static QList<ApiErrorItem> itemsFromBody(const QByteArray &body);
    // The error items of one object {"errors":[…]}.
    static QList<ApiErrorItem> itemsFromObject(const QJsonObject &object);
};
