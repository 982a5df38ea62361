// SPDX-License-Identifier: GPL-3.0-or-later
// config get|set|list: the settings of one data directory. Secrets (site.secret, api.token) go to the keychain,
// or to the settings file after an explicit `config set secrets.store file`.
#include "clicommand.h"
#include "clicontext.h"
#include "common/diagnosticslog.h"
#include "common/secretmasker.h"
#include "settings/secretgenerator.h"
#include "settings/secretstore.h"
#include "settings/settings.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QScopeGuard>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iterator>
#include <termios.h>
#include <unistd.h>

namespace {

const QStringList secretKeys{SecretKey::siteSecret, SecretKey::apiToken, SecretKey::storePassword};

// `config set KEY -`: the value comes from standard input, so that it never shows in `ps` or the shell history.
const QString fromStdin = QStringLiteral("-");
// A token or verification string is far shorter; a longer line is a wrong file piped in, not a secret.
constexpr qsizetype maxSecretLength = 4096;

// The terminal settings to put back when a signal ends the process while echo is off (the handler may only use
// what it finds in static storage).
termios savedTerminal{};

void restoreTerminalAndReraise(int signal)
{
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// One line from standard input (UTF-8), the line break dropped. On a terminal the typed characters are not echoed; the
// terminal's settings are restored afterwards, whether the read succeeds, fails, or Ctrl+C ends the process.
Result<QByteArray, QString> readSecretLine(const QString &key, QTextStream &prompt)
{
    bool echoOff = false;
    constexpr int endingSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction previous[std::size(endingSignals)] = {};
    if (isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &savedTerminal) == 0) {
        struct sigaction restore = {};
        restore.sa_handler = restoreTerminalAndReraise;
        sigemptyset(&restore.sa_mask);
        for (std::size_t i = 0; i < std::size(endingSignals); ++i)
            sigaction(endingSignals[i], &restore, &previous[i]);
        termios quiet = savedTerminal;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        echoOff = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        prompt << QCoreApplication::translate("CliConfig", "%1 (not shown): ").arg(key) << Qt::flush;
    }
    const auto restore = qScopeGuard([&] {
        if (!echoOff)
            return;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
        for (std::size_t i = 0; i < std::size(endingSignals); ++i)
            sigaction(endingSignals[i], &previous[i], nullptr);
        prompt << Qt::endl; // the Enter the user typed was not echoed either
    });

    // Byte by byte: nothing past the line is consumed (stdin is not buffered elsewhere in this process).
    QByteArray line;
    for (;;) {
        char byte = 0;
        const ssize_t got = read(STDIN_FILENO, &byte, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return QCoreApplication::translate("CliConfig", "cannot read %1 from standard input: %2")
                .arg(key, QString::fromLocal8Bit(std::strerror(errno)));
        if (got == 0 || byte == '\n')
            break;
        if (line.size() >= maxSecretLength)
            return QCoreApplication::translate("CliConfig", "%1 on standard input is longer than %2 characters")
                .arg(key)
                .arg(maxSecretLength);
        line.append(byte);
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

// One setting's value, or none (a secret not set: exit 1). With --json an object of the one key, as `config list`
// gives every key: {"KEY": "value"}, null for none.
void printSetting(CliContext &ctx, const QString &key, const std::optional<QString> &value)
{
    if (!value && !ctx.json()) { // a secret not saved; --json gives null
        ctx.fail(QCoreApplication::translate("CliConfig", "%1 is not set").arg(key));
        return;
    }
    if (ctx.json())
        ctx.printJson(QJsonDocument(QJsonObject{{key, value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null)}}));
    else
        ctx.out() << value.value_or(QString()) << Qt::endl;
    ctx.finish(value ? 0 : 1);
}

void runGet(CliContext &ctx)
{
    if (!ctx.expectArguments(1, QStringLiteral("config get KEY")))
        return;
    const QString key = ctx.arguments().at(0);
    if (secretKeys.contains(key)) {
        // Secrets are shown masked: they never reach a terminal log or a script's output.
        ctx.withSecret(key, [&ctx, key](std::optional<QString> value) {
            printSetting(ctx, key, value ? std::optional<QString>(SecretMasker::maskValue(*value)) : std::nullopt);
        });
        return;
    }
    if (!Settings::findKey(key)) {
        ctx.fail(
            QCoreApplication::translate("CliConfig", "unknown setting '%1'; see 'skladhook-cli config list'").arg(key),
            2);
        return;
    }
    printSetting(ctx, key, ctx.settings().value(Settings::findKey(key)->id));
}

void setSecretsStore(CliContext &ctx, const QString &value);

void runSet(CliContext &ctx)
{
    if (!ctx.expectArguments(2, QStringLiteral("config set KEY VALUE")))
        return;
    const QString key = ctx.arguments().at(0);
    QString value = ctx.arguments().at(1);
    if (secretKeys.contains(key)) {
        if (value == fromStdin) {
            auto read = readSecretLine(key, ctx.err());
            if (!read.ok()) {
                ctx.fail(read.error());
                return;
            }
            value = QString::fromUtf8(read.value());
            if (value.trimmed().isEmpty()) {
                ctx.fail(
                    QCoreApplication::translate("CliConfig", "no %1 on standard input: give it as one non-empty line")
                        .arg(key),
                    2);
                return;
            }
        }
        SecretMasker::instance().add(value);
        if (value.trimmed().isEmpty()) {
            ctx.fail(QCoreApplication::translate("CliConfig", "%1 must not be empty").arg(key), 2);
            return;
        }
        if (key == SecretKey::siteSecret) {
            const auto usable = SecretGenerator::check(value);
            if (!usable.ok()) {
                ctx.fail(usable.error(), 2);
                return;
            }
        }
        Workspace *ws = ctx.workspace();
        if (!ws)
            return;
        const auto saved = [&ctx, ws, key, value](Result<Done, SecretError> result) {
            if (!result.ok()) {
                ctx.fail(QCoreApplication::translate("CliConfig", "cannot save %1 in %2: %3")
                             .arg(key, ws->secretStore().shownDescription(), result.error().toString()));
                return;
            }
            // Saved and announced: a running service uses it within a poll.
            ctx.err() << QCoreApplication::translate("CliConfig", "%1 saved in %2")
                             .arg(key, ws->secretStore().shownDescription())
                      << Qt::endl;
            if (ctx.json())
                ctx.printJson(QJsonDocument(QJsonObject{{key, SecretMasker::maskValue(value)}}));
            if (key == SecretKey::siteSecret && ws->isRotatingSecret())
                ctx.err() << QCoreApplication::translate("CliConfig",
                                                         "the previous verification string stays accepted until %1 or "
                                                         "until the hooks carry the new one: 'skladhook-cli webhooks "
                                                         "apply --update-own'")
                                 .arg(ws->secretRotationEnds().toString(Qt::ISODate))
                          << Qt::endl;
            ctx.finish(0);
        };
        if (key == SecretKey::siteSecret)
            ws->saveSiteSecret(value, saved);
        else if (key == SecretKey::storePassword)
            ws->saveStorePassword(value, saved);
        else
            ws->saveToken(value, saved);
        return;
    }
    if (key == QLatin1String("secrets.store")) {
        setSecretsStore(ctx, value);
        return;
    }
    const auto result = ctx.settings().set(key, value);
    if (!result.ok()) {
        ctx.fail(result.error(), 2);
        return;
    }
    if (ctx.json()) // the value as stored (normalised), as config get --json gives it
        ctx.printJson(QJsonDocument(QJsonObject{{key, ctx.settings().value(Settings::findKey(key)->id)}}));
    ctx.finish(0);
}

// secrets.store moves the secrets, as the desktop app's opt-in does: left in the other store, a running service would
// lose its token. Plaintext copies go only once the keychain holds the secrets.
void setSecretsStore(CliContext &ctx, const QString &value)
{
    const auto valid = Settings::key(SettingKey::SecretsStore).validate(value);
    if (!valid.ok()) {
        ctx.fail(valid.error().message, 2);
        return;
    }
    Workspace *ws = ctx.workspace();
    if (!ws)
        return;
    const QString store = valid.value(); // "file" or "keychain"
    const bool inFile = store == QLatin1String("file");
    const auto moved = [&ctx, ws, inFile, store](Result<Done, SecretError> result) {
        if (!result.ok()) {
            ctx.fail(QCoreApplication::translate("CliConfig",
                                                 "the secrets stay in %1: the OS keychain could not take them: %2")
                         .arg(ws->secretStore().shownDescription(), result.error().toString()));
            return;
        }
        if (ctx.json())
            ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("secrets.store"), store}}));
        ctx.err() << (inFile ? QCoreApplication::translate("CliConfig", "secrets will be kept in plaintext in %1")
                                   .arg(Settings::fileIn(ctx.dataDir()))
                             : QCoreApplication::translate("CliConfig", "secrets are now kept in %1")
                                   .arg(ws->secretStore().shownDescription()))
                  << Qt::endl;
        ctx.finish(0);
    };
    if (inFile == ws->secretsInFile()) {
        moved(Done{});
        return;
    }
    ws->loadSecrets(
        Workspace::MissingSiteSecret::Leave, [&ctx, ws, inFile, store, moved](std::optional<SecretError> unread) {
            if (!unread) {
                ws->setSecretsInFile(inFile, moved);
                return;
            }
            // What cannot be read cannot be moved (a keychain gone is why one leaves it): the store is switched, and
            // the secrets are to be saved again. No keychain at all (a server's first set-up) holds none: nothing to
            // say.
            const QString from = ws->secretStore().shownDescription();
            const auto set = ws->settings().set(SettingKey::SecretsStore, store);
            if (!set.ok()) {
                ctx.fail(set.error());
                return;
            }
            if (unread->kind != SecretError::Kind::Unavailable)
                ctx.err() << QCoreApplication::translate("CliConfig",
                                                         "the secrets in %1 could not be read (%2), so they were not "
                                                         "moved: save them again with 'config set api.token -' and "
                                                         "'config set site.secret -'")
                                 .arg(from, unread->toString())
                          << Qt::endl;
            moved(Done{});
        });
}

