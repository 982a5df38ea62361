// SPDX-License-Identifier: GPL-3.0-or-later
// Cost per delivery (issue 11): the real Service (receiver, queue sink, StoreWriter committing to SQLite with WAL and
// synchronous=FULL) against the receiver a shop integrator writes by hand (tests/bench/peer/receiver.py: Python's
// ThreadingHTTPServer and sqlite3, one commit per delivery), in the same run, on the same file system, driven by the
// same clients: N threads of this process, each a keep-alive HTTP/1.1 connection sending its share one after another.
//
// Prints per receiver: durable deliveries per second, deliveries per transaction (each transaction is one fsync of
// the WAL), answer time p50/p99 and CPU µs per delivery (the receiver's CPU only: for SkladHook the process's
// getrusage minus the client threads' own CPU time, for the peer its /proc/PID/stat). Then the floors under it on this
// machine: SQLite alone writing the same rows, SQLite alone writing one row per delivery, and the HTTP library alone
// answering at once. Then the ratios. Never fails on a time: it exits 1 only when a delivery was not answered 200 or
// is missing from its database.
#include "common/clock.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "moysklad/moyskladclient.h"
#include "service/service.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <microhttpd.h>
#include <sqlite3.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

namespace {

constexpr long kTmpfsMagic = 0x01021994;

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 processCpuNs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ns = [](const timeval &tv) { return qint64(tv.tv_sec) * 1000000000 + qint64(tv.tv_usec) * 1000; };
    return ns(usage.ru_utime) + ns(usage.ru_stime);
}

// CPU time of this process's threads by name (nanoseconds, from /proc/self/task/*/schedstat), the main thread as
// "main"; the client threads ("client") are left out. Shows where a delivery's CPU goes: the HTTP thread, the writer,
// the owner's event loop.
QMap<QString, qint64> threadCpuByNameNs()
{
    QMap<QString, qint64> byName;
    const QString self = QString::number(getpid());
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        QFile schedstat(tasks.filePath(tid + QStringLiteral("/schedstat")));
        if (!comm.open(QIODevice::ReadOnly) || !schedstat.open(QIODevice::ReadOnly))
            continue;
        QString name = QString::fromUtf8(comm.readAll().trimmed());
        if (tid == self)
            name = QStringLiteral("main");
        if (name == QLatin1String("client"))
            continue;
        byName[name] += schedstat.readAll().split(' ').value(0).toLongLong();
    }
    return byName;
}

// utime + stime of another process, from /proc (clock ticks, 10 ms: a run lasts seconds).
qint64 otherProcessCpuNs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // The command name may hold spaces: the fields are counted after its closing parenthesis.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong(); // fields 14 and 15 of stat
    return ticks * (1000000000 / sysconf(_SC_CLK_TCK));
}

// One keep-alive connection to 127.0.0.1:port, POSTing and reading plain HTTP/1.1 answers.
class Connection final
{
public:
    explicit Connection(quint16 port)
        : m_port(port)
    {}
    ~Connection() { close(); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // The answer's status, 0 when the connection failed.
    int post(const QByteArray &request)
    {
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (m_fd < 0 && !open())
                return 0;
            const int status = exchange(request);
            if (status > 0)
                return status;
            // A keep-alive connection the server closed while idle: once more on a new one.
            close();
        }
        return 0;
    }

private:
    bool open()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return false;
        const int on = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            close();
            return false;
        }
        return true;
    }

    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_buffer.clear();
    }

    int exchange(const QByteArray &request)
    {
        for (qsizetype sent = 0; sent < request.size();) {
            const ssize_t n = ::send(m_fd, request.constData() + sent, size_t(request.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                return 0;
            sent += n;
        }
        qsizetype headerEnd = -1;
        while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!receive())
                return 0;
        }
        const QByteArray head = m_buffer.left(headerEnd).toLower();
        const int status = m_buffer.mid(9, 3).toInt();
        qsizetype length = 0;
        if (const qsizetype at = head.indexOf("content-length:"); at >= 0)
            length = head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        while (m_buffer.size() < headerEnd + 4 + length) {
            if (!receive())
                return 0;
        }
        m_buffer.remove(0, headerEnd + 4 + length);
        if (head.contains("connection: close"))
            close();
        return status;
    }

    bool receive()
    {
        char chunk[4096];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, n);
        return true;
    }

    quint16 m_port = 0;
    int m_fd = -1;
    QByteArray m_buffer;
};

