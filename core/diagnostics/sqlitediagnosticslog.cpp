// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitediagnosticslog.h"

#include "common/logcategories.h"
#include "common/secretmasker.h"
#include "store/storewriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>

SqliteDiagnosticsLog::SqliteDiagnosticsLog(StoreWriter *writer, const Clock &clock, QObject *parent)
    : DiagnosticsLog(parent)
    , m_writer(writer)
    , m_clock(clock)
{}

void SqliteDiagnosticsLog::write(LogEntry entry)
{
    const SecretMasker &masker = SecretMasker::instance();
    entry.message = masker.mask(entry.message);
    entry.details = masker.mask(entry.details);
    for (QString &arg : entry.args)
        arg = masker.mask(arg);
    if (!entry.at.isValid())
        entry.at = m_clock.utcNow();
    const QString line = QStringLiteral("[%1] %2").arg(entry.category, entry.message);
    switch (entry.level) {
    case LogLevel::Error:
    case LogLevel::Warning:
        qCInfo(lcService).noquote() << logLevelName(entry.level) << line;
        break;
    default:
        qCDebug(lcService).noquote() << line;
        break;
    }
    auto stored = std::make_shared<LogEntry>(entry);
    QPointer<SqliteDiagnosticsLog> self(this);
    m_writer->submit(
        [stored](QSqlDatabase &db) -> Result<Done, QString> {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("INSERT INTO log (at, level, category, hook, request_id, document_id, message, "
                               "details, message_id, args) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
            query.addBindValue(stored->at.toString(Qt::ISODateWithMs));
            query.addBindValue(int(stored->level));
            query.addBindValue(stored->category);
            query.addBindValue(stored->hook);
            query.addBindValue(stored->requestId);
            query.addBindValue(stored->documentId);
            query.addBindValue(stored->message);
            query.addBindValue(stored->details);
            query.addBindValue(stored->messageId.isEmpty() ? QVariant() : QVariant(stored->messageId));
            query.addBindValue(
                stored->messageId.isEmpty()
                    ? QVariant()
                    : QVariant(QString::fromUtf8(
                          QJsonDocument(QJsonArray::fromStringList(stored->args)).toJson(QJsonDocument::Compact))));
            if (!query.exec() || !query.next())
                return query.lastError().text();
            stored->id = query.value(0).toLongLong();
            return Done{};
        },
        [self, stored](Result<Done, QString> result) {
            if (!result.ok() || !self)
                return;
            QMetaObject::invokeMethod(self.data(), [self, stored] {
                if (self)
                    Q_EMIT self->entryWritten(*stored);
            });
        });
}

void SqliteDiagnosticsLog::prune(int days)
{
    m_writer->deleteInChunks(QStringLiteral("DELETE FROM log WHERE id IN (SELECT id FROM log WHERE at < ? LIMIT %1)"),
                             {Clock::isoText(m_clock.utcNow().addDays(-days))});
}
