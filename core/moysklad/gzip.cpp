// SPDX-License-Identifier: GPL-3.0-or-later
#include "gzip.h"

#include <zlib.h>

namespace Gzip {

namespace {
constexpr int gzipWindowBits = 15 + 16; // +16: gzip wrapper instead of zlib's
constexpr int chunkSize = 64 * 1024;
} // namespace

std::optional<QByteArray> decompress(const QByteArray &data, qsizetype maxSize)
{
    z_stream stream{};
    if (inflateInit2(&stream, gzipWindowBits) != Z_OK)
        return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    QByteArray out;
    int status = Z_OK;
    while (status == Z_OK) {
        const qsizetype offset = out.size();
        out.resize(offset + chunkSize);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + offset);
        stream.avail_out = chunkSize;
        status = inflate(&stream, Z_NO_FLUSH);
        out.resize(offset + chunkSize - stream.avail_out);
        if (out.size() > maxSize || (status == Z_BUF_ERROR && stream.avail_in == 0))
            break;
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        return std::nullopt;
    return out;
}

QByteArray compress(const QByteArray &data)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))) + 32,
                   Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return status == Z_STREAM_END ? out : QByteArray();
}

} // namespace Gzip
