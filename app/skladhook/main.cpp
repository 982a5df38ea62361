// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/buildinfo.h"
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication::setOrganizationName(QStringLiteral("SkladHook"));
    QApplication::setApplicationName(QStringLiteral("skladhook"));
    QApplication::setApplicationDisplayName(QStringLiteral("SkladHook"));
    QApplication::setApplicationVersion(BuildInfo::version());
    QApplication app(argc, argv);
    MainWindow window;
    window.show();
    return app.exec();
}
