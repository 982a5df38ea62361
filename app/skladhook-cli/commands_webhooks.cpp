// SPDX-License-Identifier: GPL-3.0-or-later
// webhooks list: every webhook of the account, ours and other applications'.
#include "clicommand.h"
#include "clicontext.h"
#include "common/diagnosticslog.h"
#include "common/secretmasker.h"
#include "hooks/hookurl.h"
#include "moysklad/moyskladclient.h"

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
                ctx.fail(QStringLiteral("cannot list webhooks: %1").arg(result.error().toString()));
                return;
            }
            const QList<Webhook> &hooks = result.value();
            ctx.log().info(QStringLiteral("hooks"),
                           QStringLiteral("Listed %1 webhook(s) of the account").arg(hooks.size()));
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
                                 .arg(QStringLiteral("ENTITY"), -14)
                                 .arg(QStringLiteral("ACTION"), -9)
                                 .arg(QStringLiteral("ENABLED"), -7)
                                 .arg(QStringLiteral("CREATED BY"), -11)
                                 .arg(QStringLiteral("URL"));
                for (const Webhook &hook : hooks) {
                    ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                                     .arg(hook.id, -36)
                                     .arg(hook.entityType, -14)
                                     .arg(hook.action, -9)
                                     .arg(hook.enabled ? QStringLiteral("yes") : QStringLiteral("no"), -7)
                                     .arg(hook.createdByApplication() ? QStringLiteral("application")
                                                                      : QStringLiteral("user"),
                                          -11)
                                     .arg(HookUrl::mask(hook.url));
                }
                ctx.out() << hooks.size() << " webhook(s)" << Qt::endl;
            }
            ctx.finish(0);
        });
    });
}

const CliRegistration registration{{QStringLiteral("webhooks list"),
                                    QString(),
                                    QStringLiteral("List every webhook of the account (the key= secret masked)."),
                                    {},
                                    runList}};

} // namespace
