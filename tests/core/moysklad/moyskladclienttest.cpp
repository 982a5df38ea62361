// SPDX-License-Identifier: GPL-3.0-or-later
#include "moysklad/moyskladclient.h"
#include "await.h"
#include "fakemoysklad.h"

#include <gtest/gtest.h>
#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUuid>

#include <memory>

namespace {

using HookList = Result<QList<Webhook>, ApiError>;
using HookResult = Result<Webhook, ApiError>;
using DoneResult = Result<Done, ApiError>;
using Saves = Result<MoySkladClient::ItemResults<Webhook>, ApiError>;
using Deletions = Result<MoySkladClient::ItemResults<Done>, ApiError>;

Webhook hook(const QString &entity, const QString &action, const QString &url)
{
    Webhook w;
    w.entityType = entity;
    w.action = action;
    w.url = url;
    return w;
}

class MoySkladClientTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(fake.start()); }

    std::unique_ptr<MoySkladClient> makeClient(ClientConfig config = {})
    {
        config.baseUrl = fake.baseUrl();
        if (config.token.isEmpty() && config.login.isEmpty())
            config.token = fake.token();
        config.backoffBaseMs = 10;
        config.backoffMaxMs = 100;
        return std::make_unique<MoySkladClient>(config);
    }

    HookList list(MoySkladClient &client)
    {
        return awaitResult<HookList>([&](auto done) { client.listWebhooks(nullptr, done); });
    }

    FakeMoySklad fake;
};

} // namespace

TEST_F(MoySkladClientTest, SendsTheHeadersMoySkladDemands)
{
    auto client = makeClient();
    ASSERT_TRUE(list(*client).ok());
    const auto requests = fake.requests();
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests[0].headers.value("accept-encoding"), "gzip");
    EXPECT_EQ(requests[0].headers.value("accept"), "application/json;charset=utf-8");
    EXPECT_TRUE(requests[0].headers.value("user-agent").startsWith("SkladHook/"));
    EXPECT_EQ(requests[0].headers.value("authorization"), "Bearer " + fake.token().toUtf8());
}

TEST_F(MoySkladClientTest, DecodesGzipAnswers)
{
    // Cyrillic in the answer survives the gzip round trip: the body was inflated by us, not by Qt.
    Webhook seeded =
        hook(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), QStringLiteral("https://магазин.example/hook"));
    fake.seedHook(seeded);
    auto client = makeClient();
    const HookList hooks = list(*client);
    ASSERT_TRUE(hooks.ok()) << hooks.error().toString().toStdString();
    ASSERT_EQ(hooks.value().size(), 1);
    EXPECT_EQ(hooks.value()[0].url, QStringLiteral("https://магазин.example/hook"));
}

TEST_F(MoySkladClientTest, ServerRefusesUncompressedExchangesWith415AndAnEmptyBody)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(fake.baseUrl().toString() + QStringLiteral("/entity/webhook")));
    request.setRawHeader("Authorization", "Bearer " + fake.token().toUtf8());
    request.setRawHeader("Accept-Encoding", "identity");
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 415);
    EXPECT_TRUE(reply->readAll().isEmpty());
    reply->deleteLater();
}

TEST_F(MoySkladClientTest, A415ReachesTheCallerAsAReadableFinalError)
{
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/webhook"), 415);
    auto client = makeClient();
    const HookList result = list(*client);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().httpStatus, 415);
    EXPECT_FALSE(result.error().isRetryable());
    EXPECT_TRUE(result.error().toString().contains(QStringLiteral("gzip")));
    EXPECT_EQ(fake.countRequests({}, QStringLiteral("/entity/webhook")), 1);
}

TEST_F(MoySkladClientTest, ListsEveryPage)
{
    FakeMoySklad paged(FakeMoySklad::Options{45, 3000, 1, 5, 7});
    ASSERT_TRUE(paged.start());
    for (int i = 0; i < 20; ++i)
        paged.seedHook(hook(QStringLiteral("product"), QStringLiteral("UPDATE"),
                            QStringLiteral("https://other.example/%1").arg(i)));
    ClientConfig config;
    config.baseUrl = paged.baseUrl();
    config.token = paged.token();
    MoySkladClient client(config);
    const HookList result = list(client);
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    ASSERT_EQ(result.value().size(), 20);
    EXPECT_EQ(result.value()[19].url, QStringLiteral("https://other.example/19"));
    const auto requests = paged.requests();
    ASSERT_EQ(requests.size(), 3);
    EXPECT_EQ(requests[1].query.queryItemValue(QStringLiteral("offset")), QStringLiteral("7"));
    EXPECT_EQ(requests[2].query.queryItemValue(QStringLiteral("offset")), QStringLiteral("14"));
}

