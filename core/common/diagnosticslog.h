// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logentry.h"

#include <QObject>

// Where every action and its result is written. Thread-safe: write() may be called from any thread
// (the receiver's, the worker's, the GUI's); rows are stored by the database's single writer.
// Secrets are masked (SecretMasker) in message and details before anything is stored or emitted.
// The interface sits in common so that a room that only logs does not link the store; the implementation that
// stores rows is SqliteDiagnosticsLog (core/diagnostics).
class DiagnosticsLog : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~DiagnosticsLog() override = default;

    virtual void write(LogEntry entry) = 0;

    // Shorthands.
    void info(const QString &category, const QString &message, const QString &details = {});
    void warning(const QString &category, const QString &message, const QString &details = {});
    void error(const QString &category, const QString &message, const QString &details = {});
    void info(const QString &category, const LogText &text, const QString &details = {});
    void warning(const QString &category, const LogText &text, const QString &details = {});
    void error(const QString &category, const LogText &text, const QString &details = {});

Q_SIGNALS:
    // Emitted (queued, on the log's thread) after an entry was accepted; id may still be 0.
    void entryWritten(const LogEntry &entry);
};
