// SPDX-License-Identifier: GPL-3.0-or-later
#include "qtmessagefailure.h"

#include <gtest/gtest.h>
#include <QApplication>

int main(int argc, char **argv)
{
    // CTest's ENVIRONMENT does not reach the test-listing step, which would abort without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication::setOrganizationName(QStringLiteral("SkladHookTests"));
    QApplication::setApplicationName(QStringLiteral("skladhook-ui-tests"));
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    installQtMessageFailure();
    return RUN_ALL_TESTS();
}
