// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "moysklad/moyskladclient.h"
#include "service/service.h"
#include "settings/secretstore.h"
#include "settings/settingkey.h"
#include "settings/settings.h"
#include "store/changefeed.h"
#include "store/databasefile.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <future>
#include <memory>
#include <optional>

class CatchUpScheduler;
class Clock;
class HookHealth;
class QSettings;
class SqliteDiagnosticsLog;
class StoreLeadership;
class StoreWriter;
struct ServiceConfig;

// Everything one data directory is, built once and shared by both faces (the desktop app and skladhook-cli):
// the settings, the one secret-store choice (the OS keychain, or the settings file after the explicit opt-in),
// the loaded secrets, the API client, the database's writer and diagnostics log — and the service, which runs
// here when it can or is followed in the process that runs it.
//
// Changes travel between processes through the database's change counters (ChangeFeed): whatever this workspace
// changes (a setting, a secret, a queue action) it announces, and it follows what other processes announce within
// one poll. A running service therefore follows a mode, a setting, a token or a verification string changed by
// another process, and takes a task retried elsewhere at once.
class Workspace final : public QObject
{
    Q_OBJECT

public:
    // Who we are to MoySklad for this process only (skladhook-cli's MOYSKLAD_TOKEN, or MOYSKLAD_LOGIN and
    // MOYSKLAD_PASSWORD): used instead of the stored token, never saved.
    struct Credentials
    {
        QString token;
        QString login;
        QString password;
    };

    struct Options
    {
        QString dataDir;
        QUrl apiUrlOverride;         // --api-url: used instead of the api.url setting
        ClientConfig clientTemplate; // limits, retries and timeouts of the client (tests shorten them)
        std::optional<Credentials> credentials;
        // The OS keychain. Unset: QtKeychain (KeychainSecretStore). Tests give an in-memory store here; the file
        // opt-in is chosen by the settings either way, never by the caller.
        std::function<std::unique_ptr<SecretStore>()> keychain;
        const Clock *clock = nullptr; // null: the system clock
        int changePollMs = 500;
    };

    enum class Role {
        Idle,          // runService() not asked for (a CLI command that only reads or writes settings)
        NotConfigured, // waiting for the site URL or the verification string; starts by itself once they are set
        Serving,       // the receiver and the worker run in this process
        Attached,      // another process (skladhook-cli serve) serves this data directory: followed, read-only
        Failed,        // could not start: roleDetail() says why (the port is taken, the keychain is locked…)
        // The store is PostgreSQL and its services (skladhook-cli serve) run on other machines: followed and
        // controlled through the store, as when attached. roleDetail() names the store (its URL, password masked).
        Remote,
    };
    Q_ENUM(Role)

    enum class MissingSiteSecret { Leave, Generate };

    explicit Workspace(Options options, QObject *parent = nullptr);
    ~Workspace() override;

    // Creates the data directory, reads the settings, opens the database (creating or migrating it), chooses the
    // secret store and starts following other processes' changes. Nothing else works before it succeeded.
    Result<Done, QString> open();
    // After open() failed: what is wrong with skladhook.db (Kind::None when the database was not the problem). The
    // desktop app offers to move it aside when problem.canMoveAside().
    const DatabaseFile::Problem &openProblem() const { return m_openProblem; }

    QString dataDir() const { return m_options.dataDir; }
    // Where the store is (Database): store.url when set (PostgreSQL, shared with the services of other machines),
    // else skladhook.db in the data directory. Read once by open(): a new store.url applies at the next start.
    QString storeLocation() const;
    bool isRemoteStore() const; // store.url names a PostgreSQL database
    Settings &settings() const { return *m_settings; }
    SecretStore &secretStore() const { return *m_secrets; }
    SqliteDiagnosticsLog &log() const { return *m_log; }
    StoreWriter &writer() const { return *m_writer; }
    const Clock &clock() const { return *m_clock; }

