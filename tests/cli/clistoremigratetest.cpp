// SPDX-License-Identifier: GPL-3.0-or-later
// `store migrate --to postgresql://…` through the real skladhook-cli against a real PostgreSQL 15 (a throw-away
// cluster): a store with pending, dead and done tasks, their attempts, log rows, metrics and shop data ends with the
// same rows in PostgreSQL; a second copy, a wrong URL and a running service are refused clearly; a password given in
// the URL is never shown.
#include "clirunner.h"
#include "deliverysender.h"
#include "fakemoysklad.h"
#include "postgresfixture.h"
#include "serveprocess.h"
#include "store/database.h"
#include "store/sqlitedialect.h"
#include "store/storeurl.h"

#include <gtest/gtest.h>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <map>
#include <memory>

namespace {

using Counts = std::map<QString, qint64>;

QString uuid(int i)
{
    return QUuid(QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')))
        .toString(QUuid::WithoutBraces);
}

// Queries on a connection of the test's own, closed again before the CLI runs.
class Connection final
{
public:
    explicit Connection(QSqlDatabase db, QString name)
        : m_db(std::move(db))
        , m_name(std::move(name))
    {}
    ~Connection()
    {
        m_db = QSqlDatabase();
        Database::close(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase &db() { return m_db; }
    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        const bool ok = query.exec(sql);
        EXPECT_TRUE(ok) << sql.toStdString() << ": " << query.lastError().text().toStdString();
        return ok;
    }
    QStringList rows(const QString &sql)
    {
        QSqlQuery query(m_db);
        EXPECT_TRUE(query.exec(sql)) << sql.toStdString() << ": " << query.lastError().text().toStdString();
        QStringList rows;
        while (query.next()) {
            QStringList columns;
            for (int i = 0; i < query.record().count(); ++i)
                columns.append(query.value(i).toString());
            rows.append(columns.join(QLatin1Char('|')));
        }
        return rows;
    }
    Counts counts(const QStringList &tables)
    {
        Counts counts;
        for (const QString &table : tables) {
            const QStringList found = rows(QStringLiteral("SELECT count(*) FROM %1").arg(table));
            counts[table] = found.isEmpty() ? -1 : found.constFirst().toLongLong();
        }
        return counts;
    }

private:
    QSqlDatabase m_db;
    QString m_name;
};

class CliStoreMigrateTest : public PostgresFixture
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(createNumberedDatabase(QStringLiteral("skladhook"), &url, &database));
        ASSERT_TRUE(fake.start());
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
        ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), secret));
    }

    std::unique_ptr<Connection> sqlite()
    {
        auto opened = Database::open(Database::fileIn(cli.dataDir()), QStringLiteral("test-sqlite"), false);
        EXPECT_TRUE(opened.ok()) << opened.error().toStdString();
        return std::make_unique<Connection>(opened.valueOr(QSqlDatabase()), QStringLiteral("test-sqlite"));
    }

    std::unique_ptr<Connection> postgres()
    {
        auto opened = StoreUrl::parse(url).value().open(QStringLiteral("test-pg"));
        EXPECT_TRUE(opened.ok()) << opened.error().toStdString();
        return std::make_unique<Connection>(opened.valueOr(QSqlDatabase()), QStringLiteral("test-pg"));
    }

    // The store as a shop has it after a while: 12 deliveries through serve (pending tasks, delivery rows, log rows,
    // metrics), then one task dead after 5 attempts and one done, with their attempts, two orders and a sync run.
    void fillStore()
    {
        ASSERT_EQ(cli.run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("customerorder"),
                           QStringLiteral("UPDATE"), QStringLiteral("queued")})
                      .exitCode,
                  0);
        ASSERT_TRUE(serve.start());
        sender.setTarget(serve.base(), secret);
        for (int i = 0; i < 12; ++i)
            ASSERT_EQ(sender.send(QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                                  DeliverySender::newRequestId(), {uuid(i)}),
                      200);
        ASSERT_EQ(serve.stop(), 0);
        auto db = sqlite();
        db->exec(QStringLiteral("UPDATE tasks SET status = 'dead', attempts = 5, last_error = 'HTTP 500 от МойСклад' "
                                "WHERE id = (SELECT min(id) FROM tasks)"));
        db->exec(QStringLiteral("UPDATE tasks SET status = 'done', attempts = 1, outcome = 'applied', finished_at = "
                                "updated_at WHERE id = (SELECT min(id) + 1 FROM tasks)"));
        for (int attempt = 1; attempt <= 5; ++attempt)
            db->exec(
                QStringLiteral("INSERT INTO task_attempts (task_id, attempt, started_at, finished_at, http_status, "
                               "status, error) SELECT min(id), %1, '2025-03-01T10:00:00Z', "
                               "'2025-03-01T10:00:01Z', 500, 'retrying', 'HTTP 500 от МойСклад' FROM tasks")
                    .arg(attempt));
        db->exec(QStringLiteral("INSERT INTO task_attempts (task_id, attempt, started_at, finished_at, http_status, "
                                "status, outcome) SELECT min(id) + 1, 1, '2025-03-01T10:00:00Z', "
                                "'2025-03-01T10:00:01Z', 200, 'done', 'applied' FROM tasks"));
        db->exec(QStringLiteral("INSERT INTO orders (id, name, state, sum, agent, moment, updated) VALUES "
                                "('%1', '00017', 'Новый', 150000, 'ООО Ромашка', '2025-03-01 10:00:00.000', "
                                "'2025-03-01 10:00:00.000'), ('%2', '00018', 'Собран', 99050, 'ИП Иванов', "
                                "'2025-03-02 11:00:00.000', '2025-03-02 11:00:00.000')")
                     .arg(uuid(1), uuid(2)));
        db->exec(QStringLiteral("INSERT OR IGNORE INTO metrics (minute, name, label, value) VALUES (29000000, "
                                "'deliveries', 'customerorder/UPDATE', 12)"));
        db->exec(QStringLiteral("INSERT INTO sync_runs (kind, started_at, finished_at, ok, summary) VALUES ('sync', "
                                "'2025-03-01T09:00:00Z', '2025-03-01T09:00:05Z', 1, '2 заказа')"));
    }

    // Every table of the SQLite store but store_meta (which describes the store it is in), with its row count.
    Counts sqliteCounts()
    {
        auto db = sqlite();
        QStringList tables = SqliteDialect().tables(db->db()).valueOr({});
        tables.removeAll(QStringLiteral("store_meta"));
        return db->counts(tables);
    }

    CliRunner::Output migrate(const QString &to, bool json = true) const
    {
        QStringList arguments{QStringLiteral("store"), QStringLiteral("migrate"), QStringLiteral("--to"), to};
        if (json)
            arguments.prepend(QStringLiteral("--json"));
        return cli.run(arguments);
    }

    const QString secret = QStringLiteral("Migrate-Verification-5d2e");
    QString database;
    QString url;
    FakeMoySklad fake;
    CliRunner cli;
    ServeProcess serve{cli};
    DeliverySender sender;
};

} // namespace

