// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytime.h"

#include <QLocale>

namespace DisplayTime {

QString text(const QDateTime &at, Precision precision)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    const QString time = local.time().toString(precision == Precision::Milliseconds ? QStringLiteral("HH:mm:ss.zzz")
                                                                                    : QStringLiteral("HH:mm:ss"));
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') + time;
}

QString editFormat()
{
    return QLocale().dateFormat(QLocale::ShortFormat) + QStringLiteral(" HH:mm:ss");
}

} // namespace DisplayTime
