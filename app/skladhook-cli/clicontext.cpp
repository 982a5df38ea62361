// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "common/secretmasker.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "moysklad/moscowtime.h"
#include "moysklad/moyskladclient.h"
#include "settings/settings.h"
#include "workspace/workspace.h"

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

CliContext::~CliContext() = default; // the workspace commits what was logged before the process ends

QString CliContext::noCredentials()
{
    // The token from standard input ("-"): typed on the command line it would stay in ps and the shell history.
    return QCoreApplication::translate(
        "CliContext", "no MoySklad credentials: set MOYSKLAD_TOKEN, or MOYSKLAD_LOGIN and "
                      "MOYSKLAD_PASSWORD, or save a token with 'skladhook-cli config set api.token -'");
}

Workspace *CliContext::workspace()
{
    if (m_workspace || m_workspaceFailed)
        return m_workspace.get();
    Workspace::Options options;
    options.dataDir = m_dataDir;
    if (m_parser.isSet(QStringLiteral("api-url")))
        options.apiUrlOverride = QUrl(m_parser.value(QStringLiteral("api-url")));
    Workspace::Credentials credentials;
    credentials.token = qEnvironmentVariable("MOYSKLAD_TOKEN");
    if (credentials.token.isEmpty()) {
        credentials.login = qEnvironmentVariable("MOYSKLAD_LOGIN");
        credentials.password = qEnvironmentVariable("MOYSKLAD_PASSWORD");
    }
    if (!credentials.token.isEmpty() || (!credentials.login.isEmpty() && !credentials.password.isEmpty()))
        options.credentials = credentials;
    auto workspace = std::make_unique<Workspace>(options);
    const auto opened = workspace->open();
    if (!opened.ok()) {
        m_workspaceFailed = true;
        m_err << QStringLiteral("skladhook-cli: ") << oneLine(SecretMasker::instance().mask(opened.error()))
              << Qt::endl;
        finish(m_failureExitCode);
        return nullptr;
    }
    m_workspace = std::move(workspace);
    return m_workspace.get();
}

DiagnosticsLog &CliContext::log()
{
    return workspace()->log();
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

void CliContext::fail(const QString &message, std::optional<int> code)
{
    const int exitCode = code.value_or(m_failureExitCode);
    if (exitCode != 2 && m_workspace) // usage errors are not actions
        m_workspace->log().error(QStringLiteral("cli"), message);
    m_err << QStringLiteral("skladhook-cli: ") << oneLine(SecretMasker::instance().mask(message)) << Qt::endl;
    finish(exitCode);
}

QString CliContext::oneLine(const QString &message)
{
    constexpr qsizetype maxLength = 1000;
    QString line;
    for (const QChar c : message) {
        if (line.size() >= maxLength) {
            line += QStringLiteral("…");
            break;
        }
        if (c == QLatin1Char('\n'))
            line += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            line += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t'))
            line += QStringLiteral("\\t");
        else if (c.category() == QChar::Other_Control)
            line += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            line += c;
    }
    return line;
}

bool CliContext::readSince(const QString &malformed, std::optional<QDateTime> &since)
{
    const QString option = QStringLiteral("since");
    if (!isSet(option))
        return true;
    const QString text = value(option);
    const QDateTime parsed = MoscowTime::parse(text.trimmed());
    if (!parsed.isValid()) {
        fail(malformed.arg(text), 2);
        return false;
    }
    if (parsed > QDateTime::currentDateTimeUtc()) {
        fail(QCoreApplication::translate("CliSync", "--since '%1' is in the future").arg(text), 2);
        return false;
    }
    since = parsed;
    return true;
}

bool CliContext::expectArguments(qsizetype count, const QString &usage)
{
    if (m_arguments.size() == count)
        return true;
    fail(QCoreApplication::translate("CliContext", "usage: skladhook-cli %1").arg(usage), 2);
    return false;
}

Settings &CliContext::settings()
{
    return workspace()->settings();
}

SecretStore &CliContext::secrets()
{
    return workspace()->secretStore();
}

void CliContext::withSecret(const QString &key, std::function<void(std::optional<QString>)> ready)
{
    secrets().read(key, [this, key, ready = std::move(ready)](Result<std::optional<QString>, SecretError> result) {
        if (!result.ok()) {
            fail(QCoreApplication::translate("CliContext", "cannot read %1 from %2: %3")
                     .arg(key, secrets().shownDescription(), result.error().toString()));
            return;
        }
        if (result.value())
            SecretMasker::instance().add(*result.value());
        ready(result.value());
    });
}

QUrl CliContext::apiUrl()
{
    return workspace()->apiUrl();
}

void CliContext::withClient(std::function<void(MoySkladClient *)> ready)
{
    Workspace *ws = workspace();
    if (!ws)
        return;
    const QUrl url = ws->apiUrl();
    if (!url.isValid() || url.isRelative()) {
        fail(QCoreApplication::translate("CliContext",
                                         "the API URL '%1' is not an absolute URL (--api-url or config api.url)")
                 .arg(url.toString()));
        return;
    }
    const auto proceed = [this, ws, ready] {
        if (!ws->hasCredentials()) {
            fail(noCredentials());
            return;
        }
        ws->ensureWorkingToken([this, ws, ready](Result<bool, ApiError> exchanged) {
            if (!exchanged.ok()) {
                fail(QCoreApplication::translate("CliContext", "cannot obtain a token with MOYSKLAD_LOGIN: %1")
                         .arg(exchanged.error().toString()));
                return;
            }
            if (exchanged.value())
                m_err << QCoreApplication::translate("CliContext",
                                                     "obtained a new API token with MOYSKLAD_LOGIN (the user's "
                                                     "earlier tokens are revoked) and saved it in %1")
                             .arg(ws->secretStore().shownDescription())
                      << Qt::endl;
            ready(&ws->client());
        });
    };
    if (ws->hasLoadedSecrets()) {
        proceed();
        return;
    }
    ws->loadSecrets(Workspace::MissingSiteSecret::Leave, [this, ws, proceed](std::optional<SecretError> error) {
        // A keychain that cannot be read matters only when the environment gives no credentials.
        if (error && !ws->hasCredentials()) {
            fail(QCoreApplication::translate("CliContext", "cannot read the API token from %1: %2")
                     .arg(ws->secretStore().shownDescription(), error->toString()));
            return;
        }
        proceed();
    });
}
