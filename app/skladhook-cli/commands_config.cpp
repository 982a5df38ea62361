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

#include <QJsonObject>

namespace {

const QStringList secretKeys{SecretKey::siteSecret, SecretKey::apiToken};

void runGet(CliContext &ctx)
{
    if (!ctx.expectArguments(1, QStringLiteral("config get KEY")))
        return;
    const QString key = ctx.arguments().at(0);
    if (secretKeys.contains(key)) {
        // Secrets are shown masked: they never reach a terminal log or a script's output.
        ctx.withSecret(key, [&ctx](std::optional<QString> value) {
            ctx.out() << (value ? SecretMasker::maskValue(*value) : QString()) << Qt::endl;
            ctx.finish(value ? 0 : 1);
        });
        return;
    }
    if (!Settings::findKey(key)) {
        ctx.fail(QStringLiteral("unknown setting '%1'; see 'skladhook-cli config list'").arg(key), 2);
        return;
    }
    ctx.out() << ctx.settings().value(Settings::findKey(key)->id) << Qt::endl;
    ctx.finish(0);
}

void runSet(CliContext &ctx)
{
    if (!ctx.expectArguments(2, QStringLiteral("config set KEY VALUE")))
        return;
    const QString key = ctx.arguments().at(0);
    const QString value = ctx.arguments().at(1);
    if (secretKeys.contains(key)) {
        SecretMasker::instance().add(value);
        if (value.trimmed().isEmpty()) {
            ctx.fail(QStringLiteral("%1 must not be empty").arg(key), 2);
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
        const auto saved = [&ctx, ws, key](Result<Done, SecretError> result) {
            if (!result.ok()) {
                ctx.fail(QStringLiteral("cannot save %1 in %2: %3")
                             .arg(key, ws->secretStore().description(), result.error().toString()));
                return;
            }
            // Saved and announced: a running service uses it within a poll.
            ctx.err() << key << " saved in " << ws->secretStore().description() << Qt::endl;
            ctx.finish(0);
        };
        if (key == SecretKey::siteSecret)
            ws->saveSiteSecret(value, saved);
        else
            ws->saveToken(value, saved);
        return;
    }
    const auto result = ctx.settings().set(key, value);
    if (!result.ok()) {
        ctx.fail(result.error(), 2);
        return;
    }
    if (key == QLatin1String("secrets.store") && value == QLatin1String("file"))
        ctx.err() << "secrets will be kept in plaintext in " << Settings::fileIn(ctx.dataDir()) << Qt::endl;
    ctx.finish(0);
}

void runList(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("config list")))
        return;
    QJsonObject object;
    for (const Settings::Key &key : Settings::keys()) {
        const QString value = ctx.settings().value(key.id);
        object.insert(key.name, value);
        if (!ctx.json())
            ctx.out() << QStringLiteral("%1 = %2").arg(key.name, -22).arg(value) << "    # "
                      << (key.scope == SettingScope::Machine ? "[this machine] " : "[account] ") << key.description
                      << '\n';
    }
    if (ctx.json())
        ctx.printJson(QJsonDocument(object));
    else
        ctx.out() << "site.secret and api.token are secrets: 'config get' shows them masked." << Qt::endl;
    ctx.finish(0);
}

const QString keysHelp = QStringLiteral(
    "Keys: api.url, site.url, site.secret, exchange.payments (none|full), exchange.shipments (none|full), "
    "import.orders (on|off), receiver.listen, receiver.allowExternal, worker.interval, worker.maxAttempts, "
    "retention.days, secrets.store (keychain|file), ui.language, api.token. site.secret and api.token go to the OS "
    "keychain; with --data-dir and no keychain, 'config set secrets.store file' keeps them in the data directory "
    "(plaintext, explicit opt-in). site.secret (the verification string in every hook URL): 16-128 characters "
    "A-Z a-z 0-9 - _ . ~; when unset, 'webhooks plan' or 'apply' generates a random one and saves it.");

const CliRegistration get{{QStringLiteral("config get"),
                           QStringLiteral("KEY"),
                           QStringLiteral("Print one setting. site.secret and api.token are printed masked (their "
                                          "first two characters): they are never shown in full."),
                           {},
                           runGet}};
const CliRegistration set{{QStringLiteral("config set"),
                           QStringLiteral("KEY VALUE"),
                           QStringLiteral("Change one setting. ") + keysHelp,
                           {},
                           runSet}};
const CliRegistration list{
    {QStringLiteral("config list"), QString(), QStringLiteral("Print every setting."), {}, runList}};

} // namespace
