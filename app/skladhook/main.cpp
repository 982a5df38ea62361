// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app: parse arguments, build the objects, wire them, show the window. No logic here.
#include "common/buildinfo.h"
#include "common/owneronly.h"
#include "common/terminationsignals.h"
#include "desktopapp.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "dialogs.h"
#include "languagemanager.h"
#include "settings/settings.h"
#include "store/databasefile.h"
#include "storeproblemprompt.h"
#include "workspace/catchupscheduler.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    OwnerOnly::restrictNewFiles(); // the data directory is the user's alone, whatever the umask
    QApplication::setOrganizationName(QStringLiteral("SkladHook"));
    QApplication::setApplicationName(QStringLiteral("skladhook"));
    QApplication::setApplicationDisplayName(QStringLiteral("SkladHook"));
    QApplication::setApplicationVersion(BuildInfo::version());
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

    // --version and --help answer without a display: a QApplication needs one (and aborts without it). Only these
    // exact words are looked at here; everything else (Qt's own options and --help-all too) is parsed once the
    // application exists.
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--"))
            break;
        if (arg == QLatin1String("--version") || arg == QLatin1String("-v")) {
            std::printf("skladhook %s\n%s\n", qPrintable(BuildInfo::version()),
                        qPrintable(BuildInfo::buildDescription()));
            return 0;
        }
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h") || arg == QLatin1String("-?")) {
            // Without an application Qt cannot know the program's name: name it as it was called, as Qt would.
            const QString text =
                parser.helpText().replace(QLatin1String("<executable_name>"), QString::fromLocal8Bit(argv[0]));
            std::fputs(qPrintable(text), stdout);
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
        // As `config set api.url` takes it (an absolute http(s) URL), as skladhook-cli's --api-url does.
        const auto url = Settings::key(SettingKey::ApiUrl).validate(parser.value(apiUrlOption));
        if (!url.ok()) {
            QTextStream(stderr)
                << QCoreApplication::translate("main", "--api-url: not a URL: %1").arg(parser.value(apiUrlOption))
                << Qt::endl;
            return 2;
        }
        options.apiUrlOverride = QUrl(url.value());
    }
    // One workspace for everything this window does: settings, secrets (keychain, or the file opt-in), client,
    // log, and the service — run here, or followed in the `skladhook-cli serve` that runs it.
    auto ownWorkspace = std::make_unique<Workspace>(options);
    auto opened = ownWorkspace->open();
    if (!opened.ok() && ownWorkspace->openProblem().canMoveAside()) {
        // A damaged or foreign skladhook.db: offered to be moved aside (kept), then a fresh one refetched.
        const DatabaseFile::Problem problem = ownWorkspace->openProblem();
        StoreProblemPrompt prompt(problem);
        prompt.exec();
        if (prompt.moveAsideChosen()) {
            ownWorkspace.reset();
            const auto moved = DatabaseFile::moveAside(problem.path, QDateTime::currentDateTimeUtc());
            if (!moved.ok()) {
                QMessageBox::critical(nullptr, prompt.windowTitle(), moved.error());
                return 1;
            }
            ownWorkspace = std::make_unique<Workspace>(options);
            opened = ownWorkspace->open();
            if (opened.ok()) {
                ownWorkspace->log().warning(QStringLiteral("store"),
                                            LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 was moved aside to %2 (kept); "
                                                                                    "started with a fresh one"),
                                                    problem.path, moved.value().path));
                ownWorkspace->catchUp().startFrom(QDateTime::currentDateTimeUtc().addDays(-30));
            }
        } else {
            return 1;
        }
    }
    if (!opened.ok()) {
        QTextStream(stderr) << opened.error() << Qt::endl;
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "SkladHook cannot start"), opened.error());
        return 1;
    }
    Workspace &workspace = *ownWorkspace;
    LanguageManager language;
    language.setLanguage(workspace.settings().language());

    Dialogs dialogs;
    DesktopApp desktop(&workspace, &language, &dialogs);
    QObject::connect(&desktop, &DesktopApp::quitRequested, &app, &QApplication::quit);
    desktop.start();
    // SIGTERM (a session ending, systemd, a test) quits like the menu does: the service stops cleanly.
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &app, &QApplication::quit);
    return app.exec();
}
