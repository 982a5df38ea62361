// SPDX-License-Identifier: GPL-3.0-or-later
#include "qtmessagefailure.h"

#include <gtest/gtest.h>
#include <QString>
#include <QtGlobal>

#include <cstdio>

bool &allowQtWarnings()
{
    static bool allowed = false;
    return allowed;
}

namespace {
void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray text = message.toLocal8Bit();
    const char *category = context.category ? context.category : "default";
    // The offscreen platform warns whenever a top-level window gets size constraints (any QMainWindow layout does);
    // that says nothing about SkladHook.
    if (message == QLatin1String("This plugin does not support propagateSizeHints()"))
        return;
    if (type == QtDebugMsg || type == QtInfoMsg || allowQtWarnings()) {
        if (qEnvironmentVariableIsSet("SKLADHOOK_TEST_VERBOSE"))
            std::fprintf(stderr, "[%s] %s\n", category, text.constData());
        return;
    }
    ADD_FAILURE() << "Qt message (" << category << "): " << text.constData();
    if (type == QtFatalMsg)
        std::abort();
}
} // namespace

void installQtMessageFailure()
{
    qInstallMessageHandler(handler);
}
