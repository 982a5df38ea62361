// SPDX-License-Identifier: GPL-3.0-or-later
// check: can we reach the API, is the token valid, may it manage webhooks.
#include "clicommand.h"
#include "clicontext.h"
#include "common/diagnosticslog.h"
#include "common/logtext.h"
#include "hooks/hookerrors.h"
#include "moysklad/moyskladclient.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace {

void runCheck(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("check")))
        return;
    ctx.withClient([&ctx](MoySkladClient *client) {
        client->checkAccess(&ctx, [&ctx, client](Result<AccessReport, ApiError> result) {
            if (!result.ok()) {
                // What it means first (a refused token, no network…), then MoySklad's own words.
                const ApiError &error = result.error();
                const QString explained = HookErrors::explain(error);
                if (ctx.json()) {
                    const bool reachable =
                        error.kind != ApiError::Kind::Network && error.kind != ApiError::Kind::Timeout;
                    ctx.printJson(
                        QJsonDocument(QJsonObject{{QStringLiteral("apiUrl"), client->config().baseUrl.toString()},
                                                  {QStringLiteral("reachable"), reachable},
                                                  {QStringLiteral("tokenValid"),
                                                   reachable ? QJsonValue(error.kind != ApiError::Kind::Unauthorized)
                                                             : QJsonValue(QJsonValue::Null)},
                                                  {QStringLiteral("canManageWebhooks"), false},
                                                  {QStringLiteral("reason"), explained},
                                                  {QStringLiteral("error"), error.toString()}}));
                    ctx.finish(1);
                    return;
                }
                ctx.fail(QCoreApplication::translate("CliCheck", "MoySklad at %1: %2 (%3)")
                             .arg(client->config().baseUrl.toString(), explained, error.toString()));
                return;
            }
            const AccessReport &report = result.value();
            const QString login = report.login.isEmpty() ? QStringLiteral("?") : report.login;
            ctx.log().info(
                QStringLiteral("moysklad"),
                report.canManageWebhooks
                    ? LogText(QT_TRANSLATE_NOOP("LogMessage", "Connection check: token valid for %1, webhooks may be "
                                                              "managed"),
                              login)
                    : LogText(QT_TRANSLATE_NOOP("LogMessage",
                                                "Connection check: token valid for %1, webhooks may not be "
                                                "managed: %2"),
                              login, report.reason));
            if (ctx.json()) {
                ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("apiUrl"), client->config().baseUrl.toString()},
                                                        {QStringLiteral("reachable"), true},
                                                        {QStringLiteral("tokenValid"), true},
                                                        {QStringLiteral("login"), report.login},
                                                        {QStringLiteral("canManageWebhooks"), report.canManageWebhooks},
                                                        {QStringLiteral("reason"), report.reason}}));
            } else {
                ctx.out() << QCoreApplication::translate("CliCheck", "API:      %1 reachable")
                                 .arg(client->config().baseUrl.toString())
                          << '\n'
                          << (report.login.isEmpty()
                                  ? QCoreApplication::translate("CliCheck", "Token:    valid")
                                  : QCoreApplication::translate("CliCheck", "Token:    valid (%1)").arg(report.login))
                          << '\n'
                          << (report.canManageWebhooks
                                  ? QCoreApplication::translate("CliCheck", "Webhooks: may be managed")
                                  : QCoreApplication::translate("CliCheck", "Webhooks: may NOT be managed: %1")
                                        .arg(report.reason))
                          << Qt::endl;
            }
            if (report.canManageWebhooks)
                ctx.finish(0);
            else if (ctx.json())
                ctx.finish(1);
            else
                ctx.fail(QCoreApplication::translate("CliCheck", "this user may not manage webhooks: %1")
                             .arg(report.reason));
        });
    });
}

const CliRegistration registration{
    {QStringLiteral("check"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Check that the API is reachable, the token "
                                                    "is valid and may manage webhooks.")),
     {},
     runCheck}};

} // namespace