TEST_F(MoySkladClientTest, ExchangesLoginAndPasswordForAToken)
{
    fake.setLogin(QStringLiteral("admin@shop"), QStringLiteral("s3cret-pass"));
    const QString oldToken = fake.token();
    ClientConfig config;
    config.login = QStringLiteral("admin@shop");
    config.password = QStringLiteral("s3cret-pass");
    auto client = makeClient(config);
    ASSERT_TRUE(list(*client).ok());
    const auto requests = fake.requests();
    ASSERT_EQ(requests.size(), 2);
    EXPECT_EQ(requests[0].path, QStringLiteral("/api/remap/1.2/security/token"));
    EXPECT_EQ(requests[0].headers.value("authorization"), "Basic " + QByteArray("admin@shop:s3cret-pass").toBase64());
    EXPECT_EQ(requests[1].headers.value("authorization"), "Bearer " + fake.token().toUtf8());
    EXPECT_FALSE(requests[0].headers.contains("content-type")); // no body: md/_general.md's example sends none
    EXPECT_NE(fake.token(), oldToken);                          // the exchange revoked the earlier token
    EXPECT_EQ(client->config().token, fake.token());
}

TEST_F(MoySkladClientTest, AWrongPasswordIsAnAuthorizationError)
{
    ClientConfig config;
    config.login = QStringLiteral("admin@shop");
    config.password = QStringLiteral("wrong");
    auto client = makeClient(config);
    const HookList result = list(*client);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().toString().contains(QStringLiteral("1056")));
    EXPECT_EQ(fake.countRequests({}, QStringLiteral("/entity/webhook")), 0);
}

TEST_F(MoySkladClientTest, AWrongTokenIsUnauthorizedAndNotRetried)
{
    ClientConfig config;
    config.token = QStringLiteral("not-a-valid-token");
    auto client = makeClient(config);
    const HookList result = list(*client);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ApiError::Kind::Unauthorized);
    EXPECT_EQ(result.error().code(), 1056);
    EXPECT_EQ(fake.requests().size(), 1);
}

TEST_F(MoySkladClientTest, CreatesUpdatesEnablesAndDeletesWebhooks)
{
    auto client = makeClient();
    const QString url = QStringLiteral("https://shop.example/skladhook/moysklad/customerorder/update?key=abc");
    const HookResult created = awaitResult<HookResult>([&](auto done) {
        client->createWebhook(hook(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), url), nullptr, done);
    });
    ASSERT_TRUE(created.ok()) << created.error().toString().toStdString();
    EXPECT_FALSE(created.value().id.isEmpty());
    EXPECT_EQ(fake.hooks().size(), 1);

    Webhook changed = created.value();
    changed.url = url + QStringLiteral("2");
    const HookResult updated =
        awaitResult<HookResult>([&](auto done) { client->updateWebhook(changed, nullptr, done); });
    ASSERT_TRUE(updated.ok());
    EXPECT_EQ(fake.hooks()[0].url, changed.url);
    EXPECT_EQ(fake.requests().last().method, QStringLiteral("PUT"));

    const HookResult disabled = awaitResult<HookResult>(
        [&](auto done) { client->setWebhookEnabled(created.value().id, false, nullptr, done); });
    ASSERT_TRUE(disabled.ok());
    EXPECT_FALSE(fake.hooks()[0].enabled);
    const HookResult enabled =
        awaitResult<HookResult>([&](auto done) { client->setWebhookEnabled(created.value().id, true, nullptr, done); });
    ASSERT_TRUE(enabled.ok());
    EXPECT_TRUE(fake.hooks()[0].enabled);

    const DoneResult deleted =
        awaitResult<DoneResult>([&](auto done) { client->deleteWebhook(created.value().id, nullptr, done); });
    ASSERT_TRUE(deleted.ok()) << deleted.error().toString().toStdString();
    EXPECT_TRUE(fake.hooks().isEmpty());
}