void runList(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("config list")))
        return;
    QJsonObject object;
    for (const Settings::Key &key : Settings::keys()) {
        const QString value = ctx.settings().value(key.id);
        object.insert(key.name, value);
        // The descriptions are English in core's table, marked for translation under "Settings".
        if (!ctx.json())
            ctx.out() << QStringLiteral("%1 = %2").arg(key.name, -22).arg(value) << "    # "
                      << (key.scope == SettingScope::Machine
                              ? QCoreApplication::translate("CliConfig", "[this machine]")
                              : QCoreApplication::translate("CliConfig", "[account]"))
                      << ' ' << QCoreApplication::translate("Settings", key.description.toUtf8().constData()) << '\n';
    }
    if (ctx.json())
        ctx.printJson(QJsonDocument(object));
    else
        ctx.out() << QCoreApplication::translate("CliConfig", "site.secret, api.token and store.password are secrets: "
                                                              "'config get' shows them masked.")
                  << Qt::endl;
    ctx.finish(0);
}

const CliRegistration get{
    {QStringLiteral("config get"),
     QStringLiteral("KEY"),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Print one setting. site.secret and api.token are "
                                                    "printed masked (their first two characters): they are "
                                                    "never shown in full.")),
     {},
     runGet}};
const CliRegistration set{
    {QStringLiteral("config set"),
     QStringLiteral("KEY VALUE"),
     QString::fromUtf8(QT_TRANSLATE_NOOP(
         "CliHelp",
         "Change one setting. With VALUE '-' site.secret, api.token or store.password is read from standard input "
         "(one line, not echoed on a terminal), so that it shows neither in ps nor in the shell history. Keys: those "
         "'config list' prints, with what each accepts, and the secrets site.secret, api.token and store.password "
         "(the PostgreSQL store's password on this machine), which go to the OS keychain; with --data-dir and no "
         "keychain, 'config set secrets.store file' keeps them in the data directory (plaintext, explicit "
         "opt-in). site.secret (the verification string in every hook URL): 16-128 characters A-Z a-z 0-9 - _ . ~; "
         "when unset, 'webhooks plan' or 'apply' generates a random one and saves it.")),
     {},
     runSet}};
const CliRegistration list{{QStringLiteral("config list"),
                            QString(),
                            QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Print every setting.")),
                            {},
                            runList}};

} // namespace