struct Load final
{
    double seconds = 0;
    std::vector<qint64> latenciesUs;
    int failures = 0;
    qint64 clientCpuNs = 0;
};

// `clients` threads send `deliveries` in all; the calling thread runs its event loop meanwhile (the Service lives
// on it). Request ids are "<tag>-<client>-<n>".
Load drive(quint16 port, const QByteArray &target, const QByteArray &body, const QByteArray &tag, int deliveries,
           int clients)
{
    std::vector<std::vector<qint64>> latencies(static_cast<size_t>(clients));
    std::vector<int> failures(static_cast<size_t>(clients), 0);
    std::vector<qint64> cpu(static_cast<size_t>(clients), 0);
    std::atomic<int> running{clients};
    std::vector<std::thread> threads;
    const auto started = std::chrono::steady_clock::now();
    for (int c = 0; c < clients; ++c) {
        const int share = deliveries / clients + (c < deliveries % clients ? 1 : 0);
        threads.emplace_back([&, c, share] {
            pthread_setname_np(pthread_self(), "client"); // left out of the receiver's threads
            const qint64 cpuStart = threadCpuNs();
            Connection connection(port);
            latencies[size_t(c)].reserve(size_t(share));
            for (int i = 0; i < share; ++i) {
                const QByteArray request = "POST " + target + tag + '-' + QByteArray::number(c) + '-' +
                                           QByteArray::number(i) +
                                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                           "Content-Length: " +
                                           QByteArray::number(body.size()) + "\r\n\r\n" + body;
                const auto before = std::chrono::steady_clock::now();
                const int status = connection.post(request);
                latencies[size_t(c)].push_back(
                    std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - before)
                        .count());
                if (status != 200)
                    ++failures[size_t(c)];
            }
            cpu[size_t(c)] = threadCpuNs() - cpuStart;
            --running;
        });
    }
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (running.load() == 0)
            loop.quit();
    });
    poll.start(5);
    loop.exec();
    for (std::thread &thread : threads)
        thread.join();
    Load load;
    load.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (int c = 0; c < clients; ++c) {
        load.latenciesUs.insert(load.latenciesUs.end(), latencies[size_t(c)].begin(), latencies[size_t(c)].end());
        load.failures += failures[size_t(c)];
        load.clientCpuNs += cpu[size_t(c)];
    }
    std::sort(load.latenciesUs.begin(), load.latenciesUs.end());
    return load;
}

struct Figures final
{
    QString name;
    int deliveries = 0;
    double perSecond = 0;
    double perTransaction = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double cpuUs = 0;
    int failures = 0;
};

Figures figures(const QString &name, const Load &load, quint64 transactions, qint64 receiverCpuNs)
{
    const auto quantile = [&](double q) {
        return double(load.latenciesUs[std::min(load.latenciesUs.size() - 1,
                                                size_t(q * double(load.latenciesUs.size())))]) /
               1000.0;
    };
    Figures f;
    f.name = name;
    f.deliveries = int(load.latenciesUs.size());
    f.perSecond = double(f.deliveries) / load.seconds;
    f.perTransaction = transactions ? double(f.deliveries) / double(transactions) : 0;
    f.p50Ms = quantile(0.5);
    f.p99Ms = quantile(0.99);
    f.cpuUs = double(receiverCpuNs) / 1000.0 / double(f.deliveries);
    f.failures = load.failures;
    return f;
}

void print(const Figures &f)
{
    std::printf("%-34s %9.0f %9.1f %8.2f %8.2f %10.1f %6d\n", qPrintable(f.name), f.perSecond, f.perTransaction,
                f.p50Ms, f.p99Ms, f.cpuUs, f.failures);
}

qint64 countRows(const QString &path, const QString &sql)
{
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-count"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                n = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-count"));
    return n;
}

