// SPDX-License-Identifier: GPL-3.0-or-later
// skladhook-cli speaks the language of the messages locale (LC_ALL, LC_MESSAGES, LANG), with the GUI's compiled
// translations; --json output is the same in every language.
#include "clirunner.h"
#include "fakemoysklad.h"
#include "serveprocess.h"

#include <gtest/gtest.h>
#include <QRegularExpression>

namespace {
bool hasCyrillic(const QString &text)
{
    return text.contains(QRegularExpression(QStringLiteral("[\\x{0400}-\\x{04FF}]")));
}

// Words that every English sentence of ours has one of; identifiers (keys, values, commands, URLs) have none. Quoted
// command lines ('skladhook-cli config set …') are left out: they stay as typed in every language.
QString englishSentence(const QString &text)
{
    QString plain = text;
    plain.remove(QRegularExpression(QStringLiteral("'[^'\n]*'|«[^»\n]*»|`[^`\n]*`")));
    const auto match = QRegularExpression(QStringLiteral("\\b(the|is|are|and|of|with|from|cannot|not|every|may)\\b"),
                                          QRegularExpression::CaseInsensitiveOption)
                           .match(plain);
    if (!match.hasMatch())
        return QString();
    const qsizetype lineStart = plain.lastIndexOf(QLatin1Char('\n'), match.capturedStart()) + 1;
    return plain.mid(lineStart, plain.indexOf(QLatin1Char('\n'), match.capturedStart()) - lineStart);
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

TEST(CliLanguage, UsageHelpAndSettingsFollowTheLocale)
{
    CliRunner cli;
    const QStringList usage{QStringLiteral("config"), QStringLiteral("get")}; // KEY missing
    const auto usageRu = runIn(cli, QStringLiteral("ru_RU.UTF-8"), usage);
    EXPECT_EQ(usageRu.exitCode, 2);
    EXPECT_TRUE(hasCyrillic(usageRu.err)) << usageRu.err.toStdString();
    EXPECT_TRUE(usageRu.err.contains(QStringLiteral("skladhook-cli config get KEY"))) << usageRu.err.toStdString();
    EXPECT_FALSE(usageRu.err.contains(QStringLiteral("usage:"))) << usageRu.err.toStdString();
    const auto usageEn = runIn(cli, QStringLiteral("C"), usage);
    EXPECT_EQ(usageEn.exitCode, 2);
    EXPECT_EQ(usageEn.err.trimmed(), QStringLiteral("skladhook-cli: usage: skladhook-cli config get KEY"));

    const auto unknownRu = runIn(cli, QStringLiteral("ru_RU.UTF-8"), {QStringLiteral("no-such-command")});
    EXPECT_EQ(unknownRu.exitCode, 2);
    EXPECT_TRUE(hasCyrillic(unknownRu.err)) << unknownRu.err.toStdString();
    EXPECT_EQ(englishSentence(unknownRu.err), QString()) << unknownRu.err.toStdString();

    // --help: Qt's own words (Usage, Options) too; command names and options stay as they are typed.
    const auto helpRu = runIn(cli, QStringLiteral("ru_RU.UTF-8"), {QStringLiteral("--help")});
    ASSERT_EQ(helpRu.exitCode, 0) << helpRu.err.toStdString();
    for (const QString &english :
         {QStringLiteral("Usage:"), QStringLiteral("Options:"), QStringLiteral("Commands:"),
          QStringLiteral("Show this help."), QStringLiteral("Print every setting."), QStringLiteral("Credentials:"),
          QStringLiteral("Run the receiver and the worker"), QStringLiteral("Machine-readable JSON output."),
          QStringLiteral("webhooks apply: also rewrite")})
        EXPECT_FALSE(helpRu.out.contains(english)) << english.toStdString();
    for (const QString &identifier : {QStringLiteral("config set KEY VALUE"), QStringLiteral("--update-own"),
                                      QStringLiteral("webhooks apply"), QStringLiteral("--data-dir <DIR>")})
        EXPECT_TRUE(helpRu.out.contains(identifier)) << identifier.toStdString();
    EXPECT_TRUE(helpRu.out.contains(QStringLiteral("Показать эту справку."))) << helpRu.out.toStdString();
    const auto helpEn = runIn(cli, QStringLiteral("C"), {QStringLiteral("--help")});
    ASSERT_EQ(helpEn.exitCode, 0);
    EXPECT_FALSE(hasCyrillic(helpEn.out)) << helpEn.out.toStdString();
    EXPECT_TRUE(helpEn.out.contains(QStringLiteral("Print every setting."))) << helpEn.out.toStdString();

    const auto listRu = runIn(cli, QStringLiteral("ru_RU.UTF-8"), {QStringLiteral("config"), QStringLiteral("list")});
    ASSERT_EQ(listRu.exitCode, 0) << listRu.err.toStdString();
    EXPECT_TRUE(hasCyrillic(listRu.out));
    EXPECT_EQ(englishSentence(listRu.out), QString()) << listRu.out.toStdString();
    EXPECT_TRUE(listRu.out.contains(QStringLiteral("worker.maxAttempts"))) << "keys are never translated";
    const auto listEn = runIn(cli, QStringLiteral("C"), {QStringLiteral("config"), QStringLiteral("list")});
    ASSERT_EQ(listEn.exitCode, 0);
    EXPECT_FALSE(hasCyrillic(listEn.out)) << listEn.out.toStdString();
    EXPECT_TRUE(listEn.out.contains(QStringLiteral("attempts before a task is marked dead")));

    const QStringList listJson{QStringLiteral("config"), QStringLiteral("list"), QStringLiteral("--json")};
    const auto jsonRu = runIn(cli, QStringLiteral("ru_RU.UTF-8"), listJson);
    const auto jsonEn = runIn(cli, QStringLiteral("C"), listJson);
    ASSERT_EQ(jsonRu.exitCode, 0);
    EXPECT_EQ(jsonRu.out, jsonEn.out);
    EXPECT_FALSE(hasCyrillic(jsonRu.out));
}

// Our words around MoySklad's error are translated; MoySklad's own text and code stay exactly as they came.
TEST(CliLanguage, ApiErrorsFollowTheLocaleAroundMoySkladsOwnText)
{
    FakeMoySklad fake;
    ASSERT_TRUE(fake.start());
    CliRunner cli;
    cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), QStringLiteral("wrong-token-value"));
    const QStringList check{QStringLiteral("check"), QStringLiteral("--api-url"), fake.baseUrl().toString()};
    const QString moyskladText =
        QStringLiteral("Ошибка аутентификации: Неправильный пароль или имя пользователя или ключ авторизации");