TEST_F(MoySkladClientTest, SavesManyInOneArrayRequestAndDeletesMany)
{
    const Webhook existing = fake.seedHook(
        hook(QStringLiteral("demand"), QStringLiteral("CREATE"), QStringLiteral("https://shop.example/old")));
    auto client = makeClient();
    Webhook update = existing;
    update.url = QStringLiteral("https://shop.example/new");
    update.enabled = false;
    const QList<Webhook> batch{
        hook(QStringLiteral("paymentin"), QStringLiteral("CREATE"), QStringLiteral("https://shop.example/p")),
        hook(QStringLiteral("cashin"), QStringLiteral("DELETE"), QStringLiteral("https://shop.example/c")), update};
    const Saves saved = awaitResult<Saves>([&](auto done) { client->saveWebhooks(batch, nullptr, done); });
    ASSERT_TRUE(saved.ok()) << saved.error().toString().toStdString();
    ASSERT_EQ(saved.value().size(), 3);
    for (const auto &item : saved.value())
        EXPECT_TRUE(item.ok() && !item.value().id.isEmpty());
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook")), 1);
    const QList<Webhook> hooks = fake.hooks();
    ASSERT_EQ(hooks.size(), 3);
    EXPECT_EQ(hooks[0].id, existing.id); // updated in place
    EXPECT_EQ(hooks[0].url, QStringLiteral("https://shop.example/new"));
    EXPECT_FALSE(hooks[0].enabled);

    const Deletions deleted = awaitResult<Deletions>([&](auto done) {
        client->deleteWebhooks({hooks[0].id, hooks[2].id}, nullptr, done);
    });
    ASSERT_TRUE(deleted.ok()) << deleted.error().toString().toStdString();
    ASSERT_EQ(deleted.value().size(), 2);
    EXPECT_TRUE(deleted.value()[0].ok() && deleted.value()[1].ok());
    ASSERT_EQ(fake.hooks().size(), 1);
    EXPECT_EQ(fake.hooks()[0].entityType, QStringLiteral("paymentin"));
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook/delete")), 1);
}

// MoySklad answers an array 200 with the refused items' errors in their places and the others done: each item
// gets its own outcome, never "saved" for one that was refused.
TEST_F(MoySkladClientTest, AnArrayWithARefusedItemGivesEveryItemItsOwnOutcome)
{
    auto client = makeClient();
    const QList<Webhook> batch{
        hook(QStringLiteral("paymentin"), QStringLiteral("CREATE"), QStringLiteral("https://shop.example/p")),
        hook(QStringLiteral("cashin"), QStringLiteral("CREATE"), QStringLiteral("ftp:/not-a-url")),
        hook(QStringLiteral("demand"), QStringLiteral("CREATE"), QStringLiteral("https://shop.example/d"))};
    const Saves saved = awaitResult<Saves>([&](auto done) { client->saveWebhooks(batch, nullptr, done); });
    ASSERT_TRUE(saved.ok()) << saved.error().toString().toStdString();
    ASSERT_EQ(saved.value().size(), 3);
    ASSERT_TRUE(saved.value()[0].ok());
    EXPECT_EQ(saved.value()[0].value().entityType, QStringLiteral("paymentin"));
    ASSERT_FALSE(saved.value()[1].ok());
    EXPECT_EQ(saved.value()[1].error().kind, ApiError::Kind::ItemRefused);
    EXPECT_EQ(saved.value()[1].error().code(), 30005);
    EXPECT_FALSE(saved.value()[1].error().isRetryable());
    ASSERT_TRUE(saved.value()[2].ok());
    EXPECT_EQ(saved.value()[2].value().entityType, QStringLiteral("demand"));
    EXPECT_EQ(fake.hooks().size(), 2);

    const Deletions deleted = awaitResult<Deletions>([&](auto done) {
        client->deleteWebhooks({saved.value()[0].value().id, QStringLiteral("7944ef04-f831-11e5-7a69-971500188b19")},
                               nullptr, done);
    });
    ASSERT_TRUE(deleted.ok()) << deleted.error().toString().toStdString();
    ASSERT_EQ(deleted.value().size(), 2);
    EXPECT_TRUE(deleted.value()[0].ok());
    ASSERT_FALSE(deleted.value()[1].ok());
    EXPECT_EQ(deleted.value()[1].error().code(), 1021);
    EXPECT_EQ(fake.hooks().size(), 1);
}

