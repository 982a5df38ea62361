// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliverysender.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

void DeliverySender::setTarget(const QUrl &receiverBase, const QString &key)
{
    m_receiver = receiverBase;
    m_key = key;
}

QNetworkReply *DeliverySender::post(const QString &entity, const QString &action, const QString &requestId,
                                    const QStringList &ids)
{
    QUrl url(m_receiver.toString() + QStringLiteral("moysklad/%1/%2").arg(entity, action.toLower()));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("key"), m_key);
    query.addQueryItem(QStringLiteral("requestId"), requestId);
    url.setQuery(query);
    QJsonArray events;
    for (const QString &id : ids)
        events.append(QJsonObject{
            {QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("type"), entity},
                         {QStringLiteral("href"),
                          QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/%1/%2").arg(entity, id)}}},
            {QStringLiteral("action"), action},
            {QStringLiteral("accountId"), QStringLiteral("1f2e3d4c-0000-4000-8000-00000000acc0")}});
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("MoySklad webhook touch agent 2.0"));
    return m_network.post(request, QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson());
}

int DeliverySender::send(const QString &entity, const QString &action, const QString &requestId, const QStringList &ids,
                         int timeoutMs)
{
    QNetworkReply *reply = post(entity, action, requestId, ids);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs))
        reply->abort();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

QString DeliverySender::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
