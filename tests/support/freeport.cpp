// SPDX-License-Identifier: GPL-3.0-or-later
#include "freeport.h"

#include <gtest/gtest.h>
#include <QTcpServer>

quint16 freePort()
{
    QTcpServer server;
    EXPECT_TRUE(server.listen(QHostAddress::LocalHost, 0)) << server.errorString().toStdString();
    return server.serverPort();
}
