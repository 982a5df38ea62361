// SPDX-License-Identifier: GPL-3.0-or-later
#include "moysklad/apierror.h"

#include <gtest/gtest.h>

TEST(ApiErrorItems, ReadsMoySkladsErrorBody)
{
    const auto items = ApiError::itemsFromBody(
        R"({"errors":[{"error":"Ошибка сохранения объекта: поле 'name' не может быть пустым","code":3000,)"
        R"("parameter":"name","moreInfo":"https://api.moysklad.ru/api/remap/1.2/doc#3000"},{"error":"x","code":1016}]})");
    ASSERT_EQ(items.size(), 2);
    EXPECT_EQ(items.at(0).code, 3000);
    EXPECT_EQ(items.at(0).parameter, u"name");
    EXPECT_TRUE(items.at(0).message.startsWith(u"Ошибка сохранения объекта"));
    EXPECT_EQ(items.at(0).moreInfo, u"https://api.moysklad.ru/api/remap/1.2/doc#3000");
    EXPECT_EQ(items.at(1).code, 1016);
}

TEST(ApiErrorItems, ReadsTheFirstItemOfAnArrayPostAnswer)
{
    const auto items = ApiError::itemsFromBody(R"([{"errors":[{"error":"exists","code":30003}]},{"errors":[]}])");
    ASSERT_EQ(items.size(), 1);
    EXPECT_EQ(items.at(0).code, 30003);
}

TEST(ApiErrorItems, AnythingElseGivesNone)
{
    EXPECT_TRUE(ApiError::itemsFromBody("<html><h1>502 Bad Gateway</h1></html>").isEmpty());
    EXPECT_TRUE(ApiError::itemsFromBody(R"({"errors":[{"error":"cut off","code":10)").isEmpty());
    EXPECT_TRUE(ApiError::itemsFromBody("[]").isEmpty());
    EXPECT_TRUE(ApiError::itemsFromBody(R"({"errors":{"code":1}})").isEmpty());
    EXPECT_TRUE(ApiError::itemsFromBody(QByteArray()).isEmpty());
}
