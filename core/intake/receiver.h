// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class DeliverySink;
class DiagnosticsLog;
class MetricCounters;

// How the receiver listens and what it accepts. Defaults are the limits issue 4 asks for.
struct ReceiverConfig final
{
    static constexpr int defaultMaxConnectionsPerIp = 64;

    QString listen = QStringLiteral("127.0.0.1:8765"); // "host:port", "[::1]:port"; port 0 = chosen by the OS
    bool allowAllInterfaces = false;                   // a non-loopback listen address is refused without this opt-in
    QUrl siteUrl; // its path is the prefix served: https://shop/skladhook/ → /skladhook/
    // A site URL being replaced (a move in progress): its path is served too, until the hooks point at the new one.
    QUrl previousSiteUrl;
    QString verificationString; // the `key` of our hook URLs; may be changed later, see setVerificationString()
    // Accepted too while a new verification string replaces it (hooks not updated yet); empty: none.
    QString previousVerificationString;
    qint64 maxBodyBytes = 1024 * 1024;
    int maxHeaderBytes = 16 * 1024; // the connection's memory pool; larger headers are refused by MHD
    int idleTimeoutSeconds = 10;    // a connection silent this long is closed
    int maxConnections = 1000;      // at once; more wait in the kernel's backlog until one closes
    // At once from one address; more are closed on arrival (0 = no limit). MoySklad sends from a few addresses and
    // waits for each answer, so it needs a handful; a client that opens hundreds is a flood. Behind a reverse proxy
    // on loopback every request comes from the proxy's address, so the limit must stay above the proxy's
    // connections to us: 64 answers 10,000 deliveries/s at 6 ms each, above nginx's usual upstream keepalive pools.
    int maxConnectionsPerIp = defaultMaxConnectionsPerIp;
    int sinkTimeoutMs = 1200;        // no answer from the sink by then → 503, so MoySklad retries in time
    int maxEventsPerDelivery = 5000; // a 1 MiB body holds about that many events
};

// Counts since start() (after stop(): of the last run).
struct ReceiverCounters final
{
    quint64 accepted = 0;         // 200, stored
    quint64 duplicates = 0;       // 200, requestId seen before
    quint64 testDeliveries = 0;   // 200, a marked requestId (TestDeliveryMark): logged, not stored
    quint64 forbidden = 0;        // 403, wrong or missing verification string
    quint64 badRequest = 0;       // 400, malformed JSON, wrong shape, no requestId
    quint64 tooLarge = 0;         // 413
    quint64 notFound = 0;         // 404, a path that is not one of our hook paths
    quint64 methodNotAllowed = 0; // 405
    quint64 failed = 0;           // 503, the sink could not commit (a full disk…)
    quint64 timedOut = 0;         // 503, the sink did not answer within sinkTimeoutMs (or the receiver stopped)

    quint64 rejected() const
    {
        return forbidden + badRequest + tooLarge + notFound + methodNotAllowed + failed + timedOut;
    }
};

// The embedded HTTP receiver of MoySklad's deliveries (libmicrohttpd, event-driven, one internal polling thread).
// Checks path, method, verification string, requestId, size and JSON shape, hands the Delivery to the sink and
// answers 200 only after the sink reported it committed. Requests are served on libmicrohttpd's thread and the
// sink's `done` may come from any thread; the object itself (every member function) belongs to the thread that
// created it, and its signals are emitted in that thread.
class Receiver final : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Listening, Error };
    Q_ENUM(State)

    // sink must outlive the receiver (or at least its stop()); log may be null.
    explicit Receiver(DeliverySink *sink, DiagnosticsLog *log = nullptr, const Clock &clock = Clock::system(),
                      QObject *parent = nullptr);
    ~Receiver() override; // stops

    // Binds and starts serving. On failure the state is Error and the message says why, e.g.
    // "127.0.0.1:8765: address in use". Starting a running receiver restarts it with the new config.
    Result<Done, QString> start(const ReceiverConfig &config);
    // Stops serving. Deliveries still waiting for the sink are answered 503 or cut off, never 200: MoySklad retries
    // them, and one the sink commits after all comes back as a duplicate.
    void stop();

    // Where deliveries, refusals (by status, cause and peer) and answer times are counted per minute; from the next
    // start() on. Must outlive the receiver's run; null: not counted.
    void setMetrics(MetricCounters *metrics) { m_metrics = metrics; }

    State state() const;
    QString errorString() const;        // why the state is Error; empty otherwise
    QString listenAddress() const;      // as bound, "127.0.0.1:8765" (the real port when 0 was asked); empty when
                                        // not listening
    quint16 port() const;               // the bound port, 0 when not listening
    QString pathPrefix() const;         // "/skladhook/"
    QString previousPathPrefix() const; // served too while a site move lasts; empty when none
    ReceiverCounters counters() const;

    // While listening: takes effect for the next request (an empty string refuses every delivery).
    // `previous`, when not empty, is accepted alongside `secret` (a rotation in progress).
    void setVerificationString(const QString &secret, const QString &previous = {});
    // While listening: the site's path (and, while a site move lasts, the previous site's path beside it; an empty
    // URL for none) served from the next request on, without a restart: the port and the connections stay.
    void setSites(const QUrl &siteUrl, const QUrl &previousSiteUrl);

    // "host:port" → address and port; "localhost" is 127.0.0.1. Error text for the user otherwise.
    static Result<std::pair<QHostAddress, quint16>, QString> parseListenAddress(const QString &listen);
    // https://shop.example.com/skladhook → "/skladhook/"; an empty or missing path → "/".
    static QString pathPrefixOf(const QUrl &siteUrl);

Q_SIGNALS:
    // Listening (address as bound), Stopped, or Error (reason in errorString()).
    void stateChanged(Receiver::State state);
    // After answered requests (at most one in 50 ms, later while the owner's thread is busy); read counters().
    void countersChanged();

private:
    struct Engine;
    void setState(State state, const QString &error = {});

    DeliverySink *m_sink = nullptr;
    const Clock &m_clock;
    DiagnosticsLog *m_log = nullptr;
    MetricCounters *m_metrics = nullptr;
    std::shared_ptr<Engine> m_engine; // shared with in-flight `done` callbacks that may outlive a stop()
    State m_state = State::Stopped;
    QString m_error;
    QString m_lastMoveFailure; // why the last move to another address failed, while the old one still serves
    QString m_address;
    quint16 m_port = 0;
    ReceiverCounters m_lastCounters; // of the last run, once stopped
};
