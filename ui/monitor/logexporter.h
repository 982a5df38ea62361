// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "diagnostics/logreader.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

// Writes the diagnostics log rows matching a filter to a file, oldest first, a page at a time (never the whole
// table in memory). Rows written after the export started are left out, so the file is one consistent snapshot.
// Blocking: LogExportJob runs it on a thread of its own; it opens its own read-only connection there.
class LogExporter final
{
    Q_DECLARE_TR_FUNCTIONS(LogExporter)

public:
    enum class Format { Csv, Json };
    // Told how far the export is (0…100) after each page; returning false cancels it.
    using Progress = std::function<bool(int percent)>;

    // CSV: RFC 4180 with a header row (id, at, level, category, hook, requestId, documentId, message, details,
    // messageId, args): message in the language in use, messageId the English template (empty for rows written before
    // schema 8) and args its arguments as a JSON array. JSON: an array of objects with those keys; `at` in ISO 8601
    // UTC, `level` as "debug"…"error". Returns the number of rows written. The file appears only when complete
    // (QSaveFile): a failed or cancelled export leaves whatever was at `path` before untouched.
    static Result<int, QString> write(const QString &databasePath, const LogReader::Filter &filter, Format format,
                                      const QString &path, const Progress &progress = {});
    // The error write() returns when `progress` cancelled it.
    static QString cancelledError();
};
