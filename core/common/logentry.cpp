// SPDX-License-Identifier: GPL-3.0-or-later
#include "logentry.h"

#include <utility>

LogEntry LogEntry::make(LogLevel level, QString category, QString message)
{
    LogEntry entry;
    entry.level = level;
    entry.category = std::move(category);
    entry.message = std::move(message);
    return entry;
}

LogEntry LogEntry::debug(QString category, QString message)
{
    return make(LogLevel::Debug, std::move(category), std::move(message));
}

LogEntry LogEntry::info(QString category, QString message)
{
    return make(LogLevel::Info, std::move(category), std::move(message));
}

LogEntry LogEntry::warning(QString category, QString message)
{
    return make(LogLevel::Warning, std::move(category), std::move(message));
}

LogEntry LogEntry::error(QString category, QString message)
{
    return make(LogLevel::Error, std::move(category), std::move(message));
}

LogEntry LogEntry::make(LogLevel level, QString category, const LogText &text)
{
    LogEntry entry = make(level, std::move(category), text.english());
    entry.messageId = text.id;
    entry.args = text.args;
    return entry;
}

LogEntry LogEntry::debug(QString category, const LogText &text)
{
    return make(LogLevel::Debug, std::move(category), text);
}

LogEntry LogEntry::info(QString category, const LogText &text)
{
    return make(LogLevel::Info, std::move(category), text);
}

LogEntry LogEntry::warning(QString category, const LogText &text)
{
    return make(LogLevel::Warning, std::move(category), text);
}

LogEntry LogEntry::error(QString category, const LogText &text)
{
    return make(LogLevel::Error, std::move(category), text);
}

QString LogEntry::shownMessage() const
{
    if (messageId.isEmpty())
        return message;
    LogText text;
    text.id = messageId;
    text.args = args;
    return text.translated();
}

LogEntry LogEntry::withHook(QString value) &&
{
    hook = std::move(value);
    return std::move(*this);
}

LogEntry &LogEntry::withHook(QString value) &
{
    hook = std::move(value);
    return *this;
}

LogEntry LogEntry::withRequestId(QString value) &&
{
    requestId = std::move(value);
    return std::move(*this);
}

LogEntry &LogEntry::withRequestId(QString value) &
{
    requestId = std::move(value);
    return *this;
}

LogEntry LogEntry::withDocument(QString value) &&
{
    documentId = std::move(value);
    return std::move(*this);
}

LogEntry &LogEntry::withDocument(QString value) &
{
    documentId = std::move(value);
    return *this;
}

LogEntry LogEntry::withDetails(QString value) &&
{
    details = std::move(value);
    return std::move(*this);
}

LogEntry &LogEntry::withDetails(QString value) &
{
    details = std::move(value);
    return *this;
}

LogEntry LogEntry::withTime(QDateTime value) &&
{
    at = std::move(value);
    return std::move(*this);
}

LogEntry &LogEntry::withTime(QDateTime value) &
{
    at = std::move(value);
    return *this;
}

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

bool parseLogLevel(const QString &name, LogLevel *level)
{
    for (LogLevel candidate : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
        if (logLevelName(candidate).compare(name, Qt::CaseInsensitive) == 0) {
            *level = candidate;
            return true;
        }
    }
    return false;
}
