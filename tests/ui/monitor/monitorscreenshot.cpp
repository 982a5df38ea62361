// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the desktop app's Diagnostics and Queue tabs (DesktopApp, as main() builds it) over a realistic morning of
// deliveries, written through the core as the service writes them, and saves them as PNGs for the README:
//   skladhook-monitor-screenshot OUTPUT_DIR [ru|en]     → OUTPUT_DIR/diagnostics.png, OUTPUT_DIR/queue.png
// Fails when a tab shows no rows.
#include "await.h"
#include "common/logtext.h"
#include "desktopapp.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "dialogs.h"
#include "documents/orderprocessor.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "models/logmodel.h"
#include "models/tasklistmodel.h"
#include "monitor/diagnosticspane.h"
#include "monitor/queuepanel.h"
#include "queue/taskqueue.h"
#include "store/storewriter.h"
#include "testworkspace.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QDir>
#include <QJsonObject>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <optional>

namespace {

const QString orderHref = QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/customerorder/");

// A morning's log, as the service writes it: message ids and arguments, so the rows show in the app's language.
void writeLog(DiagnosticsLog &log)
{
    const auto row = [&log](LogLevel level, const char *category, const char *hook, const char *requestId,
                            const char *document, const LogText &text) {
        log.write(LogEntry::make(level, QString::fromLatin1(category), text)
                      .withHook(QString::fromLatin1(hook))
                      .withRequestId(QString::fromLatin1(requestId))
                      .withDocument(QString::fromLatin1(document)));
    };
    row(LogLevel::Info, "service", "", "", "",
        LogText(QT_TRANSLATE_NOOP("LogMessage", "Serving %1 on %2%3; worker every %4 s"),
                QStringLiteral("/var/lib/skladhook"), QStringLiteral("127.0.0.1:8765"), QStringLiteral("/skladhook/"),
                60));
    row(LogLevel::Info, "hooks", "", "", "",
        LogText(QT_TRANSLATE_NOOP("LogMessage", "Connected to MoySklad as %1; webhooks may be managed"),
                QStringLiteral("admin@romashka")));
    row(LogLevel::Info, "worker", "customerorder/UPDATE", "7c0e5a6e-2f2b-4d53-9d3c-1f4b0c8d9a11",
        "0f6c2d8e-6b1a-11ef-0a80-0d5b00123456",
        LogText(QT_TRANSLATE_NOOP("LogMessage", "Processed %1 %2"), QStringLiteral("customerorder/UPDATE"),
                QStringLiteral("0f6c2d8e-6b1a-11ef-0a80-0d5b00123456")));
    row(LogLevel::Warning, "worker", "paymentin/CREATE", "b1d2e3f4-1111-4222-8333-944455556666",
        "5a1b2c3d-6b1a-11ef-0a80-0d5b00abcdef",
        LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 failed, will retry: %2"), 42,
                QStringLiteral("HTTP 503: Сервис временно недоступен")));
    row(LogLevel::Info, "worker", "paymentin/CREATE", "b1d2e3f4-1111-4222-8333-944455556666",
        "5a1b2c3d-6b1a-11ef-0a80-0d5b00abcdef",
        LogText(QT_TRANSLATE_NOOP("LogMessage", "Processed %1 %2"), QStringLiteral("paymentin/CREATE"),
                QStringLiteral("5a1b2c3d-6b1a-11ef-0a80-0d5b00abcdef")));
    row(LogLevel::Info, "worker", "customerorder/UPDATE", "e4f5a6b7-3333-4444-8555-b66677778888",
        "9b8c7d6e-6b1a-11ef-0a80-0d5b00777777",
        LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 %2: the document is gone from MoySklad, marked deleted"),
                QStringLiteral("customerorder/UPDATE"), QStringLiteral("9b8c7d6e-6b1a-11ef-0a80-0d5b00777777")));
    row(LogLevel::Error, "worker", "demand/UPDATE", "c9d8e7f6-2222-4333-8444-a55566667777",
        "7e8f9a0b-6b1a-11ef-0a80-0d5b00fedcba",
        LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 is dead: %2"), 57,
                QStringLiteral("HTTP 403: Доступ запрещён (код 1016)")));
    row(LogLevel::Info, "queue", "", "", "",
        LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 dead task(s) queued again %2"), 1,
                QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "from the desktop app"))));
}

