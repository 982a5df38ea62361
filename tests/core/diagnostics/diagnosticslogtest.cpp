// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/secretmasker.h"
#include "diagnostics/logreader.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QCoreApplication>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <limits>

TEST(DiagnosticsLog, StoresMaskedRowsAndReadsThemIncrementallyWithFilters)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    SqliteDiagnosticsLog log(&writer);
    SecretMasker::instance().add(QStringLiteral("VerySecretToken42"));

    QSignalSpy written(&log, &DiagnosticsLog::entryWritten);
    log.info(QStringLiteral("hooks"), QStringLiteral("created customerorder/UPDATE"));
    log.write(
        LogEntry::warning(QStringLiteral("intake"), QStringLiteral("wrong secret VerySecretToken42 from 10.0.0.1"))
            .withHook(QStringLiteral("demand/CREATE"))
            .withRequestId(QStringLiteral("req-1")));
    log.error(QStringLiteral("moysklad"), QStringLiteral("HTTP 500"), QStringLiteral("details here"));
    writer.flush();
    EXPECT_TRUE(QTest::qWaitFor([&] { return written.size() == 3; }, 5000));

    LogReader reader(path);
    const auto all = reader.readAfter(0, {});
    ASSERT_TRUE(all.ok()) << all.error().toStdString();
    ASSERT_EQ(all.value().size(), 3);
    // Each row is announced with its own id, read as the writer reads a task's (no RETURNING on SQLite).
    QList<qint64> announced;
    for (const QList<QVariant> &signal : std::as_const(written))
        announced.append(signal.at(0).value<LogEntry>().id);
    QList<qint64> stored;
    for (const LogEntry &row : all.value())
        stored.append(row.id);
    EXPECT_EQ(announced, stored);
    EXPECT_FALSE(all.value()[1].message.contains(QStringLiteral("VerySecretToken42")));
    EXPECT_EQ(all.value()[1].hook, QStringLiteral("demand/CREATE"));

    LogReader::Filter warnings;
    warnings.minimumLevel = LogLevel::Warning;
    EXPECT_EQ(reader.readAfter(0, warnings).value().size(), 2);
    LogReader::Filter byHook;
    byHook.hook = QStringLiteral("demand/CREATE");
    EXPECT_EQ(reader.readAfter(0, byHook).value().size(), 1);
    LogReader::Filter byText;
    byText.text = QStringLiteral("http 500");
    EXPECT_EQ(reader.readLatest(byText, 10).value().size(), 1);
    byText.text = QStringLiteral("req-1");
    EXPECT_EQ(reader.readLatest(byText, 10).value().size(), 1);
    EXPECT_EQ(reader.readAfter(all.value()[1].id, {}).value().size(), 1);
    SecretMasker::instance().remove(QStringLiteral("VerySecretToken42"));
}

TEST(DiagnosticsLog, RowsPastTheRetentionPeriodArePruned)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok());
    SqliteDiagnosticsLog log(&writer);
    // More than two chunks: a long log is pruned 2,000 rows per writer job (as TaskQueue::prune does).
    const LogEntry old = LogEntry::info(QStringLiteral("worker"), QStringLiteral("a month ago"))
                             .withTime(QDateTime::currentDateTimeUtc().addDays(-31));
    for (int i = 0; i < 4500; ++i)
        log.write(old);
    LogEntry recent = old;
    recent.at = QDateTime::currentDateTimeUtc().addDays(-29);
    recent.message = QStringLiteral("within the period");
    log.write(recent);
    writer.flush();
    const quint64 jobsBefore = writer.stats().jobs;
    log.prune(30);
    writer.flush();
    EXPECT_EQ(writer.stats().jobs - jobsBefore, 3u);

    LogReader reader(path);
    const auto rows = reader.readAfter(0, {});
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows.value().size(), 1);
    EXPECT_EQ(rows.value().first().message, QStringLiteral("within the period"));
}

