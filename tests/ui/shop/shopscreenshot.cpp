// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the desktop app's Orders, Payments and Shipments tabs (DesktopApp, as main() builds it) over a store filled
// through the document processors with a small Russian shop's documents, and saves each as a PNG for the README:
//   skladhook-shop-screenshot docs/screenshots [ru|en]    → orders.png, payments.png, shipments.png
// Fails when DesktopApp lacks one of the tabs.
#include "builders.h"
#include "desktopapp.h"
#include "dialogs.h"
#include "documents/documentprocessors.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "models/shopdocumentmodel.h"
#include "shop/shoptab.h"
#include "store/storewriter.h"
#include "testworkspace.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QJsonObject>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

namespace {

QString id(int n)
{
    return Builders::documentId(n);
}

QString moment(int day, int hour, int minute)
{
    return QStringLiteral("2026-11-%1 %2:%3:00.000")
        .arg(day, 2, 10, QLatin1Char('0'))
        .arg(hour, 2, 10, QLatin1Char('0'))
        .arg(minute, 2, 10, QLatin1Char('0'));
}

// The documents of a small shop's last weeks, as MoySklad's API gives them.
QList<std::pair<QString, QJsonObject>> sampleDocuments()
{
    struct Order
    {
        const char *name;
        const char *agent;
        const char *state;
        qint64 sum;
        qint64 paid;
        qint64 shipped;
    };
    const Order orders[] = {
        {"00041", "ООО «Ромашка»", "Доставлен", 4875000, 4875000, 4875000},
        {"00042", "ИП Соколова А. В.", "Отгружен", 1249900, 1249900, 1249900},
        {"00043", "ООО «Вектор»", "Оплачен", 23760050, 23760050, 0},
        {"00044", "АО «Северный ветер»", "Отменён", 560000, 0, 0},
        {"00045", "ИП Иванов П. С.", "Собран", 789000, 300000, 0},
        {"00046", "ООО «Ромашка»", "Подтверждён", 3120000, 3120000, 0},
        {"00047", "ООО «Техноторг»", "Новый", 15430000, 0, 0},
        {"00048", "ИП Соколова А. В.", "Новый", 678050, 0, 0},
        {"00049", "ООО «Вектор»", "Отгружен", 9999000, 5000000, 9999000},
        {"00050", "Кузнецова Мария", "Новый", 245000, 245000, 0},
    };
    QList<std::pair<QString, QJsonObject>> documents;
    for (int i = 0; i < int(std::size(orders)); ++i) {
        QJsonObject order = Builders::customerOrder(id(i), orders[i].sum, QString::fromUtf8(orders[i].state),
                                                    moment(10 + 2 * i, 11, 5 * i), QString::fromUtf8(orders[i].agent));
        order.insert(QStringLiteral("name"), QString::fromLatin1(orders[i].name));
        order.insert(QStringLiteral("moment"), moment(9 + 2 * i, 10 + i % 7, 7 * i % 60));
        order.insert(QStringLiteral("payedSum"), orders[i].paid);
        order.insert(QStringLiteral("shippedSum"), orders[i].shipped);
        documents.append({QStringLiteral("customerorder"), order});
    }
    struct Payment
    {
        const char *kind;
        const char *name;
        int order;
        qint64 sum;
        int day;
    };
    const Payment payments[] = {
        {"paymentin", "00112", 0, 4875000, 10},  {"cashin", "00017", 1, 1249900, 12},
        {"paymentin", "00113", 2, 20000000, 14}, {"paymentin", "00114", 2, 3760050, 16},
        {"cashin", "00018", 4, 300000, 18},      {"paymentin", "00115", 5, 3120000, 20},
        {"paymentin", "00116", 8, 5000000, 26},  {"cashin", "00019", 9, 245000, 27},
    };
    for (int i = 0; i < int(std::size(payments)); ++i) {
        const QString kind = QString::fromLatin1(payments[i].kind);
        QJsonObject payment =
            Builders::payment(kind, id(100 + i), payments[i].sum, {{id(payments[i].order), payments[i].sum}},
                              moment(payments[i].day, 15, 0));
        payment.insert(QStringLiteral("name"), QString::fromLatin1(payments[i].name));
        payment.insert(QStringLiteral("moment"), moment(payments[i].day, 14, 10 + i));
        documents.append({kind, payment});
    }
    struct Demand
    {
        const char *name;
        int order;
        qint64 sum;
        const char *state;
        int day;
    };
    const Demand demands[] = {
        {"00031", 0, 4875000, "Доставлена", 12},
        {"00032", 1, 1249900, "Отгружена", 14},
        {"00033", 8, 6000000, "Отгружена", 26},
        {"00034", 8, 3999000, "Собрана", 28},
    };
    for (int i = 0; i < int(std::size(demands)); ++i) {
        QJsonObject demand = Builders::demand(id(200 + i), demands[i].sum, id(demands[i].order),
                                              QString::fromUtf8(demands[i].state), moment(demands[i].day, 16, 20 + i));
        demand.insert(QStringLiteral("name"), QString::fromLatin1(demands[i].name));
        documents.append({QStringLiteral("demand"), demand});
    }
    return documents;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication::setOrganizationName(QStringLiteral("SkladHookScreenshot"));
    QApplication::setApplicationName(QStringLiteral("skladhook-shop-screenshot"));
    QApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        err << "usage: skladhook-shop-screenshot OUTPUT_DIR [ru|en]" << Qt::endl;
        return 2;
    }
    const QDir output(args.at(1));
    const QString language = args.value(2, QStringLiteral("ru"));
    QLocale::setDefault(language == QLatin1String("ru") ? QLocale(QLocale::Russian, QLocale::Russia)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
    LanguageManager languages;
    languages.setLanguage(language);

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    Workspace workspace(testWorkspaceOptions(dir.path()));
    if (!workspace.open().ok()) {
        err << "the workspace did not open" << Qt::endl;
        return 1;
    }
    const DocumentProcessors processors(DocumentProcessors::Options{true});
    QString failed;
    for (const auto &[entityType, document] : sampleDocuments()) {
        workspace.writer().submit(
            [&processors, entityType, document](QSqlDatabase &db) {
                return processors.processorFor(entityType)->apply(db, document, QDateTime::currentDateTimeUtc());
            },
            [&failed](Result<Done, QString> result) {
                if (!result.ok())
                    failed = result.error();
            });
    }
    // One order cancelled and then deleted in MoySklad, shown struck out on the Orders tab.
    workspace.writer().submit([&processors](QSqlDatabase &db) {
        return processors.processorFor(QStringLiteral("customerorder"))
            ->markDeleted(db, id(3), QDateTime::currentDateTimeUtc());
    });
    workspace.writer().flush();
    if (!failed.isEmpty()) {
        err << "a document was not stored: " << failed << Qt::endl;
        return 1;
    }

    Dialogs dialogs;
    DesktopApp desktop(&workspace, &languages, &dialogs);
    MainWindow *window = desktop.window();
    window->resize(1024, 700);
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return 1;
    const std::pair<const char *, const char *> tabs[] = {
        {"ordersTab", "orders.png"}, {"paymentsTab", "payments.png"}, {"shipmentsTab", "shipments.png"}};
    for (const auto &[name, file] : tabs) {
        auto *tab = window->findChild<ShopTab *>(QString::fromLatin1(name));
        if (!tab) {
            err << "DesktopApp has no " << name << Qt::endl;
            return 1;
        }
        window->tabs()->setCurrentWidget(tab);
        if (tab->details()) {
            tab->findChild<QCheckBox *>(QStringLiteral("showDeletedCheck"))->setChecked(true);
            tab->view()->setFocus();
            tab->view()->selectRow(tab->model()->rowOf(id(8)));
        }
        QTest::qWait(100);
        if (tab->model()->rowCount() == 0) {
            err << name << " shows no documents" << Qt::endl;
            return 1;
        }
        if (!window->grab().save(output.filePath(QString::fromLatin1(file)))) {
            err << "cannot write " << output.filePath(QString::fromLatin1(file)) << Qt::endl;
            return 1;
        }
    }
    return 0;
}
