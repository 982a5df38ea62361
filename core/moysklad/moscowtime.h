// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

// MoySklad writes every moment (`moment`, `updated`, `created`, filter values, the audit feed) in Moscow time,
// UTC+3 all year, as "yyyy-MM-dd HH:mm:ss" with optional milliseconds and no zone.
namespace MoscowTime {

// The instant a MoySklad time names, in UTC; invalid when the text is not in MoySklad's form.
QDateTime parse(const QString &text);
// An instant in MoySklad's form, to the second ("2026-11-30 10:00:00") or to the millisecond.
enum class Precision { Seconds, Milliseconds };
QString format(const QDateTime &instant, Precision precision = Precision::Seconds);

} // namespace MoscowTime
