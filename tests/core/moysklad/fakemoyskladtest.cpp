// SPDX-License-Identifier: GPL-3.0-or-later
// The fake's own limits, seen through a plain QNetworkAccessManager with no limiter of ours: the rate-limit load
// test means something only if the fake really answers 429 the way MoySklad does.
#include "fakemoysklad.h"
#include "moysklad/gzip.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

struct RawAnswer
{
    int status = 0;
    QJsonObject body;
    QByteArray remaining;
    QByteArray retryAfter;
    QByteArray limit;
};

QNetworkReply *sendRaw(QNetworkAccessManager &network, const FakeMoySklad &fake)
{
    QNetworkRequest request(QUrl(fake.baseUrl().toString() + QStringLiteral("/entity/webhook")));
    request.setRawHeader("Accept-Encoding", "gzip");
    request.setRawHeader("Authorization", "Bearer " + fake.token().toUtf8());
    return network.get(request);
}

RawAnswer read(QNetworkReply *reply)
{
    RawAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto body = Gzip::decompress(reply->readAll());
    if (body)
        answer.body = QJsonDocument::fromJson(*body).object();
    answer.remaining = reply->rawHeader("X-RateLimit-Remaining");
    answer.retryAfter = reply->rawHeader("X-Lognex-Retry-After");
    answer.limit = reply->rawHeader("X-RateLimit-Limit");
    return answer;
}

int errorCode(const RawAnswer &answer)
{
    return answer.body.value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("code")).toInt();
}

} // namespace

TEST(FakeMoySklad, AnEmptyBucketAnswers429WithCode1049AndTheRateHeaders)
{
    FakeMoySklad::Options limits;
    limits.rateUnits = 8;
    limits.requestWeight = 4;
    limits.rateWindowMs = 60000; // no refill worth mentioning during the test
    FakeMoySklad fake(limits);
    ASSERT_TRUE(fake.start());
    QNetworkAccessManager network;

    std::vector<RawAnswer> answers;
    for (int i = 0; i < 3; ++i) {
        std::unique_ptr<QNetworkReply> reply(sendRaw(network, fake));
        ASSERT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 5000));
        answers.push_back(read(reply.get()));
    }
    EXPECT_EQ(answers[0].status, 200);
    // Limit and Remaining count requests of weight 4, as MoySklad's do.
    EXPECT_EQ(answers[0].remaining, "1");
    EXPECT_EQ(answers[0].limit, "2");
    EXPECT_EQ(answers[1].status, 200);
    EXPECT_EQ(answers[1].remaining, "0");
    EXPECT_EQ(answers[2].status, 429);
    EXPECT_EQ(errorCode(answers[2]), 1049);
    EXPECT_GT(answers[2].retryAfter.toLongLong(), 0);
    EXPECT_EQ(fake.rateLimitedCount(), 1);
}

TEST(FakeMoySklad, MoreParallelRequestsThanAllowedAnswer429WithCode1073)
{
    FakeMoySklad::Options limits;
    limits.maxParallel = 2;
    FakeMoySklad fake(limits);
    ASSERT_TRUE(fake.start());
    fake.setResponseDelayMs(300); // keeps the first ones in flight while the last arrives
    QNetworkAccessManager network;

    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (int i = 0; i < 3; ++i)
        replies.emplace_back(sendRaw(network, fake));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return std::all_of(replies.begin(), replies.end(), [](const auto &r) { return r->isFinished(); }); },
        5000));
    int ok = 0;
    int parallelLimited = 0;
    for (const auto &reply : replies) {
        const RawAnswer answer = read(reply.get());
        if (answer.status == 200)
            ++ok;
        else if (answer.status == 429 && errorCode(answer) == 1073 && !answer.retryAfter.isEmpty())
            ++parallelLimited;
    }
    EXPECT_EQ(ok, 2);
    EXPECT_EQ(parallelLimited, 1);
    EXPECT_EQ(fake.maxInFlight(), 3);
}

TEST(FakeMoySklad, ABodyOfAnyContentTypeButApplicationJsonIsRefusedWith415)
{
    FakeMoySklad fake;
    ASSERT_TRUE(fake.start());
    QNetworkAccessManager network;
    const auto post = [&](const QByteArray &contentType) {
        QNetworkRequest request(QUrl(fake.baseUrl().toString() + QStringLiteral("/entity/webhook")));
        request.setRawHeader("Accept-Encoding", "gzip");
        request.setRawHeader("Authorization", "Bearer " + fake.token().toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        std::unique_ptr<QNetworkReply> reply(network.post(
            request, QJsonDocument(QJsonObject{{QStringLiteral("entityType"), QStringLiteral("customerorder")},
                                               {QStringLiteral("action"), QStringLiteral("CREATE")},
                                               {QStringLiteral("url"), QStringLiteral("http://192.0.2.1/h")}})
                         .toJson()));
        EXPECT_TRUE(QTest::qWaitFor([&] { return reply->isFinished(); }, 5000));
        return read(reply.get());
    };
    const RawAnswer withCharset = post("application/json;charset=utf-8");
    EXPECT_EQ(withCharset.status, 415);
    EXPECT_EQ(errorCode(withCharset), 1037);
    EXPECT_EQ(post("text/plain").status, 415);
    EXPECT_EQ(post("application/json").status, 200);
    EXPECT_EQ(fake.hooks().size(), 1);
}