// MoySklad refuses an array of more than 1000 items (413): both array requests go in chunks of at most 1000, and
// every item gets its outcome. (MoySklad keeps at most 5 hooks per event: the 6th and later are refused, 30007.)
TEST_F(MoySkladClientTest, ArraysOfMoreThanAThousandGoInChunks)
{
    QList<Webhook> batch;
    for (int i = 0; i < 1001; ++i)
        batch.append(hook(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                          QStringLiteral("https://shop%1.example/h").arg(i)));
    auto client = makeClient();
    const Saves saved = awaitResult<Saves>([&](auto done) { client->saveWebhooks(batch, nullptr, done); });
    ASSERT_TRUE(saved.ok()) << saved.error().toString().toStdString();
    ASSERT_EQ(saved.value().size(), 1001);
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook")), 2);
    QStringList ids;
    for (qsizetype i = 0; i < 5; ++i) {
        ASSERT_TRUE(saved.value()[i].ok()) << saved.value()[i].error().toString().toStdString();
        ids.append(saved.value()[i].value().id);
    }
    ASSERT_FALSE(saved.value()[1000].ok());
    EXPECT_EQ(saved.value()[1000].error().code(), 30007);
    while (ids.size() < 1001)
        ids.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const Deletions deleted = awaitResult<Deletions>([&](auto done) { client->deleteWebhooks(ids, nullptr, done); });
    ASSERT_TRUE(deleted.ok()) << deleted.error().toString().toStdString();
    ASSERT_EQ(deleted.value().size(), 1001);
    EXPECT_TRUE(deleted.value()[4].ok());
    EXPECT_EQ(deleted.value()[1000].error().code(), 1021);
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook/delete")), 2);
    EXPECT_TRUE(fake.hooks().isEmpty());
}

struct ErrorCase
{
    const char *name;
    Webhook hook;
    int code;
};

TEST_F(MoySkladClientTest, EveryDocumentedWebhookErrorIsReadable)
{
    const QString ok = QStringLiteral("https://shop.example/h");
    Webhook withDiff = hook(QStringLiteral("customerorder"), QStringLiteral("CREATE"), ok);
    withDiff.diffType = QStringLiteral("FIELDS");
    const QList<ErrorCase> cases{
        {"unknown action", hook(QStringLiteral("customerorder"), QStringLiteral("MODIFY"), ok), 30002},
        {"bad url", hook(QStringLiteral("customerorder"), QStringLiteral("UPDATE"), QStringLiteral("ftp:/x")), 30005},
        {"diffType outside UPDATE", withDiff, 30009},
        {"url over 255",
         hook(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
              QStringLiteral("https://shop.example/") + QString(250, QLatin1Char('a'))),
         30010},
        {"unknown entity", hook(QStringLiteral("spaceship"), QStringLiteral("UPDATE"), ok), 30000},
    };
    auto client = makeClient();
    for (const ErrorCase &c : cases) {
        const HookResult result =
            awaitResult<HookResult>([&](auto done) { client->createWebhook(c.hook, nullptr, done); });
        ASSERT_FALSE(result.ok()) << c.name;
        EXPECT_EQ(result.error().code(), c.code) << c.name;
        EXPECT_FALSE(result.error().items.first().message.isEmpty()) << c.name;
        EXPECT_TRUE(result.error().toString().contains(QString::number(c.code))) << c.name;
        EXPECT_FALSE(result.error().isRetryable()) << c.name;
    }

    // 30003: the same entityType, action and url twice.
    const auto first = hook(QStringLiteral("demand"), QStringLiteral("UPDATE"), ok);
    ASSERT_TRUE((awaitResult<HookResult>([&](auto done) { client->createWebhook(first, nullptr, done); })).ok());
    const HookResult duplicate =
        awaitResult<HookResult>([&](auto done) { client->createWebhook(first, nullptr, done); });
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code(), 30003);

    // 30007: a sixth user hook for one entityType + action.
    for (int i = 1; i < 5; ++i)
        fake.seedHook(hook(QStringLiteral("demand"), QStringLiteral("UPDATE"), ok + QString::number(i)));
    const HookResult sixth = awaitResult<HookResult>([&](auto done) {
        client->createWebhook(hook(QStringLiteral("demand"), QStringLiteral("UPDATE"), ok + QStringLiteral("6")),
                              nullptr, done);
    });
    ASSERT_FALSE(sixth.ok());
    EXPECT_EQ(sixth.error().code(), 30007);

    // 30004 and 30006 come from the account, injected here.
    fake.failNext(QStringLiteral("POST"), QStringLiteral("/entity/webhook"), 403, 30004,
                  QStringLiteral("Управлять веб-хуками может только администратор"));
    const HookResult notAdmin =
        awaitResult<HookResult>([&](auto done) { client->createWebhook(first, nullptr, done); });
    ASSERT_FALSE(notAdmin.ok());
    EXPECT_EQ(notAdmin.error().kind, ApiError::Kind::Forbidden);
    EXPECT_TRUE(notAdmin.error().toString().contains(QStringLiteral("только администратор")));
}

