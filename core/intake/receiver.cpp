// SPDX-License-Identifier: GPL-3.0-or-later
#include "intake/receiver.h"

#include "common/diagnosticslog.h"
#include "common/logcategories.h"
#include "common/logtext.h"
#include "common/metriccounters.h"
#include "intake/delivery.h"
#include "intake/deliveryparser.h"
#include "intake/testdeliverymark.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

namespace {

// The answers are tiny on purpose: MoySklad reads only the status.
struct Answer final
{
    unsigned status = 0;
    const char *body = "";
};

constexpr Answer kStored{MHD_HTTP_OK, "stored\n"};
constexpr Answer kDuplicate{MHD_HTTP_OK, "duplicate\n"};
constexpr Answer kTestDelivery{MHD_HTTP_OK, "test delivery received\n"};
// A 400 says which rule the request broke (whoever sends it by hand reads the body); never what it carried.
constexpr Answer kNoRequestId{MHD_HTTP_BAD_REQUEST, "bad request: no requestId in the URL\n"};
constexpr Answer kNotADelivery{MHD_HTTP_BAD_REQUEST, "bad request: the body is not a MoySklad delivery\n"};
constexpr Answer kForbidden{MHD_HTTP_FORBIDDEN, "forbidden\n"};
constexpr Answer kNotFound{MHD_HTTP_NOT_FOUND, "not found\n"};
constexpr Answer kMethodNotAllowed{MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed\n"};
constexpr Answer kTooLarge{MHD_HTTP_CONTENT_TOO_LARGE, "too large\n"};
// Not stored (a full disk, a failed commit): 503, a temporary state, so that MoySklad retries.
constexpr Answer kFailed{MHD_HTTP_SERVICE_UNAVAILABLE, "not stored, try again\n"};
constexpr Answer kUnavailable{MHD_HTTP_SERVICE_UNAVAILABLE, "try again\n"};

constexpr int kCountersCoalesceMs = 50;

// The verification string is compared as SHA-256 digests: comparing them byte by byte can only tell how much of a
// digest matched, never how much of the string. An HMAC under a random key did the same at four times the cost, on
// every delivery (issue 11).
QByteArray secretDigest(QByteArrayView secret)
{
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256);
}

QString socketError(int error)
{
    switch (error) {
    case EADDRINUSE:
        return QStringLiteral("address in use");
    case EADDRNOTAVAIL:
        return QStringLiteral("address not available on this machine");
    case EACCES:
        return QStringLiteral("permission denied (ports below 1024 need privileges)");
    default:
        return qt_error_string(error);
    }
}

QString hostPort(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

// Any header value shown in the log: printable ASCII, short.
QString printable(const char *value, qsizetype maxLength = 100)
{
    QString text = QString::fromLatin1(value).left(maxLength);
    for (QChar &c : text) {
        if (c < u' ' || c > u'~')
            c = u'?';
    }
    return text;
}

void raiseOpenFileLimit(rlim_t wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= wanted)
        return;
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
}

rlim_t openFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    return limit.rlim_cur;
}

} // namespace

// Everything the library's thread and the sink's `done` callbacks touch. Shared with those callbacks, so a late
// `done` after stop() (or after the Receiver is gone) finds valid memory and does nothing.
struct Receiver::Engine final : std::enable_shared_from_this<Receiver::Engine>
{
    // A delivery handed to the sink and not answered yet. `resolved` and `answer` are written under Engine::mutex; the
    // rest is set before the entry is shared. It carries what the log needs: the Request is freed with the connection.
    struct Pending final
    {
        MHD_Connection *connection = nullptr;
        std::atomic<bool> resolved{false}; // set after `answer`, under Engine::mutex; read without it once resumed
        Answer answer;
        std::chrono::steady_clock::time_point deadline; // answered 503 by the sweeper when the sink is not done by then
        QElapsedTimer elapsed;
        qsizetype events = 0;
        QString requestId;
        QString hook; // "customerorder/UPDATE"
    };

