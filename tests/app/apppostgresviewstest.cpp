// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's views on a PostgreSQL 15 store (a throw-away cluster) and on a SQLite one that `serve` filled
// with the same deliveries of the same documents: the Queue tab (statuses, searches, a task's attempts, a retry), the
// Diagnostics log (level, hook, searches in Russian and Latin), the shop tabs (searches, an order's payments and
// shipments) and the Charts show the same rows on both. Each side is the real DesktopApp over the data directory
// that serve holds: attached to serve on SQLite, in remote mode on PostgreSQL.
#include "builders.h"
#include "common/logentry.h"
#include "common/metric.h"
#include "desktopapp.h"
#include "dialogs.h"
#include "mainwindow.h"
#include "models/logmodel.h"
#include "models/shopdocumentmodel.h"
#include "models/tasklistmodel.h"
#include "monitor/chartspanel.h"
#include "monitor/diagnosticspane.h"
#include "monitor/queuepanel.h"
#include "postgresfixture.h"
#include "servedside.h"
#include "shop/orderdetailspanel.h"
#include "shop/shoptab.h"
#include "testworkspace.h"
#include "workspace/workspace.h"

#include <gtest/gtest.h>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>
#include <tuple>

namespace {

using Builders::documentId;

const QString secret = QStringLiteral("ViewsSecret_abcdefghijklmnopqrstuvwxyz0123456789");
const QString customerorder = QStringLiteral("customerorder");
const QString paymentin = QStringLiteral("paymentin");
const QString cashin = QStringLiteral("cashin");
const QString demand = QStringLiteral("demand");
// What MoySklad answers for the payment it refuses.
const QString refusal = QStringLiteral("Ошибка в запросе: документ Недоступен");

QJsonObject named(QJsonObject document, const QString &name)
{
    document.insert(QStringLiteral("name"), name);
    return document;
}

// What differs between the two sides for the same data: the ports of their receivers and fakes.
QString comparable(QString text)
{
    static const QRegularExpression port(QStringLiteral("127\\.0\\.0\\.1:\\d+"));
    return text.replace(port, QStringLiteral("127.0.0.1:PORT"));
}

// A model's rows as a view shows them, a line per row: every column's `roles` but those in `skip`.
QStringList rowsOf(const QAbstractItemModel *model, const QList<int> &skip = {},
                   const QList<int> &roles = {Qt::DisplayRole})
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column) {
            if (skip.contains(column))
                continue;
            for (int role : roles)
                cells.append(model->data(model->index(row, column), role).toString());
        }
        rows.append(comparable(cells.join(QStringLiteral(" | "))));
    }
    return rows;
}

QStringList itemsOf(const QComboBox *box)
{
    QStringList items;
    for (int i = 0; i < box->count(); ++i)
        items.append(box->itemText(i) + QLatin1Char('=') + box->itemData(i).toString());
    return items;
}

std::string text(const QStringList &rows)
{
    return QString(QStringLiteral("\n  ") + rows.join(QStringLiteral("\n  "))).toStdString();
}

// One data directory with its own fake MoySklad and its own `serve`, and the desktop app over it.
struct Side : ServedSide
{
    std::unique_ptr<Workspace> workspace;
    Dialogs dialogs;
    std::unique_ptr<DesktopApp> desktop;

    template<typename T>
    T *child(const QString &objectName = {}) const
    {
        auto *found = desktop->window()->findChild<T *>(objectName);
        EXPECT_NE(found, nullptr) << name.toStdString() << ": " << objectName.toStdString();
        return found;
    }
    DiagnosticsPane *diagnostics() const { return child<DiagnosticsPane>(); }
    ShopTab *shop(const char *objectName) const { return child<ShopTab>(QLatin1String(objectName)); }
};

