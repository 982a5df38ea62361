// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QUrl>

class CliRunner;

// `skladhook-cli serve` over a CliRunner's data directory, as a child process with the runner's environment.
// Stopped (SIGTERM, then SIGKILL) when destroyed, so a failing test leaves no process behind.
class ServeProcess final
{
public:
    explicit ServeProcess(const CliRunner &cli);
    ~ServeProcess();
    ServeProcess(const ServeProcess &) = delete;
    ServeProcess &operator=(const ServeProcess &) = delete;

    // Starts serve and waits at most timeoutMs for its "listening on URL" line (in any language); a failure says why,
    // with serve's stderr. May be called again after stop() or kill(): the receiver's address can change.
    ::testing::AssertionResult start(int timeoutMs = 20000);
    // SIGTERM, then SIGKILL when serve is not gone in 10 s. Serve's exit code, -1 when it did not exit normally.
    int stop();
    // SIGKILL at once: a crash.
    void kill();
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    // The receiver's base URL, ending in '/': deliveries go to <base>moysklad/<entity>/<action>.
    QUrl base() const { return m_base; }
    // What serve wrote to stderr so far (serve masks its secrets itself).
    QString errors() const { return QString::fromUtf8(m_err); }
    // What serve wrote to stdout so far (first the "listening on URL" line).
    QString output() const { return QString::fromUtf8(m_out); }

private:
    const CliRunner &m_cli;
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    QUrl m_base;
};
