// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/shopdocumentmodel.h"
#include "shopfixture.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSet>

namespace {

using Field = ShopDocumentModel::Field;

class ShopDocumentModelTest : public ShopFixture
{
protected:
    static QString cell(const ShopDocumentModel &model, int row, Field field, int role = Qt::DisplayRole)
    {
        return model.data(model.index(row, model.columnOf(field)), role).toString();
    }
    static QStringList ids(const ShopDocumentModel &model)
    {
        QStringList list;
        for (int row = 0; row < model.rowCount(); ++row)
            list.append(model.document(row).id);
        return list;
    }
};

TEST_F(ShopDocumentModelTest, ShowsSumsInRoublesAndDatesAsTheLocaleWritesThem)
{
    QJsonObject document = order(QStringLiteral("o1"), QStringLiteral("00001"), 123456, QStringLiteral("Новый"),
                                 QStringLiteral("ООО Ромашка"), QStringLiteral("2026-11-05 14:30:00"));
    document.insert(QStringLiteral("payedSum"), 100000);
    document.insert(QStringLiteral("shippedSum"), 5);
    apply(QStringLiteral("customerorder"), document);

    ShopDocumentModel model(databasePath, ShopList::Kind::Orders);
    model.reload();
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(plain(cell(model, 0, Field::Sum)), QStringLiteral("1 234,56 ₽"));
    EXPECT_EQ(plain(cell(model, 0, Field::Paid)), QStringLiteral("1 000,00 ₽"));
    EXPECT_EQ(plain(cell(model, 0, Field::Shipped)), QStringLiteral("0,05 ₽"));
    EXPECT_EQ(cell(model, 0, Field::Date), QStringLiteral("05.11.2026"));
    EXPECT_EQ(cell(model, 0, Field::Date, Qt::ToolTipRole), QStringLiteral("05.11.2026 14:30"));
    EXPECT_EQ(cell(model, 0, Field::Counterparty), QStringLiteral("ООО Ромашка"));
    EXPECT_EQ(cell(model, 0, Field::State), QStringLiteral("Новый"));
    EXPECT_EQ(model.data(model.index(0, model.columnOf(Field::Sum)), Qt::TextAlignmentRole).value<Qt::Alignment>(),
              Qt::AlignRight | Qt::AlignVCenter);
    // The current locale decides, not a fixed format.
    EXPECT_EQ(ShopDocumentModel::money(-123456, QLocale(QLocale::English, QLocale::UnitedStates)),
              QStringLiteral("(₽1,234.56)"));
    EXPECT_EQ(plain(ShopDocumentModel::money(-5, QLocale(QLocale::Russian, QLocale::Russia))),
              QStringLiteral("-0,05 ₽"));
}

TEST_F(ShopDocumentModelTest, HidesDeletedDocumentsUnlessAskedAndStrikesThemOut)
{
    apply(QStringLiteral("customerorder"), order(QStringLiteral("o1"), QStringLiteral("00001"), 100,
                                                 QStringLiteral("Новый"), QStringLiteral("ООО Ромашка")));
    apply(QStringLiteral("customerorder"),
          order(QStringLiteral("o2"), QStringLiteral("00002"), 200, QStringLiteral("Новый"),
                QStringLiteral("ООО Ромашка"), QStringLiteral("2026-12-02 10:00:00")));
    markDeleted(QStringLiteral("customerorder"), QStringLiteral("o2"));

    ShopDocumentModel model(databasePath, ShopList::Kind::Orders);
    model.reload();
    EXPECT_EQ(ids(model), QStringList{QStringLiteral("o1")});

    model.setFilter({QString(), QString(), true, QString()});
    ASSERT_EQ(ids(model), (QStringList{QStringLiteral("o2"), QStringLiteral("o1")}));
    for (int column = 0; column < model.columnCount(); ++column) {
        EXPECT_TRUE(model.index(0, column).data(Qt::FontRole).value<QFont>().strikeOut()) << column;
        EXPECT_FALSE(model.index(1, column).data(Qt::FontRole).value<QFont>().strikeOut()) << column;
    }
    EXPECT_TRUE(model.index(0, 0).data(ShopDocumentModel::DeletedRole).toBool());
    EXPECT_FALSE(model.index(0, 0).data(Qt::ToolTipRole).toString().isEmpty());
}

TEST_F(ShopDocumentModelTest, PagesThroughMoreRowsThanOnePageInOrderWithoutRepeats)
{
    write([this](QSqlDatabase &db) -> Result<Done, QString> {
        const DocumentProcessor *orders = processors.processorFor(QStringLiteral("customerorder"));
        for (int i = 0; i < 450; ++i) {
            // Ten orders share each moment: the pages must break ties by id.
            const QString moment = QStringLiteral("2026-11-%1 10:00:00").arg(1 + i / 10, 2, 10, QLatin1Char('0'));
            auto done =
                orders->apply(db,
                              order(Builders::documentId(i), QStringLiteral("%1").arg(i, 5, 10, QLatin1Char('0')), i,
                                    QStringLiteral("Новый"), QStringLiteral("ООО Ромашка"), moment),
                              QDateTime::currentDateTimeUtc());
            if (!done.ok())
                return done;
        }
        return Done{};
    });

    ShopDocumentModel model(databasePath, ShopList::Kind::Orders);
    model.setPageSize(100);
    model.reload();
    EXPECT_EQ(model.rowCount(), 100);
    // The tester fetches more itself, as a view does.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    for (int pages = 0; model.canFetchMore({}); ++pages) {
        ASSERT_LE(pages, 5);
        model.fetchMore({});
    }
    ASSERT_EQ(model.rowCount(), 450);
    const QStringList all = ids(model);
    EXPECT_EQ(QSet<QString>(all.cbegin(), all.cend()).size(), 450);
    for (int row = 1; row < model.rowCount(); ++row) {
        const ShopList::Row &before = model.document(row - 1);
        const ShopList::Row &after = model.document(row);
        ASSERT_TRUE(before.date > after.date || (before.date == after.date && before.id > after.id)) << row;
    }
    EXPECT_EQ(model.document(0).id, Builders::documentId(449));
}