TEST_F(MoySkladClientTest, RetriesServerErrorsAndDroppedConnections)
{
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/webhook"), 503, 0, {}, 2);
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/webhook"), 0);
    auto client = makeClient();
    const HookList result = list(*client);
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/webhook")), 4);
}

TEST_F(MoySkladClientTest, GivesUpAfterMaxAttempts)
{
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/webhook"), 500, 0, {}, -1);
    ClientConfig config;
    config.maxAttempts = 3;
    auto client = makeClient(config);
    const HookList result = list(*client);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().httpStatus, 500);
    EXPECT_EQ(fake.countRequests({}, QStringLiteral("/entity/webhook")), 3);
}

TEST_F(MoySkladClientTest, ClientErrorsAreFinal)
{
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/webhook"), 400, 1002, QStringLiteral("Ошибка"));
    auto client = makeClient();
    ASSERT_FALSE(list(*client).ok());
    EXPECT_EQ(fake.countRequests({}, QStringLiteral("/entity/webhook")), 1);
}

TEST_F(MoySkladClientTest, WaitsOutA429AndThenSucceeds)
{
    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/webhook"), 429, 1049,
                  QStringLiteral("Превышено ограничение на количество запросов"));
    auto client = makeClient();
    QSignalSpy limited(client.get(), &MoySkladClient::rateLimited);
    ASSERT_TRUE(list(*client).ok());
    EXPECT_EQ(limited.size(), 1);
    EXPECT_EQ(limited.first().at(1).toInt(), 1049);
}

TEST_F(MoySkladClientTest, FetchesDocumentsByHrefAndById)
{
    for (int i = 0; i < 3; ++i) {
        fake.seedDocument(QStringLiteral("customerorder"),
                          QJsonObject{{QStringLiteral("id"), QStringLiteral("order-%1").arg(i)},
                                      {QStringLiteral("name"), QStringLiteral("0000%1").arg(i)},
                                      {QStringLiteral("sum"), 1000 * i},
                                      {QStringLiteral("state"),
                                       QJsonObject{{QStringLiteral("meta"),
                                                    QJsonObject{{QStringLiteral("href"), QStringLiteral("s")}}},
                                                   {QStringLiteral("name"), QStringLiteral("Новый")}}}});
    }
    auto client = makeClient();
    // An href on the dead host is moved onto the configured base URL.
    const QUrl oldHref(QStringLiteral("https://online.moysklad.ru/api/remap/1.2/entity/customerorder/order-1"));
    const auto one = awaitResult<Result<QJsonObject, ApiError>>(
        [&](auto done) { client->getDocument(oldHref, {QStringLiteral("state")}, nullptr, done); });
    ASSERT_TRUE(one.ok()) << one.error().toString().toStdString();
    EXPECT_EQ(one.value().value(QLatin1String("name")).toString(), QStringLiteral("00001"));
    EXPECT_EQ(one.value().value(QLatin1String("state")).toObject().value(QLatin1String("name")).toString(),
              QStringLiteral("Новый"));

    const auto many = awaitResult<Result<QList<QJsonObject>, ApiError>>([&](auto done) {
        client->getDocumentsByIds(QStringLiteral("customerorder"),
                                  {QStringLiteral("order-0"), QStringLiteral("order-2"), QStringLiteral("gone")},
                                  {QStringLiteral("state")}, DocumentSource::Lane::Immediate, nullptr, done);
    });
    ASSERT_TRUE(many.ok()) << many.error().toString().toStdString();
    ASSERT_EQ(many.value().size(), 2);
    const auto last = fake.requests().last();
    EXPECT_EQ(last.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded),
              QStringLiteral("id=order-0;id=order-2;id=gone"));
    EXPECT_EQ(last.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));

    const auto missing = awaitResult<Result<QJsonObject, ApiError>>([&](auto done) {
        client->getDocument(QUrl(fake.baseUrl().toString() + QStringLiteral("/entity/customerorder/nope")), {}, nullptr,
                            done);
    });
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ApiError::Kind::NotFound);
    EXPECT_EQ(missing.error().code(), 1021);
}

