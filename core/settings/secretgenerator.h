// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The verification string (проверочная строка): 256 random bits from the OS, base64url without padding,
// so that it travels in a URL as it is.
namespace SecretGenerator {
QString verificationString();
} // namespace SecretGenerator
