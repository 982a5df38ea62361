// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

// A moment as the monitor's tables and panels show it: local time, the date in the UI locale's short form (Russian
// 01.12.2026, English 12/1/26), the time of day to the second (or millisecond). Exports keep ISO 8601.
namespace DisplayTime {

enum class Precision { Seconds, Milliseconds };

QString text(const QDateTime &at, Precision precision = Precision::Seconds);
// The same form for a QDateTimeEdit.
QString editFormat();

} // namespace DisplayTime
