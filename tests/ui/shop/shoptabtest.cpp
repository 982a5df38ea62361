// SPDX-License-Identifier: GPL-3.0-or-later
#include "shop/shoptab.h"
#include "models/shopdocumentmodel.h"
#include "shop/orderdetailspanel.h"
#include "shopfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTest>

namespace {

class ShopTabTest : public ShopFixture
{
protected:
    // The tab in a plain host of the size the app must fit (a top-level with a layout makes the offscreen platform
    // warn about size hints); every URL it would open is kept instead.
    ShopTab *makeTab(ShopList::Kind kind)
    {
        host = std::make_unique<QWidget>();
        host->resize(1024, 700);
        tab = new ShopTab(databasePath, kind, host.get());
        tab->setGeometry(0, 0, 1024, 700);
        tab->setUrlOpener([this](const QUrl &url) { opened.append(url.toString()); });
        tab->setPollInterval(30);
        host->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(host.get()));
        return tab;
    }
    template<typename T>
    T *child(const char *name)
    {
        T *widget = tab->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }
    static QStringList names(const ShopDocumentModel *model)
    {
        QStringList list;
        for (int row = 0; row < model->rowCount(); ++row)
            list.append(model->document(row).name);
        return list;
    }
    bool waitForNames(const QStringList &expected)
    {
        return QTest::qWaitFor([&] { return names(tab->model()) == expected; }, 3000);
    }
    void select(QTableView *view, int row)
    {
        view->setFocus();
        view->setCurrentIndex(view->model()->index(row, 0));
    }
    void seedOrders()
    {
        apply(QStringLiteral("customerorder"),
              order(QStringLiteral("o1"), QStringLiteral("00101"), 150000, QStringLiteral("Новый"),
                    QStringLiteral("ООО Ромашка"), QStringLiteral("2026-12-01 10:00:00")));
        apply(QStringLiteral("customerorder"),
              order(QStringLiteral("o2"), QStringLiteral("00102"), 99000, QStringLiteral("Отгружен"),
                    QStringLiteral("ИП Васильев"), QStringLiteral("2026-12-02 10:00:00")));
        apply(QStringLiteral("customerorder"),
              order(QStringLiteral("o3"), QStringLiteral("00203"), 5000, QStringLiteral("Новый"),
                    QStringLiteral("ООО Ромашка"), QStringLiteral("2026-12-03 10:00:00")));
    }

    std::unique_ptr<QWidget> host;
    ShopTab *tab = nullptr;
    QStringList opened;
};

TEST_F(ShopTabTest, SearchesByNumberAndByCounterparty)
{
    seedOrders();
    makeTab(ShopList::Kind::Orders);
    ASSERT_EQ(names(tab->model()),
              (QStringList{QStringLiteral("00203"), QStringLiteral("00102"), QStringLiteral("00101")}));
    auto *search = child<QLineEdit>("searchEdit");
    QTest::keyClicks(search, QStringLiteral("0010"));
    EXPECT_TRUE(waitForNames({QStringLiteral("00102"), QStringLiteral("00101")}))
        << names(tab->model()).join(u',').toStdString();

    search->clear();
    search->setText(QStringLiteral("ромашка")); // QTest types Latin keys only
    EXPECT_TRUE(waitForNames({QStringLiteral("00203"), QStringLiteral("00101")}));
    search->setText(QStringLiteral("Васил"));
    EXPECT_TRUE(waitForNames({QStringLiteral("00102")}));
    search->setText(QStringLiteral("нет такого"));
    EXPECT_TRUE(waitForNames({}));
}

TEST_F(ShopTabTest, FiltersByAStateOfThoseThePresentDocumentsHave)
{
    seedOrders();
    makeTab(ShopList::Kind::Orders);
    auto *state = child<QComboBox>("stateCombo");
    ASSERT_EQ(state->count(), 3);
    EXPECT_EQ(state->itemText(0), ShopTab::tr("All"));
    EXPECT_EQ(state->itemText(1), QStringLiteral("Новый"));
    EXPECT_EQ(state->itemText(2), QStringLiteral("Отгружен"));

    state->setCurrentIndex(2);
    EXPECT_EQ(names(tab->model()), QStringList{QStringLiteral("00102")});
    state->setCurrentIndex(1);
    EXPECT_EQ(names(tab->model()), (QStringList{QStringLiteral("00203"), QStringLiteral("00101")}));
    // Combined with the search.
    child<QLineEdit>("searchEdit")->setText(QStringLiteral("002"));
    EXPECT_TRUE(waitForNames({QStringLiteral("00203")}));

    // A state that appears in the store appears in the list, the choice kept.
    apply(QStringLiteral("customerorder"), order(QStringLiteral("o4"), QStringLiteral("00204"), 1,
                                                 QStringLiteral("Архив"), QStringLiteral("ООО Ромашка")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return state->count() == 4; }, 3000));
    EXPECT_EQ(state->currentText(), QStringLiteral("Новый"));
    EXPECT_EQ(names(tab->model()), QStringList{QStringLiteral("00203")});
}

