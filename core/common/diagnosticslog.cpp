// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticslog.h"

void DiagnosticsLog::info(const QString &category, const QString &message, const QString &details)
{
    write(LogEntry::info(category, message).withDetails(details));
}

void DiagnosticsLog::warning(const QString &category, const QString &message, const QString &details)
{
    write(LogEntry::warning(category, message).withDetails(details));
}

void DiagnosticsLog::error(const QString &category, const QString &message, const QString &details)
{
    write(LogEntry::error(category, message).withDetails(details));
}

void DiagnosticsLog::info(const QString &category, const LogText &text, const QString &details)
{
    write(LogEntry::info(category, text).withDetails(details));
}

void DiagnosticsLog::warning(const QString &category, const LogText &text, const QString &details)
{
    write(LogEntry::warning(category, text).withDetails(details));
}

void DiagnosticsLog::error(const QString &category, const LogText &text, const QString &details)
{
    write(LogEntry::error(category, text).withDetails(details));
}
