// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class LogReader;
class QHostInfo;
class QNetworkReply;
class QTcpSocket;
class Workspace;

// One step of a test delivery to one URL, in the order they run.
struct TestDeliveryStep final
{
    enum class Kind {
        Resolve,  // the host name to addresses (QHostInfo)
        Connect,  // a TCP connection to the first address that accepts one
        Tls,      // the TLS handshake with the certificate checked (https only)
        Http,     // the POST and its answer: MoySklad counts only 200 or 204 within 1.5 s
        Recorded, // this data directory's receiver wrote the delivery's record (it may serve in another process)
    };
    Kind kind = Kind::Resolve;
    bool ok = false;
    bool skipped = false; // an earlier step failed
    QString detail;       // one line for people, secrets masked: "connection refused to 127.0.0.1:8080"
    qint64 elapsedMs = 0;

    static QString name(Kind kind); // "resolve" | "connect" | "tls" | "http" | "recorded"
};

// The test delivery to one hook URL.
struct TestDeliveryTarget final
{
    QString url;  // the verification string masked
    QString hook; // "customerorder/UPDATE"
    QList<TestDeliveryStep> steps;

    bool ok() const; // every step ok
};

struct TestDeliveryReport final
{
    QList<TestDeliveryTarget> targets;
    bool ok() const; // at least one target, and every one ok
};

// "Send a test delivery" / `skladhook-cli ping`: proves the way from the Internet to this data directory's receiver.
// For every URL the module's hooks carry (site URL, hook path, verification string) it POSTs a delivery shaped like
// MoySklad's, with a marked requestId (TestDeliveryMark) the receiver logs and answers but never queues, and reports
// name resolution, the TCP connection, the TLS handshake, the HTTP answer, and whether the receiver recorded it.
// A step after a failed one is reported skipped. URLs are tried one after the other; nothing here blocks.
class TestDelivery final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int stepTimeoutMs = 5000; // resolve, connect, TLS and HTTP each
        int recordWaitMs = 5000;  // how long the receiver's record is waited for
        int pollMs = 100;
    };

    // MoySklad's own User-Agent: a proxy or firewall rule that filters on it treats the test like the real thing.
    static constexpr char userAgent[] = "MoySklad webhook touch agent 2.0 (/https://www.moysklad.ru)";

    explicit TestDelivery(Workspace *workspace, QObject *parent = nullptr);
    TestDelivery(Workspace *workspace, Options options, QObject *parent = nullptr);
    ~TestDelivery() override;

    // Why nothing can be sent (no or a malformed site URL, no verification string: the message names the setting);
    // the secrets must be loaded.
    std::optional<QString> problem() const;
    // Every distinct hook URL of the module's hook set under the current settings, with the verification string,
    // and the hook it belongs to ("customerorder/UPDATE"). Never print these unmasked.
    QList<std::pair<QString, QString>> targets() const;

    // Sends to every target, one after the other, and calls `done` once with the report. One run at a time: a call
    // while running is ignored (isRunning()).
    void run(std::function<void(TestDeliveryReport)> done);
    bool isRunning() const { return bool(m_done); }
    // Stops a run at once: the step under way is abandoned and `done` is not called. The receiver may still record
    // a delivery already sent; it never becomes a task.
    void cancel();

Q_SIGNALS:
    // Target `index` begins: its URL (masked) and hook.
    void targetStarted(int index, const QString &url, const QString &hook);
    // A step of target `index` finished (the report's targets are filled in order): progress for a view.
    void stepFinished(int index, const TestDeliveryStep &step);

private:
    void startTarget();
    void finishTarget();
    // Ends the current step; a failed one ends the target (the steps after it are reported skipped).
    void endStep(bool ok, const QString &detail);
    void beginStep(TestDeliveryStep::Kind kind);

    void resolve();
    void onResolved(const QHostInfo &info);
    void connectNext();
    void onConnectFailed(const QString &why);
    void handshake();
    void post();
    void onPosted(QNetworkReply *reply);
    void awaitRecord();
    void pollRecord();
    void dropSocket();

    QList<TestDeliveryStep::Kind> kindsFor(bool https) const;
    QByteArray body(const QString &hook) const;

    Workspace *m_workspace = nullptr;
    Options m_options;
    QNetworkAccessManager m_network;
    std::function<void(TestDeliveryReport)> m_done;
    TestDeliveryReport m_report;
    QList<std::pair<QString, QString>> m_targets;
    std::unique_ptr<LogReader> m_reader;
    qint64 m_lastLogId = 0; // records are looked for after the log's newest row when the run began

    // The current target and step.
    int m_index = -1;
    QString m_url; // with the verification string
    QString m_requestId;
    bool m_https = false;
    QString m_host;
    quint16 m_port = 0;
    TestDeliveryStep m_step;
    QElapsedTimer m_stepTimer;
    quint64 m_generation = 0; // bumped when a step ends: a late callback of an earlier step sees it and stops
    QList<QHostAddress> m_addresses;
    int m_addressIndex = 0;
    QStringList m_connectFailures;
    QTcpSocket *m_socket = nullptr;         // a QSslSocket for https
    QPointer<QNetworkReply> m_reply;        // the HTTP step's
    QMetaObject::Connection m_connectError; // the connect step's error handler, replaced by the handshake's
    QStringList m_sslErrors;
    int m_lookupId = -1;
};
