// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hooks/hookapplier.h"
#include "hooks/hookplan.h"
#include "moysklad/moyskladclient.h"
#include "settings/secretstore.h"

#include <QObject>
#include <QSet>
#include <QUrl>

#include <optional>

class DiagnosticsLog;
class FileSecretStore;
class Settings;

// What the webhook window does, without widgets: holds the secrets, the account's hooks and the plan, and runs
// one network operation at a time (refresh, install, apply, check, obtain a token), all asynchronous.
// Changing the site URL, the verification string or the exchange settings re-plans at once, locally.
class WebhookController final : public QObject
{
    Q_OBJECT

public:
    enum class Severity { Info, Warning, Error };

    WebhookController(Settings *settings, SecretStore *keychain, DiagnosticsLog *log, QObject *parent = nullptr);
    ~WebhookController() override;

    // Used instead of the api.url setting for this session (--api-url).
    void setApiUrlOverride(const QUrl &url) { m_apiUrlOverride = url; }
    QUrl apiUrl() const;
    // Limits, retries and timeouts of the clients made (tests shorten them).
    void setClientTemplate(const ClientConfig &config) { m_clientTemplate = config; }

    // Secrets: reads the token and the verification string; generates and saves a verification string when none
    // is saved yet. Emits secretsLoaded() once done, also after a failure (then secretStoreFailed() came first).
    void loadSecrets();
    bool secretsLoaded() const { return m_secretsLoaded; }
    QString token() const { return m_token; }
    QString siteSecret() const { return m_siteSecret; }
    void setToken(const QString &token);
    void setSiteSecret(const QString &secret);
    void generateSiteSecret();
    // The explicit opt-in: secrets in the settings file instead of the keychain (and back).
    void setSecretsInFile(bool inFile);
    SecretStore *secretStore() const { return m_store; }

    bool isBusy() const { return m_busy; }
    bool hasListed() const { return m_listed; }
    const HookPlan &plan() const { return m_plan; }

    void refresh();
    void installMissing();
    // Creates missing hooks, enables our disabled ones and rewrites the hooks with these ids.
    void apply(const QSet<QString> &updateIds);
    // Deletes our hooks that the exchange settings no longer need (only on this explicit request).
    void removeUnneeded();
    void checkConnection();
    // Exchanges login and password for a token (MoySklad revokes the user's earlier tokens) and saves it.
    void obtainToken(const QString &login, const QString &password);

Q_SIGNALS:
    void busyChanged(bool busy);
    void planChanged();
    void secretsLoadFinished();
    void tokenChanged(const QString &token);
    void siteSecretChanged(const QString &secret);
    void secretStoreFailed(const SecretError &error);
    void secretsStoreSwitched(bool inFile);
    // onConnectionTab: the fix is on the Connection tab (the window offers to open it).
    void message(WebhookController::Severity severity, const QString &text, bool onConnectionTab = false);

private:
    void onSettingChanged(const QString &key);
    void replan();
    bool beginBusy();
    void endBusy();
    MoySkladClient *client();
    // Lists the hooks, re-plans, then ends the busy period; `prefix` (a result) is shown before the count.
    void listThenFinish(const QString &prefix);
    bool checkReadyToWrite();
    void runApply(const ApplyOptions &options);
    void saveSecret(const QString &key, const QString &value);
    void reportApiError(const QString &what, const ApiError &error);
    void log(Severity severity, const QString &text, const QString &details = {});

    Settings *m_settings = nullptr;
    SecretStore *m_keychain = nullptr;
    FileSecretStore *m_fileStore = nullptr;
    SecretStore *m_store = nullptr;
    DiagnosticsLog *m_log = nullptr;
    MoySkladClient *m_client = nullptr;
    HookApplier *m_applier = nullptr;
    std::optional<QUrl> m_apiUrlOverride;
    ClientConfig m_clientTemplate;

    QString m_token;
    QString m_siteSecret;
    bool m_secretsLoaded = false;
    QList<Webhook> m_actual;
    bool m_listed = false;
    HookPlan m_plan;
    bool m_busy = false;
};
