// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostics/sqlitediagnosticslog.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QTemporaryDir>

// A real skladhook.db in a temporary directory, its single writer and the diagnostics log on it.
class MonitorFixture : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(writer.start().ok()); }

    void writeLog(LogLevel level, const QString &hook, const QString &message, const QString &details = {})
    {
        log.write(LogEntry::make(level, QStringLiteral("intake"), message).withHook(hook).withDetails(details));
    }
    // Rows 1…count, alternating hooks, every third a warning.
    void writeRows(int count)
    {
        for (int i = 1; i <= count; ++i)
            writeLog(i % 3 == 0 ? LogLevel::Warning : LogLevel::Info,
                     i % 2 == 0 ? QStringLiteral("customerorder/UPDATE") : QStringLiteral("demand/CREATE"),
                     QStringLiteral("row %1").arg(i));
        writer.flush();
    }

    QTemporaryDir dir;
    QString databasePath = Database::fileIn(dir.path());
    StoreWriter writer{databasePath};
    SqliteDiagnosticsLog log{&writer};
};
