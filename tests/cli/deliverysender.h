// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkAccessManager>
#include <QString>
#include <QStringList>
#include <QUrl>

class QNetworkReply;

// MoySklad's side of a webhook: POSTs deliveries as MoySklad sends them,
//   <receiver base>moysklad/<entity>/<action>?key=<verification string>&requestId=<uuid>
//   {"events":[{"meta":{"type":…,"href":…/entity/<entity>/<id>},"action":…,"accountId":…}]}
// The hrefs point at MoySklad's own API, as real deliveries do: the receiver takes the id from them, and the worker
// fetches from the configured api.url.
class DeliverySender final
{
public:
    // Where deliveries go: the receiver's base URL (ending in '/') and the verification string.
    void setTarget(const QUrl &receiverBase, const QString &key);
    // Sends one delivery; the reply is the caller's to delete.
    QNetworkReply *post(const QString &entity, const QString &action, const QString &requestId, const QStringList &ids);
    // Sends one delivery and waits at most timeoutMs for the answer: its HTTP status, 0 when none came (connection
    // refused, or no answer in time).
    int send(const QString &entity, const QString &action, const QString &requestId, const QStringList &ids,
             int timeoutMs = 5000);

    static QString newRequestId();

private:
    QUrl m_receiver;
    QString m_key;
    QNetworkAccessManager m_network;
};
