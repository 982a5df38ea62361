// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "postgresserver.h"

#include <gtest/gtest.h>
#include <QString>

#include <memory>

// A test suite on one throw-away PostgreSQL 15 cluster (PostgresServer), started once for the suite: ctest runs each
// test in a process of its own, so each process starts at most one. Each test creates its own database.
class PostgresFixture : public ::testing::Test
{
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();

    // createdb `name` on the suite's cluster; a failure naming why the cluster could not be started when it is not
    // running (never skipped).
    static ::testing::AssertionResult createDatabase(const QString &name);
    // A new database for the running test, "`prefix`_N" (N counts this process's databases); its URL in `url`, its
    // name in `name` when asked.
    static ::testing::AssertionResult createNumberedDatabase(const QString &prefix, QString *url,
                                                             QString *name = nullptr);
    static PostgresServer &server() { return *s_server; }

private:
    static inline std::unique_ptr<PostgresServer> s_server;
    static inline QString s_startError;
};
