// SPDX-License-Identifier: GPL-3.0-or-later
// skladhook-cli verify against the fake MoySklad, over a shop store the documents room's processors filled.
#include "await.h"
#include "builders.h"
#include "clirunner.h"
#include "documents/documentprocessors.h"
#include "fakemoysklad.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QJsonArray>
#include <QJsonObject>

namespace {

using Builders::documentId;

const QString orders = QStringLiteral("customerorder");
const QString bank = QStringLiteral("paymentin");
const QString cash = QStringLiteral("cashin");
const QString demands = QStringLiteral("demand");
const QString earlier = QStringLiteral("2026-11-01 10:00:00.000");
const QString later = QStringLiteral("2026-11-20 10:00:00.000");

class CliVerifyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
        // Every handled type: orders always, payments and shipments once their exchange is on.
        ASSERT_TRUE(cli.configSet(QStringLiteral("exchange.payments"), QStringLiteral("full")));
        ASSERT_TRUE(cli.configSet(QStringLiteral("exchange.shipments"), QStringLiteral("full")));
        ASSERT_TRUE(cli.configSet(QStringLiteral("api.url"), fake.baseUrl().toString()));
    }

    static QJsonObject make(const QString &type, const QString &id, const QString &updated = earlier)
    {
        if (type == orders)
            return Builders::customerOrder(id, 1000, QStringLiteral("Новый"), updated);
        if (type == demands)
            return Builders::demand(id, 1000, documentId(999), QStringLiteral("Собран"), updated);
        return Builders::payment(type, id, 1000, {}, updated);
    }

    static const DocumentProcessor *processor(const QString &type)
    {
        static const DocumentProcessors all(DocumentProcessors::Options{true});
        return all.processorFor(type);
    }

    // Documents in the store of the CLI's data directory, as deliveries would have left them.
    void store(const QList<std::pair<QString, QJsonObject>> &documents)
    {
        StoreWriter writer(Database::fileIn(cli.dataDir()));
        ASSERT_TRUE(writer.start().ok());
        const auto applied = awaitResult<Result<Done, QString>>([&](auto done) {
            writer.submit(
                [documents](QSqlDatabase &db) -> Result<Done, QString> {
                    for (const auto &[type, document] : documents) {
                        const auto one = processor(type)->apply(db, document, QDateTime::currentDateTimeUtc());
                        if (!one.ok())
                            return one.error();
                    }
                    return Done{};
                },
                std::move(done));
        });
        ASSERT_TRUE(applied.ok()) << applied.error().toStdString();
        writer.flush();
    }

    // One document of each type in both places.
    void seedMatching()
    {
        QList<std::pair<QString, QJsonObject>> documents;
        for (const auto &[type, id] : QList<std::pair<QString, QString>>{{orders, documentId(1)},
                                                                         {orders, documentId(2)},
                                                                         {bank, documentId(11)},
                                                                         {cash, documentId(12)},
                                                                         {demands, documentId(21)}}) {
            fake.seedDocument(type, make(type, id));
            documents.append({type, make(type, id)});
        }
        store(documents);
    }

    CliRunner::Output verify(const QStringList &more = {}) const
    {
        return cli.run(QStringList{QStringLiteral("verify")} + more);
    }

    FakeMoySklad fake;
    CliRunner cli;
};

} // namespace

TEST_F(CliVerifyTest, AMatchingStoreExitsZeroWithEveryTypeAtZero)
{
    seedMatching();
    const auto result = verify({QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString() << result.out.toStdString();
    const QJsonObject json = result.json().object();
    QStringList types = json.keys();
    types.sort();
    EXPECT_EQ(types, (QStringList{cash, orders, demands, bank}));
    for (const QString &type : types) {
        const QJsonObject counts = json.value(type).toObject();
        for (const char *key : {"moysklad", "store", "missing", "stale", "extra"})
            EXPECT_TRUE(counts.value(QLatin1String(key)).isDouble()) << type.toStdString() << " " << key;
        EXPECT_EQ(counts.value(QLatin1String("missing")).toInt() + counts.value(QLatin1String("stale")).toInt() +
                      counts.value(QLatin1String("extra")).toInt(),
                  0)
            << type.toStdString();
    }
    EXPECT_EQ(json.value(orders).toObject().value(QLatin1String("moysklad")).toInt(), 2);
    EXPECT_EQ(json.value(orders).toObject().value(QLatin1String("store")).toInt(), 2);
    EXPECT_EQ(json.value(cash).toObject().value(QLatin1String("store")).toInt(), 1);

    const auto text = verify();
    EXPECT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("The store matches MoySklad."))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("MOYSKLAD"))) << text.out.toStdString();

    // The run is in the log.
    const auto log = cli.run({QStringLiteral("log")});
    EXPECT_TRUE(log.out.contains(QStringLiteral("Comparison with MoySklad from the command line: the store matches")))
        << log.out.toStdString();
}

TEST_F(CliVerifyTest, ADocumentEditedBehindItsBackIsExactlyOneStale)
{
    seedMatching();
    ASSERT_TRUE(
        fake.editDocument(orders, documentId(2), QJsonObject{{QStringLiteral("description"), QStringLiteral("x")}}));
    const auto result = verify({QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 1) << result.err.toStdString();
    const QJsonObject json = result.json().object();
    const QJsonObject o = json.value(orders).toObject();
    EXPECT_EQ(o.value(QLatin1String("stale")).toInt(), 1);
    EXPECT_EQ(o.value(QLatin1String("missing")).toInt(), 0);
    EXPECT_EQ(o.value(QLatin1String("extra")).toInt(), 0);
    EXPECT_EQ(o.value(QLatin1String("staleIds")).toArray(), QJsonArray{documentId(2)});
    for (const QString &type : {bank, cash, demands}) {
        const QJsonObject other = json.value(type).toObject();
        EXPECT_EQ(other.value(QLatin1String("stale")).toInt() + other.value(QLatin1String("missing")).toInt() +
                      other.value(QLatin1String("extra")).toInt(),
                  0);
    }

    const auto text = verify();
    EXPECT_EQ(text.exitCode, 1);
    EXPECT_TRUE(text.out.contains(QStringLiteral("customerorder stale: ") + documentId(2))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("The store differs from MoySklad."))) << text.out.toStdString();
}

