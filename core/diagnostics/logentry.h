// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

enum class LogLevel { Debug = 0, Info = 1, Warning = 2, Error = 3 };

// One row of the diagnostics log (SQLite table `log`). Texts are masked before they are stored.
struct LogEntry final
{
    qint64 id = 0; // assigned when stored
    QDateTime at;  // UTC; filled in by the log when empty
    LogLevel level = LogLevel::Info;
    QString category;  // "moysklad", "hooks", "settings", "intake", "queue", "worker", "service"
    QString hook;      // "customerorder/UPDATE" where the row concerns one hook
    QString requestId; // MoySklad's delivery requestId
    QString documentId;
    QString message; // one line for people
    QString details; // anything longer: MoySklad's error body, a stack of attempts…
};

QString logLevelName(LogLevel level);                     // "debug" | "info" | "warning" | "error"
bool parseLogLevel(const QString &name, LogLevel *level); // the inverse; false when unknown
