// SPDX-License-Identifier: GPL-3.0-or-later
#include "servedside.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

::testing::AssertionResult ServedSide::prepare(const QString &storeUrl, const QString &secret)
{
    if (!fake.start())
        return ::testing::AssertionFailure() << name.toStdString() << ": the fake MoySklad did not start";
    cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
    if (!storeUrl.isEmpty()) {
        if (auto set = cli.configSet(QStringLiteral("store.url"), storeUrl); !set)
            return set;
    }
    if (auto ready = cli.prepareServe(fake.baseUrl(), secret); !ready)
        return ready;
    for (const QString &key : {QStringLiteral("exchange.payments"), QStringLiteral("exchange.shipments")}) {
        if (auto set = cli.configSet(key, QStringLiteral("full")); !set)
            return set;
    }
    const auto queued = cli.run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("demand"),
                                 QStringLiteral("UPDATE"), QStringLiteral("queued")});
    if (queued.exitCode != 0)
        return ::testing::AssertionFailure() << name.toStdString() << ": webhooks mode: " << queued.err.toStdString();
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult ServedSide::start(const QString &secret)
{
    if (auto started = serve.start(); !started)
        return started << " (" << name.toStdString() << ')';
    sender.setTarget(serve.base(), secret);
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult ServedSide::waitForIdle(int tasks, int waiting)
{
    QJsonObject stats;
    const bool idle = QTest::qWaitFor(
        [&] {
            stats = cli.queueStats();
            const auto count = [&stats](const char *status) { return stats.value(QLatin1String(status)).toInt(); };
            return count("done") + count("dead") == tasks - waiting && count("pending") == waiting;
        },
        10000);
    if (idle)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << name.toStdString() << ": not idle: "
                                         << QJsonDocument(stats).toJson(QJsonDocument::Compact).toStdString()
                                         << serve.errors().toStdString();
}