TEST(LogEntry, FactoriesAndFluentSettersFillTheFields)
{
    const LogEntry entry = LogEntry::warning(QStringLiteral("intake"), QStringLiteral("refused"))
                               .withHook(QStringLiteral("demand/CREATE"))
                               .withRequestId(QStringLiteral("req-7"))
                               .withDocument(QStringLiteral("doc-1"))
                               .withDetails(QStringLiteral("wrong key"));
    EXPECT_EQ(entry.level, LogLevel::Warning);
    EXPECT_EQ(entry.category, QStringLiteral("intake"));
    EXPECT_EQ(entry.message, QStringLiteral("refused"));
    EXPECT_EQ(entry.hook, QStringLiteral("demand/CREATE"));
    EXPECT_EQ(entry.requestId, QStringLiteral("req-7"));
    EXPECT_EQ(entry.documentId, QStringLiteral("doc-1"));
    EXPECT_EQ(entry.details, QStringLiteral("wrong key"));
    EXPECT_EQ(entry.id, 0);
    EXPECT_FALSE(entry.at.isValid());

    EXPECT_EQ(LogEntry::debug(QStringLiteral("worker"), QString()).level, LogLevel::Debug);
    EXPECT_EQ(LogEntry::info(QStringLiteral("worker"), QString()).level, LogLevel::Info);
    EXPECT_EQ(LogEntry::error(QStringLiteral("worker"), QString()).level, LogLevel::Error);

    // On a named entry the setters change it in place.
    LogEntry named = LogEntry::info(QStringLiteral("queue"), QStringLiteral("retried"));
    named.withDocument(QStringLiteral("doc-2")).withHook(QStringLiteral("customerorder/UPDATE"));
    EXPECT_EQ(named.documentId, QStringLiteral("doc-2"));
    EXPECT_EQ(named.hook, QStringLiteral("customerorder/UPDATE"));
}

namespace {
// Russian for one template, as the shipped skladhook_ru.qm has it; everything else untranslated.
class OneMessageTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (QByteArray(context) == "LogMessage" && QByteArray(sourceText) == "Task %1 failed, will retry: %2")
            return QStringLiteral("Задача %1 не выполнена, будет повторена: %2");
        if (QByteArray(context) == "LogMessage" && QByteArray(sourceText) == "from the desktop app")
            return QStringLiteral("из приложения");
        return {};
    }
    bool isEmpty() const override { return false; }
};
} // namespace

TEST(LogText, FillsEveryPlaceholderOnceAndLeavesPercentInArgumentsAlone)
{
    EXPECT_EQ(
        LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 failed, will retry: %2"), 7, QStringLiteral("50%1")).english(),
        QStringLiteral("Task 7 failed, will retry: 50%1"));
    EXPECT_EQ(LogText::fill(QStringLiteral("%2 before %1, %3 stays"), {QStringLiteral("a"), QStringLiteral("b")}),
              QStringLiteral("b before a, %3 stays"));
}

TEST(DiagnosticsLog, RowsKeepTheirMessageIdAndArgumentsAndShowInTheInstalledLanguage)
{
    QTemporaryDir dir;
    const QString path = Database::fileIn(dir.path());
    {
        // A database of schema 7 with a row written before message ids existed.
        StoreWriter old(path);
        ASSERT_TRUE(old.start().ok());
        old.flush();
    }
    {
        auto db = Database::open(path, QStringLiteral("downgrade"), false);
        ASSERT_TRUE(db.ok());
        QSqlQuery query(db.value());
        for (const char *sql : {"INSERT INTO log (at, level, category, message) VALUES ('2026-01-01T00:00:00.000Z', "
                                "1, 'queue', 'Старая строка без шаблона')",
                                "ALTER TABLE log DROP COLUMN message_id", "ALTER TABLE log DROP COLUMN args",
                                "ALTER TABLE tasks DROP COLUMN outcome", "DROP TABLE task_attempts",
                                "ALTER TABLE tasks DROP COLUMN lease_owner", "DROP TABLE account_settings",
                                "DROP TABLE rate_bucket", "DROP TABLE services", "PRAGMA user_version = 7"})
            ASSERT_TRUE(query.exec(QString::fromUtf8(sql))) << query.lastError().text().toStdString();
    }
    Database::close(QStringLiteral("downgrade"));

    StoreWriter writer(path);
    ASSERT_TRUE(writer.start().ok()); // migrates to schema 8 and on
    SqliteDiagnosticsLog log(&writer);
    SecretMasker::instance().add(QStringLiteral("VerySecretToken42"));
    log.warning(QStringLiteral("worker"), LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 failed, will retry: %2"), 12,
                                                  QStringLiteral("HTTP 401 for VerySecretToken42")));
    writer.flush();
    SecretMasker::instance().remove(QStringLiteral("VerySecretToken42"));

    LogReader reader(path);
    const auto rows = reader.readAfter(0, {});
    ASSERT_TRUE(rows.ok()) << rows.error().toStdString();
    ASSERT_EQ(rows.value().size(), 2);
    const LogEntry &old = rows.value().at(0);
    const LogEntry &row = rows.value().at(1);
    EXPECT_TRUE(old.messageId.isEmpty());
    EXPECT_EQ(old.shownMessage(), QStringLiteral("Старая строка без шаблона"));
    EXPECT_EQ(row.messageId, QStringLiteral("Task %1 failed, will retry: %2"));
    ASSERT_EQ(row.args.size(), 2);
    EXPECT_EQ(row.args.at(0), QStringLiteral("12"));
    EXPECT_FALSE(row.args.at(1).contains(QStringLiteral("VerySecretToken42")));
    EXPECT_TRUE(row.message.startsWith(QStringLiteral("Task 12 failed, will retry: HTTP 401")));
    EXPECT_EQ(row.shownMessage(), row.message); // no translator: English

    OneMessageTranslator russian;
    QCoreApplication::installTranslator(&russian);
    EXPECT_TRUE(row.shownMessage().startsWith(QStringLiteral("Задача 12 не выполнена, будет повторена: HTTP 401")))
        << row.shownMessage().toStdString();
    EXPECT_EQ(old.shownMessage(), QStringLiteral("Старая строка без шаблона"));
    // A marked fragment given as an argument (who acted) is translated as well; other arguments stay.
    EXPECT_EQ(LogText(QT_TRANSLATE_NOOP("LogMessage", "Task %1 failed, will retry: %2"), 3,
                      QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "from the desktop app")))
                  .translated(),
              QStringLiteral("Задача 3 не выполнена, будет повторена: из приложения"));
    QCoreApplication::removeTranslator(&russian);
    EXPECT_EQ(row.shownMessage(), row.message);
}

