// SPDX-License-Identifier: GPL-3.0-or-later
#include "moysklad/moscowtime.h"

#include <QTimeZone>

namespace {

const QTimeZone &moscow()
{
    static const QTimeZone zone(3 * 3600); // Moscow has kept UTC+3 without DST since 2014
    return zone;
}

} // namespace

QDateTime MoscowTime::parse(const QString &text)
{
    for (const QString &form : {QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"), QStringLiteral("yyyy-MM-dd HH:mm:ss")}) {
        QDateTime instant = QDateTime::fromString(text, form);
        if (instant.isValid()) {
            instant.setTimeZone(moscow());
            return instant.toUTC();
        }
    }
    return {};
}

QString MoscowTime::format(const QDateTime &instant, Precision precision)
{
    return instant.toTimeZone(moscow()).toString(precision == Precision::Seconds
                                                     ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                     : QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}