TEST_F(ShopTabTest, PaymentsAreFilteredByTheirType)
{
    apply(QStringLiteral("paymentin"),
          payment(QStringLiteral("paymentin"), QStringLiteral("p1"), QStringLiteral("ВП-1"), 100, {}));
    apply(QStringLiteral("cashin"), payment(QStringLiteral("cashin"), QStringLiteral("c1"), QStringLiteral("ПКО-1"),
                                            100, {}, QStringLiteral("2026-12-03 10:00:00")));
    makeTab(ShopList::Kind::Payments);
    auto *state = child<QComboBox>("stateCombo");
    ASSERT_EQ(state->count(), 3);
    const int cash = state->findData(QStringLiteral("cashin"));
    EXPECT_EQ(state->itemText(cash), ShopDocumentModel::typeName(QStringLiteral("cashin")));
    state->setCurrentIndex(cash);
    EXPECT_EQ(names(tab->model()), QStringList{QStringLiteral("ПКО-1")});
}

TEST_F(ShopTabTest, ShowsDeletedDocumentsStruckOutOnlyWhenAsked)
{
    seedOrders();
    markDeleted(QStringLiteral("customerorder"), QStringLiteral("o2"));
    makeTab(ShopList::Kind::Orders);
    EXPECT_EQ(names(tab->model()), (QStringList{QStringLiteral("00203"), QStringLiteral("00101")}));

    auto *showDeleted = child<QCheckBox>("showDeletedCheck");
    QTest::mouseClick(showDeleted, Qt::LeftButton, {}, showDeleted->rect().center());
    ASSERT_TRUE(showDeleted->isChecked());
    ASSERT_EQ(names(tab->model()),
              (QStringList{QStringLiteral("00203"), QStringLiteral("00102"), QStringLiteral("00101")}));
    EXPECT_TRUE(tab->model()->index(1, 0).data(Qt::FontRole).value<QFont>().strikeOut());
    EXPECT_FALSE(tab->model()->index(0, 0).data(Qt::FontRole).value<QFont>().strikeOut());
    QTest::mouseClick(showDeleted, Qt::LeftButton, {}, showDeleted->rect().center());
    EXPECT_EQ(tab->model()->rowCount(), 2);
}

TEST_F(ShopTabTest, OpensEachKindInMoySkladByEnterDoubleClickAndContextMenu)
{
    seedOrders();
    apply(QStringLiteral("paymentin"), payment(QStringLiteral("paymentin"), QStringLiteral("p1"),
                                               QStringLiteral("ВП-1"), 100, {{QStringLiteral("o1"), 100}}));
    apply(QStringLiteral("cashin"), payment(QStringLiteral("cashin"), QStringLiteral("c1"), QStringLiteral("ПКО-1"),
                                            100, {}, QStringLiteral("2026-11-01 10:00:00")));
    apply(QStringLiteral("demand"), demand(QStringLiteral("d1"), QStringLiteral("ОТГ-1"), 100, QStringLiteral("o1")));

    makeTab(ShopList::Kind::Orders);
    select(tab->view(), 0);
    QTest::keyClick(tab->view(), Qt::Key_Return);
    ASSERT_EQ(opened, QStringList{QStringLiteral("https://online.moysklad.ru/app/#customerorder/edit?id=o3")});

    makeTab(ShopList::Kind::Payments);
    opened.clear();
    const QRect first = tab->view()->visualRect(tab->model()->index(0, 0));
    QTest::mouseClick(tab->view()->viewport(), Qt::LeftButton, {}, first.center());
    QTest::mouseDClick(tab->view()->viewport(), Qt::LeftButton, {}, first.center());
    ASSERT_EQ(opened, QStringList{QStringLiteral("https://online.moysklad.ru/app/#paymentin/edit?id=p1")});
    opened.clear();
    select(tab->view(), 1);
    QAction *open = tab->findChild<QAction *>(QStringLiteral("openInMoySkladAction"));
    ASSERT_NE(open, nullptr);
    ASSERT_TRUE(tab->view()->actions().contains(open)); // the view's context menu
    EXPECT_EQ(tab->view()->contextMenuPolicy(), Qt::ActionsContextMenu);
    open->trigger();
    ASSERT_EQ(opened, QStringList{QStringLiteral("https://online.moysklad.ru/app/#cashin/edit?id=c1")});

    makeTab(ShopList::Kind::Shipments);
    opened.clear();
    select(tab->view(), 0);
    QTest::keyClick(tab->view(), Qt::Key_Enter);
    ASSERT_EQ(opened, QStringList{QStringLiteral("https://online.moysklad.ru/app/#demand/edit?id=d1")});
}