namespace {
// A log of `count` rows whose level, hook and texts follow the row number, through the real writer.
class LogSearch : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(writer.start().ok()); }

    void write(const LogEntry &entry) { log.write(entry); }
    QStringList messages(const Result<QList<LogEntry>, QString> &rows)
    {
        EXPECT_TRUE(rows.ok()) << (rows.ok() ? std::string() : rows.error().toStdString());
        QStringList list;
        if (rows.ok()) {
            for (const LogEntry &e : rows.value())
                list.append(e.message);
        }
        return list;
    }

    QTemporaryDir dir;
    QString path = Database::fileIn(dir.path());
    StoreWriter writer{path};
    SqliteDiagnosticsLog log{&writer};
};
} // namespace

TEST_F(LogSearch, FindsWordsInMessageDetailsAndIdsThroughTheIndex)
{
    write(LogEntry::error(QStringLiteral("moysklad"), QStringLiteral("Заказ покупателя не найден"))
              .withDetails(QStringLiteral("HTTP 404: объект удалён"))
              .withRequestId(QStringLiteral("3f1c-77aa"))
              .withDocument(QStringLiteral("doc-42")));
    write(LogEntry::info(QStringLiteral("queue"), QStringLiteral("processed a needle task")));
    write(LogEntry::info(QStringLiteral("queue"), QStringLiteral("processed")).withDetails(QStringLiteral("NEEDLES")));
    write(LogEntry::info(QStringLiteral("queue"), QStringLiteral("haystack")));
    writer.flush();

    LogReader reader(path);
    ASSERT_TRUE(reader.searchesByIndex());
    LogReader::Filter filter;
    filter.text = QStringLiteral("needle"); // whole words: not "NEEDLES"
    EXPECT_EQ(messages(reader.readLatest(filter, 10)), QStringList{QStringLiteral("processed a needle task")});
    filter.text = QStringLiteral("needle*"); // a prefix: both
    EXPECT_EQ(messages(reader.readLatest(filter, 10)),
              (QStringList{QStringLiteral("processed a needle task"), QStringLiteral("processed")}));
    filter.text = QStringLiteral("заказ"); // a Russian word in the message, any case
    EXPECT_EQ(messages(reader.readLatest(filter, 10)), QStringList{QStringLiteral("Заказ покупателя не найден")});
    filter.text = QStringLiteral("УДАЛЁН"); // …and in the details
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 1);
    filter.text = QStringLiteral("http 404"); // words in order
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 1);
    filter.text = QStringLiteral("404 http");
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 0);
    filter.text = QStringLiteral("3f1c-77aa"); // a request id
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 1);
    filter.text = QStringLiteral("doc-42"); // a document id
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 1);
    filter.text = QStringLiteral("\"quoted\" and (brackets) AND OR NOT"); // FTS5 syntax is searched as words
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 0);
    filter.text = QStringLiteral("processed");
    filter.minimumLevel = LogLevel::Warning; // with a level filter too
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 0);
    filter.minimumLevel = LogLevel::Info;
    EXPECT_EQ(reader.readLatest(filter, 10).value().size(), 2);
    // Paging through matches: newest page, then the one below it, then the rows after the first.
    const auto newest = reader.readLatest(filter, 1);
    ASSERT_EQ(messages(newest), QStringList{QStringLiteral("processed")});
    EXPECT_EQ(messages(reader.readBefore(newest.value().constFirst().id, filter, 5)),
              QStringList{QStringLiteral("processed a needle task")});
    EXPECT_EQ(messages(reader.readAfter(0, filter, 1)), QStringList{QStringLiteral("processed a needle task")});
}