    const auto ru = runIn(cli, QStringLiteral("ru_RU.UTF-8"), check);
    EXPECT_EQ(ru.exitCode, 1);
    EXPECT_TRUE(ru.err.contains(moyskladText)) << ru.err.toStdString();
    EXPECT_TRUE(ru.err.contains(QStringLiteral("(код 1056)"))) << ru.err.toStdString();
    EXPECT_TRUE(ru.err.contains(QStringLiteral("МойСклад"))) << ru.err.toStdString();
    EXPECT_EQ(englishSentence(ru.err), QString()) << ru.err.toStdString();
    EXPECT_FALSE(ru.err.contains(QStringLiteral("wrong-token-value")));

    const auto en = runIn(cli, QStringLiteral("C"), check);
    EXPECT_EQ(en.exitCode, 1);
    EXPECT_TRUE(en.err.startsWith(QStringLiteral("skladhook-cli: MoySklad at "))) << en.err.toStdString();
    EXPECT_TRUE(en.err.contains(moyskladText + QStringLiteral(" (code 1056)"))) << en.err.toStdString();

    cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
    const QStringList checkJson = check + QStringList{QStringLiteral("--json")};
    const auto jsonRu = runIn(cli, QStringLiteral("ru_RU.UTF-8"), checkJson);
    const auto jsonEn = runIn(cli, QStringLiteral("C"), checkJson);
    ASSERT_EQ(jsonRu.exitCode, 0) << jsonRu.err.toStdString();
    EXPECT_EQ(jsonRu.out, jsonEn.out);
}

TEST(CliLanguage, ServeSaysWhereItListensInTheLocalesLanguage)
{
    FakeMoySklad fake;
    ASSERT_TRUE(fake.start());
    CliRunner cli;
    ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), QStringLiteral("proverochnaya-stroka-1234")));
    for (const auto &[lang, russian] :
         {std::pair{QStringLiteral("ru_RU.UTF-8"), true}, std::pair{QStringLiteral("C"), false}}) {
        cli.setEnv(QStringLiteral("LANG"), lang);
        ServeProcess serve(cli);
        ASSERT_TRUE(serve.start());
        const QString line = serve.output().section(QLatin1Char('\n'), 0, 0);
        EXPECT_TRUE(line.endsWith(serve.base().toString(QUrl::StripTrailingSlash)) ||
                    line.endsWith(serve.base().toString()))
            << line.toStdString();
        if (russian) {
            EXPECT_TRUE(hasCyrillic(line)) << line.toStdString();
            EXPECT_EQ(englishSentence(line), QString()) << line.toStdString();
        } else {
            EXPECT_TRUE(line.startsWith(QStringLiteral("listening on http://"))) << line.toStdString();
        }
        EXPECT_EQ(serve.stop(), 0) << serve.errors().toStdString();
    }
}