class AppPostgresViewsTest : public PostgresFixture
{
protected:
    void SetUp() override
    {
        sqlite.name = QStringLiteral("SQLite");
        postgres.name = QStringLiteral("PostgreSQL");
        QString url;
        ASSERT_TRUE(createNumberedDatabase(QStringLiteral("views"), &url));
        ASSERT_NO_FATAL_FAILURE(prepare(sqlite, QString()));
        ASSERT_NO_FATAL_FAILURE(prepare(postgres, url));
        ASSERT_NO_FATAL_FAILURE(deliver());
        for (Side *side : {&sqlite, &postgres})
            ASSERT_NO_FATAL_FAILURE(openApp(*side));
    }

    void TearDown() override
    {
        for (Side *side : {&sqlite, &postgres}) {
            side->desktop.reset();
            side->workspace.reset();
        }
    }

    // The same documents in each side's MoySklad, with Cyrillic and mixed-case Latin numbers and counterparties; the
    // same settings, and serve running.
    void prepare(Side &side, const QString &storeUrl)
    {
        ASSERT_TRUE(side.prepare(storeUrl, secret));
        side.fake.seedDocument(customerorder,
                               named(Builders::customerOrder(documentId(1), 150000, QStringLiteral("Собран"),
                                                             Builders::defaultUpdated, QStringLiteral("ООО Ромашка")),
                                     QStringLiteral("Web-Alpha-0001")));
        side.fake.seedDocument(customerorder,
                               named(Builders::customerOrder(documentId(2), 20050, QStringLiteral("Собран"),
                                                             Builders::defaultUpdated, QStringLiteral("ИП Петров")),
                                     QStringLiteral("Заказ-Бета-0002")));
        side.fake.seedDocument(customerorder,
                               named(Builders::customerOrder(documentId(3), 990, QStringLiteral("Новый"),
                                                             Builders::defaultUpdated, QStringLiteral("Acme Trading")),
                                     QStringLiteral("mixedCASE-0003")));
        side.fake.seedDocument(paymentin,
                               named(Builders::payment(paymentin, documentId(11), 100000, {{documentId(1), 100000}}),
                                     QStringLiteral("ВхПлатёж-Alpha-11")));
        // One payment of two orders: its orders are listed together.
        side.fake.seedDocument(cashin, named(Builders::payment(cashin, documentId(12), 21040,
                                                               {{documentId(3), 990}, {documentId(2), 20050}}),
                                             QStringLiteral("Касса-Beta-12")));
        side.fake.seedDocument(paymentin,
                               named(Builders::payment(paymentin, documentId(13), 500, {{documentId(1), 500}}),
                                     QStringLiteral("refused-13")));
        side.fake.seedDocument(demand, named(Builders::demand(documentId(21), 150000, documentId(1)),
                                             QStringLiteral("Отгрузка-ALPHA-21")));
        ASSERT_TRUE(side.start(secret));
    }

    // The same deliveries, with the same request ids, to both sides, each processed before the next is sent so that
    // the tasks get the same ids and outcomes. MoySklad refuses the payment 13 for good (a 400): its task dies.
    void deliver()
    {
        const QList<std::tuple<QString, QString, QStringList>> deliveries{
            {customerorder, QStringLiteral("UPDATE"), {documentId(1), documentId(2)}},
            {customerorder, QStringLiteral("CREATE"), {documentId(3)}},
            {customerorder, QStringLiteral("UPDATE"), {documentId(9)}}, // not in MoySklad: gone
            {paymentin, QStringLiteral("CREATE"), {documentId(11)}},
            {cashin, QStringLiteral("CREATE"), {documentId(12)}},
            {paymentin, QStringLiteral("UPDATE"), {documentId(13)}}, // refused: dead
            {demand, QStringLiteral("CREATE"), {documentId(21)}},
            {demand, QStringLiteral("UPDATE"), {documentId(21)}}, // queued: stays pending
            // Deleted before the store ever had it: kept as a guard, listed on neither engine.
            {customerorder, QStringLiteral("DELETE"), {documentId(4)}},
        };
        int tasks = 0;
        int waiting = 0;
        for (const auto &[entity, action, ids] : deliveries) {
            const QString requestId = DeliverySender::newRequestId();
            requestIds.append(requestId);
            tasks += int(ids.size());
            waiting += entity == demand && action == QLatin1String("UPDATE") ? 1 : 0;
            const bool refused = ids.contains(documentId(13));
            for (Side *side : {&sqlite, &postgres}) {
                if (refused)
                    side->fake.failNext(QStringLiteral("GET"), QStringLiteral("/entity/paymentin"), 400, 1002, refusal,
                                        -1);
                ASSERT_EQ(side->sender.send(entity, action, requestId, ids), 200) << side->name.toStdString();
                ASSERT_TRUE(side->waitForIdle(tasks, waiting));
                side->fake.clearFailures();
            }
        }
        for (Side *side : {&sqlite, &postgres}) {
            const QJsonObject stats = side->cli.queueCounts();
            EXPECT_EQ(stats.value(QLatin1String("done")).toInt(), 8) << side->name.toStdString();
            EXPECT_EQ(stats.value(QLatin1String("dead")).toInt(), 1) << side->name.toStdString();
            EXPECT_EQ(stats.value(QLatin1String("pending")).toInt(), 1) << side->name.toStdString();
        }
    }

