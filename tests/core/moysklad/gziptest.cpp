// SPDX-License-Identifier: GPL-3.0-or-later
#include "moysklad/gzip.h"

#include <gtest/gtest.h>

TEST(Gzip, RoundTripsLargeText)
{
    QByteArray text;
    for (int i = 0; i < 20000; ++i)
        text.append("Заказ покупателя №").append(QByteArray::number(i)).append('\n');
    const QByteArray packed = Gzip::compress(text);
    ASSERT_FALSE(packed.isEmpty());
    EXPECT_LT(packed.size(), text.size() / 4);
    const auto unpacked = Gzip::decompress(packed);
    ASSERT_TRUE(unpacked.has_value());
    EXPECT_EQ(*unpacked, text);
}

TEST(Gzip, RefusesGarbageAndTruncatedStreams)
{
    EXPECT_FALSE(Gzip::decompress("not gzip at all").has_value());
    const QByteArray packed = Gzip::compress(QByteArray(10000, 'x'));
    EXPECT_FALSE(Gzip::decompress(packed.left(packed.size() / 2)).has_value());
}

TEST(Gzip, StopsAtTheSizeCap)
{
    const QByteArray packed = Gzip::compress(QByteArray(1 << 20, 'x'));
    EXPECT_FALSE(Gzip::decompress(packed, 1000).has_value());
}
