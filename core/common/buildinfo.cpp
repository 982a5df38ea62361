// SPDX-License-Identifier: GPL-3.0-or-later
#include "buildinfo.h"

#include <QtGlobal>

namespace BuildInfo {

QString version()
{
    return QStringLiteral(SKLADHOOK_VERSION);
}

QString userAgent()
{
    return QStringLiteral("SkladHook/%1 (+https://github.com/skladhook/skladhook; Qt %2)")
        .arg(version(), QString::fromLatin1(qVersion()));
}

QString buildDescription()
{
    return QStringLiteral("Qt %1 (built with %2), GCC %3, %4")
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), QStringLiteral(__VERSION__),
             QStringLiteral(__DATE__));
}

} // namespace BuildInfo