    // The desktop app as main() builds it, over the data directory serve holds.
    void openApp(Side &side)
    {
        side.workspace = std::make_unique<Workspace>(testWorkspaceOptions(side.cli.dataDir()));
        ASSERT_TRUE(side.workspace->open().ok()) << side.name.toStdString();
        side.desktop = std::make_unique<DesktopApp>(side.workspace.get(), nullptr, &side.dialogs);
        side.desktop->start();
        const Workspace::Role expected = &side == &postgres ? Workspace::Role::Remote : Workspace::Role::Attached;
        ASSERT_TRUE(QTest::qWaitFor([&] { return side.workspace->role() == expected; }, 5000))
            << side.name.toStdString() << ": role " << int(side.workspace->role());
        side.desktop->queuePanel()->setRefreshInterval(0); // refreshed by the test, at the same moments on both
    }

    // The Queue tab's rows on both sides, but for the times (next attempt, updated).
    void expectSameQueue(const std::string &what, bool rows = true)
    {
        const QList<int> times{TaskListModel::NextAttemptColumn, TaskListModel::UpdatedColumn};
        const QStringList expected = rowsOf(sqlite.desktop->queuePanel()->model(), times);
        const QStringList actual = rowsOf(postgres.desktop->queuePanel()->model(), times);
        EXPECT_TRUE(actual == expected) << what << "\nSQLite:" << text(expected) << "\nPostgreSQL:" << text(actual);
        EXPECT_EQ(expected.isEmpty(), !rows) << what << ":" << text(expected);
        for (Side *side : {&sqlite, &postgres})
            EXPECT_TRUE(side->desktop->queuePanel()->model()->lastError().isEmpty())
                << what << " on " << side->name.toStdString() << ": "
                << side->desktop->queuePanel()->model()->lastError().toStdString();
    }

    // The Diagnostics log on both sides once each read its rows, but for the time.
    void expectSameLog(const std::string &what, const std::function<bool(const QString &row)> &compared, bool rows)
    {
        for (Side *side : {&sqlite, &postgres}) {
            LogModel *model = side->diagnostics()->model();
            ASSERT_TRUE(QTest::qWaitFor([&] { return !model->isReading(); }, 5000)) << side->name.toStdString();
            EXPECT_TRUE(model->lastError().isEmpty())
                << what << " on " << side->name.toStdString() << ": " << model->lastError().toStdString();
        }
        const auto logRows = [&](Side &side) {
            QStringList kept;
            for (const QString &row : rowsOf(side.diagnostics()->model(), {LogModel::AtColumn})) {
                if (compared(row))
                    kept.append(row);
            }
            return kept;
        };
        const QStringList expected = logRows(sqlite);
        const QStringList actual = logRows(postgres);
        EXPECT_TRUE(actual == expected) << what << "\nSQLite:" << text(expected) << "\nPostgreSQL:" << text(actual);
        EXPECT_EQ(expected.isEmpty(), !rows) << what << ":" << text(expected);
    }