    // Secrets ---------------------------------------------------------------------------------------------------
    // Reads the token and the verification string. With Generate, a missing verification string is generated and
    // saved (the first start). `done` gets the store's error, if any; secretsLoaded() is emitted either way.
    void loadSecrets(MissingSiteSecret missing, std::function<void(std::optional<SecretError>)> done = {});
    bool hasLoadedSecrets() const { return m_secretsLoaded; }
    QString token() const; // the credentials override's token, else the stored one
    QString siteSecret() const { return m_siteSecret; }
    // Saved in the chosen store, then announced; an empty token removes it. `done` may be empty.
    void saveToken(const QString &token, SecretStore::Callback<Done> done = {});
    void saveSiteSecret(const QString &secret, SecretStore::Callback<Done> done = {});
    // The password of the PostgreSQL store on this machine (store.url), read before the store is opened when neither
    // the URL nor PGPASSWORD carries one; saved for the next start. An empty one removes it.
    void saveStorePassword(const QString &password, SecretStore::Callback<Done> done = {});
    // The explicit opt-in (and back): the secrets move to the other store; plaintext copies are removed when leaving,
    // once the keychain holds them. When the keychain cannot take them, the settings file stays the store (and
    // `done` gets the keychain's error). Needs loadSecrets() first.
    void setSecretsInFile(bool inFile, SecretStore::Callback<Done> done = {});
    bool secretsInFile() const;

    // A verification string replaced by saveSiteSecret() stays accepted by the receiver (site.secretOverlapHours)
    // until every hook of ours carries the new one (HookSync sees that in a listing), so that no delivery is refused
    // between the change and the update of the hooks.
    bool isRotatingSecret() const { return !m_previousSiteSecret.isEmpty(); }
    QDateTime secretRotationEnds() const { return m_rotationEnds; }
    void endSecretRotation(const QString &why);

    // A new site URL: the receiver still serves the previous site's path (site.secretOverlapHours) until every hook
    // of ours points at the new URL (HookSync sees that in a listing), so that MoySklad's deliveries to the hooks it
    // still has are not answered 404 meanwhile. Kept in the settings (site/move), so that every process follows it.
    std::optional<SiteMove> siteMove() const;
    bool isMovingSite() const { return siteMove().has_value(); }
    void endSiteMove(const QString &why);

    // The API client -------------------------------------------------------------------------------------------
    QUrl apiUrl() const;
    // One client per workspace, following the API URL and the token; its rate limit is shared by everything this
    // process sends.
    MoySkladClient &client() const { return *m_client; }
    bool hasCredentials() const;
    // With a login + password given for this process (and no token): keeps the stored token when MoySklad accepts it,
    // and exchanges the login only when none is stored or it is refused — an exchange revokes the user's earlier
    // tokens, the one a running service uses among them — then saves what it obtained, so the service gets it too.
    // `done` says whether it exchanged; without login credentials it just answers false.
    void ensureWorkingToken(std::function<void(Result<bool, ApiError>)> done);
    // A one-off client for a login + password exchange (it revokes the user's earlier tokens).
    std::unique_ptr<MoySkladClient> makeLoginClient(const QString &login, const QString &password) const;

    // The service ----------------------------------------------------------------------------------------------
    // Serve this data directory from now on: here, as soon as the site URL and the verification string are known,
    // or attached to the process that already serves it. Changes (local or announced) are followed.
    void runService();
    void stopService();
    // Remote mode (the desktop app on a PostgreSQL store): this process serves nothing; it shows and controls what
    // the services of the store do. Only with a PostgreSQL store (isRemoteStore()).
    void followSharedStore();
    Role role() const { return m_role; }
    // The lock holder ("pid 1234 on host") when attached; why not, when not configured or failed; the store, when
    // remote.
    QString roleDetail() const { return m_roleDetail; }
    Service *service() const { return m_service.get(); }
    // MoySklad answered 401 to the token (the worker, a catch-up): processing holds until a new token is saved.
    void reportTokenRejected();
    // The catch-up sync of this data directory: at the service's start, every sync.interval and on demand.
    CatchUpScheduler &catchUp() const { return *m_catchUp; }
    // Checks the hooks of ours every hooks.checkInterval while this process serves (and repairs them with
    // hooks.autoRepair); idle otherwise. Always there, so that a face connects to it once.
    HookHealth &hookHealth() const { return *m_hookHealth; }
    // MoySklad answered 401 to the current token (processing is held until another one is saved).
    bool isTokenRejected() const { return m_tokenRejected; }

    // Whether this process runs the account's periodic jobs (the catch-up sync, the hook check): always on its own
    // store; on a shared PostgreSQL store, only the one service that holds the lead (StoreLeadership).
    bool leadsPeriodicJobs();