TEST_F(CliStoreMigrateTest, CopiesEveryTableWithThePendingTasks)
{
    fillStore();
    const Counts before = sqliteCounts();
    ASSERT_EQ(before.at(QStringLiteral("tasks")), 12);
    ASSERT_GT(before.at(QStringLiteral("log")), 0);
    for (const char *table : {"deliveries", "task_attempts", "orders", "metrics", "sync_runs", "changes"})
        ASSERT_GT(before.at(QLatin1String(table)), 0) << table;
    const QString tasksQuery = QStringLiteral("SELECT id, status, attempts, document_id, request_id, mode FROM tasks "
                                              "ORDER BY id");
    const QStringList tasks = sqlite()->rows(tasksQuery);

    const auto migrated = migrate(url);
    ASSERT_EQ(migrated.exitCode, 0) << migrated.err.toStdString();
    const QJsonObject json = migrated.json().object();
    EXPECT_EQ(json.value(QLatin1String("target")).toString(), url);
    const QJsonObject tables = json.value(QLatin1String("tables")).toObject();
    EXPECT_EQ(qsizetype(tables.size()), qsizetype(before.size()));
    for (const auto &[table, rows] : before)
        EXPECT_EQ(tables.value(table).toInteger(-1), rows) << table.toStdString();

    auto pg = postgres();
    QStringList names;
    for (const auto &[table, rows] : before)
        names.append(table);
    EXPECT_EQ(pg->counts(names), before);
    EXPECT_EQ(pg->rows(tasksQuery), tasks); // the pending ones with their status and attempts, the dead and the done
    EXPECT_EQ(pg->rows(QStringLiteral("SELECT count(*) FROM tasks WHERE status = 'pending'")),
              QStringList{QStringLiteral("10")});
    EXPECT_EQ(pg->rows(QStringLiteral("SELECT name, agent, sum FROM orders ORDER BY name")),
              (QStringList{QStringLiteral("00017|ООО Ромашка|150000"), QStringLiteral("00018|ИП Иванов|99050")}));
    EXPECT_TRUE(Database::checkComplete(pg->db()).ok());
    EXPECT_EQ(pg->rows(QStringLiteral("SELECT value FROM store_meta WHERE key = 'migrated_from'")),
              QStringList{Database::fileIn(cli.dataDir())});
    // A task queued in PostgreSQL next gets an id past the copied ones.
    pg->exec(QStringLiteral("INSERT INTO tasks (entity_type, action, document_id, request_id, event_index, mode, "
                            "status, next_attempt_at, created_at, updated_at) VALUES ('customerorder', 'UPDATE', "
                            "'d', 'r', 0, 'queued', 'pending', 'now', 'now', 'now')"));
    EXPECT_EQ(pg->rows(QStringLiteral("SELECT max(id) FROM tasks")),
              QStringList{QString::number(tasks.last().section(QLatin1Char('|'), 0, 0).toLongLong() + 1)});

    // The SQLite store says where it went.
    const auto log = cli.run({QStringLiteral("--json"), QStringLiteral("log")});
    EXPECT_TRUE(log.out.contains(QStringLiteral("Store migrated to ") + url)) << log.err.toStdString();
}

