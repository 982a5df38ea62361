// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresfixture.h"

void PostgresFixture::SetUpTestSuite()
{
    s_server = std::make_unique<PostgresServer>();
    const ::testing::AssertionResult started = s_server->start();
    if (!started)
        s_startError = QString::fromStdString(started.message());
}

void PostgresFixture::TearDownTestSuite()
{
    s_server.reset();
}

::testing::AssertionResult PostgresFixture::createDatabase(const QString &name)
{
    if (!s_server || !s_server->running())
        return ::testing::AssertionFailure() << "PostgreSQL 15 could not be started: " << s_startError.toStdString();
    return s_server->createDatabase(name);
}