    // Tells every process watching this data directory (and this one) that `topic` changed.
    void announce(ChangeTopic topic);

Q_SIGNALS:
    void secretsLoaded();
    void tokenChanged(const QString &token);
    void siteSecretChanged(const QString &secret);
    // loadSecrets(Generate) found none and generated one (saved once written: see secretStoreFailed otherwise).
    void siteSecretGenerated();
    void secretRotationChanged();
    void siteMoveChanged();
    void secretStoreFailed(const SecretError &error);
    void secretStoreSwitched(bool inFile);
    void roleChanged(Workspace::Role role);
    // Another process announced a queue change (or this one did): views of the queue refresh.
    void queueChanged();
    // The integrity check at open (PRAGMA quick_check, in the background) found the database damaged; the text
    // names the file and what to do. Also logged.
    void storeDamaged(const QString &message);
    // The service's writes fail for want of storage ("disk full", "database read-only"), or work again (empty).
    void storageChanged(const QString &problem);

private:
    // With a PostgreSQL store whose URL and environment give no password: the one saved in the secret store, handed to
    // libpq (PGPASSWORD) before the first connection. Waits for the keychain's answer.
    void provideStorePassword();
    // With a PostgreSQL store: refuses a half-migrated one, and reads the account's settings from it.
    Result<Done, QString> sharedStoreSetUp();
    void chooseSecretStore();
    void checkIntegrity();
    void onSettingChanged(SettingKey key);
    void onAnnounced(ChangeTopic topic);
    void onSiteMoveChanged();
    void reloadSecrets();
    void applyToken(const QString &token);
    void applySiteSecret(const QString &secret);
    // A replaced string accepted until `ends` (none, or an end already past: no rotation).
    void applyPreviousSiteSecret(const QString &previous, const QDateTime &ends);
    // The same from its stored form, "<end>|<string>" (empty: no rotation); one that is over is removed.
    void applyStoredPreviousSiteSecret(const QString &stored);
    // The rotation in progress as it is stored: "<end>|<string>".
    QString storedPreviousSiteSecret() const;
    // Only the replaced string accepted again, in this process (the stored copy is the caller's business).
    void clearRotation();
    void writeSecret(const QString &key, const QString &value, SecretStore::Callback<Done> done);
    // writeSecret() for a secret the user saved (or removed, when empty), said in the log once it is stored: `saved`
    // and `removed` are LogMessage templates with the secret store's name as %1.
    void saveSecret(const QString &key, const QString &value, const char *saved, const char *removed,
                    SecretStore::Callback<Done> done);
    // saveSiteSecret() once the secrets are loaded.
    void storeSiteSecret(const QString &secret, SecretStore::Callback<Done> done);
    void evaluateService();
    // The services table's entry of this process while it serves a shared store, or its removal once it stops.
    void writeRegistryEntry();
    QString registryId() const;
    void setRole(Role role, const QString &detail = {});
    ServiceConfig serviceConfig() const;
    Service::Hold processingHold() const;

    Options m_options;
    QString m_storeLocation; // store.url as open() read it; empty: the data directory's skladhook.db
    const Clock *m_clock = nullptr;
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_keychain;
    std::unique_ptr<SecretStore> m_fileStore;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<SqliteDiagnosticsLog> m_log;
    std::unique_ptr<MoySkladClient> m_client;
    std::unique_ptr<ChangeWatcher> m_watcher;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<CatchUpScheduler> m_catchUp;
    DatabaseFile::Problem m_openProblem;
    std::future<void> m_integrityCheck; // waited for on destruction
    std::unique_ptr<HookHealth> m_hookHealth;
    std::unique_ptr<StoreLeadership> m_leadership; // a shared store's only

    QString m_storedToken;
    QString m_storePassword; // from the secret store; empty when none is saved or another source gives it
    QString m_siteSecret;
    QString m_previousSiteSecret; // accepted too until m_rotationEnds
    QDateTime m_rotationEnds;
    QTimer m_registryTimer; // a service on a shared store says what it does (ServiceRegistry), every few seconds
    QTimer m_rotationTimer;
    QTimer m_siteMoveTimer;
    bool m_secretsLoaded = false;
    bool m_tokenRejected = false; // MoySklad answered 401 to the current token
    bool m_wantService = false;
    bool m_reloadingSettings = false;
    Role m_role = Role::Idle;
    QString m_roleDetail;
};
