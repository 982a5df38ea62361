// SPDX-License-Identifier: GPL-3.0-or-later
#include "intake/deliveryparser.h"

#include <gtest/gtest.h>

namespace {

const QString kOrderId = QStringLiteral("5d0c1b2a-0c3b-11ee-0a80-07a1000f3e21");

QByteArray orderEvent(const QString &id = kOrderId, const QString &action = QStringLiteral("UPDATE"))
{
    return QStringLiteral(R"({"meta":{"type":"customerorder","href":"https://api.moysklad.ru/api/remap/1.2/entity/)"
                          R"(customerorder/%1"},"action":"%2","accountId":"acc-1","updatedFields":["state","sum"]})")
        .arg(id, action)
        .toUtf8();
}

QByteArray body(const QByteArrayList &events, const QByteArray &audit = {})
{
    QByteArray text = "{";
    if (!audit.isEmpty())
        text += "\"auditContext\":" + audit + ",";
    text += "\"events\":[" + events.join(',') + "]}";
    return text;
}

} // namespace

TEST(DeliveryParser, ParsesMoySkladsShape)
{
    const QString second = QStringLiteral("6e1d2c3b-0c3b-11ee-0a80-07a1000f3e22");
    const auto result = DeliveryParser().parse(
        body({orderEvent(), orderEvent(second, QStringLiteral("DELETE"))},
             R"({"meta":{"type":"audit","href":"https://api.moysklad.ru/api/remap/1.2/audit/1"},)"
             R"("uid":"admin@shop","moment":"2026-12-01 10:00:00"})"));
    ASSERT_TRUE(result.ok()) << result.error().toStdString();
    const Delivery &delivery = result.value();
    ASSERT_EQ(delivery.events.size(), 2);
    EXPECT_EQ(delivery.events[0].entityType, QStringLiteral("customerorder"));
    EXPECT_EQ(delivery.events[0].action, QStringLiteral("UPDATE"));
    EXPECT_EQ(delivery.events[0].documentId, kOrderId);
    EXPECT_EQ(delivery.events[0].href,
              QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/customerorder/") + kOrderId);
    EXPECT_EQ(delivery.events[0].accountId, QStringLiteral("acc-1"));
    EXPECT_EQ(delivery.events[0].updatedFields, (QStringList{QStringLiteral("state"), QStringLiteral("sum")}));
    EXPECT_EQ(delivery.events[1].documentId, second);
    EXPECT_EQ(delivery.events[1].action, QStringLiteral("DELETE"));
    EXPECT_EQ(delivery.auditUid, QStringLiteral("admin@shop"));
    // Moscow time, UTC+3.
    EXPECT_EQ(delivery.auditMoment, QDateTime(QDate(2026, 12, 1), QTime(7, 0), Qt::UTC));
}

TEST(DeliveryParser, AuditContextAndOptionalFieldsMayBeMissing)
{
    const auto result = DeliveryParser().parse(
        R"({"events":[{"meta":{"type":"paymentin","href":"https://api.moysklad.ru/api/remap/1.2/entity/paymentin/)"
        R"(0a1b2c3d-0000-11ee-0a80-000000000001"},"action":"CREATE"}]})");
    ASSERT_TRUE(result.ok()) << result.error().toStdString();
    EXPECT_EQ(result.value().events.at(0).documentId, QStringLiteral("0a1b2c3d-0000-11ee-0a80-000000000001"));
    EXPECT_TRUE(result.value().auditUid.isEmpty());
    EXPECT_FALSE(result.value().auditMoment.isValid());
    EXPECT_TRUE(result.value().events.at(0).updatedFields.isEmpty());
}

TEST(DeliveryParser, RefusesMalformedJson)
{
    const auto result = DeliveryParser().parse(R"({"events":[)");
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().startsWith(QStringLiteral("malformed JSON"))) << result.error().toStdString();
    EXPECT_FALSE(DeliveryParser().parse({}).ok());
}

