// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input to skladhook-cli that the command tests do not already cover: each case is refused with its exit code and
// one stderr line naming what was wrong, prints nothing on stdout, and changes neither the settings nor the queue.
#include "clirunner.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace {

struct BadInput
{
    const char *what;
    QStringList arguments;
    int exitCode;
    QString errContains; // in the one stderr line
};

class CliBadInputTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // No keychain and no network: every case below is refused before either is needed.
        cli.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), QStringLiteral("test-token"));
        ASSERT_TRUE(cli.configSet(QStringLiteral("worker.interval"), QStringLiteral("30")));
        ASSERT_EQ(cli.run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("customerorder"),
                           QStringLiteral("UPDATE"), QStringLiteral("queued")})
                      .exitCode,
                  0);
    }

    QJsonObject settings() const
    {
        return cli.run({QStringLiteral("--json"), QStringLiteral("config"), QStringLiteral("list")}).json().object();
    }

    void expectRefused(const BadInput &input) const
    {
        const CliRunner::Output result = cli.run(input.arguments);
        const std::string shown = std::string(input.what) + ": " + input.arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(result.exitCode, input.exitCode) << shown << "\n" << result.err.toStdString();
        EXPECT_TRUE(result.out.isEmpty()) << shown << "\n" << result.out.toStdString();
        EXPECT_TRUE(result.err.startsWith(QStringLiteral("skladhook-cli: "))) << shown << "\n"
                                                                              << result.err.toStdString();
        EXPECT_TRUE(result.err.contains(input.errContains)) << shown << "\n" << result.err.toStdString();
        EXPECT_EQ(result.err.count(QLatin1Char('\n')), 1) << shown << "\n" << result.err.toStdString(); // one line
        EXPECT_LT(result.err.size(), 1200) << shown;
    }

    CliRunner cli;
};

} // namespace