    // One HTTP request (MHD's per-request closure).
    struct Request final
    {
        QByteArray body;
        QString peer;
        QString hookEntityType;
        QString hookAction;
        QString requestId;
        std::shared_ptr<Pending> pending; // set once the delivery went to the sink
    };

    enum class Outcome { Stored, Duplicate, Failed, TimedOut };

    ReceiverConfig config;
    DeliverySink *sink = nullptr;
    DiagnosticsLog *log = nullptr;
    MetricCounters *metrics = nullptr; // may be null
    const Clock *clock = nullptr;
    DeliveryParser parser;

    std::mutex mutex; // guards the members below up to `owner`, and `log` once running
    bool stopping = false;
    // Every delivery handed to the sink, oldest first. One timeout for all makes this deadline order too, so a single
    // sweeper thread sleeps until the oldest unanswered one's deadline instead of a timer per request. Answered
    // entries leave from the front as the sweeper passes them.
    std::deque<std::shared_ptr<Pending>> pending;
    std::condition_variable sweepWake;
    bool sweeperStopping = false;
    Receiver *owner = nullptr;

    // What is served, guarded apart from the answers: every request reads it, and under `mutex` it waited behind
    // the writer's answers (MHD_resume_connection) of a whole group commit.
    std::mutex servedMutex;
    QByteArray expectedDigest;
    QByteArray previousDigest; // a rotation in progress: the string the hooks may still carry
    QString prefix;            // the site's path, served
    QString previousPrefix;    // a site move in progress: the path the hooks may still point at

    std::atomic<quint64> accepted{0}, duplicates{0}, testDeliveries{0}, forbidden{0}, badRequest{0}, tooLarge{0},
        notFound{0}, methodNotAllowed{0}, failed{0}, timedOut{0};
    std::atomic<bool> countersNotified{false};

    MHD_Daemon *daemon = nullptr;
    std::thread sweeper; // answers 503 when the sink misses sinkTimeoutMs, independent of the owner's event loop

    explicit Engine(int maxEvents)
        : parser(maxEvents)
    {}

    ~Engine() { stopSweeper(); }

    void stopSweeper()
    {
        {
            std::lock_guard lock(mutex);
            sweeperStopping = true;
        }
        sweepWake.notify_all();
        if (sweeper.joinable())
            sweeper.join();
    }

    void sweep()
    {
        std::unique_lock lock(mutex);
        while (!sweeperStopping) {
            while (!pending.empty() && pending.front()->resolved)
                pending.pop_front();
            if (pending.empty()) {
                sweepWake.wait(lock);
                continue;
            }
            const std::shared_ptr<Pending> oldest = pending.front();
            if (std::chrono::steady_clock::now() < oldest->deadline) {
                sweepWake.wait_until(lock, oldest->deadline);
                continue;
            }
            pending.pop_front();
            lock.unlock();
            finish(oldest, Outcome::TimedOut);
            lock.lock();
        }
    }

    // --- logging and counters -------------------------------------------------------------------------------

    void write(LogLevel level, const LogText &message, const Request *request, const QString &details = {})
    {
        const QString hook = request && !request->hookEntityType.isEmpty()
                                 ? request->hookEntityType + QLatin1Char('/') + request->hookAction
                                 : QString();
        write(level, message, request ? request->requestId : QString(), hook, details);
    }

    void write(LogLevel level, const LogText &message, const QString &requestId, const QString &hook,
               const QString &details = {})
    {
        qCDebug(lcIntake).noquote() << message.english();
        if (!log)
            return;
        log->write(LogEntry::make(level, QStringLiteral("intake"), message)
                       .withDetails(details)
                       .withRequestId(requestId)
                       .withHook(hook));
    }

