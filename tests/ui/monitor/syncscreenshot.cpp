// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the Queue tab's catch-up panel after a catch-up and a comparison with the fake MoySklad (one order edited
// behind the store's back), and saves it as a PNG for the README:
//   skladhook-sync-screenshot docs/screenshots/sync.png
#include "builders.h"
#include "fakemoysklad.h"
#include "monitor/syncpanel.h"
#include "settings/settings.h"
#include "store/storewriter.h"
#include "testworkspace.h"
#include "workspace/catchupscheduler.h"
#include "workspace/queueadmin.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QPixmap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        qWarning("usage: skladhook-sync-screenshot OUTPUT.png");
        return 2;
    }
    FakeMoySklad fake;
    QTemporaryDir dir;
    if (!fake.start() || !dir.isValid())
        return 1;
    Workspace workspace(testWorkspaceOptions(dir.path()));
    if (!workspace.open().ok() || !workspace.settings().set(SettingKey::ApiUrl, fake.baseUrl().toString()).ok() ||
        !workspace.settings().set(SettingKey::ExchangePayments, QStringLiteral("full")).ok() ||
        !workspace.settings().set(SettingKey::ImportOrders, QStringLiteral("on")).ok())
        return 1;
    workspace.loadSecrets(Workspace::MissingSiteSecret::Leave);
    if (!QTest::qWaitFor([&] { return workspace.hasLoadedSecrets(); }, 5000))
        return 1;
    bool saved = false;
    workspace.saveToken(fake.token(), [&saved](auto result) { saved = result.ok(); });
    if (!QTest::qWaitFor([&] { return saved; }, 5000))
        return 1;

    const QString updated = FakeMoySklad::moscowNow();
    for (int i = 0; i < 240; ++i)
        fake.seedDocument(QStringLiteral("customerorder"),
                          Builders::customerOrder(Builders::documentId(i), 1000 * i, QStringLiteral("Новый"), updated));
    for (int i = 0; i < 35; ++i)
        fake.seedDocument(
            QStringLiteral("paymentin"),
            Builders::payment(QStringLiteral("paymentin"), Builders::documentId(1000 + i), 500, {}, updated));

    QueueAdmin admin(&workspace, QStringLiteral("from the screenshot"));
    QWidget host;
    host.resize(1000, 250);
    auto *panel = new SyncPanel(&workspace, &admin, &host);
    panel->resize(host.size());
    host.show();
    QSignalSpy finished(&workspace.catchUp(), &CatchUpScheduler::finished);
    panel->syncSince(QDateTime::currentDateTimeUtc().addDays(-7));
    if (!finished.wait(30000))
        return 1;
    workspace.writer().flush();
    fake.editDocument(QStringLiteral("customerorder"), Builders::documentId(17),
                      QJsonObject{{QStringLiteral("sum"), 4200}});
    panel->compare();
    auto *fetch = panel->findChild<QPushButton *>(QStringLiteral("fetchDifferencesButton"));
    if (!QTest::qWaitFor([fetch] { return fetch->isVisible(); }, 30000))
        return 1;
    panel->refresh();
    QTest::qWait(100);
    return host.grab().save(QString::fromLocal8Bit(argv[1])) ? 0 : 1;
}
