// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

#include "common/secretmasker.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

bool ApiError::hasCode(int wanted) const
{
    for (const ApiErrorItem &item : items) {
        if (item.code == wanted)
            return true;
    }
    return false;
}

bool ApiError::isRetryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::RateLimited:
        return true;
    case Kind::Http:
        return httpStatus >= 500;
    default:
        return false;
    }
}

// Our words around MoySklad's are in the language of the installed translators (the GUI's, the CLI's locale); the
// error items and `detail` are kept as they came.
QString ApiError::toString() const
{
    QString head;
    switch (kind) {
    case Kind::Network:
        head = QCoreApplication::translate("ApiError", "network error");
        break;
    case Kind::Timeout:
        head = QCoreApplication::translate("ApiError", "no answer from MoySklad in time");
        break;
    case Kind::InvalidInput:
        head = QCoreApplication::translate("ApiError", "invalid input");
        break;
    case Kind::BadResponse:
        head = QCoreApplication::translate("ApiError", "unexpected answer from MoySklad");
        break;
    case Kind::ItemRefused:
        head = QCoreApplication::translate("ApiError", "refused by MoySklad");
        break;
    default:
        head = QStringLiteral("HTTP %1").arg(httpStatus);
        break;
    }
    QStringList parts;
    for (const ApiErrorItem &item : items) {
        QString part = item.message; // MoySklad's own words, as they came
        if (item.code != 0)
            part += QLatin1Char(' ') + QCoreApplication::translate("ApiError", "(code %1)").arg(item.code);
        if (!item.parameter.isEmpty())
            part += QStringLiteral(" [%1]").arg(item.parameter);
        parts += part;
    }
    if (!detail.isEmpty())
        parts += detail;
    const QString text = parts.isEmpty() ? head : head + QStringLiteral(": ") + parts.join(QStringLiteral("; "));
    return SecretMasker::instance().mask(text);
}

QList<ApiErrorItem> ApiError::itemsFromBody(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject())
        return itemsFromObject(document.object());
    QList<ApiErrorItem> items;
    for (const QJsonValue &element : document.array())
        items += itemsFromObject(element.toObject());
    return items;
}

QList<ApiErrorItem> ApiError::itemsFromObject(const QJsonObject &object)
{
    QList<ApiErrorItem> items;
    for (const QJsonValue &value : object.value(QLatin1String("errors")).toArray()) {
        const QJsonObject error = value.toObject();
        items.append({error.value(QLatin1String("error")).toString(), error.value(QLatin1String("code")).toInt(),
                      error.value(QLatin1String("parameter")).toString(),
                      error.value(QLatin1String("moreInfo")).toString()});
    }
    return items;
}
