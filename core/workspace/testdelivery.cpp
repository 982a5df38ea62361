// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/testdelivery.h"

#include "common/clock.h"
#include "common/diagnosticslog.h"
#include "common/secretmasker.h"
#include "diagnostics/logreader.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "hooks/hookcatalog.h"
#include "hooks/hookurl.h"
#include "intake/testdeliverymark.h"
#include "settings/settings.h"
#include "store/database.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace {

// MoySklad waits this long for an answer, then counts the delivery as failed.
constexpr qint64 moySkladPatienceMs = 1500;

QString endpoint(const QHostAddress &address, quint16 port)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(port)
               : QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

QString masked(const QString &text)
{
    return SecretMasker::instance().mask(text);
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    default:
        return QStringLiteral("TLS");
    }
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// What a status means on the way to the receiver; empty when the status says nothing more than itself.
QString explainStatus(int status)
{
    switch (status) {
    case 403:
        return QCoreApplication::translate(
            "TestDelivery", "the verification string in the URL is not the one the receiver expects (site.secret): "
                            "apply the hooks again, or the proxy rewrites the query");
    case 404:
        return QCoreApplication::translate(
            "TestDelivery", "the path does not reach the receiver: check the proxy's location and site.url's path");
    case 405:
        return QCoreApplication::translate("TestDelivery", "POST is refused on the way (a proxy rule)");
    case 413:
        return QCoreApplication::translate("TestDelivery", "the body was refused as too large on the way");
    case 502:
    case 503:
    case 504:
        return QCoreApplication::translate(
            "TestDelivery", "the proxy answered but could not reach the receiver: is it running (skladhook-cli "
                            "serve or the desktop app) and does proxy_pass match receiver.listen?");
    default:
        if (status >= 300 && status < 400)
            return QCoreApplication::translate(
                "TestDelivery", "MoySklad does not follow redirects: the hook URL must reach the receiver directly "
                                "(is site.url http where the server redirects to https?)");
        return {};
    }
}

} // namespace

QString TestDeliveryStep::name(Kind kind)
{
    switch (kind) {
    case Kind::Resolve:
        return QStringLiteral("resolve");
    case Kind::Connect:
        return QStringLiteral("connect");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::Recorded:
        return QStringLiteral("recorded");
    }
    return {};
}

bool TestDeliveryTarget::ok() const
{
    return !steps.isEmpty() &&
           std::all_of(steps.begin(), steps.end(), [](const TestDeliveryStep &step) { return step.ok; });
}

bool TestDeliveryReport::ok() const
{
    return !targets.isEmpty() &&
           std::all_of(targets.begin(), targets.end(), [](const TestDeliveryTarget &target) { return target.ok(); });
}

TestDelivery::TestDelivery(Workspace *workspace, QObject *parent)
    : TestDelivery(workspace, Options{}, parent)
{}

TestDelivery::TestDelivery(Workspace *workspace, Options options, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_options(options)
{
    // MoySklad comes from the Internet, not through this machine's proxy: neither may the test.
    m_network.setProxy(QNetworkProxy::NoProxy);
}

TestDelivery::~TestDelivery()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

std::optional<QString> TestDelivery::problem() const
{
    const Result<QUrl, QString> site = HookUrl::normalizeSite(m_workspace->settings().siteUrl());
    if (!site)
        return site.error();
    if (m_workspace->siteSecret().isEmpty())
        return tr("No verification string (site.secret) yet: the hook URLs cannot be built");
    return std::nullopt;
}

QList<std::pair<QString, QString>> TestDelivery::targets() const
{
    QList<std::pair<QString, QString>> targets;
    const Result<QUrl, QString> site = HookUrl::normalizeSite(m_workspace->settings().siteUrl());
    if (!site || m_workspace->siteSecret().isEmpty())
        return targets;
    QStringList seen;
    for (const HookSpec &spec : HookCatalog::wanted(m_workspace->settings().exchange())) {
        const QString url = HookUrl::build(site.value(), spec.entityType, spec.action, m_workspace->siteSecret());
        if (seen.contains(url))
            continue;
        seen.append(url);
        targets.append({spec.key(), url});
    }
    return targets;
}

void TestDelivery::run(std::function<void(TestDeliveryReport)> done)
{
    if (m_done)
        return;
    m_done = std::move(done);
    m_report = {};
    m_targets = targets();
    // The record may come from another process's writer: read the database, not this process's log.
    m_reader = std::make_unique<LogReader>(m_workspace->storeLocation());
    const Result<QList<LogEntry>, QString> newest = m_reader->readLatest(LogReader::Filter{}, 1);
    m_lastLogId = newest.ok() && !newest.value().isEmpty() ? newest.value().constLast().id : 0;
    m_index = -1;
    // Answered from the event loop, never from inside run(): the caller's state is set up by then.
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation != m_generation)
            return; // cancelled
        ++m_index;
        startTarget();
    });
}