Delivery deliveryOf(const QString &requestId, const QString &entityType, const QString &action,
                    const QStringList &documents)
{
    Delivery delivery;
    delivery.requestId = requestId;
    delivery.receivedAt = QDateTime::currentDateTimeUtc();
    delivery.hookEntityType = entityType;
    delivery.hookAction = action;
    delivery.peer = QStringLiteral("185.12.4.7");
    for (const QString &id : documents) {
        DeliveryEvent event;
        event.entityType = entityType;
        event.action = action;
        event.documentId = id;
        event.href = orderHref + id;
        delivery.events.append(event);
    }
    return delivery;
}

// Ends a claimed task's attempt `ms` after now, as the worker would: failed with `failure`, or completed.
void finishAttempt(Workspace &workspace, const Task &task, int ms, const std::optional<TaskQueue::Failure> &failure,
                   TaskOutcome outcome = TaskOutcome::Applied)
{
    workspace.writer().submit(
        [task, ms, failure, outcome](QSqlDatabase &db) -> Result<Done, QString> {
            const QDateTime at = QDateTime::currentDateTimeUtc().addMSecs(ms);
            auto finished = failure ? TaskQueue::failIn(db, task, *failure, TaskQueue::Policy{}, at)
                                    : TaskQueue::completeIn(db, task, at, TaskQueue::Completion{outcome, 200});
            if (!finished.ok())
                return finished.error();
            return Done{};
        },
        {});
}

// The queue of that morning: orders applied, one gone from MoySklad, a payment that needed a second attempt, a
// shipment dead of a refused access, two orders waiting. Returns the id of the task to show selected.
qint64 fillQueue(Workspace &workspace)
{
    TaskQueue queue(&workspace.writer(), TaskQueue::Policy{});
    const auto modes = [](const QString &, const QString &) { return ExecutionMode::Queued; };
    const QStringList orders{QStringLiteral("0f6c2d8e-6b1a-11ef-0a80-0d5b00123456"),
                             QStringLiteral("9b8c7d6e-6b1a-11ef-0a80-0d5b00777777"),
                             QStringLiteral("1a2b3c4d-6b1a-11ef-0a80-0d5b00111111")};
    for (const auto &[requestId, entityType, action, documents] :
         QList<std::tuple<QString, QString, QString, QStringList>>{
             {QStringLiteral("7c0e5a6e"), QStringLiteral("customerorder"), QStringLiteral("UPDATE"), orders},
             {QStringLiteral("b1d2e3f4"),
              QStringLiteral("paymentin"),
              QStringLiteral("CREATE"),
              {QStringLiteral("5a1b2c3d-6b1a-11ef-0a80-0d5b00abcdef")}},
             {QStringLiteral("c9d8e7f6"),
              QStringLiteral("demand"),
              QStringLiteral("UPDATE"),
              {QStringLiteral("7e8f9a0b-6b1a-11ef-0a80-0d5b00fedcba")}},
         })
        awaitResult<TaskQueue::Enqueued>(
            [&](auto done) { queue.enqueue(deliveryOf(requestId, entityType, action, documents), modes, done); });
    using Tasks = Result<QList<Task>, QString>;
    const QList<Task> claimed = awaitResult<Tasks>([&](auto done) { queue.claim(10, {}, done); }).value();
    qint64 selected = 0;
    for (const Task &task : claimed) {
        if (task.entityType == QLatin1String("paymentin")) {
            TaskQueue::Failure failure{QStringLiteral("HTTP 503: Сервис временно недоступен"), true, true};
            failure.httpStatus = 503;
            finishAttempt(workspace, task, 840, failure);
            selected = task.id;
        } else if (task.entityType == QLatin1String("demand")) {
            TaskQueue::Failure failure{QStringLiteral("HTTP 403: Доступ запрещён (код 1016)"), false, true};
            failure.httpStatus = 403;
            finishAttempt(workspace, task, 310, failure);
        } else if (task.documentId != orders.at(2)) {
            finishAttempt(workspace, task, 420, std::nullopt,
                          task.documentId == orders.at(1) ? TaskOutcome::Gone : TaskOutcome::Applied);
        }
    }
    workspace.writer().flush();
    // The payment's second attempt applies it.
    if (selected != 0) {
        static_cast<void>(awaitResult<Result<bool, QString>>([&](auto done) { queue.retry(selected, done); }));
        const QList<Task> retried = awaitResult<Tasks>([&](auto done) { queue.claim(1, {selected}, done); }).value();
        for (const Task &task : retried)
            finishAttempt(workspace, task, 380, std::nullopt);
    }
    // Orders with numbers, so a search by number finds them.
    workspace.writer().submit(
        [orders](QSqlDatabase &db) -> Result<Done, QString> {
            for (int i = 0; i < orders.size(); ++i) {
                auto applied = OrderProcessor(true).apply(
                    db,
                    QJsonObject{{QStringLiteral("id"), orders.at(i)},
                                {QStringLiteral("name"), QStringLiteral("0004%1").arg(i + 1)},
                                {QStringLiteral("sum"), 1250000 + i * 31000},
                                {QStringLiteral("updated"), QStringLiteral("2026-11-30 09:1%1:00.000").arg(i)}},
                    QDateTime::currentDateTimeUtc());
                if (!applied.ok())
                    return applied.error();
            }
            return Done{};
        },
        {});
    workspace.writer().flush();
    return selected;
}

