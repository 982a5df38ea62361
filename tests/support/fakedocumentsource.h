// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "moysklad/documentsource.h"

#include <QMap>
#include <QObject>

#include <functional>
#include <optional>

// MoySklad's documents in memory, for the worker's rules without sockets. Answers as the client does: later, on the
// caller's thread, with the asked-for documents that exist (in the order asked). Records every call.
class FakeDocumentSource final : public QObject, public DocumentSource
{
    Q_OBJECT

public:
    struct Call
    {
        QString entityType;
        QStringList ids;
        QStringList expand;
    };

    explicit FakeDocumentSource(QObject *parent = nullptr);

    void seed(const QString &entityType, const QJsonObject &document); // replaces one with the same "id"
    void remove(const QString &entityType, const QString &id);
    // Every call answers `error` until clearFailure().
    void failWith(const ApiError &error);
    void clearFailure();
    // Calls wait unanswered until release() (what MoySklad looks like while an answer is on its way).
    void hold();
    void release();

    const QList<Call> &calls() const { return m_calls; }
    int pendingAnswers() const { return int(m_held.size()); }

    void getDocumentsByIds(const QString &entityType, const QStringList &ids, const QStringList &expand, Lane lane,
                           QObject *context, DocumentsCallback done) override;

private:
    void answer(QObject *context, std::function<void()> reply);

    QMap<QString, QMap<QString, QJsonObject>> m_documents; // type → id → document
    std::optional<ApiError> m_failure;
    bool m_holding = false;
    QList<std::function<void()>> m_held;
    QList<Call> m_calls;
};
