// SPDX-License-Identifier: GPL-3.0-or-later
#include "moysklad/moscowtime.h"

#include <QTimeZone>

#include <utility>

namespace {

constexpr int kMoscowOffsetSeconds = 3 * 3600; // Moscow has kept UTC+3 without DST since 2014

const QTimeZone &moscow()
{
    static const QTimeZone zone(kMoscowOffsetSeconds);
    return zone;
}

// The number in text[from, from + digits), or -1 when a character there is not an ASCII digit.
int digitsAt(const QString &text, qsizetype from, int digits)
{
    int value = 0;
    for (qsizetype i = from; i < from + digits; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

// Read by position: every delivery's audit moment comes through here, and QDateTime::fromString's format parser cost
// more than the rest of a delivery's checks together. Stricter than it, too: two digits where the form has two.
QDateTime MoscowTime::parse(const QString &text)
{
    if (text.size() != 19 && text.size() != 23)
        return {};
    for (const auto &[at, separator] : {std::pair{4, u'-'}, {7, u'-'}, {10, u' '}, {13, u':'}, {16, u':'}}) {
        if (text.at(at) != separator)
            return {};
    }
    if (text.size() == 23 && text.at(19) != u'.')
        return {};
    const int fields[] = {digitsAt(text, 0, 4),
                          digitsAt(text, 5, 2),
                          digitsAt(text, 8, 2),
                          digitsAt(text, 11, 2),
                          digitsAt(text, 14, 2),
                          digitsAt(text, 17, 2),
                          text.size() == 23 ? digitsAt(text, 20, 3) : 0};
    for (const int field : fields) {
        if (field < 0)
            return {};
    }
    const QDate date(fields[0], fields[1], fields[2]);
    const QTime time(fields[3], fields[4], fields[5], fields[6]);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC).addSecs(-kMoscowOffsetSeconds);
}

QString MoscowTime::format(const QDateTime &instant, Precision precision)
{
    return instant.toTimeZone(moscow()).toString(precision == Precision::Seconds
                                                     ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                     : QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}