    // Types into the Diagnostics search on both sides, as a user would, and waits for the filter to apply.
    void searchLog(const QString &search)
    {
        for (Side *side : {&sqlite, &postgres}) {
            DiagnosticsPane *pane = side->diagnostics();
            pane->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setText(search);
            ASSERT_TRUE(QTest::qWaitFor([&] { return pane->model()->filter().text == search; }, 3000));
        }
    }

    void chooseLog(const char *combo, const QVariant &data)
    {
        for (Side *side : {&sqlite, &postgres}) {
            auto *box = side->diagnostics()->findChild<QComboBox *>(QLatin1String(combo));
            ASSERT_NE(box, nullptr);
            const int index = box->findData(data);
            ASSERT_GE(index, 0) << side->name.toStdString() << ": " << combo << " has no "
                                << data.toString().toStdString();
            box->setCurrentIndex(index);
        }
    }

    // A shop tab's rows on both sides, as the table shows them and with their ids, after typing `search`.
    void expectSameShop(const char *tab, const QString &search, bool rows = true)
    {
        const std::string what = std::string(tab) + " searched for '" + search.toStdString() + "'";
        for (Side *side : {&sqlite, &postgres}) {
            ShopDocumentModel *model = side->shop(tab)->model();
            side->shop(tab)->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setText(search);
            ASSERT_TRUE(QTest::qWaitFor([&] { return model->filter().search == search; }, 3000));
            EXPECT_TRUE(model->lastError().isEmpty())
                << what << " on " << side->name.toStdString() << ": " << model->lastError().toStdString();
        }
        const QList<int> roles{Qt::DisplayRole, ShopDocumentModel::IdRole, Qt::ToolTipRole};
        const QStringList expected = rowsOf(sqlite.shop(tab)->model(), {}, roles);
        const QStringList actual = rowsOf(postgres.shop(tab)->model(), {}, roles);
        EXPECT_TRUE(actual == expected) << what << "\nSQLite:" << text(expected) << "\nPostgreSQL:" << text(actual);
        EXPECT_EQ(expected.isEmpty(), !rows) << what << ":" << text(expected);
    }

    Side sqlite;
    Side postgres;
    QStringList requestIds;
};

} // namespace