    void count(std::atomic<quint64> &counter)
    {
        ++counter;
        // One queued notification at a time: a flood of refused requests does not flood the owner's thread.
        if (countersNotified.exchange(true))
            return;
        std::lock_guard lock(mutex);
        if (!owner)
            return;
        // And at most one per kCountersCoalesceMs: under load the owner's thread wakes a few times a second, not
        // once per answer.
        QMetaObject::invokeMethod(
            owner,
            [weak = weak_from_this(), receiver = owner] {
                QTimer::singleShot(kCountersCoalesceMs, receiver, [weak, receiver] {
                    if (const std::shared_ptr<Engine> engine = weak.lock())
                        engine->countersNotified = false;
                    Q_EMIT receiver->countersChanged();
                });
            },
            Qt::QueuedConnection);
    }

    ReceiverCounters snapshot() const
    {
        ReceiverCounters c;
        c.accepted = accepted;
        c.duplicates = duplicates;
        c.testDeliveries = testDeliveries;
        c.forbidden = forbidden;
        c.badRequest = badRequest;
        c.tooLarge = tooLarge;
        c.notFound = notFound;
        c.methodNotAllowed = methodNotAllowed;
        c.failed = failed;
        c.timedOut = timedOut;
        return c;
    }

    // --- answering ------------------------------------------------------------------------------------------

