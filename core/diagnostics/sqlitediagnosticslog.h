// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/diagnosticslog.h"

class StoreWriter;

// The diagnostics log in skladhook.db (table `log`), written through the single StoreWriter.
// Mirrors every row to its Qt logging category, so that journald / the terminal see it too.
class SqliteDiagnosticsLog final : public DiagnosticsLog
{
    Q_OBJECT

public:
    explicit SqliteDiagnosticsLog(StoreWriter *writer, const Clock &clock = Clock::system(), QObject *parent = nullptr);

    void write(LogEntry entry) override;
    // Deletes rows older than `days` (retention.days).
    void prune(int days);

private:
    StoreWriter *m_writer = nullptr;
    const Clock &m_clock;
};
