// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A throw-away PostgreSQL 15 cluster for tests: initdb and pg_ctl from Debian's postgresql package in a temporary
// directory, listening only on a unix socket there (no TCP port to collide with), trust authentication (but for
// passwordRole, which must give its password), fsync off.
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

    // The one role that must give a password (SCRAM): the tests of where SkladHook takes it from.
    static inline const QString passwordRole = QStringLiteral("secured");
    // createdb `name` owned by passwordRole, whose password becomes `password`.
    ::testing::AssertionResult createDatabaseWithPassword(const QString &name, const QString &password);
    // The store URL of such a database, without the password: postgresql://secured@/<name>?host=<socket directory>.
    QString urlWithPassword(const QString &database) const;

private:
    // Runs a PostgreSQL binary (as `postgres` when root); its combined output on failure.
    ::testing::AssertionResult run(const QString &binary, const QStringList &arguments, int timeoutMs = 60000);

    QTemporaryDir m_dir;
    bool m_running = false;
};