bool save(QWidget *window, const QString &path, QTextStream &err)
{
    QTest::qWait(300);
    if (window->grab().save(path))
        return true;
    err << "cannot write " << path << Qt::endl;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TZ", "Europe/Moscow");
    QApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        err << "usage: skladhook-monitor-screenshot OUTPUT_DIR [ru|en]" << Qt::endl;
        return 2;
    }
    const QDir out(args.at(1));
    const QString language = args.value(2, QStringLiteral("ru"));
    QLocale::setDefault(language == QLatin1String("ru") ? QLocale(QLocale::Russian, QLocale::Russia)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
    LanguageManager languages;
    languages.setLanguage(language);

    QTemporaryDir dir;
    Workspace workspace(testWorkspaceOptions(dir.path()));
    if (!dir.isValid() || !workspace.open().ok()) {
        err << "the workspace did not open" << Qt::endl;
        return 1;
    }
    writeLog(workspace.log());
    const qint64 selected = fillQueue(workspace);

    Dialogs dialogs;
    DesktopApp desktop(&workspace, &languages, &dialogs);
    MainWindow *window = desktop.window();
    window->resize(1280, 820);
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return 1;

    auto *diagnostics = window->findChild<DiagnosticsPane *>();
    window->tabs()->setCurrentWidget(diagnostics);
    auto *logView = diagnostics ? diagnostics->findChild<QTableView *>() : nullptr;
    if (!logView || !QTest::qWaitFor([&] { return logView->model()->rowCount() >= 8; }, 10000)) {
        err << "the Diagnostics tab shows no rows" << Qt::endl;
        return 1;
    }
    if (!save(window, out.filePath(QStringLiteral("diagnostics.png")), err))
        return 1;

    QueuePanel *queue = desktop.queuePanel();
    window->tabs()->setCurrentWidget(queue->parentWidget());
    queue->refresh();
    queue->selectTask(selected);
    if (queue->model()->rowCount() < 5 || queue->selectedTaskId() != selected) {
        err << "the Queue tab does not show the tasks" << Qt::endl;
        return 1;
    }
    return save(window, out.filePath(QStringLiteral("queue.png")), err) ? 0 : 1;
}
