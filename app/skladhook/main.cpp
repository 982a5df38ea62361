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
#include "common/terminationsignals.h"
#include "servicestatus.h"
#include "settings/settings.h"
#include "store/database.h"
#include "trayicon.h"
#include "widgets/statusindicator.h"
#include "workspace/queueadmin.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMenuBar>
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

    Workspace::Options options;
    options.dataDir = dataDir;
    if (parser.isSet(apiUrlOption)) {
        options.apiUrlOverride = QUrl::fromUserInput(parser.value(apiUrlOption));
        if (!options.apiUrlOverride.isValid()) {
            QTextStream(stderr)
                << QCoreApplication::translate("main", "--api-url: not a URL: %1").arg(parser.value(apiUrlOption))
                << Qt::endl;
            return 2;
        }
    }
    // One workspace for everything this window does: settings, secrets (keychain, or the file opt-in), client,
    // log, and the service — run here, or followed in the `skladhook-cli serve` that runs it.
    Workspace workspace(options);
    const auto opened = workspace.open();
    if (!opened.ok()) {
        QTextStream(stderr) << opened.error() << Qt::endl;
        return 1;
    }
    LanguageManager language;
    language.setLanguage(workspace.settings().language());

    Dialogs dialogs;
    MainWindow window(MainWindow::Services{&workspace, &dialogs, &language});
    ServiceStatus status(&workspace);
    window.statusBar()->addPermanentWidget(new StatusIndicator(&status));
    auto *diagnostics = new DiagnosticsPane(Database::fileIn(dataDir));
    window.tabs()->addTab(diagnostics, QCoreApplication::translate("main", "Diagnostics"));
    QueueAdmin queueAdmin(&workspace, QStringLiteral("from the desktop app"));
    auto *queuePanel = new QueuePanel(&queueAdmin);
    window.tabs()->addTab(queuePanel, QCoreApplication::translate("main", "Queue"));
    QObject::connect(&status, &ServiceStatus::changed, queuePanel, [&status, queuePanel] {
        queuePanel->setWorkerTimes(status.lastWorkerRun(), status.nextWorkerRun());
    });
    QObject::connect(&workspace, &Workspace::queueChanged, queuePanel, &QueuePanel::refresh);
    QMenu *help = window.menuBar()->addMenu(QCoreApplication::translate("main", "&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(QCoreApplication::translate("main", "&About SkladHook"), &window,
                    [&window] { AboutDialog(&window).exec(); });
    std::unique_ptr<TrayIcon> tray;
    if (TrayIcon::available()) {
        tray = std::make_unique<TrayIcon>(&status);
        tray->attachWindow(&window, [&workspace] {
            return workspace.settings().value(SettingKey::UiCloseToTray) == QLatin1String("on");
        });
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
    window.show();
    window.start();
    workspace.runService();
    // SIGTERM (a session ending, systemd, a test) quits like the menu does: the service stops cleanly.
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &app, &QApplication::quit);
    return app.exec();
}