// Gives the store at `path` (created with the real schema) `deliveries` deliveries of the past 30 days, oldest first,
// each under a random request id as MoySklad's are, as a shop's store holds them within its retention (30 days by
// default). Their tasks are left out: done tasks sit apart from new ones in every index of theirs. Checkpointed, so
// that the WAL starts empty.
bool addHistory(const QString &path, int deliveries)
{
    bool ok = false;
    const QString connection = QStringLiteral("bench-history");
    {
        auto opened = Database::open(path, connection, false);
        if (!opened.ok()) {
            std::fprintf(stderr, "history: %s\n", qPrintable(opened.error()));
            return false;
        }
        QSqlQuery query(opened.value());
        ok = query.exec(QStringLiteral(
                            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1), "
                            "h(at) AS (SELECT strftime('%Y-%m-%dT%H:%M:%S.000Z', 'now', printf('-%d seconds', "
                            "(%1 - i + 1) * 2592000 / %1)) FROM n) "
                            "INSERT INTO deliveries (request_id, received_at, peer, events, hook) SELECT "
                            "lower(printf('%s-%s-4%s-a%s-%s', hex(randomblob(4)), hex(randomblob(2)), "
                            "substr(hex(randomblob(2)), 2), substr(hex(randomblob(2)), 2), hex(randomblob(6)))), at, "
                            "'185.12.4.7', 5, 'customerorder/UPDATE' FROM h")
                            .arg(deliveries)) &&
             query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (!ok)
            std::fprintf(stderr, "history: %s\n", qPrintable(query.lastError().text()));
    }
    Database::close(connection);
    return ok;
}

// A floor's writes, set up on SQLite's handle: `write(d)` stores delivery d; `statements` are finalized afterwards.
struct FloorWrites final
{
    std::vector<sqlite3_stmt *> statements;
    std::function<bool(int)> write;
};

// Times `deliveries` writes of a floor on a store of its own in `dataDir` (the real schema and the writer's pragmas:
// WAL, synchronous=FULL), through SQLite's C API from this one thread with no HTTP, no queue and no Qt:
// `perTransaction` deliveries per transaction, as SkladHook's writer commits them (its intake job shares the
// transaction, with no savepoint of its own). Returns the thread's CPU µs
// per delivery, the kernel's share of every write and fsync included, as for the receivers; -1 when it failed.
double sqliteFloorUs(const QString &dataDir, const char *name, int deliveries, int perTransaction,
                     const std::function<FloorWrites(sqlite3 *)> &setUp)
{
    double us = -1;
    const QString connection = QStringLiteral("bench-floor");
    {
        auto opened = Database::open(Database::fileIn(dataDir), connection, false);
        if (!opened.ok()) {
            std::fprintf(stderr, "%s: %s\n", name, qPrintable(opened.error()));
            return us;
        }
        const QVariant handle = opened.value().driver()->handle();
        sqlite3 *db = *static_cast<sqlite3 *const *>(handle.constData());
        const auto run = [db](const char *sql) {
            return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
        };
        const FloorWrites writes = setUp(db);
        bool ok = std::find(writes.statements.cbegin(), writes.statements.cend(), nullptr) == writes.statements.cend();
        const qint64 cpuStart = threadCpuNs();
        for (int d = 0; ok && d < deliveries; ++d) {
            if (d % perTransaction == 0)
                ok = run("BEGIN IMMEDIATE");
            ok = ok && writes.write(d);
            if (ok && (d % perTransaction == perTransaction - 1 || d == deliveries - 1))
                ok = run("COMMIT");
        }
        if (ok)
            us = double(threadCpuNs() - cpuStart) / 1000.0 / double(deliveries);
        else
            std::fprintf(stderr, "%s: %s\n", name, sqlite3_errmsg(db));
        for (sqlite3_stmt *statement : writes.statements)
            sqlite3_finalize(statement);
    }
    Database::close(connection);
    return us;
}

QByteArray floorRequestId(int delivery)
{
    return "floor-" + QByteArray::number(delivery) + '-' + QUuid::createUuid().toByteArray();
}

QByteArray floorNow()
{
    return Clock::isoText(QDateTime::currentDateTimeUtc()).toLatin1();
}

