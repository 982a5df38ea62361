// SPDX-License-Identifier: GPL-3.0-or-later
#include "qtmessagefailure.h"

#include <QCoreApplication>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("SkladHookTests"));
    QCoreApplication::setApplicationName(QStringLiteral("skladhook-tests"));
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    installQtMessageFailure();
    return RUN_ALL_TESTS();
}
