// SPDX-License-Identifier: GPL-3.0-or-later
// serve: the receiver and the worker without a GUI. Stops cleanly on SIGINT/SIGTERM, losing nothing acknowledged.
#include "clicommand.h"
#include "clicontext.h"
#include "common/secretmasker.h"
#include "service/service.h"
#include "settings/secretstore.h"
#include "settings/settings.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// The self-pipe: the signal handler only writes a byte; the event loop does the stopping.
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

void runServe(CliContext &ctx)
{
    if (!ctx.expectArguments(0, QStringLiteral("serve")))
        return;
    if (ctx.settings().siteUrl().isEmpty()) {
        ctx.fail(QStringLiteral("site.url is not set: skladhook-cli config set site.url https://your-shop.example/"),
                 2);
        return;
    }
    ctx.withSecret(SecretKey::siteSecret, [&ctx](std::optional<QString> secret) {
        if (!secret || secret->isEmpty()) {
            ctx.fail(QStringLiteral("site.secret is not set: run 'skladhook-cli webhooks apply' (it generates one) or "
                                    "'skladhook-cli config set site.secret VALUE'"),
                     2);
            return;
        }
        ctx.withClient([&ctx, secret = *secret](MoySkladClient *client) {
            auto *service =
                new Service(ServiceConfig::fromSettings(ctx.settings(), ctx.dataDir(), secret), client, &ctx);
            const auto started = service->start();
            if (!started.ok()) {
                ctx.fail(QStringLiteral("cannot serve: %1").arg(started.error()));
                return;
            }
            if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
                ctx.fail(QStringLiteral("cannot set up signal handling"));
                return;
            }
            auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &ctx);
            QObject::connect(notifier, &QSocketNotifier::activated, &ctx, [&ctx, service, notifier] {
                notifier->setEnabled(false);
                char byte = 0;
                [[maybe_unused]] const auto read = ::read(signalPipe[0], &byte, 1);
                ctx.out() << "stopping…" << Qt::endl;
                service->stop();
                ctx.finish(0);
            });
            struct sigaction action = {};
            action.sa_handler = onSignal;
            sigemptyset(&action.sa_mask);
            action.sa_flags = SA_RESTART;
            sigaction(SIGINT, &action, nullptr);
            sigaction(SIGTERM, &action, nullptr);
            ctx.out() << "listening on http://" << service->receiver()->listenAddress()
                      << service->receiver()->pathPrefix() << Qt::endl;
        });
    });
}

const CliRegistration registration{{QStringLiteral("serve"),
                                    QString(),
                                    QStringLiteral("Run the receiver and the worker without a GUI (SIGINT/SIGTERM stop "
                                                   "it cleanly)."),
                                    {},
                                    runServe}};

} // namespace