void TestDelivery::cancel()
{
    if (!m_done)
        return;
    ++m_generation; // the step's timers and its answer, when they come, see it and stop
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    dropSocket();
    if (m_reply)
        m_reply->abort();
    m_reader.reset();
    m_done = nullptr;
    m_workspace->log().write(LogEntry::info(
        QStringLiteral("hooks"), LogText(QT_TRANSLATE_NOOP("LogMessage", "Test delivery cancelled before it ended"))));
}

void TestDelivery::startTarget()
{
    if (m_index >= m_targets.size()) {
        m_reader.reset();
        auto done = std::move(m_done);
        m_done = nullptr;
        done(m_report);
        return;
    }
    const auto &[hook, url] = m_targets.at(m_index);
    m_url = url;
    m_requestId = TestDeliveryMark::newRequestId();
    const QUrl parsed(url);
    m_https = parsed.scheme() == QLatin1String("https");
    m_host = parsed.host();
    m_port = quint16(parsed.port(m_https ? 443 : 80));
    m_report.targets.append(TestDeliveryTarget{HookUrl::mask(url), hook, {}});
    Q_EMIT targetStarted(m_index, m_report.targets.last().url, hook);
    resolve();
}

QList<TestDeliveryStep::Kind> TestDelivery::kindsFor(bool https) const
{
    using Kind = TestDeliveryStep::Kind;
    if (https)
        return {Kind::Resolve, Kind::Connect, Kind::Tls, Kind::Http, Kind::Recorded};
    return {Kind::Resolve, Kind::Connect, Kind::Http, Kind::Recorded};
}

void TestDelivery::beginStep(TestDeliveryStep::Kind kind)
{
    m_step = TestDeliveryStep{};
    m_step.kind = kind;
    m_stepTimer.start();
}

void TestDelivery::endStep(bool ok, const QString &detail)
{
    ++m_generation;
    m_step.ok = ok;
    m_step.detail = masked(detail);
    m_step.elapsedMs = m_stepTimer.elapsed();
    TestDeliveryTarget &target = m_report.targets.last();
    target.steps.append(m_step);
    Q_EMIT stepFinished(m_index, m_step);
    if (ok)
        return;
    const QList<TestDeliveryStep::Kind> kinds = kindsFor(m_https);
    for (qsizetype i = kinds.indexOf(m_step.kind) + 1; i < kinds.size(); ++i) {
        TestDeliveryStep skipped;
        skipped.kind = kinds.at(i);
        skipped.skipped = true;
        skipped.detail = tr("skipped: the %1 step failed").arg(TestDeliveryStep::name(m_step.kind));
        target.steps.append(skipped);
        Q_EMIT stepFinished(m_index, skipped);
    }
    finishTarget();
}

void TestDelivery::finishTarget()
{
    dropSocket();
    const TestDeliveryTarget &target = m_report.targets.last();
    // The run is logged by the process that ran it; the receiver's own record carries the same requestId.
    if (target.ok()) {
        m_workspace->log().write(
            LogEntry::info(
                QStringLiteral("hooks"),
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Test delivery to %1: received and recorded by the receiver"),
                        target.url))
                .withHook(target.hook)
                .withRequestId(m_requestId));
    } else {
        const auto failed = std::find_if(target.steps.begin(), target.steps.end(),
                                         [](const TestDeliveryStep &step) { return !step.ok && !step.skipped; });
        m_workspace->log().write(
            LogEntry::warning(QStringLiteral("hooks"),
                              LogText(QT_TRANSLATE_NOOP("LogMessage", "Test delivery to %1 failed at the %2 step: %3"),
                                      target.url, TestDeliveryStep::name(failed->kind), failed->detail))
                .withHook(target.hook)
                .withRequestId(m_requestId));
    }
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation != m_generation)
            return; // cancelled
        ++m_index;
        startTarget();
    });
}

// --- resolve ---------------------------------------------------------------------------------------------------

void TestDelivery::resolve()
{
    beginStep(TestDeliveryStep::Kind::Resolve);
    const quint64 generation = m_generation;
    m_lookupId = QHostInfo::lookupHost(m_host, this, [this, generation](const QHostInfo &info) {
        m_lookupId = -1;
        if (generation == m_generation)
            onResolved(info);
    });
    QTimer::singleShot(m_options.stepTimeoutMs, this, [this, generation] {
        if (generation != m_generation)
            return;
        if (m_lookupId >= 0)
            QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
        endStep(false, tr("the name resolver gave no answer for %1 within %2 s")
                           .arg(m_host)
                           .arg(m_options.stepTimeoutMs / 1000.0));
    });
}

