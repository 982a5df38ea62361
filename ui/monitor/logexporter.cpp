// SPDX-License-Identifier: GPL-3.0-or-later
#include "logexporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {
const QStringList columns{QStringLiteral("id"),         QStringLiteral("at"),      QStringLiteral("level"),
                          QStringLiteral("category"),   QStringLiteral("hook"),    QStringLiteral("requestId"),
                          QStringLiteral("documentId"), QStringLiteral("message"), QStringLiteral("details"),
                          QStringLiteral("messageId"),  QStringLiteral("args")};

QStringList fields(const LogEntry &e)
{
    return {QString::number(e.id),
            e.at.toUTC().toString(Qt::ISODateWithMs),
            logLevelName(e.level),
            e.category,
            e.hook,
            e.requestId,
            e.documentId,
            e.shownMessage(),
            e.details,
            e.messageId,
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(e.args)).toJson(QJsonDocument::Compact))};
}

QString csvField(QString value)
{
    if (!value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')))
        return value;
    value.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QByteArray csvLine(const QStringList &values)
{
    QStringList quoted;
    for (const QString &value : values)
        quoted.append(csvField(value));
    return quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

QByteArray jsonObject(const LogEntry &e)
{
    const QStringList values = fields(e);
    QJsonObject object;
    for (int i = 0; i < columns.size(); ++i)
        object.insert(columns.at(i), values.at(i));
    object.insert(QStringLiteral("id"), e.id);
    object.insert(QStringLiteral("args"), QJsonArray::fromStringList(e.args));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

QString LogExporter::cancelledError()
{
    return tr("The export was cancelled; no file was written.");
}

Result<int, QString> LogExporter::write(const QString &databasePath, const LogReader::Filter &filter, Format format,
                                        const QString &path, const Progress &progress)
{
    LogReader reader(databasePath);
    const auto newest = reader.newestId();
    if (!newest.ok())
        return newest.error();
    const qint64 lastId = newest.value();
    const auto oldest = reader.readAfter(0, LogReader::Filter{}, 1);
    if (!oldest.ok())
        return oldest.error();
    const qint64 firstId = oldest.value().isEmpty() ? 0 : oldest.value().constFirst().id;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    if (format == Format::Csv)
        file.write(csvLine(columns));
    else
        file.write("[");

    constexpr int pageSize = 5000;
    int written = 0;
    qint64 after = 0;
    for (bool more = true; more;) {
        auto page = reader.readAfter(after, filter, pageSize);
        if (!page.ok()) {
            file.cancelWriting();
            return page.error();
        }
        more = page.value().size() == pageSize;
        for (const LogEntry &e : page.value()) {
            if (e.id > lastId) {
                more = false;
                break;
            }
            if (format == Format::Csv) {
                file.write(csvLine(fields(e)));
            } else {
                file.write(written == 0 ? "\n" : ",\n");
                file.write(jsonObject(e));
            }
            ++written;
            after = e.id;
        }
        // How far through the ids of the snapshot: no count of matching rows needed (that would read them all).
        const int percent = !more || lastId <= firstId ? 100 : int(100 * (after - firstId) / (lastId - firstId));
        if (progress && !progress(percent)) {
            file.cancelWriting();
            return cancelledError();
        }
    }
    if (format == Format::Json)
        file.write("\n]\n");
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return written;
}
