// SPDX-License-Identifier: GPL-3.0-or-later
// skladhook-cli [--data-dir DIR] [--api-url URL] [--json] COMMAND …  (options before or after the command)
#include "clicommand.h"
#include "clicontext.h"
#include "common/buildinfo.h"
#include "common/owneronly.h"
#include "settings/settings.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

// QCommandLineParser's own words ("Usage: %1", "Options:"…) come from Qt's qtbase translations, which a system may
// not have installed: marked here under Qt's context so that lupdate collects them into our translations, and the
// translator installed from the locale serves them with the rest.
[[maybe_unused]] constexpr const char *qtParserTexts[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Usage: %1"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "[options]"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Options:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown option '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown options: %1."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Missing value after '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unexpected value after '%1'."),
};

// Help texts of the commands and their options are English in the static tables (marked "CliHelp"), translated here
// where they are shown.
QString helpTr(const QString &source)
{
    return QCoreApplication::translate("CliHelp", source.toUtf8().constData());
}

QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    text += QLatin1Char('\n') + QCoreApplication::translate("CliMain", "Commands:") + QLatin1Char('\n');
    for (const CliCommand &command : CliRegistry::commands()) {
        QString usage = command.name;
        if (!command.arguments.isEmpty())
            usage += QLatin1Char(' ') + command.arguments;
        for (const QCommandLineOption &option : command.options)
            usage += QStringLiteral(" [--%1%2]")
                         .arg(option.names().constFirst(),
                              option.valueName().isEmpty() ? QString() : QLatin1Char(' ') + option.valueName());
        text += QStringLiteral("  %1\n      %2\n").arg(usage, helpTr(command.summary));
    }
    text +=
        QLatin1Char('\n') +
        QCoreApplication::translate(
            "CliMain", "Credentials: MOYSKLAD_TOKEN, else MOYSKLAD_LOGIN + MOYSKLAD_PASSWORD, else the keychain.") +
        QLatin1Char('\n') +
        QCoreApplication::translate("CliMain", "Exit code 0 on success; on failure non-zero and one line on stderr.") +
        QLatin1Char('\n');
    return text;
}

// QCommandLineParser reads every word that starts with a dash as options: "queue retry -1" or "config set
// worker.interval -1" would be refused as the unknown option '1', and a value such as "-Xy…" would be named piece by
// piece in the error. skladhook-cli's one short option is -h, so any other word with a single dash is an argument: such
// words go after "--", for the command itself to judge. Without them the arguments are left as they are.
QStringList withDashWordsAsArguments(const QStringList &arguments, const QList<QCommandLineOption> &options)
{
    QStringList shortNames;
    QStringList valued;
    for (const QCommandLineOption &option : options) {
        for (const QString &name : option.names()) {
            if (name.size() == 1)
                shortNames += name;
            if (!option.valueName().isEmpty())
                valued += name;
        }
    }
    const auto isDashWord = [&](const QString &word) {
        return word.size() > 1 && word.startsWith(QLatin1Char('-')) && !word.startsWith(QLatin1String("--")) &&
               !shortNames.contains(word.mid(1));
    };
    QStringList optionWords{arguments.value(0)};
    QStringList positional;
    bool dashWord = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (word == QLatin1String("--")) {
            positional += arguments.mid(i + 1);
            break;
        }
        if (isDashWord(word)) {
            dashWord = true;
            positional += word;
        } else if (word.startsWith(QLatin1Char('-')) && word.size() > 1) {
            optionWords += word;
            const QString name = word.mid(word.startsWith(QLatin1String("--")) ? 2 : 1).section(QLatin1Char('='), 0, 0);
            if (valued.contains(name) && !word.contains(QLatin1Char('='))) {
                if (i + 1 == arguments.size())
                    return arguments; // the parser says the value is missing
                optionWords += arguments.at(++i);
            }
        } else {
            positional += word;
        }
    }
    if (!dashWord)
        return arguments;
    return optionWords + QStringList{QStringLiteral("--")} + positional;
}

} // namespace

namespace {
bool messagesLanguageIsRussian()
{
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QByteArray value = qgetenv(name);
        if (!value.isEmpty())
            return value.startsWith("ru");
    }
    return false;
}
} // namespace