TEST_F(AppPostgresViewsTest, TheDesktopAppShowsThePostgresStoreAsTheSqliteOne)
{
    // The Queue tab: every task, then each status, hook and search.
    for (Side *side : {&sqlite, &postgres})
        side->desktop->queuePanel()->refresh();
    expectSameQueue("all tasks");
    EXPECT_EQ(sqlite.desktop->queuePanel()->model()->rowCount(), 10);
    for (const std::optional<TaskStatus> status :
         {std::optional(TaskStatus::Pending), std::optional(TaskStatus::Dead), std::optional(TaskStatus::Done)}) {
        for (Side *side : {&sqlite, &postgres})
            side->desktop->queuePanel()->showStatus(status);
        expectSameQueue("status " + taskStatusName(*status).toStdString());
    }
    for (Side *side : {&sqlite, &postgres})
        side->desktop->queuePanel()->showStatus(TaskStatus::Cancelled);
    expectSameQueue("status cancelled", false);
    for (Side *side : {&sqlite, &postgres}) {
        side->desktop->queuePanel()->showStatus(std::nullopt);
        side->desktop->queuePanel()->showHook(QStringLiteral("customerorder/UPDATE"));
    }
    expectSameQueue("hook customerorder/UPDATE");
    for (Side *side : {&sqlite, &postgres})
        side->desktop->queuePanel()->showHook(QString());
    // By task id, request id, document id, document number, hook and error words, whatever their case.
    const qint64 deadId = [&] {
        TaskListModel *model = sqlite.desktop->queuePanel()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->task(row).status == TaskStatus::Dead)
                return model->task(row).id;
        }
        return qint64(0);
    }();
    ASSERT_NE(deadId, 0);
    for (const QString &search :
         {QString::number(deadId), requestIds.at(0), documentId(12).toUpper(), QStringLiteral("PaymentIn/"),
          QStringLiteral("web-ALPHA"), QStringLiteral("Заказ-Бета"), QStringLiteral("заказ-бета"),
          QStringLiteral("ЗАКАЗ-БЕТА"), QStringLiteral("Ошибка в запросе"), QStringLiteral("ошибка в запросе"),
          QStringLiteral("HTTP 400"), QStringLiteral("http 400"), QStringLiteral("недоступен")}) {
        for (Side *side : {&sqlite, &postgres})
            side->desktop->queuePanel()->search(search);
        expectSameQueue("search '" + search.toStdString() + "'");
    }
    for (Side *side : {&sqlite, &postgres})
        side->desktop->queuePanel()->search(QStringLiteral("50%_off"));
    expectSameQueue("search '50%_off'", false);
    for (Side *side : {&sqlite, &postgres})
        side->desktop->queuePanel()->search(QString());

    // The dead task's attempts, but for their start and duration.
    const auto attempts = [&](Side &side) {
        QueuePanel *panel = side.desktop->queuePanel();
        panel->selectTask(deadId);
        EXPECT_EQ(panel->selectedTaskId(), deadId) << side.name.toStdString();
        QTableWidget *view = panel->attemptsView();
        QStringList rows;
        for (int row = 0; row < view->rowCount(); ++row)
            rows.append(comparable(QStringList{view->item(row, 0)->text(), view->item(row, 3)->text(),
                                               view->item(row, 4)->text(), view->item(row, 5)->text()}
                                       .join(QStringLiteral(" | "))));
        return rows;
    };
    const QStringList sqliteAttempts = attempts(sqlite);
    EXPECT_TRUE(attempts(postgres) == sqliteAttempts) << text(sqliteAttempts);
    EXPECT_EQ(sqliteAttempts.size(), 1) << text(sqliteAttempts);

    // The Diagnostics log: the rows of the tasks and hooks (the services' own start lines name their stores), then
    // each level, a hook, and searches in Russian and Latin, whatever the case.
    const auto ofTasks = [](const QString &row) { return row.contains(QStringLiteral("Task ")); };
    const auto any = [](const QString &) { return true; };
    expectSameLog("the log's task rows", ofTasks, true);
    chooseLog("levelFilter", int(LogLevel::Warning));
    expectSameLog("warnings and errors", ofTasks, true);
    chooseLog("levelFilter", int(LogLevel::Error));
    expectSameLog("errors", ofTasks, true);
    chooseLog("levelFilter", int(LogLevel::Debug));
    chooseLog("hookFilter", QStringLiteral("paymentin/UPDATE"));
    expectSameLog("hook paymentin/UPDATE", any, true);
    chooseLog("hookFilter", QString());
    const QStringList hooks = itemsOf(sqlite.diagnostics()->findChild<QComboBox *>(QStringLiteral("hookFilter")));
    EXPECT_TRUE(itemsOf(postgres.diagnostics()->findChild<QComboBox *>(QStringLiteral("hookFilter"))) == hooks)
        << text(hooks);
    // Older pages, as the view scrolls down.
    chooseLog("levelFilter", int(LogLevel::Info));
    for (Side *side : {&sqlite, &postgres}) {
        LogModel *model = side->diagnostics()->model();
        model->setPageSize(2);
        model->reload();
        ASSERT_TRUE(QTest::qWaitFor([&] { return !model->isReading(); }, 5000));
        while (model->canFetchMore({}) && model->rowCount() < 40) {
            model->fetchMore({});
            ASSERT_TRUE(QTest::qWaitFor([&] { return !model->isReading(); }, 5000));
        }
    }
    expectSameLog("info and above, a page of 2 at a time", ofTasks, true);
    for (Side *side : {&sqlite, &postgres})
        side->diagnostics()->model()->setPageSize(500);
    chooseLog("levelFilter", int(LogLevel::Debug));
    // Whole words: part of a word ("недоступ") is found on PostgreSQL only, by design (LogReader::Filter: SQLite
    // searches the words of its full-text index, PostgreSQL substrings through its trigram index).
    for (const QString &search :
         {QStringLiteral("Ошибка"), QStringLiteral("ошибка"), QStringLiteral("ОШИБКА В ЗАПРОСЕ"),
          QStringLiteral("недоступен"), QStringLiteral("is dead"), QStringLiteral("IS DEAD"),
          QStringLiteral("http 400"), documentId(13), requestIds.at(5)}) {
        searchLog(search);
        expectSameLog("log search '" + search.toStdString() + "'", any, true);
    }
    searchLog(QString());

    // The shop tabs: every document, and searches of numbers and counterparties in Latin and Cyrillic, any case.
    for (const char *tab : {"ordersTab", "paymentsTab", "shipmentsTab"})
        expectSameShop(tab, QString());
    for (const QString &search :
         {QStringLiteral("alpha"), QStringLiteral("ALPHA"), QStringLiteral("MixedCase"), QStringLiteral("acme"),
          QStringLiteral("ромашка"), QStringLiteral("РОМАШКА"), QStringLiteral("ооо ромашка"),
          QStringLiteral("ООО РОМАШКА"), QStringLiteral("бета"), QStringLiteral("БЕТА"), QStringLiteral("петров")}) {
        expectSameShop("ordersTab", search);
    }
    for (const QString &search : {QStringLiteral("alpha"), QStringLiteral("BETA"), QStringLiteral("вхплатёж"),
                                  QStringLiteral("КАССА"), QStringLiteral("ромашка"), QStringLiteral("acme")})
        expectSameShop("paymentsTab", search);
    for (const QString &search : {QStringLiteral("Alpha"), QStringLiteral("отгрузка"), QStringLiteral("ООО ромашка")})
        expectSameShop("shipmentsTab", search);
    expectSameShop("ordersTab", QStringLiteral("нет такого"), false);
    expectSameShop("ordersTab", QString());
    // The deleted ones too, and the states offered.
    for (Side *side : {&sqlite, &postgres})
        side->shop("ordersTab")->findChild<QCheckBox *>(QStringLiteral("showDeletedCheck"))->setChecked(true);
    expectSameShop("ordersTab", QString());
    EXPECT_EQ(sqlite.shop("ordersTab")->model()->rowCount(), 3); // not 4 and 9: the shop never had them
    for (const char *tab : {"ordersTab", "paymentsTab", "shipmentsTab"}) {
        const QStringList expected = itemsOf(sqlite.shop(tab)->findChild<QComboBox *>(QStringLiteral("stateCombo")));
        EXPECT_TRUE(itemsOf(postgres.shop(tab)->findChild<QComboBox *>(QStringLiteral("stateCombo"))) == expected)
            << tab << text(expected);
    }
    // A page at a time, as the view scrolls.
    {
        const auto paged = [](Side &side) {
            ShopDocumentModel *model = side.shop("ordersTab")->model();
            model->setPageSize(1);
            model->reload();
            while (model->canFetchMore({}))
                model->fetchMore({});
            const QStringList rows = rowsOf(model, {}, {ShopDocumentModel::IdRole});
            model->setPageSize(200);
            return rows;
        };
        const QStringList expected = paged(sqlite);
        EXPECT_TRUE(paged(postgres) == expected) << text(expected);
        EXPECT_EQ(expected.size(), 3) << text(expected);
    }
    for (Side *side : {&sqlite, &postgres})
        side->shop("ordersTab")->findChild<QCheckBox *>(QStringLiteral("showDeletedCheck"))->setChecked(false);

    // An order's payments and shipments.
    for (const QString &order : {documentId(1), documentId(2), documentId(3)}) {
        const auto details = [&](Side &side) {
            ShopTab *tab = side.shop("ordersTab");
            const int row = tab->model()->rowOf(order);
            EXPECT_GE(row, 0) << side.name.toStdString();
            tab->view()->setCurrentIndex(tab->model()->index(row, 0));
            EXPECT_EQ(tab->details()->orderId(), order) << side.name.toStdString();
            const QList<int> roles{Qt::DisplayRole, ShopDocumentModel::IdRole};
            return rowsOf(tab->details()->payments(), {}, roles) + QStringList{QStringLiteral("--")} +
                   rowsOf(tab->details()->shipments(), {}, roles);
        };
        const QStringList expected = details(sqlite);
        const QStringList actual = details(postgres);
        EXPECT_TRUE(actual == expected) << "order " << order.toStdString() << "\nSQLite:" << text(expected)
                                        << "\nPostgreSQL:" << text(actual);
        EXPECT_GT(expected.size(), 1) << order.toStdString();
    }

    // Retrying the dead task from the Queue tab: serve processes it on both.
    for (Side *side : {&sqlite, &postgres}) {
        QueuePanel *panel = side->desktop->queuePanel();
        panel->refresh();
        panel->selectTask(deadId);
        auto *retry = panel->findChild<QPushButton *>(QStringLiteral("retryButton"));
        ASSERT_TRUE(retry->isEnabled()) << side->name.toStdString();
        QTest::mouseClick(retry, Qt::LeftButton);
    }
    // The worker's run that takes the retried task takes the queued one too, on both.
    for (Side *side : {&sqlite, &postgres})
        ASSERT_TRUE(side->waitForIdle(10, 0));
    EXPECT_EQ(postgres.cli.queueCounts(), sqlite.cli.queueCounts());
    for (Side *side : {&sqlite, &postgres}) {
        side->desktop->queuePanel()->refresh();
        side->desktop->queuePanel()->showStatus(TaskStatus::Done);
    }
    expectSameQueue("done after the retry");
    EXPECT_EQ(sqlite.desktop->queuePanel()->model()->rowCount(), 10);
    EXPECT_TRUE(attempts(postgres) == attempts(sqlite)) << text(attempts(sqlite));
    for (Side *side : {&sqlite, &postgres})
        side->shop("paymentsTab")->refresh();
    expectSameShop("paymentsTab", QStringLiteral("REFUSED"));

    // The Charts once both services wrote what they counted (at their stop): the same totals of what they did.
    for (Side *side : {&sqlite, &postgres}) {
        EXPECT_EQ(side->serve.stop(), 0) << side->name.toStdString() << side->serve.errors().toStdString();
        QSignalSpy refreshed(side->desktop->chartsPanel(), &ChartsPanel::refreshed);
        side->desktop->chartsPanel()->refresh();
        ASSERT_TRUE(refreshed.wait(5000)) << side->name.toStdString();
        EXPECT_TRUE(side->desktop->chartsPanel()->snapshot().error.isEmpty())
            << side->name.toStdString() << ": " << side->desktop->chartsPanel()->snapshot().error.toStdString();
    }
    const auto totals = [](Side &side) {
        QStringList lines;
        const MetricsLoader::Snapshot &snapshot = side.desktop->chartsPanel()->snapshot();
        for (const Metric metric : {Metric::DeliveriesStored, Metric::TasksProcessed, Metric::TasksFailed,
                                    Metric::ApiRequests, Metric::RequestsRefused}) {
            qint64 total = 0;
            for (const MetricsReader::Point &point : snapshot.points(metric))
                total += point.value;
            lines.append(metricName(metric) + QLatin1Char('=') + QString::number(total));
        }
        return lines;
    };
    const QStringList expected = totals(sqlite);
    EXPECT_TRUE(totals(postgres) == expected) << text(expected) << text(totals(postgres));
    EXPECT_TRUE(expected.contains(QStringLiteral("deliveries.stored=9"))) << text(expected);
}
