// SPDX-License-Identifier: GPL-3.0-or-later
// serve: the receiver and the worker without a GUI. Stops cleanly on SIGINT/SIGTERM, losing nothing acknowledged;
// follows settings, secrets and queue actions changed by other processes while it runs (the workspace does).
#include "clicommand.h"
#include "clicontext.h"
#include "common/terminationsignals.h"
#include "service/service.h"
#include "settings/settings.h"
#include "workspace/workspace.h"

#include <QCoreApplication>

namespace {

void printListening(CliContext &ctx, const Service *service)
{
    ctx.out() << QCoreApplication::translate("CliServe", "listening on %1")
                     .arg(QStringLiteral("http://") + service->receiver()->listenAddress() +
                          service->receiver()->pathPrefix())
              << Qt::endl;
}

void serveLoaded(CliContext &ctx, Workspace *ws)
{
    if (ws->siteSecret().isEmpty()) {
        ctx.fail(QCoreApplication::translate("CliServe",
                                             "site.secret is not set: run 'skladhook-cli webhooks apply' (it "
                                             "generates one) or 'skladhook-cli config set site.secret VALUE'"),
                 2);
        return;
    }
    ws->runService();
    if (ws->role() != Workspace::Role::Serving) {
        ctx.fail(ws->role() == Workspace::Role::Attached
                     ? QCoreApplication::translate("CliServe", "cannot serve: another SkladHook (%1) is already "
                                                               "serving %2")
                           .arg(ws->roleDetail(), ws->dataDir())
                     : QCoreApplication::translate("CliServe", "cannot serve: %1").arg(ws->roleDetail()));
        return;
    }
    if (!ws->hasCredentials())
        ctx.err() << QCoreApplication::translate("CliServe",
                                                 "no API token yet: deliveries are answered and queued; processing "
                                                 "starts as soon as one is saved ('skladhook-cli config set api.token "
                                                 "TOKEN')")
                  << Qt::endl;
    auto *termination = new TerminationSignals(&ctx);
    if (!termination->isValid()) {
        ctx.fail(QCoreApplication::translate("CliServe", "cannot set up signal handling"));
        return;
    }
    QObject::connect(termination, &TerminationSignals::received, &ctx, [&ctx, ws, termination] {
        termination->disconnect(&ctx);
        ctx.out() << QCoreApplication::translate("CliServe", "stopping…") << Qt::endl;
        ws->stopService();
        ctx.finish(0);
    });
    // A receiver.listen changed by another process restarts the receiver, a site.url gives it another path: say
    // where it listens now.
    QObject::connect(ws->service(), &Service::receiverRestarted, &ctx,
                     [&ctx, ws] { printListening(ctx, ws->service()); });
    QObject::connect(ws->service(), &Service::receiverPathChanged, &ctx,
                     [&ctx, ws] { printListening(ctx, ws->service()); });
    printListening(ctx, ws->service());
}

void runServe(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("serve")))
        return;
    Workspace *ws = ctx.workspace();
    if (ws->settings().siteUrl().isEmpty()) {
        ctx.fail(QCoreApplication::translate("CliServe", "site.url is not set: skladhook-cli config set site.url "
                                                         "https://your-shop.example/"),
                 2);
        return;
    }
    ws->loadSecrets(Workspace::MissingSiteSecret::Leave, [&ctx, ws](std::optional<SecretError> error) {
        if (error) {
            ctx.fail(QCoreApplication::translate("CliServe", "cannot read the secrets from %1: %2")
                         .arg(ws->secretStore().shownDescription(), error->toString()));
            return;
        }
        serveLoaded(ctx, ws);
    });
}

const CliRegistration registration{
    {QStringLiteral("serve"),
     QString(),
     QString::fromUtf8(QT_TRANSLATE_NOOP("CliHelp", "Run the receiver and the worker without a "
                                                    "GUI (SIGINT/SIGTERM stop it cleanly).")),
     {},
     runServe}};

} // namespace