    static MHD_Result answer(MHD_Connection *connection, const Answer &answer)
    {
        MHD_Response *response = MHD_create_response_from_buffer(
            std::strlen(answer.body), const_cast<char *>(answer.body), MHD_RESPMEM_PERSISTENT);
        if (!response)
            return MHD_NO;
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, "text/plain; charset=utf-8");
        if (answer.status == MHD_HTTP_METHOD_NOT_ALLOWED)
            MHD_add_response_header(response, MHD_HTTP_HEADER_ALLOW, "POST");
        const MHD_Result queued = MHD_queue_response(connection, answer.status, response);
        MHD_destroy_response(response);
        return queued;
    }

    // A refused request writes no log row of its own: a flood must not grow the database or keep the writer from
    // real deliveries. It is counted per minute by status, cause and peer (MetricsRecorder writes one summary row a
    // minute at most); the debug category still shows each one.
    void countRefusal(std::atomic<quint64> &counter, unsigned status, const char *cause, const Request *request,
                      const QString &detail = {})
    {
        qCDebug(lcIntake).noquote() << "refused" << status << cause << "from" << request->peer << detail;
        if (metrics)
            metrics->add(Metric::RequestsRefused,
                         QStringLiteral("%1 %2 from %3").arg(status).arg(QLatin1String(cause), request->peer));
        count(counter);
    }

    MHD_Result refuse(MHD_Connection *connection, const Answer &reply, std::atomic<quint64> &counter, const char *cause,
                      const Request *request, const QString &detail = {})
    {
        countRefusal(counter, reply.status, cause, request, detail);
        return answer(connection, reply);
    }

    // The sink answered, or the time ran out, or the receiver stops: the first of them decides the answer. The log
    // is written under the lock, so that stop() (which clears `log` under it) never races a late answer. A stored
    // delivery writes no row here: its deliveries row (hook, peer, events, times) is the record, and the minute's
    // counters count it.
    void finish(const std::shared_ptr<Pending> &entry, Outcome outcome)
    {
        static const Answer answers[] = {kStored, kDuplicate, kFailed, kUnavailable};
        {
            std::lock_guard lock(mutex);
            if (entry->resolved)
                return;
            entry->answer = answers[int(outcome)];
            entry->resolved.store(true, std::memory_order_release);
            // Still suspended (stop() resolves every entry before it stops the daemon): the connection is alive.
            MHD_resume_connection(entry->connection);

            switch (outcome) {
            case Outcome::Stored:
            case Outcome::Duplicate:
                break; // counted only
            case Outcome::Failed:
                write(LogLevel::Error,
                      LogText(QT_TRANSLATE_NOOP("LogMessage", "Delivery could not be stored, answered 503 so that "
                                                              "MoySklad retries (%1 ms)"),
                              entry->elapsed.elapsed()),
                      entry->requestId, entry->hook);
                break;
            case Outcome::TimedOut:
                write(LogLevel::Warning,
                      LogText(QT_TRANSLATE_NOOP("LogMessage", "Delivery not committed within %1 ms, answered 503 so "
                                                              "that MoySklad retries"),
                              config.sinkTimeoutMs),
                      entry->requestId, entry->hook);
                break;
            }
        }
        std::atomic<quint64> *counters[] = {&accepted, &duplicates, &failed, &timedOut};
        count(*counters[int(outcome)]);
        if (metrics) {
            static const Metric metricOf[] = {Metric::DeliveriesStored, Metric::DeliveriesRedelivered,
                                              Metric::DeliveriesUnavailable, Metric::DeliveriesUnavailable};
            metrics->add(metricOf[int(outcome)]);
            if (outcome == Outcome::Stored || outcome == Outcome::Duplicate)
                metrics->observeAnswerTime(entry->elapsed.nsecsElapsed() / 1000);
        }
    }

    // --- the request handler (MHD's thread) --------------------------------------------------------------------

    MHD_Result onRequest(MHD_Connection *connection, const char *url, const char *method, const char *uploadData,
                         size_t *uploadDataSize, void **closure)
    {
        auto *request = static_cast<Request *>(*closure);
        if (!request) {
            request = new Request;
            *closure = request;
            return onHeaders(connection, url, method, request);
        }
        if (request->pending) {
            // Resumed: the sink answered (or time ran out). Read without the lock, which the writer holds while it
            // resumes a whole group's connections: `resolved` is published after `answer`.
            if (!request->pending->resolved.load(std::memory_order_acquire)) {
                MHD_suspend_connection(connection);
                return MHD_YES;
            }
            return answer(connection, request->pending->answer);
        }
        if (*uploadDataSize > 0) {
            const size_t size = *uploadDataSize;
            *uploadDataSize = 0;
            if (request->body.size() + qint64(size) > config.maxBodyBytes) {
                // Only a chunked body gets here (a declared length was checked up front). libmicrohttpd 0.9.75
                // cannot answer in the middle of an upload: close the connection instead of buffering more.
                countRefusal(tooLarge, MHD_HTTP_CONTENT_TOO_LARGE, "body too large", request);
                return MHD_NO;
            }
            request->body.append(uploadData, qsizetype(size));
            return MHD_YES;
        }
        return onBody(connection, request);
    }

    MHD_Result onHeaders(MHD_Connection *connection, const char *url, const char *method, Request *request)
    {
        if (const MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS)) {
            char text[INET_ADDRSTRLEN];
            if (info->client_addr->sa_family == AF_INET &&
                inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(info->client_addr)->sin_addr, text,
                          sizeof text)) {
                request->peer = QString::fromLatin1(text); // on every request: without QHostAddress's work
            } else {
                QHostAddress address(info->client_addr);
                bool mapped = false;
                const quint32 v4 = address.toIPv4Address(&mapped); // "::ffff:1.2.3.4" on a dual-stack socket
                request->peer = (mapped ? QHostAddress(v4) : address).toString();
            }
        }
        if (const char *forwarded = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "X-Forwarded-For"))
            request->peer += QStringLiteral(" (X-Forwarded-For %1)").arg(printable(forwarded));

        const QString path = QString::fromUtf8(url);
        // Behind a proxy that strips the site's path the hook path arrives at the root: accept both.
        QString served;
        QString previous; // a site move in progress: the hooks MoySklad still has point below the previous path
        {
            std::lock_guard lock(servedMutex);
            served = prefix;
            previous = previousPrefix;
        }
        QString relative;
        if (path.startsWith(served))
            relative = path.mid(served.size());
        if (relative.isEmpty() && !previous.isEmpty() && path.startsWith(previous))
            relative = path.mid(previous.size());
        if (relative.isEmpty() && path.startsWith(u"/moysklad/"))
            relative = path.mid(1);
        if (relative.isEmpty() ||
            !DeliveryParser::parseHookPath(relative, &request->hookEntityType, &request->hookAction))
            return refuse(connection, kNotFound, notFound, "not a hook path", request,
                          printable(method, 16) + QLatin1Char(' ') + printable(url, 200));
        if (std::strcmp(method, MHD_HTTP_METHOD_POST) != 0)
            return refuse(connection, kMethodNotAllowed, methodNotAllowed, "method not allowed", request,
                          printable(method, 16));

        const char *requestId = MHD_lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, "requestId");
        if (requestId)
            request->requestId = printable(requestId);

        const char *key = MHD_lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, "key");
        bool keyMatches = false;
        if (key) {
            const QByteArray digest = secretDigest(QByteArrayView(key));
            std::lock_guard lock(servedMutex);
            keyMatches = (!expectedDigest.isEmpty() && digest == expectedDigest) ||
                         (!previousDigest.isEmpty() && digest == previousDigest);
        }
        if (!keyMatches)
            return refuse(connection, kForbidden, forbidden,
                          key && *key ? "wrong verification string" : "no verification string", request);

        if (request->requestId.isEmpty())
            return refuse(connection, kNoRequestId, badRequest, "no requestId", request);

        if (const char *length =
                MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH)) {
            bool ok = false;
            const qint64 declared = QByteArrayView(length).trimmed().toLongLong(&ok);
            if (!ok || declared > config.maxBodyBytes)
                // Answered before the body is read: libmicrohttpd then skips the upload and closes.
                return refuse(connection, kTooLarge, tooLarge, "body too large", request, printable(length, 32));
            request->body.reserve(qsizetype(declared));
        }
        return MHD_YES;
    }

    MHD_Result onBody(MHD_Connection *connection, Request *request)
    {
        Result<Delivery, QString> parsed = parser.parse(request->body);
        if (!parsed)
            return refuse(connection, kNotADelivery, badRequest, "malformed body", request, parsed.error());
        request->body = {};

        Delivery delivery = std::move(parsed).value();
        delivery.requestId = request->requestId;
        delivery.hookEntityType = request->hookEntityType;
        delivery.hookAction = request->hookAction;
        delivery.peer = request->peer;
        delivery.receivedAt = clock->utcNow();
        delivery.arrival.start();
        const qsizetype events = delivery.events.size();

        if (TestDeliveryMark::isMarked(delivery.requestId)) {
            // Checked like a real delivery up to here; it goes no further than the log, which the sender reads.
            {
                std::lock_guard lock(mutex);
                if (log)
                    log->write(TestDeliveryMark::record(
                        delivery.requestId, request->hookEntityType + QLatin1Char('/') + request->hookAction,
                        request->peer, events));
            }
            count(testDeliveries);
            return answer(connection, kTestDelivery);
        }

        auto entry = std::make_shared<Pending>();
        entry->connection = connection;
        entry->elapsed.start();
        entry->deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(config.sinkTimeoutMs);
        entry->events = events;
        entry->requestId = request->requestId;
        if (!request->hookEntityType.isEmpty())
            entry->hook = request->hookEntityType + QLatin1Char('/') + request->hookAction;
        {
            std::lock_guard lock(mutex);
            if (stopping)
                return answer(connection, kUnavailable);
            pending.push_back(entry);
            MHD_suspend_connection(connection);
            // Only a first entry changes the sweeper's wake-up time: any later one's deadline comes after it.
            if (pending.size() == 1)
                sweepWake.notify_one();
        }
        request->pending = entry;

        sink->persist(std::move(delivery), [engine = shared_from_this(), entry](PersistOutcome outcome) {
            const Outcome mapped = outcome == PersistOutcome::Stored      ? Outcome::Stored
                                   : outcome == PersistOutcome::Duplicate ? Outcome::Duplicate
                                                                          : Outcome::Failed;
            engine->finish(entry, mapped);
        });
        return MHD_YES;
    }

    static MHD_Result onRequestThunk(void *cls, MHD_Connection *connection, const char *url, const char *method,
                                     const char * /*version*/, const char *uploadData, size_t *uploadDataSize,
                                     void **closure)
    {
        return static_cast<Engine *>(cls)->onRequest(connection, url, method, uploadData, uploadDataSize, closure);
    }

    static void onCompleted(void * /*cls*/, MHD_Connection * /*connection*/, void **closure,
                            MHD_RequestTerminationCode /*code*/)
    {
        delete static_cast<Request *>(*closure);
        *closure = nullptr;
    }

    static void onLibraryMessage(void * /*cls*/, const char *format, va_list arguments)
    {
        char text[512];
        std::vsnprintf(text, sizeof text, format, arguments);
        qCDebug(lcIntake) << "libmicrohttpd:" << QByteArrayView(text).trimmed();
    }
};

