// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logtext.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

enum class LogLevel { Debug = 0, Info = 1, Warning = 2, Error = 3 };

// One row of the diagnostics log (SQLite table `log`). Texts are masked before they are stored.
// Built in one line where it is written: log->write(LogEntry::warning(category, message).withHook(hook)).
struct LogEntry final
{
    qint64 id = 0; // assigned when stored
    QDateTime at;  // UTC; filled in by the log when empty
    LogLevel level = LogLevel::Info;
    QString category;  // "moysklad", "hooks", "settings", "intake", "queue", "worker", "service"
    QString hook;      // "customerorder/UPDATE" where the row concerns one hook
    QString requestId; // MoySklad's delivery requestId
    QString documentId;
    QString message; // one line for people, in English (rows stored before schema 8: only this)
    // The message as an id and arguments (LogText), so that a face shows it in its current language; messageId is
    // empty for rows written before schema 8 and for lines written as plain text.
    QString messageId;
    QStringList args;
    QString details; // anything longer: MoySklad's error body, a stack of attempts…

    static LogEntry make(LogLevel level, QString category, QString message);
    static LogEntry debug(QString category, QString message);
    static LogEntry info(QString category, QString message);
    static LogEntry warning(QString category, QString message);
    static LogEntry error(QString category, QString message);
    static LogEntry make(LogLevel level, QString category, const LogText &text);
    static LogEntry debug(QString category, const LogText &text);
    static LogEntry info(QString category, const LogText &text);
    static LogEntry warning(QString category, const LogText &text);
    static LogEntry error(QString category, const LogText &text);

    // The message in the language of the installed translators; the stored text when the row has no id.
    QString shownMessage() const;

    // Fluent setters: on a temporary they hand the entry on by value (nothing dangles when the chain is kept in a
    // variable), on a named entry they set the field in place.
    LogEntry withHook(QString value) &&;
    LogEntry &withHook(QString value) &;
    LogEntry withRequestId(QString value) &&;
    LogEntry &withRequestId(QString value) &;
    LogEntry withDocument(QString value) &&;
    LogEntry &withDocument(QString value) &;
    LogEntry withDetails(QString value) &&;
    LogEntry &withDetails(QString value) &;
    LogEntry withTime(QDateTime value) &&;
    LogEntry &withTime(QDateTime value) &;
};

QString logLevelName(LogLevel level);                     // "debug" | "info" | "warning" | "error"
bool parseLogLevel(const QString &name, LogLevel *level); // the inverse; false when unknown
