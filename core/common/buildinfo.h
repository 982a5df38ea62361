// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Version and build facts shown by --version, the About box and the User-Agent.
namespace BuildInfo {
QString version();
QString userAgent();
QString buildDescription(); // compiler, Qt version, build date
} // namespace BuildInfo