TEST_F(MoySkladClientTest, ListsAWindowOfChangesInOrderPageByPage)
{
    // Seeded out of order; 10:00:05.500 Moscow time is the window's lower edge, inclusive to the millisecond.
    const QStringList updated{QStringLiteral("2026-11-29 10:00:09.000"), QStringLiteral("2026-11-29 10:00:05.500"),
                              QStringLiteral("2026-11-29 10:00:01.000"), QStringLiteral("2026-11-29 10:00:07.250"),
                              QStringLiteral("2026-11-29 10:00:05.499"), QStringLiteral("2026-11-29 11:00:00.000")};
    for (int i = 0; i < updated.size(); ++i)
        fake.seedDocument(QStringLiteral("customerorder"),
                          QJsonObject{{QStringLiteral("id"), QStringLiteral("o%1").arg(i)},
                                      {QStringLiteral("updated"), updated.at(i)}});
    auto client = makeClient();
    QStringList seen;
    int size = -1;
    for (int offset = 0; offset < 4; offset += 2) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("filter"),
                           QStringLiteral("updated>=2026-11-29 10:00:05.500;updated<=2026-11-29 10:30:00"));
        query.addQueryItem(QStringLiteral("order"), QStringLiteral("updated,asc"));
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
        query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
        const auto page = awaitResult<Result<MoySkladClient::ListPage, ApiError>>(
            [&](auto done) { client->getListPage(QStringLiteral("/entity/customerorder"), query, nullptr, done); });
        ASSERT_TRUE(page.ok()) << page.error().toString().toStdString();
        size = page.value().size;
        for (const QJsonObject &row : page.value().rows)
            seen += row.value(QLatin1String("id")).toString();
    }
    EXPECT_EQ(size, 3);
    EXPECT_EQ(seen, (QStringList{QStringLiteral("o1"), QStringLiteral("o3"), QStringLiteral("o0")}));

    QUrlQuery bad;
    bad.addQueryItem(QStringLiteral("filter"), QStringLiteral("updated>=yesterday"));
    const auto refused = awaitResult<Result<MoySkladClient::ListPage, ApiError>>(
        [&](auto done) { client->getListPage(QStringLiteral("/entity/customerorder"), bad, nullptr, done); });
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code(), 1002);
}

TEST_F(MoySkladClientTest, ListPagesYieldToEveryOtherCall)
{
    // One request per 200 ms on both sides (the client believes the server's headers): the calls below queue up.
    FakeMoySklad::Options options;
    options.rateUnits = 4;
    options.requestWeight = 4;
    options.rateWindowMs = 200;
    FakeMoySklad fake(options);
    ASSERT_TRUE(fake.start());
    fake.seedDocument(QStringLiteral("customerorder"), QJsonObject{{QStringLiteral("id"), QStringLiteral("o1")}});
    ClientConfig config;
    config.baseUrl = fake.baseUrl();
    config.token = fake.token();
    config.limits.units = 4;
    config.limits.weight = 4;
    config.limits.windowMs = 200;
    auto client = std::make_unique<MoySkladClient>(config);
    int pending = 0;
    for (int i = 0; i < 4; ++i) {
        ++pending;
        client->getListPage(QStringLiteral("/entity/customerorder"), {}, nullptr, [&](auto) { --pending; });
    }
    ++pending;
    client->getDocumentsByIds(QStringLiteral("customerorder"), {QStringLiteral("o1")}, {},
                              DocumentSource::Lane::Immediate, nullptr, [&](auto) { --pending; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return pending == 0; }, 10000));
    // A request the window refused at its edge (the client counts from its send, the server from its receipt) is
    // sent again; only the order of the served ones matters here.
    QList<FakeMoySklad::Request> requests = fake.requests();
    requests.removeIf([](const FakeMoySklad::Request &request) { return request.status == 429; });
    ASSERT_EQ(requests.size(), 5);
    qsizetype byIds = -1;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (requests.at(i).query.hasQueryItem(QStringLiteral("filter")))
            byIds = i;
    }
    // At most the one page already on its way goes before it.
    EXPECT_LE(byIds, 1);
}