Receiver::Receiver(DeliverySink *sink, DiagnosticsLog *log, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_sink(sink)
    , m_clock(clock)
    , m_log(log)
{
    Q_ASSERT(sink);
}

Receiver::~Receiver()
{
    stop();
}

Result<std::pair<QHostAddress, quint16>, QString> Receiver::parseListenAddress(const QString &listen)
{
    const QString text = listen.trimmed();
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return QStringLiteral("\"%1\" is not host:port").arg(listen);
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(u':'))
        return QStringLiteral("\"%1\": write an IPv6 address in brackets, [::1]:8765").arg(listen);
    bool ok = false;
    const uint port = QStringView(text).mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return QStringLiteral("\"%1\": the port must be a number from 0 to 65535").arg(listen);
    QHostAddress address;
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return QStringLiteral("\"%1\": \"%2\" is not an IP address").arg(listen, host);
    return std::pair{address, quint16(port)};
}

QString Receiver::pathPrefixOf(const QUrl &siteUrl)
{
    QString path = siteUrl.path(QUrl::FullyDecoded);
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    if (!path.endsWith(u'/'))
        path.append(u'/');
    return path;
}

Result<Done, QString> Receiver::start(const ReceiverConfig &config)
{
    // A running receiver keeps serving where it is until the new address is bound and serving: a busy port or a
    // refused address (a setting changed while it runs) leaves the deliveries flowing where they did, with the error
    // said, instead of nowhere.
    const auto fail = [this](const QString &reason) -> Result<Done, QString> {
        if (m_engine) {
            // Said once: a retry that fails the same way (the port still busy) adds no row.
            if (m_log && std::exchange(m_lastMoveFailure, reason) != reason)
                m_log->write(LogEntry::error(
                    QStringLiteral("intake"),
                    LogText(QT_TRANSLATE_NOOP("LogMessage", "Receiver not moved: %1; it keeps serving %2"), reason,
                            m_address)));
            return reason;
        }
        setState(State::Error, reason);
        if (m_log)
            m_log->write(LogEntry::error(QStringLiteral("intake"),
                                         LogText(QT_TRANSLATE_NOOP("LogMessage", "Receiver not started: %1"), reason)));
        return reason;
    };

    const auto parsed = parseListenAddress(config.listen);
    if (!parsed)
        return fail(parsed.error());
    const auto [address, wantedPort] = parsed.value();
    if (!address.isLoopback() && !config.allowAllInterfaces)
        return fail(QStringLiteral("%1 is not a loopback address; listening beyond this machine needs the explicit "
                                   "opt-in to all interfaces")
                        .arg(hostPort(address, wantedPort)));
    if (config.verificationString.isEmpty())
        return fail(QStringLiteral("no verification string is set"));
    if (config.maxBodyBytes <= 0 || config.maxHeaderBytes < 1024 || config.idleTimeoutSeconds <= 0 ||
        config.maxConnections <= 0 || config.maxConnectionsPerIp < 0 || config.sinkTimeoutMs <= 0 ||
        config.maxEventsPerDelivery <= 0)
        return fail(QStringLiteral("invalid receiver limits"));

    // The socket is ours, so a bind error says exactly why ("address in use") and the bound port is known.
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (v6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(wantedPort);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        length = sizeof(sockaddr_in6);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(wantedPort);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const bool dualStack = address == QHostAddress(QHostAddress::AnyIPv6); // "[::]" takes IPv4 clients too
    // A listening socket, or -errno.
    const auto bound = [&]() -> int {
        const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (fd < 0)
            return -errno;
        const int on = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        if (v6) {
            const int v6only = dualStack ? 0 : 1;
            ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof v6only);
        }
        if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 || ::listen(fd, SOMAXCONN) != 0) {
            const int error = errno;
            ::close(fd);
            return -error;
        }
        return fd;
    };
    int fd = bound();
    // Our own socket holds the port (the same address again, or another address of the same port): the old engine
    // must let it go first.
    if (fd == -EADDRINUSE && m_engine && wantedPort == m_port) {
        stop();
        fd = bound();
    }
    if (fd < 0)
        return fail(hostPort(address, wantedPort) + QStringLiteral(": ") + socketError(-fd));
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length);
    const quint16 port = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port
                                  : reinterpret_cast<sockaddr_in *>(&storage)->sin_port);

    // Every connection is a descriptor: make room for the configured number (plus the database, the log…).
    constexpr rlim_t reserve = 128;
    raiseOpenFileLimit(rlim_t(config.maxConnections) + reserve);
    const rlim_t available = openFileLimit();
    const unsigned connectionLimit = unsigned(
        std::min<rlim_t>(rlim_t(config.maxConnections), available > 2 * reserve ? available - reserve : available / 2));

    auto engine = std::make_shared<Engine>(config.maxEventsPerDelivery);
    engine->config = config;
    engine->prefix = pathPrefixOf(config.siteUrl);
    if (!config.previousSiteUrl.isEmpty() && pathPrefixOf(config.previousSiteUrl) != engine->prefix)
        engine->previousPrefix = pathPrefixOf(config.previousSiteUrl);
    engine->sink = m_sink;
    engine->log = m_log;
    engine->metrics = m_metrics;
    engine->clock = &m_clock;
    engine->owner = this;
    engine->expectedDigest = secretDigest(config.verificationString.toUtf8());
    if (!config.previousVerificationString.isEmpty())
        engine->previousDigest = secretDigest(config.previousVerificationString.toUtf8());
    engine->sweeper = std::thread([raw = engine.get()] { raw->sweep(); });

    engine->daemon = MHD_start_daemon(
        MHD_USE_AUTO_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG | (v6 ? MHD_USE_IPv6 : 0), 0,
        nullptr, nullptr, &Engine::onRequestThunk, engine.get(), MHD_OPTION_LISTEN_SOCKET, MHD_socket(fd),
        MHD_OPTION_CONNECTION_LIMIT, connectionLimit, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        unsigned(config.maxConnectionsPerIp), MHD_OPTION_CONNECTION_TIMEOUT, unsigned(config.idleTimeoutSeconds),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, size_t(config.maxHeaderBytes), MHD_OPTION_NOTIFY_COMPLETED,
        &Engine::onCompleted, engine.get(), MHD_OPTION_EXTERNAL_LOGGER, &Engine::onLibraryMessage, engine.get(),
        MHD_OPTION_END);
    if (!engine->daemon) {
        // Not closed here: libmicrohttpd closes a listen socket it was given on its failure paths.
        return fail(hostPort(address, port) + QStringLiteral(": the HTTP server library could not start"));
    }

    stop(); // the old engine, if any: the new one serves from now on
    m_lastMoveFailure.clear();
    m_engine = std::move(engine);
    m_address = hostPort(address, port);
    m_port = port;
    setState(State::Listening);
    m_engine->write(
        LogLevel::Info,
        m_engine->previousPrefix.isEmpty()
            ? LogText(QT_TRANSLATE_NOOP("LogMessage", "Receiver listening on %1, serving %2"), m_address,
                      m_engine->prefix)
            : LogText(
                  QT_TRANSLATE_NOOP("LogMessage", "Receiver listening on %1, serving %2 and, while the site moves, %3"),
                  m_address, m_engine->prefix, m_engine->previousPrefix),
        nullptr);
    return Done{};
}

