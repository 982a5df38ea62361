// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitediagnosticslog.h"

#include "common/logcategories.h"
#include "common/secretmasker.h"
#include "store/sqldialect.h"
#include "store/storewriter.h"
#include "store/writerstatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>
#include <QPointer>

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
            WriterStatement &insert = StoreWriter::prepared(
                db, QStringLiteral("INSERT INTO log (at, level, category, hook, request_id, document_id, message, "
                                   "details, message_id, args) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
                        SqlDialect::of(db)->returningId());
            insert.add(stored->at.toString(Qt::ISODateWithMs));
            insert.add(qint64(stored->level));
            insert.add(stored->category);
            insert.add(stored->hook);
            insert.add(stored->requestId);
            insert.add(stored->documentId);
            insert.add(stored->message);
            insert.add(stored->details);
            const bool identified = !stored->messageId.isEmpty();
            insert.add(identified ? stored->messageId : QString());
            insert.add(identified
                           ? QString::fromUtf8(
                                 QJsonDocument(QJsonArray::fromStringList(stored->args)).toJson(QJsonDocument::Compact))
                           : QString());
            if (!insert.exec())
                return insert.lastError();
            const std::optional<qint64> id = insert.insertedId();
            if (!id)
                return QStringLiteral("the log row was not inserted");
            stored->id = *id;
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