TEST_F(ShopTabTest, ShowsTheSelectedOrdersPaymentsAndShipmentsBesideIt)
{
    seedOrders();
    apply(QStringLiteral("paymentin"), payment(QStringLiteral("paymentin"), QStringLiteral("p1"),
                                               QStringLiteral("ВП-1"), 100000, {{QStringLiteral("o1"), 100000}}));
    apply(QStringLiteral("cashin"), payment(QStringLiteral("cashin"), QStringLiteral("c1"), QStringLiteral("ПКО-1"),
                                            50000, {{QStringLiteral("o1"), 30000}, {QStringLiteral("o2"), 20000}}));
    apply(QStringLiteral("paymentin"), payment(QStringLiteral("paymentin"), QStringLiteral("p2"),
                                               QStringLiteral("ВП-2"), 99000, {{QStringLiteral("o2"), 99000}}));
    apply(QStringLiteral("demand"),
          demand(QStringLiteral("d1"), QStringLiteral("ОТГ-1"), 150000, QStringLiteral("o1")));
    apply(QStringLiteral("demand"), demand(QStringLiteral("d2"), QStringLiteral("ОТГ-2"), 99000, QStringLiteral("o2")));

    makeTab(ShopList::Kind::Orders);
    OrderDetailsPanel *details = tab->details();
    ASSERT_NE(details, nullptr);
    auto *splitter = child<QSplitter>("orderSplitter");
    EXPECT_EQ(splitter->indexOf(tab->view()), 0);
    EXPECT_EQ(splitter->indexOf(details), 1);
    EXPECT_EQ(details->payments()->rowCount(), 0);

    select(tab->view(), tab->model()->rowOf(QStringLiteral("o1")));
    EXPECT_EQ(details->orderId(), QStringLiteral("o1"));
    // Both paid on the same moment: the newer id first.
    EXPECT_EQ(names(details->payments()), (QStringList{QStringLiteral("ВП-1"), QStringLiteral("ПКО-1")}));
    EXPECT_EQ(names(details->shipments()), QStringList{QStringLiteral("ОТГ-1")});
    EXPECT_TRUE(tab->findChild<QLabel *>(QStringLiteral("orderTitle"))->text().contains(QStringLiteral("00101")));

    select(tab->view(), tab->model()->rowOf(QStringLiteral("o2")));
    EXPECT_EQ(names(details->payments()), (QStringList{QStringLiteral("ВП-2"), QStringLiteral("ПКО-1")}));
    EXPECT_EQ(names(details->shipments()), QStringList{QStringLiteral("ОТГ-2")});

    // A payment written for the selected order appears beside it.
    apply(QStringLiteral("paymentin"),
          payment(QStringLiteral("paymentin"), QStringLiteral("p3"), QStringLiteral("ВП-3"), 1,
                  {{QStringLiteral("o2"), 1}}, QStringLiteral("2026-12-09 10:00:00")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return details->payments()->rowCount() == 3; }, 3000));

    // The details open their documents too.
    auto *shipments = tab->findChild<QTableView *>(QStringLiteral("orderShipmentsTable"));
    select(shipments, 0);
    QTest::keyClick(shipments, Qt::Key_Return);
    EXPECT_EQ(opened, QStringList{QStringLiteral("https://online.moysklad.ru/app/#demand/edit?id=d2")});
}