TEST_F(MoySkladClientTest, TheAuditFeedNamesDeletedDocuments)
{
    const QString before = FakeMoySklad::moscowNow().left(19);
    for (const QString &id : {QStringLiteral("kept"), QStringLiteral("gone")})
        fake.seedDocument(QStringLiteral("demand"), QJsonObject{{QStringLiteral("id"), id}});
    fake.removeDocument(QStringLiteral("demand"), QStringLiteral("gone"));
    auto client = makeClient();

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"),
                       QStringLiteral("moment>=%1;entityType=demand;eventType=delete").arg(before));
    const auto contexts = awaitResult<Result<MoySkladClient::ListPage, ApiError>>(
        [&](auto done) { client->getListPage(QStringLiteral("/audit"), query, nullptr, done); });
    ASSERT_TRUE(contexts.ok()) << contexts.error().toString().toStdString();
    ASSERT_EQ(contexts.value().rows.size(), 1);
    const QString contextId = contexts.value().rows.first().value(QLatin1String("id")).toString();
    const auto events = awaitResult<Result<MoySkladClient::ListPage, ApiError>>(
        [&](auto done) { client->getListPage(QStringLiteral("/audit/%1/events").arg(contextId), {}, nullptr, done); });
    ASSERT_TRUE(events.ok()) << events.error().toString().toStdString();
    ASSERT_EQ(events.value().rows.size(), 1);
    const QString href = events.value()
                             .rows.first()
                             .value(QLatin1String("entity"))
                             .toObject()
                             .value(QLatin1String("meta"))
                             .toObject()
                             .value(QLatin1String("href"))
                             .toString();
    EXPECT_TRUE(href.endsWith(QLatin1String("/entity/demand/gone"))) << href.toStdString();

    QUrlQuery other;
    other.addQueryItem(QStringLiteral("filter"), QStringLiteral("entityType=customerorder;eventType=delete"));
    const auto none = awaitResult<Result<MoySkladClient::ListPage, ApiError>>(
        [&](auto done) { client->getListPage(QStringLiteral("/audit"), other, nullptr, done); });
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none.value().rows.isEmpty());
}

TEST_F(MoySkladClientTest, RefusesMoreThanAHundredIdsBeforeAnyRequest)
{
    auto client = makeClient();
    QStringList ids;
    for (int i = 0; i < 101; ++i)
        ids += QString::number(i);
    const auto result = awaitResult<Result<QList<QJsonObject>, ApiError>>([&](auto done) {
        client->getDocumentsByIds(QStringLiteral("demand"), ids, {}, DocumentSource::Lane::Immediate, nullptr, done);
    });
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ApiError::Kind::InvalidInput);
    EXPECT_TRUE(fake.requests().isEmpty());
}

TEST_F(MoySkladClientTest, ChecksAccess)
{
    auto client = makeClient();
    const auto allowed =
        awaitResult<Result<AccessReport, ApiError>>([&](auto done) { client->checkAccess(nullptr, done); });
    ASSERT_TRUE(allowed.ok()) << allowed.error().toString().toStdString();
    EXPECT_TRUE(allowed.value().canManageWebhooks);
    EXPECT_EQ(allowed.value().login, QStringLiteral("admin@shop"));

    fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/webhook"), 403, 30004,
                  QStringLiteral("Управлять веб-хуками может только администратор"));
    const auto denied =
        awaitResult<Result<AccessReport, ApiError>>([&](auto done) { client->checkAccess(nullptr, done); });
    ASSERT_TRUE(denied.ok());
    EXPECT_FALSE(denied.value().canManageWebhooks);
    EXPECT_TRUE(denied.value().reason.contains(QStringLiteral("30004")));
}

