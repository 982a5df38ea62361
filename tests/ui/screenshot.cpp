// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the main window against the fake MoySklad server, seeded with a realistic account (the module's hooks
// in several states next to other applications' hooks), and saves it as a PNG for the README.
//   skladhook-screenshot OUTPUT.png [en|ru] [webhooks|connection]
#include "hooks/hookcatalog.h"
#include "hooks/hookurl.h"
#include "models/webhooktablemodel.h"
#include "uifixture.h"
#include "webhookspage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTextStream>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication::setOrganizationName(QStringLiteral("SkladHookScreenshot"));
    QApplication::setApplicationName(QStringLiteral("skladhook-screenshot"));
    QApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        err << "usage: skladhook-screenshot OUTPUT.png [en|ru]" << Qt::endl;
        return 2;
    }
    const QString output = args.at(1);
    const QString language = args.value(2, QStringLiteral("en"));
    const QString tab = args.value(3, QStringLiteral("webhooks"));

    UiFixture fixture;
    if (!fixture.startFake()) {
        err << "the fake MoySklad server did not start" << Qt::endl;
        return 1;
    }
    (void)fixture.settings->set(QStringLiteral("ui.language"), language);

    const QUrl site = HookUrl::normalizeSite(UiFixture::siteUrl).value();
    const QString oldSecret = QStringLiteral("Old_Secret_0123456789abcdefghijklmnopqrstuv");
    for (const HookSpec &spec : HookCatalog::all()) {
        if (spec.key() == QLatin1String("demand/UPDATE"))
            continue; // missing
        Webhook hook;
        hook.entityType = spec.entityType;
        hook.action = spec.action;
        const bool outdated = spec.key() == QLatin1String("customerorder/CREATE");
        hook.url = HookUrl::build(site, spec.entityType, spec.action, outdated ? oldSecret : UiFixture::secret);
        hook.enabled = spec.key() != QLatin1String("cashin/DELETE"); // MoySklad disabled it
        fixture.fake.seedHook(hook);
    }
    fixture.seedForeignHooks();
    fixture.settings->setExecutionMode(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                                       ExecutionMode::FirstImmediate);
    fixture.settings->setExecutionMode(QStringLiteral("paymentin"), QStringLiteral("CREATE"), ExecutionMode::Queued);
    fixture.settings->setExecutionMode(QStringLiteral("cashin"), QStringLiteral("CREATE"), ExecutionMode::Queued);

    MainWindow *window = fixture.createWindow();
    window->start();
    if (!fixture.waitIdle() || !window->controller()->hasListed()) {
        err << "the hooks were not listed" << Qt::endl;
        return 1;
    }
    // Wide enough for every column as listed (the fitted widths), so that nothing scrolls in the picture.
    const auto *page = window->findChild<WebhooksPage *>();
    window->resize(std::max(window->width(), window->width() - page->width() + page->preferredWidth()), 600);
    window->tabs()->setCurrentIndex(0);
    // Tick Update on the outdated hook, as a user about to click Apply.
    WebhookTableModel *model = window->webhookModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->planRow(row).state == HookState::Outdated)
            model->setData(model->index(row, WebhookTableModel::UpdateColumn), Qt::Checked, Qt::CheckStateRole);
    }
    if (tab == QLatin1String("connection"))
        window->tabs()->setCurrentWidget(window->findChild<QWidget *>(QStringLiteral("connectionPage")));
    QTest::qWait(100);
    const QPixmap shot = window->grab();
    QDir().mkpath(QFileInfo(output).absolutePath());
    if (shot.isNull() || !shot.save(output, "PNG")) {
        err << "cannot save " << output << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "saved " << output << " (" << shot.width() << "x" << shot.height() << ")" << Qt::endl;
    return 0;
}
