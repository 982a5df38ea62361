// SPDX-License-Identifier: GPL-3.0-or-later
#include "moysklad/apierror.h"

#include <gtest/gtest.h>
#include <QCoreApplication>
#include <QHash>
#include <QTranslator>

namespace {
// A translator that knows only a few of ApiError's sentences (a compiled .qm would tie the test to the shipped
// wording); anything it does not know stays English, as with Qt's own translators.
class ApiErrorTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        static const QHash<QString, QString> russian{{QStringLiteral("network error"), QStringLiteral("ошибка сети")},
                                                     {QStringLiteral("(code %1)"), QStringLiteral("(код %1)")}};
        return qstrcmp(context, "ApiError") == 0 ? russian.value(QString::fromUtf8(sourceText)) : QString();
    }
    bool isEmpty() const override { return false; }
};
} // namespace

TEST(ApiErrorText, OurWordsAreTranslatedMoySkladsStayAsTheyCame)
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = 403;
    error.items = {{QStringLiteral("Доступ запрещён (code words inside stay)"), 1016, QString(), QString()}};
    EXPECT_EQ(error.toString(), QStringLiteral("HTTP 403: Доступ запрещён (code words inside stay) (code 1016)"));
    ApiError network;
    network.detail = QStringLiteral("Connection refused");
    EXPECT_EQ(network.toString(), QStringLiteral("network error: Connection refused"));

    ApiErrorTranslator translator;
    ASSERT_TRUE(QCoreApplication::installTranslator(&translator));
    const QString httpRu = error.toString();
    const QString networkRu = network.toString();
    QCoreApplication::removeTranslator(&translator);
    EXPECT_EQ(httpRu, QStringLiteral("HTTP 403: Доступ запрещён (code words inside stay) (код 1016)"));
    EXPECT_EQ(networkRu, QStringLiteral("ошибка сети: Connection refused"));
}

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
