// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticslog.h"

namespace {
LogEntry entry(LogLevel level, const QString &category, const QString &message, const QString &details)
{
    LogEntry e;
    e.level = level;
    e.category = category;
    e.message = message;
    e.details = details;
    return e;
}
} // namespace

void DiagnosticsLog::info(const QString &category, const QString &message, const QString &details)
{
    write(entry(LogLevel::Info, category, message, details));
}

void DiagnosticsLog::warning(const QString &category, const QString &message, const QString &details)
{
    write(entry(LogLevel::Warning, category, message, details));
}

void DiagnosticsLog::error(const QString &category, const QString &message, const QString &details)
{
    write(entry(LogLevel::Error, category, message, details));
}
