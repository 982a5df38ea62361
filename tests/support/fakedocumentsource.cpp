// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakedocumentsource.h"

#include <QPointer>
#include <QTimer>

FakeDocumentSource::FakeDocumentSource(QObject *parent)
    : QObject(parent)
{}

void FakeDocumentSource::seed(const QString &entityType, const QJsonObject &document)
{
    m_documents[entityType].insert(document.value(QLatin1String("id")).toString(), document);
}

void FakeDocumentSource::remove(const QString &entityType, const QString &id)
{
    m_documents[entityType].remove(id);
}

void FakeDocumentSource::failWith(const ApiError &error)
{
    m_failure = error;
}

void FakeDocumentSource::clearFailure()
{
    m_failure.reset();
}

void FakeDocumentSource::hold()
{
    m_holding = true;
}

void FakeDocumentSource::release()
{
    m_holding = false;
    const QList<std::function<void()>> held = std::exchange(m_held, {});
    for (const auto &reply : held)
        QTimer::singleShot(0, this, reply);
}

void FakeDocumentSource::getDocumentsByIds(const QString &entityType, const QStringList &ids, const QStringList &expand,
                                           Lane /*lane*/, QObject *context, DocumentsCallback done)
{
    m_calls.append({entityType, ids, expand});
    // The answer is what MoySklad has when the call is made.
    Result<QList<QJsonObject>, ApiError> result = QList<QJsonObject>();
    if (m_failure) {
        result = *m_failure;
    } else {
        QList<QJsonObject> found;
        const QMap<QString, QJsonObject> documents = m_documents.value(entityType);
        for (const QString &id : ids) {
            if (documents.contains(id))
                found.append(documents.value(id));
        }
        result = found;
    }
    answer(context, [done = std::move(done), result] { done(result); });
}

void FakeDocumentSource::answer(QObject *context, std::function<void()> reply)
{
    QPointer<QObject> guard(context);
    auto guarded = [guard, hasContext = context != nullptr, reply = std::move(reply)] {
        if (hasContext && !guard)
            return;
        reply();
    };
    if (m_holding)
        m_held.append(guarded);
    else
        QTimer::singleShot(0, this, guarded);
}