void Receiver::stop()
{
    if (!m_engine)
        return;
    const std::shared_ptr<Engine> engine = std::move(m_engine);
    {
        // Nothing may stay suspended when the daemon stops: answer what still waits for the sink with 503.
        std::lock_guard lock(engine->mutex);
        engine->stopping = true;
        engine->owner = nullptr;
        for (const std::shared_ptr<Engine::Pending> &entry : engine->pending) {
            if (entry->resolved)
                continue;
            entry->answer = kUnavailable;
            entry->resolved.store(true, std::memory_order_release);
            MHD_resume_connection(entry->connection);
            ++engine->timedOut;
        }
        engine->pending.clear();
    }
    MHD_stop_daemon(engine->daemon);
    engine->daemon = nullptr;
    engine->stopSweeper();
    m_lastCounters = engine->snapshot();
    {
        // The sink and the log may go away after stop(): a late `done` must not reach them.
        std::lock_guard lock(engine->mutex);
        engine->write(LogLevel::Info, LogText(QT_TRANSLATE_NOOP("LogMessage", "Receiver stopped")), nullptr);
        engine->log = nullptr;
        engine->sink = nullptr;
    }
    m_address.clear();
    m_port = 0;
    if (m_state != State::Error)
        setState(State::Stopped);
}

