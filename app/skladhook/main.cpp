// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app: parse arguments, build the objects, wire them, show the window. No logic here.
#include "aboutdialog.h"
#include "common/buildinfo.h"
#include "common/secretmasker.h"
#include "dialogs.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "monitor/diagnosticspane.h"
#include "monitor/queuepanel.h"
#include "service/service.h"
#include "servicehost.h"
#include "settings/keychainsecretstore.h"
#include "settings/settings.h"
#include "store/database.h"
#include "trayicon.h"
#include "widgets/statusindicator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication::setOrganizationName(QStringLiteral("SkladHook"));
    QApplication::setApplicationName(QStringLiteral("skladhook"));
    QApplication::setApplicationDisplayName(QStringLiteral("SkladHook"));
    QApplication::setApplicationVersion(BuildInfo::version());
    // --version answers without a display: a QApplication needs one.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) {
            std::printf("skladhook %s\n%s\n", qPrintable(BuildInfo::version()),
                        qPrintable(BuildInfo::buildDescription()));
            return 0;
        }
    }
    QApplication app(argc, argv);
    // Lets desktop shells match the window with its menu entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.skladhook.SkladHook"));
    QIcon fallback;
    for (const char *size : {"32", "64", "256"})
        fallback.addFile(QStringLiteral(":/icons/skladhook-%1.png").arg(QLatin1String(size)));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("skladhook"), fallback));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "MoySklad webhooks for your online shop"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QCoreApplication::translate("main", "Keep settings and data in DIR."),
                                           QCoreApplication::translate("main", "DIR"));
    const QCommandLineOption apiUrlOption(
        QStringLiteral("api-url"),
        QCoreApplication::translate("main", "Use this MoySklad API base URL for this session."),
        QCoreApplication::translate("main", "URL"));
    parser.addOption(dataDirOption);
    parser.addOption(apiUrlOption);
    parser.process(app);

    const QString dataDir = parser.isSet(dataDirOption)
                                ? QDir(parser.value(dataDirOption)).absolutePath()
                                : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dataDir)) {
        QTextStream(stderr) << QCoreApplication::translate("main", "cannot create the data directory %1").arg(dataDir)
                            << Qt::endl;
        return 1;
    }

    QSettings iniFile(Settings::fileIn(dataDir), QSettings::IniFormat);
    Settings settings(&iniFile);
    LanguageManager language;
    language.setLanguage(settings.language());

    KeychainSecretStore keychain(QDir(dataDir).absolutePath());
    Dialogs dialogs;
    // The receiver and the worker run here, or attach read-only to a running `skladhook-cli serve`.
    ServiceHost host(&settings, &keychain, dataDir);
    MainWindow window(MainWindow::Services{&settings, &keychain, host.log(), &dialogs, &language});
    window.statusBar()->addPermanentWidget(new StatusIndicator(&host));
    QObject::connect(window.controller(), &WebhookController::siteSecretChanged, &host,
                     &ServiceHost::setVerificationString);
    QObject::connect(window.controller(), &WebhookController::tokenChanged, &host, &ServiceHost::setToken);
    // The monitor only reads the database, so it works the same when attached to a running `serve`.
    auto *diagnostics = new DiagnosticsPane(Database::fileIn(dataDir));
    window.tabs()->addTab(diagnostics, QCoreApplication::translate("main", "Diagnostics"));
    auto *queuePanel = new QueuePanel();
    window.tabs()->addTab(queuePanel, QCoreApplication::translate("main", "Queue"));
    QObject::connect(&host, &ServiceHost::modeChanged, queuePanel, [&host, queuePanel] {
        queuePanel->setQueue(host.service() ? host.service()->queue() : nullptr);
        queuePanel->setWorker(host.service() ? host.service()->worker() : nullptr);
    });
    QMenu *help = window.menuBar()->addMenu(QCoreApplication::translate("main", "&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(QCoreApplication::translate("main", "&About SkladHook"), &window,
                    [&window] { AboutDialog(&window).exec(); });
    std::unique_ptr<TrayIcon> tray;
    if (TrayIcon::available()) {
        tray = std::make_unique<TrayIcon>(&host);
        tray->attachWindow(
            &window, [&settings] { return settings.value(QStringLiteral("ui.closeToTray")) == QLatin1String("on"); });
        QObject::connect(tray.get(), &TrayIcon::showWindowRequested, &window, [&window] {
            window.showNormal();
            window.raise();
            window.activateWindow();
        });
        QObject::connect(tray.get(), &TrayIcon::quitRequested, &app, &QApplication::quit);
        QObject::connect(window.controller(), &WebhookController::planChanged, tray.get(),
                         [&window, trayIcon = tray.get(), known = 0]() mutable {
                             const int disabled = window.controller()->plan().count(HookState::Disabled);
                             if (disabled > known)
                                 trayIcon->notifyDisabledHooks(disabled - known);
                             known = disabled;
                         });
        tray->show();
    }
    if (parser.isSet(apiUrlOption)) {
        const QUrl apiUrl = QUrl::fromUserInput(parser.value(apiUrlOption));
        if (!apiUrl.isValid()) {
            QTextStream(stderr)
                << QCoreApplication::translate("main", "--api-url: not a URL: %1").arg(parser.value(apiUrlOption))
                << Qt::endl;
            return 2;
        }
        window.controller()->setApiUrlOverride(apiUrl);
        host.setApiUrlOverride(apiUrl);
    }
    window.show();
    window.start();
    host.start();
    return app.exec();
}