TEST(DeliveryParser, RefusesWhatIsNotJsonToTheLastByte)
{
    const QByteArray valid = body({orderEvent()});
    ASSERT_TRUE(DeliveryParser().parse(valid).ok());
    const QByteArrayList notJson = {
        valid + "}",                                    // something after the document
        valid + " {}",                                  // a second document
        QByteArray(valid).replace("acc-1", "acc-\xff"), // a byte that is not UTF-8 in a string
        QByteArray(valid).replace("\"acc-1\"", "'acc-1'"),
        QByteArray(valid).replace("[\"state\",\"sum\"]", "[\"state\",]"),
        QByteArray(valid).replace("\"sum\"", "\"s\\qum\""), // an escape JSON does not have
        QByteArray(8000, '[') + QByteArray(8000, ']'),      // nested deeper than any parser should follow
        QByteArray("\0", 1) + valid,
    };
    for (const QByteArray &text : notJson) {
        const auto result = DeliveryParser().parse(text);
        ASSERT_FALSE(result.ok()) << text.left(200).constData();
        EXPECT_TRUE(result.error().startsWith(QStringLiteral("malformed JSON"))) << result.error().toStdString();
    }
}

TEST(DeliveryParser, AWrongTypeInTheAuditContextLeavesItOutAndKeepsTheEvents)
{
    const auto result = DeliveryParser().parse(body({orderEvent()}, R"({"uid":42,"moment":["2026-12-01 10:00:00"]})"));
    ASSERT_TRUE(result.ok()) << result.error().toStdString();
    EXPECT_TRUE(result.value().auditUid.isEmpty());
    EXPECT_FALSE(result.value().auditMoment.isValid());
    EXPECT_EQ(result.value().events.size(), 1);
    // Text that is not ASCII comes through as the UTF-8 it was sent in.
    const auto cyrillic = DeliveryParser().parse(body({orderEvent()}, R"({"uid":"менеджер@магазин"})"));
    ASSERT_TRUE(cyrillic.ok());
    EXPECT_EQ(cyrillic.value().auditUid, QStringLiteral("менеджер@магазин"));
}

TEST(DeliveryParser, ABigBodyThenASmallOneAreBothRead)
{
    // 4,000 events (about 800 KB): the parser's buffers grow for it, and are let go of before the next body.
    QByteArrayList many;
    for (int i = 0; i < 4000; ++i)
        many.append(orderEvent(QStringLiteral("5d0c1b2a-0c3b-11ee-0a80-%1").arg(i, 12, 10, QLatin1Char('0'))));
    const auto big = DeliveryParser().parse(body(many));
    ASSERT_TRUE(big.ok()) << big.error().toStdString();
    EXPECT_EQ(big.value().events.size(), 4000);
    EXPECT_EQ(big.value().events.last().documentId, QStringLiteral("5d0c1b2a-0c3b-11ee-0a80-000000003999"));
    const auto small = DeliveryParser().parse(body({orderEvent()}));
    ASSERT_TRUE(small.ok()) << small.error().toStdString();
    EXPECT_EQ(small.value().events.at(0).documentId, kOrderId);
}

TEST(DeliveryParser, RefusesBodiesThatAreNotMoySkladsShape)
{
    const QByteArrayList wrong = {
        R"([1,2,3])",
        R"("events")",
        R"({})",
        R"({"events":{}})",
        R"({"events":[]})",
        R"({"events":[42]})",
        R"({"events":[{"action":"UPDATE"}]})",
        R"({"events":[{"meta":{"type":"customerorder"},"action":"UPDATE"}]})",
        // Not a URL, no id at the end, an id that is not a UUID, a type that is not an entity type.
        R"({"events":[{"meta":{"type":"customerorder","href":"not a url"},"action":"UPDATE"}]})",
        R"({"events":[{"meta":{"type":"customerorder","href":"https://api.moysklad.ru/entity/customerorder/"},)"
        R"("action":"UPDATE"}]})",
        R"({"events":[{"meta":{"type":"customerorder","href":"https://api.moysklad.ru/entity/customerorder/)"
        R"(x;id=y"},"action":"UPDATE"}]})",
        R"({"events":[{"meta":{"type":"Customer Order","href":"https://api.moysklad.ru/entity/customerorder/)"
        R"(5d0c1b2a-0c3b-11ee-0a80-07a1000f3e21"},"action":"UPDATE"}]})",
        // A wrong action, a wrong updatedFields, a wrong auditContext.
        body({orderEvent(kOrderId, QStringLiteral("update"))}),
        body({orderEvent(kOrderId, QStringLiteral("MERGE"))}),
        R"({"events":[{"meta":{"type":"customerorder","href":"https://api.moysklad.ru/entity/customerorder/)"
        R"(5d0c1b2a-0c3b-11ee-0a80-07a1000f3e21"},"action":"UPDATE","updatedFields":"state"}]})",
        body({orderEvent()}, "[]"),
    };
    for (const QByteArray &text : wrong) {
        const auto result = DeliveryParser().parse(text);
        EXPECT_FALSE(result.ok()) << text.constData();
        if (!result.ok()) {
            EXPECT_FALSE(result.error().isEmpty());
        }
    }
}