TEST_F(CliVerifyTest, RemovedInMoySkladIsExtraAndOnlyInMoySkladIsMissing)
{
    seedMatching();
    fake.removeDocument(demands, documentId(21));
    fake.seedDocument(bank, make(bank, documentId(13)));
    const auto result = verify({QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 1) << result.err.toStdString();
    const QJsonObject json = result.json().object();
    EXPECT_EQ(json.value(demands).toObject().value(QLatin1String("extra")).toInt(), 1);
    EXPECT_EQ(json.value(demands).toObject().value(QLatin1String("extraIds")).toArray(), QJsonArray{documentId(21)});
    EXPECT_EQ(json.value(bank).toObject().value(QLatin1String("missing")).toInt(), 1);
    EXPECT_EQ(json.value(bank).toObject().value(QLatin1String("missingIds")).toArray(), QJsonArray{documentId(13)});
    EXPECT_EQ(json.value(orders).toObject().value(QLatin1String("extra")).toInt(), 0);
}

TEST_F(CliVerifyTest, SinceComparesOnlyTheDocumentsUpdatedInTheWindow)
{
    seedMatching(); // all updated on 2026-11-01
    fake.seedDocument(orders, make(orders, documentId(3), later));
    store({{orders, make(orders, documentId(3), later)}});
    fake.removeDocument(orders, documentId(1)); // older than the window: not judged
    const auto result =
        verify({QStringLiteral("--since"), QStringLiteral("2026-11-10 00:00:00"), QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString() << result.out.toStdString();
    const QJsonObject o = result.json().object().value(orders).toObject();
    EXPECT_EQ(o.value(QLatin1String("moysklad")).toInt(), 1);
    EXPECT_EQ(o.value(QLatin1String("store")).toInt(), 1);
    EXPECT_EQ(result.json().object().value(bank).toObject().value(QLatin1String("moysklad")).toInt(), 0);
    bool filtered = false;
    for (const FakeMoySklad::Request &request : fake.requests()) {
        if (request.path.endsWith(QStringLiteral("/entity/customerorder")))
            filtered = request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded) ==
                       QStringLiteral("updated>=2026-11-10 00:00:00");
    }
    EXPECT_TRUE(filtered);

    // Without the window the deletion shows.
    const auto whole = verify({QStringLiteral("--json")});
    EXPECT_EQ(whole.exitCode, 1);
    EXPECT_EQ(whole.json().object().value(orders).toObject().value(QLatin1String("extra")).toInt(), 1);
}

TEST_F(CliVerifyTest, ThousandsOfDocumentsTakeAPageEach)
{
    QList<std::pair<QString, QJsonObject>> documents;
    for (int i = 0; i < 2500; ++i) {
        fake.seedDocument(orders, make(orders, documentId(i)));
        documents.append({orders, make(orders, documentId(i))});
    }
    store(documents);
    const auto result = verify({QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.json().object().value(orders).toObject().value(QLatin1String("moysklad")).toInt(), 2500);
    EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/customerorder")), 3);
    for (const QString &type : {bank, cash, demands})
        EXPECT_EQ(fake.countRequests(QStringLiteral("GET"), QStringLiteral("/entity/") + type), 1);
}

TEST_F(CliVerifyTest, AMalformedSinceIsAUsageErrorAndNothingIsAsked)
{
    for (const QString &since :
         {QStringLiteral("2026-11-31 00:00:00"), QStringLiteral("yesterday"), QStringLiteral("2026-11-10T00:00:00")}) {
        const auto result = verify({QStringLiteral("--since"), since});
        EXPECT_EQ(result.exitCode, 2) << since.toStdString();
        EXPECT_TRUE(result.err.contains(QStringLiteral("YYYY-MM-DD HH:MM:SS"))) << result.err.toStdString();
        EXPECT_TRUE(result.out.isEmpty());
    }
    EXPECT_EQ(fake.requests().size(), 0);
}

TEST_F(CliVerifyTest, ARefusedTokenOrNoTokenFailsWithItsOwnExitCode)
{
    seedMatching();
    fake.revokeTokens();
    const auto refused = verify({QStringLiteral("--json")});
    EXPECT_EQ(refused.exitCode, 3) << refused.err.toStdString();
    EXPECT_TRUE(refused.out.isEmpty()) << refused.out.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("cannot list customerorder in MoySklad")))
        << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("config set api.token"))) << refused.err.toStdString();
    EXPECT_EQ(refused.err.count(QLatin1Char('\n')), 1) << refused.err.toStdString();

    // No credentials at all (and no keychain to ask).
    CliRunner bare;
    bare.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    ASSERT_TRUE(bare.configSet(QStringLiteral("secrets.store"), QStringLiteral("file")));
    const auto none = bare.run({QStringLiteral("verify"), QStringLiteral("--api-url"), fake.baseUrl().toString()});
    EXPECT_EQ(none.exitCode, 3) << none.err.toStdString();
    EXPECT_TRUE(none.err.contains(QStringLiteral("no MoySklad credentials"))) << none.err.toStdString();
}
