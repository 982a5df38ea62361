// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "common/secretmasker.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "moysklad/moyskladclient.h"
#include "settings/filesecretstore.h"
#include "settings/keychainsecretstore.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <QSettings>

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

CliContext::CliContext(const QCommandLineParser &parser, QStringList arguments, QObject *parent)
    : QObject(parent)
    , m_parser(parser)
    , m_arguments(std::move(arguments))
    , m_json(parser.isSet(QStringLiteral("json")))
    , m_out(stdout)
    , m_err(stderr)
{
    m_dataDir = parser.isSet(QStringLiteral("data-dir"))
                    ? QDir(parser.value(QStringLiteral("data-dir"))).absolutePath()
                    : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(m_dataDir);
}

CliContext::~CliContext()
{
    // The log's rows are committed before the process ends.
    delete m_log;
    delete m_writer;
}

DiagnosticsLog &CliContext::log()
{
    if (!m_log) {
        m_writer = new StoreWriter(Database::fileIn(m_dataDir));
        const auto started = m_writer->start();
        if (!started.ok())
            m_err << QStringLiteral("skladhook-cli: warning: the diagnostics log is not available: ") << started.error()
                  << Qt::endl;
        m_log = new SqliteDiagnosticsLog(m_writer);
    }
    return *m_log;
}

void CliContext::printJson(const QJsonDocument &document)
{
    m_out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    m_out.flush();
}

void CliContext::finish(int code)
{
    m_out.flush();
    m_err.flush();
    // Leave the current call stack first: a command may finish from inside a callback.
    QTimer::singleShot(0, this, [code] { QCoreApplication::exit(code); });
}

void CliContext::fail(const QString &message, int code)
{
    if (code != 2) // usage errors are not actions
        log().error(QStringLiteral("cli"), message);
    m_err << QStringLiteral("skladhook-cli: ") << SecretMasker::instance().mask(message) << Qt::endl;
    finish(code);
}

bool CliContext::expectArguments(qsizetype count, const QString &usage)
{
    if (m_arguments.size() == count)
        return true;
    fail(QStringLiteral("usage: skladhook-cli %1").arg(usage), 2);
    return false;
}

Settings &CliContext::settings()
{
    if (!m_settings) {
        m_ini = new QSettings(Settings::fileIn(m_dataDir), QSettings::IniFormat, this);
        m_settings = new Settings(m_ini, this);
    }
    return *m_settings;
}

SecretStore &CliContext::secrets()
{
    if (!m_secrets) {
        if (settings().secretsInFile())
            m_secrets = new FileSecretStore(m_ini, this);
        else
            m_secrets = new KeychainSecretStore(m_dataDir, this);
    }
    return *m_secrets;
}

void CliContext::withSecret(const QString &key, std::function<void(std::optional<QString>)> ready)
{
    secrets().read(key, [this, key, ready = std::move(ready)](Result<std::optional<QString>, SecretError> result) {
        if (!result.ok()) {
            fail(QStringLiteral("cannot read %1 from %2: %3")
                     .arg(key, secrets().description(), result.error().toString()));
            return;
        }
        if (result.value())
            SecretMasker::instance().add(*result.value());
        ready(result.value());
    });
}

QUrl CliContext::apiUrl()
{
    if (m_parser.isSet(QStringLiteral("api-url")))
        return QUrl(m_parser.value(QStringLiteral("api-url")));
    return settings().apiUrl();
}

void CliContext::withClient(std::function<void(MoySkladClient *)> ready)
{
    if (m_client) {
        ready(m_client);
        return;
    }
    ClientConfig config;
    config.baseUrl = apiUrl();
    if (!config.baseUrl.isValid() || config.baseUrl.isRelative()) {
        fail(QStringLiteral("the API URL '%1' is not an absolute URL (--api-url or config api.url)")
                 .arg(config.baseUrl.toString()));
        return;
    }
    config.token = qEnvironmentVariable("MOYSKLAD_TOKEN");
    if (config.token.isEmpty()) {
        config.login = qEnvironmentVariable("MOYSKLAD_LOGIN");
        config.password = qEnvironmentVariable("MOYSKLAD_PASSWORD");
    }
    const auto start = [this, ready](ClientConfig config) {
        SecretMasker::instance().add(config.token);
        SecretMasker::instance().add(config.password);
        m_client = new MoySkladClient(config, this);
        ready(m_client);
    };
    if (!config.token.isEmpty() || (!config.login.isEmpty() && !config.password.isEmpty())) {
        start(config);
        return;
    }
    withSecret(SecretKey::apiToken, [this, config, start](std::optional<QString> token) mutable {
        if (!token || token->isEmpty()) {
            fail(QStringLiteral("no MoySklad credentials: set MOYSKLAD_TOKEN, or MOYSKLAD_LOGIN and MOYSKLAD_PASSWORD, "
                                "or save a token with 'skladhook-cli config set api.token TOKEN'"));
            return;
        }
        config.token = *token;
        start(config);
    });
}