// The floor under SkladHook's writer on this machine: the same rows, a deliveries row and one task per event.
double sameRowsFloorUs(const QString &dataDir, int deliveries, int eventsPerDelivery, int perTransaction)
{
    return sqliteFloorUs(dataDir, "floor", deliveries, perTransaction, [eventsPerDelivery](sqlite3 *db) {
        sqlite3_stmt *delivery = nullptr;
        sqlite3_stmt *task = nullptr;
        sqlite3_prepare_v2(db,
                           "INSERT INTO deliveries (request_id, received_at, peer, events, hook, written_us) VALUES "
                           "(?, ?, '127.0.0.1', ?, 'customerorder/UPDATE', 150)",
                           -1, &delivery, nullptr);
        // MoySklad's own href is not stored (DocumentHref), as the writer leaves it out.
        sqlite3_prepare_v2(db,
                           "INSERT INTO tasks (entity_type, action, document_id, href, request_id, event_index, mode, "
                           "status, next_attempt_at, created_at, updated_at) VALUES ('customerorder', 'UPDATE', ?, "
                           "NULL, ?, ?, 'queued', 'pending', ?, ?, ?)",
                           -1, &task, nullptr);
        const auto write = [db, delivery, task, eventsPerDelivery](int d) {
            const QByteArray requestId = floorRequestId(d);
            const QByteArray at = floorNow();
            sqlite3_bind_text(delivery, 1, requestId.constData(), int(requestId.size()), SQLITE_STATIC);
            sqlite3_bind_text(delivery, 2, at.constData(), int(at.size()), SQLITE_STATIC);
            sqlite3_bind_int(delivery, 3, eventsPerDelivery);
            bool ok = sqlite3_step(delivery) == SQLITE_DONE;
            sqlite3_reset(delivery);
            for (int e = 0; ok && e < eventsPerDelivery; ++e) {
                const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
                sqlite3_bind_text(task, 1, id.constData(), int(id.size()), SQLITE_STATIC);
                sqlite3_bind_text(task, 2, requestId.constData(), int(requestId.size()), SQLITE_STATIC);
                sqlite3_bind_int(task, 3, e);
                for (int column = 4; column <= 6; ++column)
                    sqlite3_bind_text(task, column, at.constData(), int(at.size()), SQLITE_STATIC);
                ok = sqlite3_step(task) == SQLITE_DONE;
                sqlite3_last_insert_rowid(db); // the task's id, as the writer reads it
                sqlite3_reset(task);
            }
            return ok;
        };
        return FloorWrites{{delivery, task}, write};
    });
}

// The floor of the "one row per delivery at intake" model (its tasks made later, off the answer path): each
// delivery's request id, time and body as received, in one row.
double oneRowFloorUs(const QString &dataDir, int deliveries, const QByteArray &body, int perTransaction)
{
    return sqliteFloorUs(dataDir, "one-row floor", deliveries, perTransaction, [&body](sqlite3 *db) {
        // A rowid table with a unique request id: measured cheaper than WITHOUT ROWID for rows of a kilobyte.
        sqlite3_exec(db,
                     "CREATE TABLE intake (id INTEGER PRIMARY KEY, request_id TEXT NOT NULL UNIQUE, received_at TEXT "
                     "NOT NULL, peer TEXT, body BLOB NOT NULL)",
                     nullptr, nullptr, nullptr);
        sqlite3_stmt *insert = nullptr;
        sqlite3_prepare_v2(db,
                           "INSERT INTO intake (request_id, received_at, peer, body) VALUES (?, ?, '127.0.0.1', ?) "
                           "ON CONFLICT (request_id) DO NOTHING",
                           -1, &insert, nullptr);
        const auto write = [insert, &body](int d) {
            const QByteArray requestId = floorRequestId(d);
            const QByteArray at = floorNow();
            sqlite3_bind_text(insert, 1, requestId.constData(), int(requestId.size()), SQLITE_STATIC);
            sqlite3_bind_text(insert, 2, at.constData(), int(at.size()), SQLITE_STATIC);
            sqlite3_bind_blob(insert, 3, body.constData(), int(body.size()), SQLITE_STATIC);
            const bool ok = sqlite3_step(insert) == SQLITE_DONE;
            sqlite3_reset(insert);
            return ok;
        };
        return FloorWrites{{insert}, write};
    });
}