TEST_F(LogSearch, LevelAndHookFiltersPageThroughEveryLevelInIdOrder)
{
    const QStringList hooks{QStringLiteral("customerorder/UPDATE"), QStringLiteral("demand/CREATE")};
    for (int i = 1; i <= 60; ++i) {
        const LogLevel level = i % 7 == 0 ? LogLevel::Error : i % 3 == 0 ? LogLevel::Warning : LogLevel::Info;
        write(
            LogEntry::make(level, QStringLiteral("queue"), QStringLiteral("row %1").arg(i)).withHook(hooks.at(i % 2)));
    }
    writer.flush();
    LogReader reader(path);
    // The expected rows, newest first, by the same rules.
    const auto expected = [&](LogLevel minimum, const QString &hook) {
        QStringList list;
        for (int i = 60; i >= 1; --i) {
            const LogLevel level = i % 7 == 0 ? LogLevel::Error : i % 3 == 0 ? LogLevel::Warning : LogLevel::Info;
            if (level >= minimum && (hook.isEmpty() || hooks.at(i % 2) == hook))
                list.append(QStringLiteral("row %1").arg(i));
        }
        return list;
    };
    for (const LogLevel minimum : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
        for (const QString &hook : {QString(), hooks.at(0), hooks.at(1)}) {
            LogReader::Filter filter;
            filter.minimumLevel = minimum;
            filter.hook = hook;
            // Newest first, five at a time, as the pane pages down.
            QStringList paged;
            qint64 before = std::numeric_limits<qint64>::max();
            for (;;) {
                const auto page = reader.readBefore(before, filter, 5);
                ASSERT_TRUE(page.ok()) << page.error().toStdString();
                QStringList rows = messages(page);
                std::reverse(rows.begin(), rows.end());
                paged.append(rows);
                if (page.value().size() < 5)
                    break;
                before = page.value().constFirst().id;
            }
            EXPECT_EQ(paged, expected(minimum, hook)) << int(minimum) << hook.toStdString();
            // Oldest first from the start, as an export reads.
            QStringList ascending = messages(reader.readAfter(0, filter, 1000));
            std::reverse(ascending.begin(), ascending.end());
            EXPECT_EQ(ascending, expected(minimum, hook));
        }
    }
}

TEST_F(LogSearch, WithoutTheSearchIndexTextIsSearchedAsASubstring)
{
    write(LogEntry::info(QStringLiteral("queue"), QStringLiteral("Отгрузка проведена")));
    write(LogEntry::info(QStringLiteral("queue"), QStringLiteral("other")).withDetails(QStringLiteral("a NEEDLEs")));
    // A SQLite without FTS5 leaves schema 5 without log_fts: the same as dropping it.
    writer.submit([](QSqlDatabase &db) -> Result<Done, QString> {
        QSqlQuery query(db);
        for (const char *statement : {"DROP TRIGGER log_fts_insert", "DROP TRIGGER log_fts_delete",
                                      "DROP TRIGGER log_fts_update", "DROP TABLE log_fts"}) {
            if (!query.exec(QString::fromLatin1(statement)))
                return query.lastError().text();
        }
        return Done{};
    });
    writer.flush();
    LogReader reader(path);
    EXPECT_FALSE(reader.searchesByIndex());
    LogReader::Filter filter;
    filter.text = QStringLiteral("needle");
    EXPECT_EQ(messages(reader.readLatest(filter, 10)), QStringList{QStringLiteral("other")});
    filter.text = QStringLiteral("грузка");
    EXPECT_EQ(messages(reader.readLatest(filter, 10)), QStringList{QStringLiteral("Отгрузка проведена")});
}
