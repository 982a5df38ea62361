// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "moysklad/apierror.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>

class QObject;

// Where the worker gets MoySklad's current documents from: MoySkladClient, or an in-process fake in tests.
class DocumentSource
{
public:
    using DocumentsCallback = std::function<void(Result<QList<QJsonObject>, ApiError>)>;
    // Whose fetch it is. A delivery processed at once goes before the queued backlog's fetches (and the catch-up's
    // pages), so that a 10,000-task backlog delays it by one request slot at most.
    enum class Lane { Immediate, Queued };

    virtual ~DocumentSource() = default;

    // Up to 100 documents of one type by id, expanded as asked. Ids not returned are absent from the list (deleted
    // documents). `done` runs once on the caller's thread (at once when the request is refused before it leaves),
    // unless `context` is destroyed first.
    virtual void getDocumentsByIds(const QString &entityType, const QStringList &ids, const QStringList &expand,
                                   Lane lane, QObject *context, DocumentsCallback done) = 0;
};
