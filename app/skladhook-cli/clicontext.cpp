// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "common/secretmasker.h"
#include "moysklad/moyskladclient.h"

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

QUrl CliContext::apiUrl() const
{
    if (m_parser.isSet(QStringLiteral("api-url")))
        return QUrl(m_parser.value(QStringLiteral("api-url")));
    return ClientConfig{}.baseUrl;
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
    if (config.token.isEmpty() && (config.login.isEmpty() || config.password.isEmpty())) {
        fail(QStringLiteral("no MoySklad credentials: set MOYSKLAD_TOKEN, or MOYSKLAD_LOGIN and MOYSKLAD_PASSWORD"));
        return;
    }
    SecretMasker::instance().add(config.token);
    SecretMasker::instance().add(config.password);
    m_client = new MoySkladClient(config, this);
    ready(m_client);
}
