// SPDX-License-Identifier: GPL-3.0-or-later
// check: can we reach the API, is the token valid, may it manage webhooks.
#include "clicommand.h"
#include "clicontext.h"
#include "common/diagnosticslog.h"
#include "moysklad/moyskladclient.h"

#include <QJsonObject>

namespace {

void runCheck(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("check")))
        return;
    ctx.withClient([&ctx](MoySkladClient *client) {
        client->checkAccess(&ctx, [&ctx, client](Result<AccessReport, ApiError> result) {
            if (!result.ok()) {
                ctx.fail(QStringLiteral("MoySklad at %1: %2")
                             .arg(client->config().baseUrl.toString(), result.error().toString()));
                return;
            }
            const AccessReport &report = result.value();
            ctx.log().info(QStringLiteral("moysklad"),
                           QStringLiteral("Connection check: token valid%1, webhooks %2")
                               .arg(report.login.isEmpty() ? QString() : QStringLiteral(" for ") + report.login,
                                    report.canManageWebhooks ? QStringLiteral("may be managed")
                                                             : QStringLiteral("may not be managed: ") + report.reason));
            if (ctx.json()) {
                ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("apiUrl"), client->config().baseUrl.toString()},
                                                        {QStringLiteral("reachable"), true},
                                                        {QStringLiteral("tokenValid"), true},
                                                        {QStringLiteral("login"), report.login},
                                                        {QStringLiteral("canManageWebhooks"), report.canManageWebhooks},
                                                        {QStringLiteral("reason"), report.reason}}));
            } else {
                ctx.out() << "API:      " << client->config().baseUrl.toString() << " reachable\n"
                          << "Token:    valid"
                          << (report.login.isEmpty() ? QString()
                                                     : QStringLiteral(" (") + report.login + QLatin1Char(')'))
                          << '\n'
                          << "Webhooks: "
                          << (report.canManageWebhooks ? QStringLiteral("may be managed")
                                                       : QStringLiteral("may NOT be managed: ") + report.reason)
                          << Qt::endl;
            }
            if (report.canManageWebhooks)
                ctx.finish(0);
            else if (ctx.json())
                ctx.finish(1);
            else
                ctx.fail(QStringLiteral("this user may not manage webhooks: %1").arg(report.reason));
        });
    });
}

const CliRegistration registration{{QStringLiteral("check"),
                                    QString(),
                                    QStringLiteral("Check that the API is reachable, the token is valid and may "
                                                   "manage webhooks."),
                                    {},
                                    runCheck}};

} // namespace
