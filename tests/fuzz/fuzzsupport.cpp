// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzsupport.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace FuzzSupport {

namespace {

void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", message.toLocal8Bit().constData());
        std::abort();
    }
}

} // namespace

void initQt()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "skladhook-fuzz";
    static char *argv[] = {name, nullptr};
    // Lives until the process ends: libFuzzer never returns to a place where it could be destroyed.
    static QCoreApplication *const app = new QCoreApplication(argc, argv);
    Q_UNUSED(app);
    qInstallMessageHandler(quietMessages);
}

QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

void require(bool holds, const char *what)
{
    if (holds)
        return;
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

} // namespace FuzzSupport
