// SPDX-License-Identifier: GPL-3.0-or-later
// webhooks list: every webhook of the account, ours and other applications'.
#include "clicommand.h"
#include "clicontext.h"
#include "common/diagnosticslog.h"
#include "common/logtext.h"
#include "common/secretmasker.h"
#include "hooks/hookurl.h"
#include "moysklad/moyskladclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

void runList(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("webhooks list")))
        return;
    ctx.withClient([&ctx](MoySkladClient *client) {
        client->listWebhooks(&ctx, [&ctx](Result<QList<Webhook>, ApiError> result) {
            if (!result.ok()) {
                ctx.fail(QCoreApplication::translate("CliWebhooks", "cannot list webhooks: %1")
                             .arg(result.error().toString()));
                return;
            }
            const QList<Webhook> &hooks = result.value();
            ctx.log().info(
                QStringLiteral("hooks"),
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Listed %1 webhook(s) of the account"), hooks.size()));
            if (ctx.json()) {
                QJsonArray array;
                for (const Webhook &hook : hooks) {
                    array.append(QJsonObject{
                        {QStringLiteral("id"), hook.id},
                        {QStringLiteral("entityType"), hook.entityType},
                        {QStringLiteral("action"), hook.action},
                        {QStringLiteral("url"), HookUrl::mask(hook.url)},
                        {QStringLiteral("enabled"), hook.enabled},
                        {QStringLiteral("authorApplication"),
                         hook.createdByApplication() ? QJsonValue(hook.authorApplication.toString()) : QJsonValue()}});
                }
                ctx.printJson(QJsonDocument(array));
            } else {
                ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                                 .arg(QStringLiteral("ID"), -36)
                                 .arg(QCoreApplication::translate("CliWebhooks", "ENTITY"), -14)
                                 .arg(QCoreApplication::translate("CliWebhooks", "ACTION"), -9)
                                 .arg(QCoreApplication::translate("CliWebhooks", "ENABLED"), -7)
                                 .arg(QCoreApplication::translate("CliWebhooks", "CREATED BY"), -11)
                                 .arg(QStringLiteral("URL"));
                for (const Webhook &hook : hooks) {
                    ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                                     .arg(hook.id, -36)
                                     .arg(hook.entityType, -14)
                                     .arg(hook.action, -9)
                                     .arg(hook.enabled ? QCoreApplication::translate("CliWebhooks", "yes")
                                                       : QCoreApplication::translate("CliWebhooks", "no"),
                                          -7)
                                     .arg(hook.createdByApplication()
                                              ? QCoreApplication::translate("CliWebhooks", "application")
                                              : QCoreApplication::translate("CliWebhooks", "user"),
                                          -11)
                                     .arg(HookUrl::mask(hook.url));
                }
                ctx.out() << QCoreApplication::translate("CliWebhooks", "%n webhook(s)", nullptr, int(hooks.size()))
                          << Qt::endl;
            }
            ctx.finish(0);
        });
    });
}

const CliRegistration registration{
    {QStringLiteral("webhooks list"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "List every webhook of the account (the key= secret masked).")),
     {},
     runList}};

} // namespace