void TestDelivery::onResolved(const QHostInfo &info)
{
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        endStep(false, tr("cannot resolve %1: %2").arg(m_host, info.errorString()));
        return;
    }
    m_addresses = info.addresses();
    QStringList shown;
    for (const QHostAddress &address : std::as_const(m_addresses))
        shown.append(address.toString());
    endStep(true, QStringLiteral("%1 → %2").arg(m_host, shown.join(QStringLiteral(", "))));
    beginStep(TestDeliveryStep::Kind::Connect);
    m_addressIndex = 0;
    m_connectFailures.clear();
    connectNext();
}

// --- connect and TLS -------------------------------------------------------------------------------------------

void TestDelivery::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void TestDelivery::connectNext()
{
    dropSocket();
    const QHostAddress address = m_addresses.at(m_addressIndex);
    if (m_https) {
        auto *ssl = new QSslSocket(this);
        m_sslErrors.clear();
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                m_sslErrors.append(error.errorString());
        });
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
    }
    m_socket->setProxy(QNetworkProxy::NoProxy);
    const quint64 generation = m_generation;
    connect(m_socket, &QAbstractSocket::connected, this, [this, address] {
        m_connectFailures.clear();
        endStep(true, tr("connected to %1").arg(endpoint(address, m_port)));
        if (m_https)
            handshake();
        else {
            dropSocket();
            post();
        }
    });
    m_connectError =
        connect(m_socket, &QAbstractSocket::errorOccurred, this, [this, address](QAbstractSocket::SocketError error) {
            const QString where = endpoint(address, m_port);
            // One failure per attempt: a socket may report more than one error on its way down.
            disconnect(m_connectError);
            onConnectFailed(error == QAbstractSocket::ConnectionRefusedError
                                ? tr("connection refused to %1").arg(where)
                                : QStringLiteral("%1: %2").arg(where, m_socket->errorString()));
        });
    QTimer::singleShot(m_options.stepTimeoutMs, m_socket, [this, address, generation] {
        if (generation == m_generation)
            onConnectFailed(tr("no answer from %1 within %2 s (a firewall may drop the connection)")
                                .arg(endpoint(address, m_port))
                                .arg(m_options.stepTimeoutMs / 1000.0));
    });
    m_socket->connectToHost(address, m_port);
}

void TestDelivery::onConnectFailed(const QString &why)
{
    dropSocket();
    m_connectFailures.append(why);
    if (++m_addressIndex < m_addresses.size()) {
        // The next address gets the rest of the step: MoySklad too tries the addresses it resolves.
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (generation == m_generation)
                connectNext();
        });
        return;
    }
    endStep(false, m_connectFailures.join(QStringLiteral("; ")));
}

void TestDelivery::handshake()
{
    beginStep(TestDeliveryStep::Kind::Tls);
    auto *ssl = qobject_cast<QSslSocket *>(m_socket);
    if (!QSslSocket::supportsSsl()) {
        endStep(false, tr("TLS is not available in this build of Qt (no TLS backend)"));
        return;
    }
    const quint64 generation = m_generation;
    // The socket connected to an address; the certificate must still name the host (and SNI must carry it).
    ssl->setPeerVerifyName(m_host);
    disconnect(m_connectError);
    connect(ssl, &QSslSocket::encrypted, this, [this, ssl] {
        const QSslCertificate certificate = ssl->peerCertificate();
        const QString subject = certificate.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
        const QString issuer = certificate.issuerInfo(QSslCertificate::Organization).join(QStringLiteral(", "));
        endStep(true, tr("%1, certificate for %2 issued by %3, valid until %4")
                          .arg(protocolName(ssl->sessionProtocol()), subject.isEmpty() ? m_host : subject,
                               issuer.isEmpty() ? QStringLiteral("?") : issuer,
                               certificate.expiryDate().toString(QStringLiteral("yyyy-MM-dd"))));
        dropSocket();
        post();
    });
    connect(ssl, &QAbstractSocket::errorOccurred, this, [this, ssl] {
        endStep(
            false,
            m_sslErrors.isEmpty()
                ? tr("TLS handshake with %1 failed: %2").arg(m_host, ssl->errorString())
                : tr("the certificate of %1 is not accepted: %2").arg(m_host, m_sslErrors.join(QStringLiteral("; "))));
    });
    QTimer::singleShot(m_options.stepTimeoutMs, ssl, [this, generation] {
        if (generation == m_generation)
            endStep(false,
                    tr("no TLS handshake with %1 within %2 s").arg(m_host).arg(m_options.stepTimeoutMs / 1000.0));
    });
    ssl->startClientEncryption();
}