// The HTTP library alone: libmicrohttpd as the receiver starts it (its own polling thread, keep-alive), reading each
// request's body and answering 200 at once, with no check, no parse, no storage and no suspension. The same clients
// as the receivers; CPU µs per request, the process's minus the clients' (the kernel's loopback TCP included).
double httpFloorUs(const QByteArray &target, const QByteArray &body, int deliveries, int clients)
{
    struct Bare
    {
        static MHD_Result onRequest(void *, MHD_Connection *connection, const char *, const char *, const char *,
                                    const char *, size_t *uploadSize, void **state)
        {
            static int started = 0;
            if (!*state) { // the headers: go on to the body
                *state = &started;
                return MHD_YES;
            }
            if (*uploadSize != 0) { // a piece of the body, taken as read
                *uploadSize = 0;
                return MHD_YES;
            }
            static const char answer[] = "stored\n";
            MHD_Response *response =
                MHD_create_response_from_buffer(sizeof answer - 1, const_cast<char *>(answer), MHD_RESPMEM_PERSISTENT);
            const MHD_Result queued = MHD_queue_response(connection, MHD_HTTP_OK, response);
            MHD_destroy_response(response);
            return queued;
        }
    };
    MHD_Daemon *daemon = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG, 0, nullptr, nullptr,
                                          &Bare::onRequest, nullptr, MHD_OPTION_END);
    if (!daemon)
        return -1;
    const quint16 port = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT)->port;
    drive(port, target, body, "warm", std::min(500, deliveries / 4), clients);
    const qint64 cpuBefore = processCpuNs();
    const Load load = drive(port, target, body, "run", deliveries, clients);
    const qint64 cpu = processCpuNs() - cpuBefore - load.clientCpuNs;
    MHD_stop_daemon(daemon);
    return load.failures == 0 ? double(cpu) / 1000.0 / double(deliveries) : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SkladHook's cost per delivery against a hand-written receiver."));
    parser.addHelpOption();
    const QCommandLineOption deliveriesOption(QStringLiteral("deliveries"), QStringLiteral("Measured per receiver."),
                                              QStringLiteral("N"), QStringLiteral("4000"));
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Events per delivery."),
                                          QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"), QStringLiteral("Concurrent senders."),
                                           QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Where the databases go (a real file system, not tmpfs); "
                                                      "default: beside this executable, in the build directory."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption peerOption(QStringLiteral("peer"), QStringLiteral("The hand-written receiver (Python)."),
                                        QStringLiteral("FILE"), QStringLiteral(SKLADHOOK_BENCH_PEER));
    const QCommandLineOption historyOption(
        QStringLiteral("history"),
        QStringLiteral("Deliveries of the past 30 days already in SkladHook's store and the same-rows floor's."),
        QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({deliveriesOption, eventsOption, clientsOption, dirOption, peerOption, historyOption});
    parser.process(app);
    const int deliveries = std::max(1, parser.value(deliveriesOption).toInt());
    const int eventsPerDelivery = parser.value(eventsOption).toInt();
    const int clients = std::max(1, parser.value(clientsOption).toInt());
    const int warmup = std::min(500, deliveries / 4);
    const int history = std::max(0, parser.value(historyOption).toInt());
    const QString base = parser.isSet(dirOption) ? parser.value(dirOption) : QCoreApplication::applicationDirPath();

    QTemporaryDir dir(QDir(base).filePath(QStringLiteral("bench-intake-XXXXXX")));
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a directory in %s\n", qPrintable(base));
        return 1;
    }
    struct statfs fs
    {
    };
    const bool tmpfs = statfs(QFile::encodeName(dir.path()).constData(), &fs) == 0 && long(fs.f_type) == kTmpfsMagic;

    const QString secret = QStringLiteral("BenchSecret_abcdefghijklmnopqrstuvwxyz0123456");
    QJsonArray events;
    for (int e = 0; e < eventsPerDelivery; ++e)
        events.append(
            QJsonObject{{QStringLiteral("meta"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("customerorder")},
                                     {QStringLiteral("href"),
                                      QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/customerorder/%1")
                                          .arg(QUuid::createUuid().toString(QUuid::WithoutBraces))}}},
                        {QStringLiteral("action"), QStringLiteral("UPDATE")}});
    // As MoySklad sends them: the events and who made the change when (Moscow time).
    const QJsonObject audit{
        {QStringLiteral("meta"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("audit")},
                     {QStringLiteral("href"), QStringLiteral("https://api.moysklad.ru/api/remap/1.2/audit/"
                                                             "0c7e6c8a-0c3b-11ee-0a80-07a1000f3e21")}}},
        {QStringLiteral("uid"), QStringLiteral("admin@shop")},
        {QStringLiteral("moment"), QStringLiteral("2026-11-30 12:15:00")}};
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("auditContext"), audit}, {QStringLiteral("events"), events}})
            .toJson(QJsonDocument::Compact);
    const QByteArray target = "/shop/moysklad/customerorder/update?key=" + secret.toUtf8() + "&requestId=";

    std::printf("intake cost: %d deliveries x %d events (after %d to warm up), %d clients over loopback\n", deliveries,
                eventsPerDelivery, warmup, clients);
    std::printf("databases in %s (%s), SQLite WAL synchronous=FULL\n", qPrintable(dir.path()),
                tmpfs ? "tmpfs: fsync is free here, the figures flatter both" : "not tmpfs");
    if (history > 0)
        std::printf("SkladHook's store and the same-rows floor's hold %d deliveries of the past 30 days first; the "
                    "peer's starts empty\n",
                    history);
    std::printf("%-34s %9s %9s %8s %8s %10s %6s\n", "receiver", "deliv/s", "per txn", "p50 ms", "p99 ms", "CPU us/del",
                "!200");

    bool intact = true;
    std::optional<Figures> ours;
    {
        // SkladHook: the Service as `serve` runs it; the hook is queued, so the worker never calls MoySklad.
        const QString dataDir = QDir(dir.path()).filePath(QStringLiteral("skladhook"));
        QDir().mkpath(dataDir);
        ServiceConfig config;
        config.dataDir = dataDir;
        config.receiver.listen = QStringLiteral("127.0.0.1:0");
        config.receiver.siteUrl = QUrl(QStringLiteral("https://shop.example.com/shop/"));
        config.receiver.verificationString = secret;
        config.worker.intervalMs = 3600 * 1000;
        config.modes.insert(QStringLiteral("customerorder/UPDATE"), ExecutionMode::Queued);
        ClientConfig clientConfig;
        clientConfig.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/api/remap/1.2"));
        MoySkladClient client(clientConfig);
        if (history > 0 && !addHistory(Database::fileIn(dataDir), history))
            return 1;
        StoreWriter writer(Database::fileIn(dataDir));
        if (const auto opened = writer.start(); !opened.ok()) {
            std::fprintf(stderr, "cannot open the database: %s\n", qPrintable(opened.error()));
            return 1;
        }
        SqliteDiagnosticsLog log(&writer);
        Service service(config, ServiceParts{&writer, &log, &client, nullptr});
        if (const auto started = service.start(); !started.ok()) {
            std::fprintf(stderr, "cannot start: %s\n", qPrintable(started.error()));
            return 1;
        }
        // Intake only: processing held (as `queue pause` does), so no worker pass runs during the measurement.
        service.setHold(Service::Hold::Paused);
        const quint16 port = service.receiver()->port();
        drive(port, target, body, "warm", warmup, clients);
        writer.flush();
        const StoreWriter::Stats before = writer.stats();
        const QMap<QString, qint64> threadsBefore = threadCpuByNameNs();
        const qint64 cpuBefore = processCpuNs();
        const Load load = drive(port, target, body, "run", deliveries, clients);
        const qint64 cpu = processCpuNs() - cpuBefore - load.clientCpuNs;
        const QMap<QString, qint64> threadsAfter = threadCpuByNameNs();
        const StoreWriter::Stats after = writer.stats();
        ours = figures(QStringLiteral("SkladHook (Service, group commit)"), load,
                       after.transactions - before.transactions, cpu);
        print(*ours);
        QStringList split;
        for (auto it = threadsAfter.cbegin(); it != threadsAfter.cend(); ++it) {
            const double us = double(it.value() - threadsBefore.value(it.key())) / 1000.0 / double(deliveries);
            if (us >= 0.1)
                split.append(QStringLiteral("%1 %2").arg(it.key()).arg(us, 0, 'f', 1));
        }
        std::printf("  CPU us per delivery by thread: %s\n", qPrintable(split.join(QStringLiteral(", "))));
        service.stop();
        writer.flush();
        const qint64 stored = countRows(Database::fileIn(dataDir), QStringLiteral("SELECT count(*) FROM deliveries"));
        if (stored != history + warmup + deliveries) {
            std::printf("  SkladHook stored %lld deliveries of %d\n", stored - history, warmup + deliveries);
            intact = false;
        }
        intact = intact && ours->failures == 0;
    }
    if (ours) {
        const QString floorDir = QDir(dir.path()).filePath(QStringLiteral("floor"));
        QDir().mkpath(floorDir);
        if (history > 0 && !addHistory(Database::fileIn(floorDir), history))
            return 1;
        const int perTransaction = std::max(1, int(ours->perTransaction + 0.5));
        const double floor = sameRowsFloorUs(floorDir, deliveries, eventsPerDelivery, perTransaction);
        if (floor > 0)
            std::printf("  floor: SQLite alone writing the same rows, %d deliveries per transaction, no HTTP: %.1f CPU "
                        "us per delivery\n",
                        perTransaction, floor);
        // What the other intake model could reach at best on this machine: the HTTP library's own cost plus one row
        // per delivery.
        const QString oneRowDir = QDir(dir.path()).filePath(QStringLiteral("one-row"));
        QDir().mkpath(oneRowDir);
        const double oneRow = oneRowFloorUs(oneRowDir, deliveries, body, perTransaction);
        const double http = httpFloorUs(target, body, deliveries, clients);
        if (oneRow > 0)
            std::printf(
                "  floor: SQLite alone writing one row per delivery (its body), %d per transaction: %.1f CPU us "
                "per delivery\n",
                perTransaction, oneRow);
        if (http > 0)
            std::printf("  floor: libmicrohttpd alone answering 200 at once, same clients: %.1f CPU us per request\n",
                        http);
        if (floor > 0 && http > 0)
            std::printf("  floor of this model (HTTP alone + the same rows alone): %.1f CPU us per delivery\n",
                        floor + http);
        if (oneRow > 0 && http > 0)
            std::printf("  floor of the one-row model (HTTP alone + one row alone): %.1f CPU us per delivery\n",
                        oneRow + http);
    }

    std::optional<Figures> peer;
    // Debian's own interpreter first: a version manager's shim in PATH adds seconds to the start.
    const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
                               ? QStringLiteral("/usr/bin/python3")
                               : QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty() || !QFile::exists(parser.value(peerOption))) {
        std::printf("peer: not measured (python3 or %s missing)\n", qPrintable(parser.value(peerOption)));
    } else {
        const QString database = QDir(dir.path()).filePath(QStringLiteral("peer.db"));
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(python, {parser.value(peerOption), database, secret});
        quint16 port = 0;
        bool started = process.waitForStarted(10000);
        while (started && !process.canReadLine())
            started = process.waitForReadyRead(10000);
        if (started) {
            const QByteArray line = process.readLine().trimmed();
            if (line.startsWith("port "))
                port = quint16(line.mid(5).toUInt());
        }
        if (port == 0) {
            std::fprintf(stderr, "the peer did not start\n");
            process.kill();
            process.waitForFinished(5000);
            return 1;
        }
        drive(port, target, body, "warm", warmup, clients);
        const qint64 cpuBefore = otherProcessCpuNs(process.processId());
        const Load load = drive(port, target, body, "run", deliveries, clients);
        const qint64 cpu = otherProcessCpuNs(process.processId()) - cpuBefore;
        // One transaction per delivery, by construction.
        peer = figures(QStringLiteral("peer (Python http.server+sqlite3)"), load, quint64(deliveries), cpu);
        print(*peer);
        process.terminate();
        process.waitForFinished(10000);
        const qint64 stored = countRows(database, QStringLiteral("SELECT count(*) FROM deliveries"));
        if (stored != warmup + deliveries) {
            std::printf("  the peer stored %lld deliveries of %d\n", stored, warmup + deliveries);
            intact = false;
        }
    }

    if (ours && peer && peer->perSecond > 0 && ours->cpuUs > 0)
        std::printf("ratio: %.1fx the peer's deliveries/s, %.2fx its p99, %.1fx less CPU per delivery\n",
                    ours->perSecond / peer->perSecond, ours->p99Ms / peer->p99Ms, peer->cpuUs / ours->cpuUs);
    std::printf("targets (issue 11, not enforced): >= 4x deliveries/s, p99 <= 10 ms, <= 60 us CPU per delivery\n");
    return intact ? 0 : 1;
}
