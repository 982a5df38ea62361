// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QString>

// The verification string (проверочная строка): 256 random bits from the OS, base64url without padding,
// so that it travels in a URL as it is.
namespace SecretGenerator {

inline constexpr int minimumLength = 16;
inline constexpr int maximumLength = 128;

QString verificationString();

// A verification string chosen by the user: URL-safe characters only (A-Z a-z 0-9 - _ . ~, so that it travels in
// hook URLs unchanged) and 16 to 128 of them. Otherwise a message naming site.secret; the value is never repeated.
Result<Done, QString> check(const QString &secret);

} // namespace SecretGenerator