TEST_F(ShopTabTest, RefreshesWhenADocumentIsWrittenKeepingTheSelectionAndTheScrollPosition)
{
    write([this](QSqlDatabase &db) -> Result<Done, QString> {
        for (int i = 0; i < 120; ++i) {
            auto done = processors.processorFor(QStringLiteral("customerorder"))
                            ->apply(db,
                                    order(Builders::documentId(i), QStringLiteral("%1").arg(i, 5, 10, QLatin1Char('0')),
                                          i * 100, QStringLiteral("Новый"), QStringLiteral("ООО Ромашка"),
                                          QDateTime(QDate(2026, 11, 1), QTime(0, 0))
                                              .addSecs(i * 60)
                                              .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                                    QDateTime::currentDateTimeUtc());
            if (!done.ok())
                return done;
        }
        return Done{};
    });
    makeTab(ShopList::Kind::Orders);
    ASSERT_EQ(tab->model()->rowCount(), 120);
    QScrollBar *scroll = tab->view()->verticalScrollBar();
    ASSERT_GT(scroll->maximum(), 20);
    select(tab->view(), 60);
    scroll->setValue(40);
    const QString selected = tab->model()->document(60).id;

    apply(QStringLiteral("customerorder"),
          order(QStringLiteral("new"), QStringLiteral("99999"), 1, QStringLiteral("Новый"),
                QStringLiteral("ООО Ромашка"), QStringLiteral("2026-12-31 10:00:00")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return tab->model()->rowCount() == 121; }, 3000));
    EXPECT_EQ(tab->model()->document(0).name, QStringLiteral("99999"));
    EXPECT_EQ(tab->view()->currentIndex().data(ShopDocumentModel::IdRole).toString(), selected);
    EXPECT_TRUE(tab->view()->selectionModel()->isRowSelected(61, {}));
    EXPECT_EQ(scroll->value(), 40);
    EXPECT_EQ(tab->details()->orderId(), selected);

    // An order changed in place shows its new state.
    QJsonObject changed = order(QStringLiteral("new"), QStringLiteral("99999"), 1, QStringLiteral("Отгружен"),
                                QStringLiteral("ООО Ромашка"), QStringLiteral("2026-12-31 10:00:00"));
    changed.insert(QStringLiteral("updated"), QStringLiteral("2026-12-31 11:00:00.000"));
    apply(QStringLiteral("customerorder"), changed);
    EXPECT_TRUE(QTest::qWaitFor([&] { return tab->model()->document(0).state == QStringLiteral("Отгружен"); }, 3000));
}

TEST_F(ShopTabTest, PagesThroughTheTableAsTheUserScrollsDown)
{
    write([this](QSqlDatabase &db) -> Result<Done, QString> {
        for (int i = 0; i < 500; ++i) {
            auto done = processors.processorFor(QStringLiteral("customerorder"))
                            ->apply(db,
                                    order(Builders::documentId(i), QStringLiteral("%1").arg(i, 5, 10, QLatin1Char('0')),
                                          i, QStringLiteral("Новый"), QStringLiteral("ООО Ромашка")),
                                    QDateTime::currentDateTimeUtc());
            if (!done.ok())
                return done;
        }
        return Done{};
    });
    makeTab(ShopList::Kind::Orders);
    EXPECT_EQ(tab->model()->rowCount(), tab->model()->pageSize());
    ASSERT_LT(tab->model()->rowCount(), 500);
    QTableView *view = tab->view();
    for (int i = 0; i < 20 && tab->model()->rowCount() < 500; ++i) {
        view->scrollToBottom();
        QTest::qWait(20);
    }
    EXPECT_EQ(tab->model()->rowCount(), 500);
    EXPECT_FALSE(tab->model()->canFetchMore({}));
}

TEST_F(ShopTabTest, FitsTheWindowWithMnemonicsAndAccessibleNames)
{
    seedOrders();
    apply(QStringLiteral("paymentin"),
          payment(QStringLiteral("paymentin"), QStringLiteral("p1"), QStringLiteral("00112"), 150000,
                  {{QStringLiteral("o1"), 100000}, {QStringLiteral("o3"), 50000}}));
    apply(QStringLiteral("demand"), demand(QStringLiteral("d1"), QStringLiteral("00031"), 150000, QStringLiteral("o1"),
                                           QStringLiteral("Доставлена")));
    for (const auto kind : {ShopList::Kind::Orders, ShopList::Kind::Payments, ShopList::Kind::Shipments}) {
        makeTab(kind);
        EXPECT_LE(tab->minimumSizeHint().width(), 1024);
        EXPECT_LE(tab->minimumSizeHint().height(), 700);
        for (QLabel *label : tab->findChildren<QLabel *>()) {
            if (label->buddy()) {
                EXPECT_TRUE(label->text().contains(QLatin1Char('&'))) << label->text().toStdString();
                EXPECT_GE(label->width(), label->sizeHint().width()) << label->text().toStdString();
            }
        }
        auto *showDeleted = child<QCheckBox>("showDeletedCheck");
        EXPECT_TRUE(showDeleted->text().contains(QLatin1Char('&')));
        EXPECT_GE(showDeleted->width(), showDeleted->sizeHint().width());
        for (QWidget *widget :
             {static_cast<QWidget *>(tab->view()), static_cast<QWidget *>(child<QLineEdit>("searchEdit")),
              static_cast<QWidget *>(child<QComboBox>("stateCombo"))})
            EXPECT_FALSE(widget->accessibleName().isEmpty()) << widget->objectName().toStdString();
        // Columns fitted to what they show.
        QHeaderView *header = tab->view()->horizontalHeader();
        for (int column = 0; column + 1 < header->count(); ++column)
            EXPECT_GE(header->sectionSize(column),
                      static_cast<QAbstractItemView *>(tab->view())->sizeHintForColumn(column))
                << column;
    }
}

} // namespace