int main(int argc, char **argv)
{
    OwnerOnly::restrictNewFiles(); // the data directory is the user's alone, whatever the umask
    QCoreApplication::setOrganizationName(QStringLiteral("SkladHook"));
    QCoreApplication::setApplicationName(QStringLiteral("skladhook"));
    QCoreApplication::setApplicationVersion(BuildInfo::version());
    QCoreApplication app(argc, argv);
    // The same compiled translations as the GUI (:/i18n), chosen the way POSIX programs choose their messages'
    // language: LC_ALL, then LC_MESSAGES, then LANG. Identifiers in --json output never change with it.
    QTranslator translator;
    if (messagesLanguageIsRussian() && translator.load(QStringLiteral(":/i18n/skladhook_ru.qm")))
        QCoreApplication::installTranslator(&translator);
    // stderr carries one clear line per failure; details go to the diagnostics log. QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(QStringLiteral("skladhook.*.info=false\nskladhook.*.warning=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CliMain", "SkladHook: MoySklad webhooks for your online shop."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("CliMain", "Show this help."));
    const QCommandLineOption versionOption(QStringLiteral("version"),
                                           QCoreApplication::translate("CliMain", "Show the version."));
    const QList<QCommandLineOption> globalOptions{
        helpOption,
        versionOption,
        {QStringLiteral("data-dir"),
         QCoreApplication::translate("CliMain", "Keep every file SkladHook writes inside DIR."), QStringLiteral("DIR")},
        {QStringLiteral("api-url"), QCoreApplication::translate("CliMain", "MoySklad API base URL."),
         QStringLiteral("URL")},
        {QStringLiteral("json"), QCoreApplication::translate("CliMain", "Machine-readable JSON output.")},
    };
    parser.addOptions(globalOptions);
    QStringList known;
    QList<QCommandLineOption> everyOption = globalOptions;
    for (const QCommandLineOption &option : globalOptions)
        known += option.names();
    for (const CliCommand &command : CliRegistry::commands()) {
        for (const QCommandLineOption &option : command.options) {
            if (!known.contains(option.names().constFirst())) {
                QCommandLineOption shown = option;
                shown.setDescription(helpTr(option.description()));
                parser.addOption(shown);
                everyOption += option;
                known += option.names();
            }
        }
    }

    QTextStream err(stderr);
    if (!parser.parse(withDashWordsAsArguments(app.arguments(), everyOption))) {
        err << "skladhook-cli: " << CliContext::oneLine(parser.errorText()) << Qt::endl;
        return 2;
    }
    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << "skladhook-cli " << BuildInfo::version() << '\n'
                            << BuildInfo::buildDescription() << Qt::endl;
        return 0;
    }
    const QStringList words = parser.positionalArguments();
    if (parser.isSet(helpOption) || words.isEmpty()) {
        QTextStream(parser.isSet(helpOption) ? stdout : stderr) << helpText(parser);
        return parser.isSet(helpOption) ? 0 : 2;
    }
    const CliCommand *command = CliRegistry::match(words);
    if (!command && words.size() == 1) {
        // A group without its subcommand ("webhooks", "queue"): name what it has.
        QStringList subcommands;
        for (const CliCommand &candidate : CliRegistry::commands()) {
            if (candidate.name.startsWith(words.constFirst() + QLatin1Char(' ')))
                subcommands.append(candidate.name);
        }
        if (!subcommands.isEmpty()) {
            err << "skladhook-cli: "
                << QCoreApplication::translate("CliMain", "'%1' needs a subcommand: %2")
                       .arg(words.constFirst(), subcommands.join(QStringLiteral(", ")))
                << Qt::endl;
            return 2;
        }
    }
    if (!command) {
        err << "skladhook-cli: "
            << CliContext::oneLine(
                   QCoreApplication::translate("CliMain", "unknown command '%1'; see skladhook-cli --help")
                       .arg(words.join(QLatin1Char(' '))))
            << Qt::endl;
        return 2;
    }
    // An empty --data-dir would be the current directory, wherever the command happens to run.
    if (parser.isSet(QStringLiteral("data-dir")) && parser.value(QStringLiteral("data-dir")).trimmed().isEmpty()) {
        err << "skladhook-cli: "
            << QCoreApplication::translate("CliMain", "--data-dir must name a directory (got an empty value)")
            << Qt::endl;
        return 2;
    }
    // --api-url as `config set api.url` takes it: an absolute http(s) URL. Anything else is a usage error, never a
    // silent fall back to the configured or production URL (an empty value) or a request to a mistyped host.
    if (parser.isSet(QStringLiteral("api-url")) &&
        !Settings::key(SettingKey::ApiUrl).validate(parser.value(QStringLiteral("api-url"))).ok()) {
        err << "skladhook-cli: "
            << CliContext::oneLine(QCoreApplication::translate("CliMain",
                                                               "--api-url must be an absolute http(s) URL, e.g. "
                                                               "https://api.moysklad.ru/api/remap/1.2 (got '%1')")
                                       .arg(parser.value(QStringLiteral("api-url"))))
            << Qt::endl;
        return 2;
    }
    // Options of other commands are refused, so that a typo never silently changes what runs.
    QStringList allowed;
    for (const QCommandLineOption &option : globalOptions)
        allowed += option.names();
    for (const QCommandLineOption &option : command->options)
        allowed += option.names();
    for (const QString &name : parser.optionNames()) {
        if (!allowed.contains(name)) {
            err << "skladhook-cli: "
                << QCoreApplication::translate("CliMain", "option --%1 is not valid for '%2'").arg(name, command->name)
                << Qt::endl;
            return 2;
        }
    }

    CliContext context(parser, words.mid(command->name.count(QLatin1Char(' ')) + 1));
    context.setFailureExitCode(command->failureExitCode);
    // Every command works on the data directory's workspace; one that cannot be opened ends here, clearly.
    QTimer::singleShot(0, &context, [&] {
        if (!command->opensWorkspace || context.workspace())
            command->run(context);
    });
    return app.exec();
}
