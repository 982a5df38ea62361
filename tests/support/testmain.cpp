// SPDX-License-Identifier: GPL-3.0-or-later
#include "qtmessagefailure.h"

#include <gtest/gtest.h>
#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("SkladHookTests"));
    QCoreApplication::setApplicationName(QStringLiteral("skladhook-tests"));
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    installQtMessageFailure();
    return RUN_ALL_TESTS();
}