// --- HTTP ------------------------------------------------------------------------------------------------------

QByteArray TestDelivery::body(const QString &hook) const
{
    const QString entity = hook.section(QLatin1Char('/'), 0, 0);
    const QString action = hook.section(QLatin1Char('/'), 1, 1);
    const QString api = QStringLiteral("https://api.moysklad.ru/api/remap/1.2/");
    // MoySklad's moments are Moscow time (UTC+3, no zone in the text).
    const QString moment =
        m_workspace->clock().utcNow().toOffsetFromUtc(3 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QJsonObject event{
        {QStringLiteral("meta"),
         QJsonObject{{QStringLiteral("type"), entity},
                     {QStringLiteral("href"), QString(api + QStringLiteral("entity/%1/%2").arg(entity, newUuid()))}}},
        {QStringLiteral("action"), action},
        {QStringLiteral("accountId"), newUuid()}};
    if (action == QLatin1String("UPDATE"))
        event.insert(QStringLiteral("updatedFields"), QJsonArray{QStringLiteral("description")});
    const QJsonObject audit{
        {QStringLiteral("meta"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("audit")},
                     {QStringLiteral("href"), QString(api + QStringLiteral("audit/") + newUuid())}}},
        {QStringLiteral("uid"), QStringLiteral("skladhook-test-delivery")},
        {QStringLiteral("moment"), moment}};
    return QJsonDocument(
               QJsonObject{{QStringLiteral("auditContext"), audit}, {QStringLiteral("events"), QJsonArray{event}}})
        .toJson(QJsonDocument::Compact);
}

void TestDelivery::post()
{
    beginStep(TestDeliveryStep::Kind::Http);
    // MoySklad appends requestId to the hook URL's query as it is.
    QNetworkRequest request(QUrl(m_url + QStringLiteral("&requestId=") + m_requestId, QUrl::StrictMode));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json;charset=utf-8"));
    request.setRawHeader(QByteArrayLiteral("User-Agent"), QByteArray(userAgent));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.stepTimeoutMs);
    QNetworkReply *reply = m_network.post(request, body(m_report.targets.last().hook));
    m_reply = reply;
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation == m_generation)
            onPosted(reply);
    });
}

void TestDelivery::onPosted(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 elapsed = m_stepTimer.elapsed();
    if (status == 0) {
        endStep(false,
                reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError
                    ? tr("no answer within %1 s").arg(m_options.stepTimeoutMs / 1000.0)
                    : tr("no HTTP answer: %1").arg(reply->errorString()));
        return;
    }
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    QString detail = tr("%1 %2 in %3 ms").arg(status).arg(reason).arg(elapsed);
    if (status != 200 && status != 204) {
        QString explanation = explainStatus(status);
        if (status >= 300 && status < 400) {
            const QString location = reply->header(QNetworkRequest::LocationHeader).toUrl().toString();
            if (!location.isEmpty())
                detail = tr("%1 to %2").arg(detail, HookUrl::mask(location));
        }
        endStep(false, explanation.isEmpty() ? detail : detail + QStringLiteral(": ") + explanation);
        return;
    }
    if (elapsed > moySkladPatienceMs) {
        endStep(
            false,
            tr("%1: MoySklad waits at most %2 ms and would count it as failed").arg(detail).arg(moySkladPatienceMs));
        return;
    }
    endStep(true, detail);
    awaitRecord();
}

// --- the receiver's record -------------------------------------------------------------------------------------

void TestDelivery::awaitRecord()
{
    beginStep(TestDeliveryStep::Kind::Recorded);
    pollRecord();
}

void TestDelivery::pollRecord()
{
    LogReader::Filter filter;
    filter.text = m_requestId;
    const Result<QList<LogEntry>, QString> rows = m_reader->readAfter(m_lastLogId, filter, 50);
    if (rows.ok()) {
        for (const LogEntry &entry : rows.value()) {
            if (TestDeliveryMark::isRecord(entry, m_requestId)) {
                endStep(true, tr("recorded by this data directory's receiver: %1").arg(entry.message));
                finishTarget();
                return;
            }
        }
    }
    if (m_stepTimer.elapsed() >= m_options.recordWaitMs) {
        endStep(false, tr("answered, but this data directory's receiver did not record it within %1 s: the URL "
                          "reaches another server or another data directory's receiver%2")
                           .arg(m_options.recordWaitMs / 1000.0)
                           .arg(rows.ok() ? QString() : tr(" (the log could not be read: %1)").arg(rows.error())));
        return;
    }
    const quint64 generation = m_generation;
    QTimer::singleShot(m_options.pollMs, this, [this, generation] {
        if (generation == m_generation)
            pollRecord();
    });
}