TEST_F(CliStoreMigrateTest, ASecondMigrateToTheSameDatabaseRefusesAndChangesNothing)
{
    fillStore();
    ASSERT_EQ(migrate(url).exitCode, 0);
    const Counts before = sqliteCounts();
    QStringList names;
    for (const auto &[table, rows] : before)
        names.append(table);
    const Counts copied = postgres()->counts(names);

    const auto again = migrate(url, false);
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains(QStringLiteral("already holds SkladHook data"))) << again.err.toStdString();
    EXPECT_TRUE(again.err.contains(QStringLiteral("migrate into an empty database"))) << again.err.toStdString();
    EXPECT_EQ(postgres()->counts(names), copied);
    EXPECT_TRUE(Database::checkComplete(postgres()->db()).ok());

    // Into an empty database the text output lists the tables.
    ASSERT_TRUE(createDatabase(database + QStringLiteral("_text")));
    const auto text = migrate(server().url(database + QStringLiteral("_text")), false);
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(
        text.out.contains(QRegularExpression(QStringLiteral("^tasks +12$"), QRegularExpression::MultilineOption)))
        << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Copied the store to "))) << text.out.toStdString();
}

TEST_F(CliStoreMigrateTest, AWrongUrlFailsClearly)
{
    const auto scheme = migrate(QStringLiteral("mysql://shop@db/skladhook"));
    EXPECT_EQ(scheme.exitCode, 1);
    EXPECT_TRUE(scheme.err.contains(QStringLiteral("scheme \"mysql\" is not supported"))) << scheme.err.toStdString();

    QTemporaryDir nowhere;
    const auto unreachable = migrate(QStringLiteral("postgresql://postgres@/%1?host=%2").arg(database, nowhere.path()));
    EXPECT_EQ(unreachable.exitCode, 1);
    EXPECT_TRUE(unreachable.err.contains(
        QStringLiteral("cannot connect to postgresql://postgres@/%1?host=%2").arg(database, nowhere.path())))
        << unreachable.err.toStdString();

    const auto missing = cli.run({QStringLiteral("store"), QStringLiteral("migrate")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("usage: skladhook-cli store migrate --to")))
        << missing.err.toStdString();
}

TEST_F(CliStoreMigrateTest, APasswordInTheUrlIsNeverShown)
{
    const QString password = QStringLiteral("Pg-Secret-7f3a");
    const QString withPassword =
        QStringLiteral("postgresql://postgres:%1@/%2?host=%3").arg(password, database, server().socketDirectory());
    const auto migrated = migrate(withPassword); // trust authentication: accepted and not needed
    ASSERT_EQ(migrated.exitCode, 0) << migrated.err.toStdString();
    EXPECT_EQ(migrated.json().object().value(QLatin1String("target")).toString(),
              QStringLiteral("postgresql://postgres:***@/%1?host=%2").arg(database, server().socketDirectory()));
    EXPECT_FALSE(migrated.out.contains(password));
    EXPECT_FALSE(migrated.err.contains(password));

    QTemporaryDir nowhere;
    const auto failed =
        migrate(QStringLiteral("postgresql://postgres:%1@/%2?host=%3").arg(password, database, nowhere.path()), false);
    EXPECT_EQ(failed.exitCode, 1);
    EXPECT_TRUE(failed.err.contains(QStringLiteral(":***@"))) << failed.err.toStdString();
    EXPECT_FALSE(failed.out.contains(password));
    EXPECT_FALSE(failed.err.contains(password));
    const auto log = cli.run({QStringLiteral("--json"), QStringLiteral("log")});
    EXPECT_FALSE(log.out.contains(password));
}

TEST_F(CliStoreMigrateTest, RefusesWhileAServiceServesTheDataDirectory)
{
    ASSERT_TRUE(serve.start());
    const auto refused = migrate(url, false);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("cannot migrate the store while a service serves")))
        << refused.err.toStdString();
    EXPECT_TRUE(postgres()
                    ->rows(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                          "table_schema = 'public'"))
                    .isEmpty());
}
