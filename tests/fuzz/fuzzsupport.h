// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

// The entry point every fuzz target defines: libFuzzer's under clang, the corpus replay's main() otherwise.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace FuzzSupport {

// A QCoreApplication for the whole run (plugins such as the SQLite driver need one), created on the first call, and
// Qt's warnings silenced: hostile input makes the code under test warn on purpose, and a flood of them would hide
// the one report that matters. A qFatal still aborts.
void initQt();
// The input as a QByteArray of its own (null-terminated, unlike libFuzzer's buffer).
QByteArray bytes(const std::uint8_t *data, std::size_t size);
// An invariant of the code under test: when it does not hold, the input is a finding (abort → libFuzzer keeps the
// reproducer, the corpus replay fails).
void require(bool holds, const char *what);

} // namespace FuzzSupport