// MoySklad's own form of an href is recognised without QUrl (issue 11's cost per delivery); every other form goes
// through QUrl. Both must read the same id from the same href, and neither may take an href whose last segment is not
// one.
TEST(DeliveryParser, MoySkladsOwnHrefAndAnyOtherFormReadTheSameId)
{
    const auto idOf = [](const QString &type, const QString &href) -> QString {
        const QByteArray text = QStringLiteral(R"({"events":[{"meta":{"type":"%1","href":"%2"},"action":"UPDATE"}]})")
                                    .arg(type, href)
                                    .toUtf8();
        const auto result = DeliveryParser().parse(text);
        return result.ok() ? result.value().events.at(0).documentId : QStringLiteral("refused");
    };
    const QString api = QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/");
    const QString order = QStringLiteral("customerorder");
    // The fast form, and the same document in forms only QUrl reads.
    EXPECT_EQ(idOf(order, api + order + u'/' + kOrderId), kOrderId);
    EXPECT_EQ(idOf(order, api + order + u'/' + kOrderId + u"?expand=agent"), kOrderId);
    EXPECT_EQ(idOf(order, QStringLiteral("http://127.0.0.1:8080/api/remap/1.2/entity/customerorder/") + kOrderId),
              kOrderId);
    EXPECT_EQ(idOf(order, api + QStringLiteral("demand/") + kOrderId), kOrderId); // the event's type decides
    // Neither form takes what does not end in an id.
    EXPECT_EQ(idOf(order, api + order + u'/' + kOrderId + u"/positions"), QStringLiteral("refused"));
    EXPECT_EQ(idOf(order, api + order + u'/'), QStringLiteral("refused"));
    EXPECT_EQ(idOf(order, api + order + u'/' + kOrderId + u"x"), QStringLiteral("refused"));
    EXPECT_EQ(idOf(order, api + order + QStringLiteral("/ ") + kOrderId.mid(1)), QStringLiteral("refused"));
    EXPECT_EQ(idOf(QStringLiteral("customer"), api + order + u'/' + kOrderId), kOrderId); // a prefix of the type
}

TEST(DeliveryParser, CapsTheNumberOfEvents)
{
    const QByteArrayList three = {orderEvent(), orderEvent(), orderEvent()};
    EXPECT_TRUE(DeliveryParser(3).parse(body(three)).ok());
    const auto result = DeliveryParser(2).parse(body(three));
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().contains(QStringLiteral("3 events"))) << result.error().toStdString();
}

TEST(DeliveryParser, ParsesOurHookPaths)
{
    QString entity;
    QString action;
    EXPECT_TRUE(DeliveryParser::parseHookPath(QStringLiteral("moysklad/customerorder/update"), &entity, &action));
    EXPECT_EQ(entity, QStringLiteral("customerorder"));
    EXPECT_EQ(action, QStringLiteral("UPDATE"));
    EXPECT_TRUE(DeliveryParser::parseHookPath(QStringLiteral("moysklad/paymentin/delete"), &entity, &action));
    EXPECT_EQ(action, QStringLiteral("DELETE"));

    for (const char *path :
         {"", "moysklad", "moysklad/customerorder", "moysklad/customerorder/update/", "moysklad/customerorder/UPDATE",
          "moysklad/customerorder/merge", "other/customerorder/update", "moysklad/Customer Order/update",
          "x/moysklad/customerorder/update"})
        EXPECT_FALSE(DeliveryParser::parseHookPath(QString::fromLatin1(path), nullptr, nullptr)) << path;
}

TEST(DeliveryParser, TheAuditMomentIsReadInUtcAndABadOneIsLeftOut)
{
    const auto momentOf = [](const QString &moment) {
        const auto result = DeliveryParser().parse(
            body({orderEvent()}, QStringLiteral(R"({"uid":"admin@shop","moment":"%1"})").arg(moment).toUtf8()));
        EXPECT_TRUE(result.ok()) << moment.toStdString(); // a bad moment never refuses the delivery
        return result.ok() ? result.value().auditMoment : QDateTime();
    };
    EXPECT_EQ(momentOf(QStringLiteral("2026-03-02 01:15:30.250")),
              QDateTime(QDate(2026, 3, 1), QTime(22, 15, 30, 250), Qt::UTC));
    EXPECT_FALSE(momentOf(QStringLiteral("2026-12-01T10:00:00")).isValid());
}
