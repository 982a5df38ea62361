// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicehost.h"

#include "common/diagnosticslog.h"
#include "common/logcategories.h"
#include "common/secretmasker.h"
#include "moysklad/moyskladclient.h"
#include "queue/taskqueue.h"
#include "service/service.h"
#include "settings/secretstore.h"
#include "settings/settings.h"
#include "store/database.h"

#include <QAtomicInteger>
#include <QSqlQuery>

namespace {
constexpr int refreshMs = 2000;

// Hands rows to the running service's log, or to the Qt category when this app is not the writer.
class ForwardingLog final : public DiagnosticsLog
{
public:
    explicit ForwardingLog(const ServiceHost *host)
        : m_host(host)
    {}
    void write(LogEntry entry) override
    {
        if (Service *service = m_host->service()) {
            service->log()->write(std::move(entry));
            return;
        }
        qCInfo(lcUi).noquote() << logLevelName(entry.level) << entry.category
                               << SecretMasker::instance().mask(entry.message);
    }

private:
    const ServiceHost *m_host;
};

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("skladhook-servicehost-%1").arg(counter.fetchAndAddRelaxed(1));
}
} // namespace

ServiceHost::ServiceHost(Settings *settings, SecretStore *secrets, QString dataDir, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_dataDir(std::move(dataDir))
    , m_forwarder(std::make_unique<ForwardingLog>(this))
{
    connect(&m_refresh, &QTimer::timeout, this, &ServiceHost::refresh);
    connect(m_settings, &Settings::changed, this, [this](const QString &key) {
        if (key.startsWith(QLatin1String("mode.")) && m_service) {
            ServiceConfig fresh = ServiceConfig::fromSettings(*m_settings, m_dataDir, {});
            m_service->setExecutionModes(fresh.modes);
            return;
        }
        static const QStringList restartKeys{QStringLiteral("site.url"),
                                             QStringLiteral("receiver.listen"),
                                             QStringLiteral("receiver.allowExternal"),
                                             QStringLiteral("worker.interval"),
                                             QStringLiteral("worker.maxAttempts"),
                                             QStringLiteral("import.orders"),
                                             QStringLiteral("api.url")};
        if (restartKeys.contains(key) && m_mode != Mode::Attached)
            restart();
    });
}

ServiceHost::~ServiceHost()
{
    stop();
}

DiagnosticsLog *ServiceHost::log() const
{
    return m_forwarder.get();
}

void ServiceHost::setMode(Mode mode, const QString &text)
{
    m_mode = mode;
    m_receiverText = text;
    Q_EMIT modeChanged(mode);
    Q_EMIT statusChanged();
}

void ServiceHost::start()
{
    if (m_mode == Mode::Running || m_mode == Mode::Starting)
        return;
    m_refresh.start(refreshMs);
    const QString holder = Service::lockHolder(m_dataDir);
    if (!holder.isEmpty()) {
        setMode(Mode::Attached, tr("Receiver run by skladhook-cli serve (%1)").arg(holder));
        refresh();
        return;
    }
    if (m_settings->siteUrl().isEmpty()) {
        setMode(Mode::NotConfigured, tr("Receiver off: set the site URL"));
        return;
    }
    setMode(Mode::Starting, tr("Receiver starting…"));
    m_secrets->read(SecretKey::siteSecret, [this](Result<std::optional<QString>, SecretError> secret) {
        if (!secret.ok()) {
            setMode(Mode::Failed, tr("Receiver off: %1").arg(secret.error().toString()));
            return;
        }
        if (!secret.value() || secret.value()->isEmpty()) {
            setMode(Mode::NotConfigured, tr("Receiver off: no verification string yet"));
            return;
        }
        const QString verification = *secret.value();
        m_secrets->read(SecretKey::apiToken, [this, verification](Result<std::optional<QString>, SecretError> token) {
            startWith(verification, token.ok() && token.value() ? *token.value() : QString());
        });
    });
}

void ServiceHost::startWith(const QString &secret, const QString &token)
{
    ClientConfig clientConfig;
    clientConfig.baseUrl = m_apiUrlOverride.isValid() ? m_apiUrlOverride : m_settings->apiUrl();
    clientConfig.token = token;
    m_client = std::make_unique<MoySkladClient>(clientConfig);
    m_service = std::make_unique<Service>(ServiceConfig::fromSettings(*m_settings, m_dataDir, secret), m_client.get());
    const auto started = m_service->start();
    if (!started.ok()) {
        m_service.reset();
        const QString holder = Service::lockHolder(m_dataDir);
        if (!holder.isEmpty())
            setMode(Mode::Attached, tr("Receiver run by skladhook-cli serve (%1)").arg(holder));
        else
            setMode(Mode::Failed, tr("Receiver off: %1").arg(started.error()));
        refresh();
        return;
    }
    setMode(Mode::Running, tr("Receiver listening on %1%2")
                               .arg(m_service->receiver()->listenAddress(), m_service->receiver()->pathPrefix()));
    refresh();
}

void ServiceHost::stop()
{
    m_refresh.stop();
    if (m_service)
        m_service->stop();
    m_service.reset();
    m_client.reset();
    if (m_mode != Mode::Stopped)
        setMode(Mode::Stopped, tr("Receiver stopped"));
}

void ServiceHost::restart()
{
    stop();
    start();
}

void ServiceHost::setVerificationString(const QString &secret)
{
    if (m_service)
        m_service->setVerificationString(secret);
    else if (m_mode == Mode::NotConfigured || m_mode == Mode::Failed)
        restart();
}

void ServiceHost::setToken(const QString &token)
{
    if (m_client)
        m_client->setToken(token);
}

void ServiceHost::refresh()
{
    // Read through a read-only connection: the same for our own writer and for another process's.
    const QString connection = nextConnectionName();
    {
        auto db = Database::open(Database::fileIn(m_dataDir), connection, true);
        if (db.ok()) {
            const auto stats = TaskQueue::readStats(db.value());
            if (stats.ok())
                m_stats = stats.value();
            QSqlQuery query(db.value());
            if (m_mode == Mode::Attached &&
                query.exec(QStringLiteral("SELECT value FROM service_state WHERE key = 'receiver.address'")) &&
                query.next())
                m_receiverText = tr("Receiver run by skladhook-cli serve on %1").arg(query.value(0).toString());
        }
    }
    Database::close(connection);
    Q_EMIT statusChanged();
}