TEST_F(ShopDocumentModelTest, PaymentsAndShipmentsShowTheirOrdersCounterpartyAndAreFoundByIt)
{
    apply(QStringLiteral("customerorder"), order(QStringLiteral("o1"), QStringLiteral("00001"), 100,
                                                 QStringLiteral("Новый"), QStringLiteral("ООО Ромашка")));
    apply(QStringLiteral("customerorder"), order(QStringLiteral("o2"), QStringLiteral("00002"), 100,
                                                 QStringLiteral("Новый"), QStringLiteral("ИП Васильев")));
    apply(QStringLiteral("paymentin"), payment(QStringLiteral("paymentin"), QStringLiteral("p1"),
                                               QStringLiteral("ВП-1"), 100, {{QStringLiteral("o1"), 100}}));
    apply(QStringLiteral("cashin"), payment(QStringLiteral("cashin"), QStringLiteral("c1"), QStringLiteral("ПКО-1"), 50,
                                            {{QStringLiteral("o2"), 50}}));
    apply(QStringLiteral("demand"), demand(QStringLiteral("d1"), QStringLiteral("ОТГ-1"), 100, QStringLiteral("o2")));

    ShopDocumentModel payments(databasePath, ShopList::Kind::Payments);
    payments.reload();
    ASSERT_EQ(payments.rowCount(), 2);
    const int p1 = payments.rowOf(QStringLiteral("p1"));
    EXPECT_EQ(cell(payments, p1, Field::Counterparty), QStringLiteral("ООО Ромашка"));
    EXPECT_EQ(cell(payments, p1, Field::Orders), QStringLiteral("00001"));
    EXPECT_EQ(cell(payments, p1, Field::Type), ShopDocumentModel::typeName(QStringLiteral("paymentin")));
    EXPECT_EQ(payments.states(), (QStringList{QStringLiteral("cashin"), QStringLiteral("paymentin")}));
    payments.setFilter({QStringLiteral("васильев"), QString(), false, QString()});
    EXPECT_EQ(ids(payments), QStringList{QStringLiteral("c1")});
    payments.setFilter({QString(), QStringLiteral("paymentin"), false, QString()});
    EXPECT_EQ(ids(payments), QStringList{QStringLiteral("p1")});

    ShopDocumentModel shipments(databasePath, ShopList::Kind::Shipments);
    shipments.setFilter({QStringLiteral("ВАСИЛЬЕВ"), QString(), false, QString()});
    ASSERT_EQ(ids(shipments), QStringList{QStringLiteral("d1")});
    EXPECT_EQ(cell(shipments, 0, Field::Orders), QStringLiteral("00002"));
    EXPECT_EQ(cell(shipments, 0, Field::State), QStringLiteral("Собран"));
    shipments.setFilter({QStringLiteral("Ромашка"), QString(), false, QString()});
    EXPECT_EQ(shipments.rowCount(), 0);
}

