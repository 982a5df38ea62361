// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A throw-away PostgreSQL 15 cluster for tests: initdb and pg_ctl from Debian's postgresql package in a temporary
// directory, listening only on a unix socket there (no TCP port to collide with), trust authentication, fsync off.
// PostgreSQL refuses to run as root, so as root the binaries run as the `postgres` user (runuser) in a directory
// handed to it. Stopped (immediate) when destroyed.
class PostgresServer final
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // initdb and start; a failure says which step failed and its output. Never skipped: a test without a server fails.
    ::testing::AssertionResult start();
    bool running() const { return m_running; }
    // createdb `name`.
    ::testing::AssertionResult createDatabase(const QString &name);
    // The store URL of a database: postgresql://postgres@/<name>?host=<socket directory>.
    QString url(const QString &database) const;
    QString socketDirectory() const { return m_dir.path(); }

private:
    // Runs a PostgreSQL binary (as `postgres` when root); its combined output on failure.
    ::testing::AssertionResult run(const QString &binary, const QStringList &arguments, int timeoutMs = 60000);

    QTemporaryDir m_dir;
    bool m_running = false;
};
