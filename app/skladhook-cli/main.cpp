// SPDX-License-Identifier: GPL-3.0-or-later
// skladhook-cli [--data-dir DIR] [--api-url URL] [--json] COMMAND …  (options before or after the command)
#include "clicommand.h"
#include "clicontext.h"
#include "common/buildinfo.h"
#include "common/owneronly.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    text += QStringLiteral("\nCommands:\n");
    for (const CliCommand &command : CliRegistry::commands()) {
        QString usage = command.name;
        if (!command.arguments.isEmpty())
            usage += QLatin1Char(' ') + command.arguments;
        for (const QCommandLineOption &option : command.options)
            usage += QStringLiteral(" [--%1%2]")
                         .arg(option.names().constFirst(),
                              option.valueName().isEmpty() ? QString() : QLatin1Char(' ') + option.valueName());
        text += QStringLiteral("  %1\n      %2\n").arg(usage, command.summary);
    }
    text +=
        QStringLiteral("\nCredentials: MOYSKLAD_TOKEN, else MOYSKLAD_LOGIN + MOYSKLAD_PASSWORD, else the keychain.\n"
                       "Exit code 0 on success; on failure non-zero and one line on stderr.\n");
    return text;
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
    parser.setApplicationDescription(QStringLiteral("SkladHook: MoySklad webhooks for your online shop."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    const QCommandLineOption versionOption(QStringLiteral("version"), QStringLiteral("Show the version."));
    const QList<QCommandLineOption> globalOptions{
        helpOption,
        versionOption,
        {QStringLiteral("data-dir"), QStringLiteral("Keep every file SkladHook writes inside DIR."),
         QStringLiteral("DIR")},
        {QStringLiteral("api-url"), QStringLiteral("MoySklad API base URL."), QStringLiteral("URL")},
        {QStringLiteral("json"), QStringLiteral("Machine-readable JSON output.")},
    };
    parser.addOptions(globalOptions);
    QStringList known;
    for (const QCommandLineOption &option : globalOptions)
        known += option.names();
    for (const CliCommand &command : CliRegistry::commands()) {
        for (const QCommandLineOption &option : command.options) {
            if (!known.contains(option.names().constFirst())) {
                parser.addOption(option);
                known += option.names();
            }
        }
    }

    QTextStream err(stderr);
    if (!parser.parse(app.arguments())) {
        err << "skladhook-cli: " << parser.errorText() << Qt::endl;
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
    if (!command) {
        err << "skladhook-cli: unknown command '" << words.join(QLatin1Char(' ')) << "'; see skladhook-cli --help"
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
            err << "skladhook-cli: option --" << name << " is not valid for '" << command->name << "'" << Qt::endl;
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