TEST_F(ShopDocumentModelTest, SearchTakesLikeWildcardsLiterally)
{
    apply(QStringLiteral("customerorder"), order(QStringLiteral("o1"), QStringLiteral("A_1"), 100,
                                                 QStringLiteral("Новый"), QStringLiteral("100% Фрукты")));
    apply(QStringLiteral("customerorder"), order(QStringLiteral("o2"), QStringLiteral("AB1"), 100,
                                                 QStringLiteral("Новый"), QStringLiteral("1000 Фруктов")));
    ShopDocumentModel model(databasePath, ShopList::Kind::Orders);
    model.setFilter({QStringLiteral("A_"), QString(), false, QString()});
    EXPECT_EQ(ids(model), QStringList{QStringLiteral("o1")});
    model.setFilter({QStringLiteral("100%"), QString(), false, QString()});
    EXPECT_EQ(ids(model), QStringList{QStringLiteral("o1")});
}

TEST_F(ShopDocumentModelTest, RefreshesOnlyWhenTheStoreChangedAndKeepsWhatWasScrolledTo)
{
    write([this](QSqlDatabase &db) -> Result<Done, QString> {
        for (int i = 0; i < 30; ++i) {
            auto done = processors.processorFor(QStringLiteral("customerorder"))
                            ->apply(db,
                                    order(Builders::documentId(i), QString::number(i), i, QStringLiteral("Новый"),
                                          QStringLiteral("ООО Ромашка"),
                                          QStringLiteral("2026-11-%1 10:00:00").arg(i + 1, 2, 10, QLatin1Char('0'))),
                                    QDateTime::currentDateTimeUtc());
            if (!done.ok())
                return done;
        }
        return Done{};
    });
    ShopDocumentModel model(databasePath, ShopList::Kind::Orders);
    model.setPageSize(10);
    model.reload();
    model.fetchMore({});
    ASSERT_EQ(model.rowCount(), 20);
    EXPECT_FALSE(model.refreshIfChanged());

    apply(QStringLiteral("customerorder"),
          order(QStringLiteral("new"), QStringLiteral("new"), 1, QStringLiteral("Новый"), QStringLiteral("ООО Ромашка"),
                QStringLiteral("2026-12-31 10:00:00")));
    EXPECT_TRUE(model.refreshIfChanged());
    EXPECT_EQ(model.rowCount(), 20); // the 20 newest, the new one first
    EXPECT_EQ(model.document(0).id, QStringLiteral("new"));
    EXPECT_TRUE(model.canFetchMore({}));
    EXPECT_FALSE(model.refreshIfChanged());
}

TEST(ShopDocumentModelUrl, OpensEachKindInMoySkladsWebInterface)
{
    EXPECT_EQ(ShopDocumentModel::webUrl(QStringLiteral("customerorder"), QStringLiteral("a-1")).toString(),
              QStringLiteral("https://online.moysklad.ru/app/#customerorder/edit?id=a-1"));
    EXPECT_EQ(ShopDocumentModel::webUrl(QStringLiteral("cashin"), QStringLiteral("b")).toString(),
              QStringLiteral("https://online.moysklad.ru/app/#cashin/edit?id=b"));
}

} // namespace