Receiver::State Receiver::state() const
{
    return m_state;
}

QString Receiver::errorString() const
{
    return m_error;
}

QString Receiver::listenAddress() const
{
    return m_address;
}

quint16 Receiver::port() const
{
    return m_port;
}

QString Receiver::pathPrefix() const
{
    if (!m_engine)
        return {};
    std::lock_guard lock(m_engine->servedMutex);
    return m_engine->prefix;
}

QString Receiver::previousPathPrefix() const
{
    if (!m_engine)
        return {};
    std::lock_guard lock(m_engine->servedMutex);
    return m_engine->previousPrefix;
}

void Receiver::setSites(const QUrl &siteUrl, const QUrl &previousSiteUrl)
{
    if (!m_engine)
        return;
    const QString prefix = pathPrefixOf(siteUrl);
    const QString previous = previousSiteUrl.isEmpty() ? QString() : pathPrefixOf(previousSiteUrl);
    std::lock_guard lock(m_engine->servedMutex);
    m_engine->prefix = prefix;
    m_engine->previousPrefix = previous == prefix ? QString() : previous;
}

ReceiverCounters Receiver::counters() const
{
    return m_engine ? m_engine->snapshot() : m_lastCounters;
}

void Receiver::setVerificationString(const QString &secret, const QString &previous)
{
    if (!m_engine)
        return;
    const QByteArray digest = secret.isEmpty() ? QByteArray() : secretDigest(secret.toUtf8());
    const QByteArray previousDigest = previous.isEmpty() ? QByteArray() : secretDigest(previous.toUtf8());
    std::lock_guard lock(m_engine->servedMutex);
    m_engine->expectedDigest = digest;
    m_engine->previousDigest = previousDigest;
}

void Receiver::setState(State state, const QString &error)
{
    const bool changed = state != m_state || error != m_error;
    m_state = state;
    m_error = error;
    if (changed)
        Q_EMIT stateChanged(state);
}
