// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QByteArray>

// gzip through zlib. MoySklad demands Accept-Encoding: gzip; Qt only inflates when it set that header itself.
namespace Gzip {
// The inflated data, or nullopt when `data` is not a valid gzip stream or inflates past maxSize.
std::optional<QByteArray> decompress(const QByteArray &data, qsizetype maxSize = 256 * 1024 * 1024);
QByteArray compress(const QByteArray &data);
} // namespace Gzip