TEST_F(MoySkladClientTest, MarksOwnWritesSoThatTheyFireNoHooksOfOurs)
{
    ClientConfig config;
    config.disableHooksPrefix = QStringLiteral("https://shop.example");
    auto client = makeClient(config);
    ASSERT_TRUE(list(*client).ok());
    ASSERT_TRUE((awaitResult<HookResult>([&](auto done) {
                    client->createWebhook(hook(QStringLiteral("demand"), QStringLiteral("UPDATE"),
                                               QStringLiteral("https://shop.example/x")),
                                          nullptr, done);
                })).ok());
    const auto requests = fake.requests();
    EXPECT_FALSE(requests[0].headers.contains("x-lognex-webhook-disablebyprefix"));
    EXPECT_EQ(requests[1].headers.value("x-lognex-webhook-disablebyprefix"), "https://shop.example");
    // The only Content-Type the specification allows (the fake refuses any other with 415), and only with a body:
    // DELETE /entity/webhook/{id} lists no Content-Type.
    EXPECT_FALSE(requests[0].headers.contains("content-type"));
    EXPECT_EQ(requests[1].headers.value("content-type"), "application/json");
    fake.clearRequests();
    ASSERT_TRUE((awaitResult<DoneResult>([&](auto done) {
                    client->deleteWebhook(fake.hooks().constFirst().id, nullptr, done);
                })).ok());
    ASSERT_EQ(fake.requests().size(), 1);
    EXPECT_FALSE(fake.requests()[0].headers.contains("content-type"));
    EXPECT_EQ(fake.requests()[0].headers.value("x-lognex-webhook-disablebyprefix"), "https://shop.example");
}

TEST_F(MoySkladClientTest, NoCallbackAfterTheContextIsGone)
{
    fake.setResponseDelayMs(100);
    auto client = makeClient();
    QSignalSpy exchanges(client.get(), &MoySkladClient::exchangeFinished);
    bool called = false;
    auto context = std::make_unique<QObject>();
    client->listWebhooks(context.get(), [&called](HookList) { called = true; });
    context.reset();
    // The callback would run right after the exchange is reported.
    ASSERT_TRUE(QTest::qWaitFor([&] { return exchanges.size() == 1; }, 5000));
    QCoreApplication::processEvents();
    EXPECT_FALSE(called);
}

TEST_F(MoySkladClientTest, DestroyingTheClientWithRequestsInFlightCallsNothing)
{
    fake.setResponseDelayMs(100);
    auto client = makeClient();
    bool called = false;
    for (int i = 0; i < 3; ++i)
        client->listWebhooks(nullptr, [&called](HookList) { called = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return fake.maxInFlight() >= 1; }, 5000));
    client.reset();
    // Let the fake answer into the void; a stray reply must not reach the destroyed client.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !fake.requests().isEmpty(); }, 5000));
    QCoreApplication::processEvents();
    EXPECT_FALSE(called);
}

TEST_F(MoySkladClientTest, TimeoutsAreRetriedAndThenReportedAsTimeouts)
{
    fake.setResponseDelayMs(400);
    ClientConfig config;
    config.timeoutMs = 50;
    config.serverMaxAnswerMs = 450; // the fake is done with the first by then
    config.maxAttempts = 2;
    auto client = makeClient(config);
    QSignalSpy exchanges(client.get(), &MoySkladClient::exchangeFinished);
    const HookList result = list(*client);
    ASSERT_FALSE(result.ok());
    // The resend waited for the server to be done with the original: never two at once.
    EXPECT_EQ(fake.maxInFlight(), 1);
    EXPECT_EQ(client->counters().timeouts, 2);
    EXPECT_EQ(result.error().kind, ApiError::Kind::Timeout);
    EXPECT_TRUE(result.error().isRetryable());
    ASSERT_EQ(exchanges.size(), 2);
    EXPECT_EQ(exchanges.at(0).at(2).toInt(), 0); // no answer
    EXPECT_EQ(exchanges.at(1).at(3).toInt(), 2); // second attempt
}