TEST_F(CliBadInputTest, EachIsRefusedClearlyAndChangesNothing)
{
    const QString overlong(5000, QLatin1Char('7'));
    const QString missingDir = cli.dataDir() + QStringLiteral("/no/such/dir/copy.db");
    const QList<BadInput> inputs{
        // Task ids: negative ones are ids, not options; zero and below name no task.
        {"negative task id",
         {QStringLiteral("queue"), QStringLiteral("retry"), QStringLiteral("-1")},
         2,
         QStringLiteral("the task id must be 1 or more (got '-1')")},
        {"zero task id",
         {QStringLiteral("queue"), QStringLiteral("cancel"), QStringLiteral("0")},
         2,
         QStringLiteral("the task id must be 1 or more (got '0')")},
        {"negative id for attempts",
         {QStringLiteral("queue"), QStringLiteral("attempts"), QStringLiteral("-5")},
         2,
         QStringLiteral("the task id must be 1 or more")},
        {"huge task id",
         {QStringLiteral("queue"), QStringLiteral("retry"), QStringLiteral("99999999999999999999")},
         2,
         QStringLiteral("the task id must be a number")},
        {"negative id with --json",
         {QStringLiteral("--json"), QStringLiteral("queue"), QStringLiteral("retry"), QStringLiteral("-7")},
         2,
         QStringLiteral("the task id must be 1 or more")},
        // Statuses and hooks.
        {"empty status",
         {QStringLiteral("queue"), QStringLiteral("list"), QString()},
         2,
         QStringLiteral("unknown status ''")},
        {"unknown hook",
         {QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--hook"), QStringLiteral("order/UPDATE")},
         2,
         QStringLiteral("unknown hook 'order/UPDATE'")},
        {"hook without action",
         {QStringLiteral("queue"), QStringLiteral("cancel-matching"), QStringLiteral("--hook"),
          QStringLiteral("customerorder"), QStringLiteral("--yes")},
         2,
         QStringLiteral("unknown hook 'customerorder'")},
        {"unknown hook with --yes",
         {QStringLiteral("queue"), QStringLiteral("retry-matching"), QStringLiteral("--hook"), QStringLiteral("x/y"),
          QStringLiteral("--yes")},
         2,
         QStringLiteral("unknown hook 'x/y'")},
        // Settings: a negative number reaches the key's own check, and what a value brings stays on one line.
        {"negative interval",
         {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("worker.interval"), QStringLiteral("-1")},
         2,
         QStringLiteral("worker.interval must be a whole number from 1 to 86400 (got '-1')")},
        {"dash value",
         {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("import.orders"), QStringLiteral("-on")},
         2,
         QStringLiteral("import.orders must be one of: on, off (got '-on')")},
        {"newline in a value",
         {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("api.url"),
          QStringLiteral("https://a.example\nINJECTED")},
         2,
         QStringLiteral("(got 'https://a.example\\nINJECTED')")},
        {"control character in a value",
         {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("exchange.payments"),
          QStringLiteral("full\x01")},
         2,
         QStringLiteral("(got 'full\\x01')")},
        {"overlong value",
         {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("retention.days"), overlong},
         2,
         QStringLiteral("retention.days must be a whole number from 1 to 3650")},
        // Global options.
        {"empty --data-dir",
         {QStringLiteral("--data-dir"), QString(), QStringLiteral("queue"), QStringLiteral("stats")},
         2,
         QStringLiteral("--data-dir must name a directory")},
        {"empty --api-url",
         {QStringLiteral("--api-url"), QString(), QStringLiteral("check")},
         2,
         QStringLiteral("--api-url must be an absolute http(s) URL")},
        {"--api-url not http",
         {QStringLiteral("--api-url"), QStringLiteral("ftp://x/"), QStringLiteral("check")},
         2,
         QStringLiteral("(got 'ftp://x/')")},
        {"--api-url not a URL",
         {QStringLiteral("--api-url"), QStringLiteral("not a url"), QStringLiteral("webhooks"), QStringLiteral("list")},
         2,
         QStringLiteral("--api-url must be an absolute http(s) URL")},
        {"unknown option with --json",
         {QStringLiteral("--json"), QStringLiteral("queue"), QStringLiteral("stats"), QStringLiteral("--frob")},
         2,
         QStringLiteral("Unknown option 'frob'")},
        // Dates.
        {"verify since far future",
         {QStringLiteral("verify"), QStringLiteral("--since"), QStringLiteral("9999-12-31 23:59:59")},
         2,
         QStringLiteral("is in the future")},
        {"sync since impossible date",
         {QStringLiteral("sync"), QStringLiteral("--since"), QStringLiteral("2026-02-30 00:00:00")},
         2,
         QStringLiteral("--since '2026-02-30 00:00:00'")},
        {"verify since empty",
         {QStringLiteral("verify"), QStringLiteral("--since"), QString()},
         2,
         QStringLiteral("--since must be a Moscow time")},
        // Files.
        {"backup to an empty name", {QStringLiteral("backup"), QString()}, 2, QStringLiteral("FILE must not be empty")},
        {"restore from an empty name",
         {QStringLiteral("restore"), QString()},
         2,
         QStringLiteral("FILE must not be empty")},
        {"backup into a missing directory",
         {QStringLiteral("backup"), missingDir},
         1,
         QStringLiteral("the directory %1 does not exist").arg(QFileInfo(missingDir).absolutePath())},
        {"restore from a directory",
         {QStringLiteral("restore"), QDir::tempPath()},
         1,
         QStringLiteral("is a directory, not a backup file")},
        // A group without its subcommand names what it has.
        {"a group alone", {QStringLiteral("queue")}, 2, QStringLiteral("'queue' needs a subcommand: queue stats")},
    };

    const QJsonObject settingsBefore = settings();
    const QJsonObject queueBefore = cli.queueStats();
    ASSERT_FALSE(settingsBefore.isEmpty());
    ASSERT_FALSE(queueBefore.isEmpty());
    const QStringList filesBefore = QDir(cli.dataDir()).entryList(QDir::Files, QDir::Name);
    for (const BadInput &input : inputs)
        expectRefused(input);
    EXPECT_EQ(settings(), settingsBefore);
    EXPECT_EQ(cli.queueStats(), queueBefore);
    // Nothing written beside the store (no stray backup, no database kept aside by a refused restore).
    for (const QString &file : QDir(cli.dataDir()).entryList(QDir::Files, QDir::Name))
        EXPECT_TRUE(filesBefore.contains(file) || file.startsWith(QStringLiteral("skladhook.db")))
            << file.toStdString();
    EXPECT_FALSE(QFile::exists(missingDir));
    // An empty --data-dir created nothing in the current directory.
    EXPECT_FALSE(QFile::exists(QDir::current().filePath(QStringLiteral("skladhook.db"))));
}

TEST_F(CliBadInputTest, ANegativeNumberAfterDoubleDashAndTheShortHelpStillWork)
{
    const auto afterDashes =
        cli.run({QStringLiteral("queue"), QStringLiteral("cancel"), QStringLiteral("--"), QStringLiteral("-3")});
    EXPECT_EQ(afterDashes.exitCode, 2);
    EXPECT_TRUE(afterDashes.err.contains(QStringLiteral("(got '-3')"))) << afterDashes.err.toStdString();
    const auto help = cli.run({QStringLiteral("queue"), QStringLiteral("-1"), QStringLiteral("-h")});
    EXPECT_EQ(help.exitCode, 0) << help.err.toStdString();
    EXPECT_TRUE(help.out.contains(QStringLiteral("queue stats"))) << help.out.toStdString();
    // A hook given in another case is the same hook.
    const auto anyCase = cli.run({QStringLiteral("--json"), QStringLiteral("queue"), QStringLiteral("list"),
                                  QStringLiteral("--hook"), QStringLiteral("CustomerOrder/update")});
    EXPECT_EQ(anyCase.exitCode, 0) << anyCase.err.toStdString();
    EXPECT_TRUE(anyCase.json().isArray()) << anyCase.out.toStdString();
}
