// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookcontroller.h"

#include "common/diagnosticslog.h"
#include "common/secretmasker.h"
#include "hooks/hookapplier.h"
#include "hooks/hookcatalog.h"
#include "hooks/hookurl.h"
#include "settings/filesecretstore.h"
#include "settings/secretgenerator.h"
#include "settings/settings.h"

#include <QSettings>

namespace {
const QString logCategory = QStringLiteral("hooks");
}

WebhookController::WebhookController(Settings *settings, SecretStore *keychain, DiagnosticsLog *log, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_keychain(keychain)
    , m_store(keychain)
    , m_log(log)
{
    if (m_settings->secretsInFile()) {
        m_fileStore = new FileSecretStore(m_settings->store(), this);
        m_store = m_fileStore;
    }
    connect(m_settings, &Settings::changed, this, &WebhookController::onSettingChanged);
}

WebhookController::~WebhookController() = default;

QUrl WebhookController::apiUrl() const
{
    return m_apiUrlOverride.value_or(m_settings->apiUrl());
}

void WebhookController::onSettingChanged(const QString &key)
{
    static const QStringList planKeys{QStringLiteral("site.url"), QStringLiteral("exchange.payments"),
                                      QStringLiteral("exchange.shipments"), QStringLiteral("import.orders")};
    if (planKeys.contains(key))
        replan();
}

void WebhookController::replan()
{
    if (m_listed)
        m_plan = HookPlan::build(m_actual, HookCatalog::wanted(m_settings->exchange()), m_settings->ownSites(),
                                 m_siteSecret);
    else
        m_plan = HookPlan();
    Q_EMIT planChanged();
}

// Secrets --------------------------------------------------------------------------------------------------------

void WebhookController::loadSecrets()
{
    auto pending = std::make_shared<int>(2);
    auto failure = std::make_shared<std::optional<SecretError>>();
    const auto finishOne = [this, pending, failure] {
        if (--*pending > 0)
            return;
        m_secretsLoaded = true;
        if (*failure)
            Q_EMIT secretStoreFailed(**failure);
        Q_EMIT secretsLoadFinished();
        replan();
    };
    m_store->read(SecretKey::apiToken, [this, failure, finishOne](Result<std::optional<QString>, SecretError> result) {
        if (!result.ok()) {
            *failure = result.error();
            log(Severity::Error, tr("Cannot read the API token from %1").arg(m_store->description()),
                result.error().toString());
        } else if (result.value()) {
            m_token = *result.value();
            SecretMasker::instance().add(m_token);
            Q_EMIT tokenChanged(m_token);
        }
        finishOne();
    });
    m_store->read(
        SecretKey::siteSecret, [this, failure, finishOne](Result<std::optional<QString>, SecretError> result) {
            if (!result.ok()) {
                if (!*failure)
                    *failure = result.error();
                log(Severity::Error, tr("Cannot read the verification string from %1").arg(m_store->description()),
                    result.error().toString());
            } else if (result.value() && !result.value()->isEmpty()) {
                m_siteSecret = *result.value();
                SecretMasker::instance().add(m_siteSecret);
                Q_EMIT siteSecretChanged(m_siteSecret);
            } else {
                // First start: a random verification string, saved at once.
                m_siteSecret = SecretGenerator::verificationString();
                SecretMasker::instance().add(m_siteSecret);
                saveSecret(SecretKey::siteSecret, m_siteSecret);
                Q_EMIT siteSecretChanged(m_siteSecret);
            }
            finishOne();
        });
}

void WebhookController::setToken(const QString &token)
{
    const QString trimmed = token.trimmed();
    if (trimmed == m_token)
        return;
    m_token = trimmed;
    SecretMasker::instance().add(m_token);
    if (m_token.isEmpty()) {
        m_store->remove(SecretKey::apiToken, [this](Result<Done, SecretError> result) {
            if (!result.ok())
                Q_EMIT secretStoreFailed(result.error());
        });
    } else {
        saveSecret(SecretKey::apiToken, m_token);
    }
    Q_EMIT tokenChanged(m_token);
}

void WebhookController::setSiteSecret(const QString &secret)
{
    const QString trimmed = secret.trimmed();
    if (trimmed == m_siteSecret)
        return;
    if (trimmed.isEmpty()) {
        Q_EMIT message(Severity::Error, tr("The verification string cannot be empty: type one or click Generate."));
        Q_EMIT siteSecretChanged(m_siteSecret);
        return;
    }
    // The old string stays registered: our outdated hooks still carry it.
    m_siteSecret = trimmed;
    SecretMasker::instance().add(m_siteSecret);
    saveSecret(SecretKey::siteSecret, m_siteSecret);
    Q_EMIT siteSecretChanged(m_siteSecret);
    replan();
}

void WebhookController::generateSiteSecret()
{
    setSiteSecret(SecretGenerator::verificationString());
}

void WebhookController::saveSecret(const QString &key, const QString &value)
{
    m_store->write(key, value, [this, key](Result<Done, SecretError> result) {
        if (result.ok())
            return;
        log(Severity::Error, tr("Cannot save %1 in %2").arg(key, m_store->description()), result.error().toString());
        Q_EMIT secretStoreFailed(result.error());
    });
}

void WebhookController::setSecretsInFile(bool inFile)
{
    if (inFile == (m_store == m_fileStore && m_fileStore))
        return;
    const auto set =
        m_settings->set(QStringLiteral("secrets.store"), inFile ? QStringLiteral("file") : QStringLiteral("keychain"));
    if (!set.ok()) {
        Q_EMIT message(Severity::Error, set.error());
        return;
    }
    SecretStore *previous = m_store;
    if (inFile) {
        if (!m_fileStore)
            m_fileStore = new FileSecretStore(m_settings->store(), this);
        m_store = m_fileStore;
    } else {
        m_store = m_keychain;
    }
    if (!m_token.isEmpty())
        saveSecret(SecretKey::apiToken, m_token);
    if (m_siteSecret.isEmpty()) {
        // The keychain never gave us one: start the new store with a fresh verification string.
        m_siteSecret = SecretGenerator::verificationString();
        SecretMasker::instance().add(m_siteSecret);
        Q_EMIT siteSecretChanged(m_siteSecret);
        replan();
    }
    saveSecret(SecretKey::siteSecret, m_siteSecret);
    if (!inFile && previous == m_fileStore) {
        // Leaving the opt-in: the plaintext copies go.
        const auto ignore = [](Result<Done, SecretError>) {};
        m_fileStore->remove(SecretKey::apiToken, ignore);
        m_fileStore->remove(SecretKey::siteSecret, ignore);
    }
    log(Severity::Info, inFile ? tr("Secrets are now kept in the settings file (plaintext), as chosen by the user.")
                               : tr("Secrets are now kept in the OS keychain."));
    Q_EMIT secretsStoreSwitched(inFile);
}

// Network --------------------------------------------------------------------------------------------------------

bool WebhookController::beginBusy()
{
    if (m_busy)
        return false;
    m_busy = true;
    Q_EMIT busyChanged(true);
    return true;
}

void WebhookController::endBusy()
{
    m_busy = false;
    Q_EMIT busyChanged(false);
}

MoySkladClient *WebhookController::client()
{
    ClientConfig config = m_clientTemplate;
    config.baseUrl = apiUrl();
    config.token = m_token;
    if (!m_client || m_client->config().baseUrl != config.baseUrl) {
        // Only between operations (one at a time), so no call of the old client is pending.
        delete m_applier;
        delete m_client;
        m_client = new MoySkladClient(config, this);
        m_applier = new HookApplier(m_client, m_log, this);
    } else if (m_client->config().token != m_token) {
        m_client->setToken(m_token);
    }
    return m_client;
}

void WebhookController::refresh()
{
    if (m_token.isEmpty()) {
        Q_EMIT message(Severity::Warning,
                       tr("No API token yet: enter a token, or obtain one with your login and "
                          "password, on the Connection tab."),
                       true);
        return;
    }
    if (!beginBusy())
        return;
    listThenFinish(QString());
}

void WebhookController::listThenFinish(const QString &prefix)
{
    client()->listWebhooks(this, [this, prefix](Result<QList<Webhook>, ApiError> result) {
        if (!result.ok()) {
            reportApiError(tr("Could not list the webhooks"), result.error());
            endBusy();
            return;
        }
        m_actual = result.value();
        m_listed = true;
        replan();
        const QString listed = tr("%n webhook(s) in the account.", nullptr, int(m_actual.size()));
        log(Severity::Info, prefix.isEmpty() ? listed : prefix + QLatin1Char(' ') + listed);
        if (prefix.isEmpty() && m_settings->siteUrl().isEmpty())
            Q_EMIT message(Severity::Warning,
                           tr("%1 Set the site URL on the Connection tab so that SkladHook can "
                              "tell its own hooks.")
                               .arg(listed),
                           true);
        else
            Q_EMIT message(Severity::Info, prefix.isEmpty() ? listed : prefix + QLatin1Char(' ') + listed);
        endBusy();
    });
}

bool WebhookController::checkReadyToWrite()
{
    if (m_token.isEmpty()) {
        Q_EMIT message(Severity::Warning,
                       tr("No API token yet: enter a token, or obtain one with your login and "
                          "password, on the Connection tab."),
                       true);
        return false;
    }
    const auto site = HookUrl::normalizeSite(m_settings->siteUrl());
    if (m_settings->siteUrl().isEmpty() || !site.ok()) {
        Q_EMIT message(Severity::Error, tr("Set the site URL (Connection tab) first: the hooks point to it."), true);
        return false;
    }
    if (m_siteSecret.isEmpty()) {
        Q_EMIT message(Severity::Error,
                       tr("The verification string is not available: set or generate one on the "
                          "Connection tab."),
                       true);
        return false;
    }
    const auto fits = HookUrl::validate(site.value(), m_siteSecret);
    if (!fits.ok()) {
        Q_EMIT message(Severity::Error, tr("A hook URL would be too long for MoySklad: %1").arg(fits.error()));
        return false;
    }
    if (!m_listed) {
        Q_EMIT message(Severity::Warning, tr("Click Refresh first, so that SkladHook knows the account's hooks."));
        return false;
    }
    return true;
}

void WebhookController::installMissing()
{
    ApplyOptions options;
    options.createMissing = true;
    options.enableDisabled = false;
    options.updateOnly = QSet<QString>(); // nothing rewritten
    runApply(options);
}

void WebhookController::apply(const QSet<QString> &updateIds)
{
    ApplyOptions options;
    options.createMissing = true;
    options.enableDisabled = true;
    options.updateOnly = updateIds;
    runApply(options);
}

void WebhookController::removeUnneeded()
{
    ApplyOptions options;
    options.createMissing = false;
    options.enableDisabled = false;
    options.updateOnly = QSet<QString>();
    options.removeUnwanted = true;
    runApply(options);
}

void WebhookController::runApply(const ApplyOptions &options)
{
    if (!checkReadyToWrite() || !beginBusy())
        return;
    const HookPlan plan = m_plan;
    client(); // makes sure the applier belongs to the current client
    if (HookApplier::writesFor(plan, options).isEmpty()) {
        Q_EMIT message(Severity::Info, tr("Nothing to write: the webhooks are already as they should be."));
        endBusy();
        return;
    }
    m_applier->apply(plan, options, [this](ApplyReport report) {
        if (!report.ok()) {
            QString text = tr("MoySklad refused the change: %1").arg(report.explanation);
            if (report.error)
                text += QLatin1Char('\n') + tr("MoySklad said: %1").arg(report.error->toString());
            Q_EMIT message(Severity::Error, text);
            // Some writes may have gone through: show what the account has now.
            client()->listWebhooks(this, [this](Result<QList<Webhook>, ApiError> result) {
                if (result.ok()) {
                    m_actual = result.value();
                    replan();
                }
                endBusy();
            });
            return;
        }
        QString done =
            tr("Done: %1 created, %2 updated, %3 enabled.").arg(report.created).arg(report.updated).arg(report.enabled);
        if (report.deleted > 0)
            done += QLatin1Char(' ') + tr("%n hook(s) deleted.", nullptr, report.deleted);
        listThenFinish(done);
    });
}

void WebhookController::checkConnection()
{
    if (m_token.isEmpty()) {
        Q_EMIT message(Severity::Warning, tr("No API token yet: enter a token, or obtain one with your login and "
                                             "password."));
        return;
    }
    if (!beginBusy())
        return;
    client()->checkAccess(this, [this](Result<AccessReport, ApiError> result) {
        if (!result.ok()) {
            reportApiError(tr("The connection check failed"), result.error());
        } else if (result.value().canManageWebhooks) {
            const QString who = result.value().login.isEmpty() ? tr("the token's user") : result.value().login;
            const QString text = tr("Connected to MoySklad as %1; this user may manage webhooks.").arg(who);
            log(Severity::Info, text);
            Q_EMIT message(Severity::Info, text);
        } else {
            const QString text = tr("Connected as %1, but this user may not manage webhooks: %2")
                                     .arg(result.value().login, result.value().reason);
            log(Severity::Warning, text);
            Q_EMIT message(Severity::Warning, text);
        }
        endBusy();
    });
}

void WebhookController::obtainToken(const QString &login, const QString &password)
{
    if (login.trimmed().isEmpty() || password.isEmpty()) {
        Q_EMIT message(Severity::Warning, tr("Enter both the login and the password to obtain a token."));
        return;
    }
    if (!beginBusy())
        return;
    SecretMasker::instance().add(password);
    ClientConfig config = m_clientTemplate;
    config.baseUrl = apiUrl();
    config.login = login.trimmed();
    config.password = password;
    auto *exchange = new MoySkladClient(config, this);
    exchange->obtainToken(this, [this, exchange](Result<QString, ApiError> result) {
        exchange->deleteLater();
        if (!result.ok()) {
            reportApiError(tr("Could not obtain a token"), result.error());
        } else {
            setToken(result.value());
            const QString text = tr("A new API token was obtained and saved; earlier tokens of this user no longer "
                                    "work.");
            log(Severity::Info, text);
            Q_EMIT message(Severity::Info, text);
        }
        endBusy();
    });
}

void WebhookController::reportApiError(const QString &what, const ApiError &error)
{
    QString advice;
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        advice = tr("Check the network connection and the API URL.");
        break;
    case ApiError::Kind::Unauthorized:
        advice = tr("The token or the login and password are wrong: enter a valid token or obtain a new one.");
        break;
    case ApiError::Kind::Forbidden:
        advice = tr("This user lacks the rights: webhooks need an administrator of the account.");
        break;
    case ApiError::Kind::RateLimited:
        advice = tr("MoySklad limits the request rate: try again in a minute.");
        break;
    default:
        break;
    }
    const QString text =
        what + QStringLiteral(": ") + error.toString() + (advice.isEmpty() ? QString() : QLatin1Char('\n') + advice);
    log(Severity::Error, what, error.toString());
    Q_EMIT message(Severity::Error, text);
}

void WebhookController::log(Severity severity, const QString &text, const QString &details)
{
    if (!m_log)
        return;
    switch (severity) {
    case Severity::Info:
        m_log->info(logCategory, text, details);
        break;
    case Severity::Warning:
        m_log->warning(logCategory, text, details);
        break;
    case Severity::Error:
        m_log->error(logCategory, text, details);
        break;
    }
}
