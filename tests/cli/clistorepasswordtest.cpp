// SPDX-License-Identifier: GPL-3.0-or-later
// The PostgreSQL store's password on one machine, through the real skladhook-cli against a real PostgreSQL 15 whose
// role must give it (SCRAM): refused with a clear way out while none is known, saved once in the secret store, taken
// from there at every later start, and never shown.
#include "clirunner.h"
#include "postgresfixture.h"

#include <gtest/gtest.h>

namespace {

class CliStorePasswordTest : public PostgresFixture
{
};

TEST_F(CliStorePasswordTest, TheDatabasePasswordComesFromTheSecretStoreAndIsNeverShown)
{
    const QString password = QStringLiteral("db-password-7f3a9c");
    ASSERT_TRUE(server().createDatabaseWithPassword(QStringLiteral("secured_store"), password));
    CliRunner cli;
    ASSERT_TRUE(cli.configSet(QStringLiteral("secrets.store"), QStringLiteral("file")));
    ASSERT_TRUE(cli.configSet(QStringLiteral("store.url"), server().urlWithPassword(QStringLiteral("secured_store"))));
    QList<CliRunner::Output> outputs;

    // No password anywhere: refused, saying where to put one.
    outputs.append(cli.run({QStringLiteral("queue"), QStringLiteral("stats")}));
    EXPECT_NE(outputs.last().exitCode, 0);
    EXPECT_TRUE(outputs.last().err.contains(QStringLiteral("store.password"))) << outputs.last().err.toStdString();

    // Saved once (the store opens for that command with PGPASSWORD), from standard input.
    cli.setEnv(QStringLiteral("PGPASSWORD"), password);
    outputs.append(cli.run(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("store.password"), QStringLiteral("-")},
        password.toUtf8() + '\n'));
    EXPECT_EQ(outputs.last().exitCode, 0) << outputs.last().err.toStdString();
    cli.setEnv(QStringLiteral("PGPASSWORD"), QString());

    // From now on from the secret store, at every start.
    outputs.append(cli.run({QStringLiteral("queue"), QStringLiteral("stats"), QStringLiteral("--json")}));
    EXPECT_EQ(outputs.last().exitCode, 0) << outputs.last().err.toStdString();
    EXPECT_TRUE(outputs.last().json().isObject()) << outputs.last().out.toStdString();

    // Never shown: masked by config get, absent from the log and from every output.
    outputs.append(cli.run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("store.password")}));
    EXPECT_EQ(outputs.last().exitCode, 0);
    outputs.append(cli.run({QStringLiteral("log")}));
    EXPECT_TRUE(outputs.last().out.contains(QStringLiteral("database password was saved")))
        << outputs.last().out.toStdString();
    for (const CliRunner::Output &output : std::as_const(outputs)) {
        EXPECT_FALSE(output.out.contains(password)) << output.out.toStdString();
        EXPECT_FALSE(output.err.contains(password)) << output.err.toStdString();
    }
}

} // namespace
