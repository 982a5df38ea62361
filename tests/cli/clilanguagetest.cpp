// SPDX-License-Identifier: GPL-3.0-or-later
// skladhook-cli speaks the language of the messages locale (LC_ALL, LC_MESSAGES, LANG), with the GUI's compiled
// translations; --json output is the same in every language.
#include "clirunner.h"

#include <gtest/gtest.h>
#include <QRegularExpression>

namespace {
bool hasCyrillic(const QString &text)
{
    return text.contains(QRegularExpression(QStringLiteral("[\\x{0400}-\\x{04FF}]")));
}

CliRunner::Output runIn(CliRunner &cli, const QString &lang, const QStringList &arguments)
{
    cli.setEnv(QStringLiteral("LC_ALL"), QString());
    cli.setEnv(QStringLiteral("LC_MESSAGES"), QString());
    cli.setEnv(QStringLiteral("LANG"), lang);
    return cli.run(arguments);
}
} // namespace

TEST(CliLanguage, RussianLocalePrintsRussianAndEnglishOtherwise)
{
    CliRunner cli;
    const auto ru = runIn(cli, QStringLiteral("ru_RU.UTF-8"),
                          {QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("no.such.key")});
    EXPECT_EQ(ru.exitCode, 2);
    EXPECT_TRUE(hasCyrillic(ru.err)) << ru.err.toStdString();
    const auto en = runIn(cli, QStringLiteral("C"),
                          {QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("no.such.key")});
    EXPECT_EQ(en.exitCode, 2);
    EXPECT_FALSE(hasCyrillic(en.err)) << en.err.toStdString();
    EXPECT_TRUE(en.err.contains(QStringLiteral("unknown setting 'no.such.key'"))) << en.err.toStdString();

    const auto statsRu = runIn(cli, QStringLiteral("ru_RU.UTF-8"), {QStringLiteral("queue"), QStringLiteral("stats")});
    ASSERT_EQ(statsRu.exitCode, 0) << statsRu.err.toStdString();
    EXPECT_TRUE(hasCyrillic(statsRu.out)) << statsRu.out.toStdString();
    const auto statsEn = runIn(cli, QStringLiteral("C"), {QStringLiteral("queue"), QStringLiteral("stats")});
    ASSERT_EQ(statsEn.exitCode, 0) << statsEn.err.toStdString();
    EXPECT_TRUE(statsEn.out.startsWith(QStringLiteral("pending 0, running 0"))) << statsEn.out.toStdString();

    // LC_MESSAGES alone decides too, and LC_ALL wins over it.
    cli.setEnv(QStringLiteral("LANG"), QStringLiteral("C"));
    cli.setEnv(QStringLiteral("LC_MESSAGES"), QStringLiteral("ru_RU.UTF-8"));
    EXPECT_TRUE(hasCyrillic(cli.run({QStringLiteral("queue"), QStringLiteral("stats")}).out));
    cli.setEnv(QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8"));
    EXPECT_FALSE(hasCyrillic(cli.run({QStringLiteral("queue"), QStringLiteral("stats")}).out));
}

TEST(CliLanguage, JsonOutputIsTheSameInEveryLanguage)
{
    CliRunner cli;
    const QStringList stats{QStringLiteral("queue"), QStringLiteral("stats"), QStringLiteral("--json")};
    const auto ru = runIn(cli, QStringLiteral("ru_RU.UTF-8"), stats);
    const auto en = runIn(cli, QStringLiteral("C"), stats);
    ASSERT_EQ(ru.exitCode, 0) << ru.err.toStdString();
    EXPECT_EQ(ru.out, en.out);
    EXPECT_FALSE(hasCyrillic(ru.out));
}
