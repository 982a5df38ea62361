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

::testing::AssertionResult PostgresFixture::createNumberedDatabase(const QString &prefix, QString *url, QString *name)
{
    static int databases = 0;
    const QString database = QStringLiteral("%1_%2").arg(prefix).arg(++databases);
    ::testing::AssertionResult created = createDatabase(database);
    if (!created)
        return created;
    *url = server().url(database);
    if (name)
        *name = database;
    return created;
}
