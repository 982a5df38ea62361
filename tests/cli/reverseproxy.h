// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A real nginx in front of the receiver, as a user runs it: the location block of the packaged example
// (packaging/nginx/skladhook.conf) inside a loopback-only server, with nginx unprivileged and everything it writes
// (pid, error log, temporary files) in a temporary directory. Stopped when destroyed.
class ReverseProxy final
{
public:
    ReverseProxy() = default;
    ~ReverseProxy();
    ReverseProxy(const ReverseProxy &) = delete;
    ReverseProxy &operator=(const ReverseProxy &) = delete;

    // The nginx binary (PATH, then /usr/sbin); empty when none is installed.
    static QString nginx();

    // Listens on 127.0.0.1:`port`, passing `pathPrefix` ("/shop/") + "moysklad/" to `receiver` ("127.0.0.1:8765");
    // waits until it accepts connections. A failure says why, with nginx's error log.
    ::testing::AssertionResult start(quint16 port, const QString &pathPrefix, const QString &receiver);
    // SIGTERM (nginx's fast shutdown), then SIGKILL; returns once it is gone.
    void stop();
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    QString errorLog() const;
    // Every log nginx wrote (the global error log and the example's own access and error logs), each under a
    // "== name" line.
    QString allLogs() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};
