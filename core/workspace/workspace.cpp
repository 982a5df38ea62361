// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"
#include "catchupscheduler.h"

#include "common/clock.h"
#include "common/owneronly.h"
#include "common/secretmasker.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "intake/receiver.h"
#include "service/service.h"
#include "settings/databasesettingsbackend.h"
#include "settings/filesecretstore.h"
#include "settings/keychainsecretstore.h"
#include "settings/secretgenerator.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/databasefile.h"
#include "store/postgresrequestgate.h"
#include "store/readconnection.h"
#include "store/serviceregistry.h"
#include "store/storeleadership.h"
#include "store/storeurl.h"
#include "store/storewriter.h"
#include "workspace/hookhealth.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QMetaEnum>
#include <QPointer>
#include <QSettings>
#include <QSysInfo>

#include <limits>

namespace {
const QString category = QStringLiteral("workspace");
// How often a service on a shared store renews its entry in the services table; readers take an entry older than a
// few of these for a process that is gone.
constexpr int registryIntervalMs = 5000;

// A secret read: the value, or nullopt when none is saved; errors are reported by the caller.
using SecretRead = Result<std::optional<QString>, SecretError>;
} // namespace

Workspace::Workspace(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(m_options.clock ? m_options.clock : &Clock::system())
{
    m_options.dataDir = QDir(m_options.dataDir).absolutePath();
    m_rotationTimer.setSingleShot(true);
    connect(&m_rotationTimer, &QTimer::timeout, this,
            [this] { endSecretRotation(QStringLiteral("the overlap period ended")); });
    m_registryTimer.setInterval(registryIntervalMs);
    connect(&m_registryTimer, &QTimer::timeout, this, &Workspace::writeRegistryEntry);
    m_siteMoveTimer.setSingleShot(true);
    connect(&m_siteMoveTimer, &QTimer::timeout, this,
            [this] { endSiteMove(QStringLiteral("the overlap period ended")); });
}

Workspace::~Workspace()
{
    if (m_integrityCheck.valid())
        m_integrityCheck.wait();
    // The service first: it uses the client, the log and the writer, which go after it (the writer last, so that
    // everything logged on the way out is committed).
    if (m_hookHealth)
        m_hookHealth->stop();
    if (m_service)
        m_service->stop();
    m_service.reset();
    m_hookHealth.reset();
    if (m_wantService) {
        m_wantService = false;
        writeRegistryEntry(); // gone from the services table
    }
    // Announcements still queued reach the watcher from the writer's thread: let them finish before it goes.
    if (m_writer)
        m_writer->flush();
    m_watcher.reset();
}

Result<Done, QString> Workspace::open()
{
    if (!QDir().mkpath(m_options.dataDir))
        return QStringLiteral("cannot create the data directory %1").arg(m_options.dataDir);
    m_ini = std::make_unique<QSettings>(Settings::fileIn(m_options.dataDir), QSettings::IniFormat);
    m_settings = std::make_unique<Settings>(m_ini.get());
    m_settings->setClock(m_clock);
    if (!m_settings->siteMove())
        m_settings->endSiteMove(); // one that ended while nothing ran
    m_storeLocation = m_settings->storeUrl();
    chooseSecretStore();
    if (isRemoteStore())
        provideStorePassword();
    m_writer = std::make_unique<StoreWriter>(storeLocation());
    const auto started = m_writer->start();
    if (!started.ok()) {
        m_writer.reset();
        if (isRemoteStore()) {
            // Names the masked URL and what the server said; a refused password says where to put one.
            QString error = started.error();
            if (error.contains(QLatin1String("password")))
                error += QStringLiteral(" (save the database password on this machine: PGPASSWORD=… skladhook-cli "
                                        "config set store.password -)");
            return error;
        }
        // Say what is wrong with the file, in words that lead to the cure (move aside, restore), not SQLite's alone.
        m_openProblem = DatabaseFile::inspect(storeLocation());
        if (m_openProblem.ok())
            return QStringLiteral("cannot open %1: %2").arg(storeLocation(), started.error());
        return m_openProblem.message();
    }
    if (isRemoteStore()) {
        auto shared = sharedStoreSetUp();
        if (!shared.ok()) {
            m_writer.reset();
            return shared.error();
        }
    }
    m_log = std::make_unique<SqliteDiagnosticsLog>(m_writer.get(), *m_clock);
    const OwnerOnly::Secured secured = OwnerOnly::secure(m_options.dataDir);
    for (const QString &path : secured.failed)
        m_log->warning(QStringLiteral("workspace"),
                       LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 cannot be made owner-only"), path));
    if (secured.shared)
        m_log->warning(QStringLiteral("workspace"),
                       LogText(QT_TRANSLATE_NOOP("LogMessage", "The data directory %1 looks shared (it holds "
                                                               "directories, or is /tmp or the home directory): it "
                                                               "was left as it is, and only SkladHook's own files in "
                                                               "it were made owner-only. A directory of its own is "
                                                               "safer."),
                               m_options.dataDir));
    for (const QString &problem : m_settings->problems())
        m_log->warning(QStringLiteral("settings"), problem);

    ClientConfig config = m_options.clientTemplate;
    config.baseUrl = apiUrl();
    if (m_options.credentials) {
        config.token = m_options.credentials->token;
        config.login = m_options.credentials->login;
        config.password = m_options.credentials->password;
        SecretMasker::instance().add(config.token);
        SecretMasker::instance().add(config.password);
    }
    // The account's limits are MoySklad's, whichever process sends: services sharing a store share them too.
    if (isRemoteStore())
        config.sharedGate = std::make_shared<PostgresRequestGate>(storeLocation(), config.limits);
    m_client = std::make_unique<MoySkladClient>(config, nullptr, *m_clock);
    m_catchUp = std::make_unique<CatchUpScheduler>(this);
    m_hookHealth = std::make_unique<HookHealth>(this);
    // What changed while a hook was off never arrived: catch up from the last complete moment.
    connect(m_hookHealth.get(), &HookHealth::hooksRepaired, m_catchUp.get(), [this] {
        const auto started =
            m_catchUp->runNow(std::nullopt, QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "after a hook repair")));
        if (!started.ok())
            m_log->info(QStringLiteral("sync"),
                        LogText(QT_TRANSLATE_NOOP("LogMessage", "Catch-up sync after a hook repair not started: %1"),
                                started.error()));
    });

    connect(m_settings.get(), &Settings::changed, this, &Workspace::onSettingChanged);
    connect(m_settings.get(), &Settings::siteMoveChanged, this, &Workspace::onSiteMoveChanged);
    onSiteMoveChanged();
    connect(m_settings.get(), &Settings::executionModeChanged, this,
            [this](const QString &entityType, const QString &action) {
                if (!m_reloadingSettings) {
                    m_log->info(QStringLiteral("settings"),
                                LogText(QT_TRANSLATE_NOOP("LogMessage", "Execution mode of %1/%2: %3"), entityType,
                                        action, executionModeName(m_settings->executionMode(entityType, action))));
                    announce(ChangeTopic::Settings);
                }
                if (m_service)
                    m_service->reconfigure(serviceConfig());
            });
    m_watcher = std::make_unique<ChangeWatcher>(storeLocation(), m_options.changePollMs);
    connect(m_watcher.get(), &ChangeWatcher::changed, this, &Workspace::onAnnounced);
    m_watcher->start();
    checkIntegrity();
    return Done{};
}

void Workspace::provideStorePassword()
{
    const auto url = StoreUrl::parse(storeLocation());
    if (!url.ok() || !url.value().password().isEmpty() || !qEnvironmentVariableIsEmpty("PGPASSWORD"))
        return;
    std::optional<SecretRead> read;
    QEventLoop loop;
    m_secrets->read(SecretKey::storePassword, [&read, &loop](SecretRead result) {
        read = std::move(result);
        loop.quit();
    });
    if (!read)
        loop.exec(); // the keychain answers asynchronously; nothing else runs yet
    if (!read->ok() || !read->value())
        return; // none saved (libpq may still find ~/.pgpass), or the keychain failed: the connection will say so
    m_storePassword = *read->value();
    SecretMasker::instance().add(m_storePassword);
    // libpq reads it for every connection of this process: the writer's, the readers', the gate's.
    qputenv("PGPASSWORD", m_storePassword.toUtf8());
}

void Workspace::saveStorePassword(const QString &password, SecretStore::Callback<Done> done)
{
    const QString trimmed = password.trimmed();
    SecretMasker::instance().add(trimmed);
    m_storePassword = trimmed;
    saveSecret(SecretKey::storePassword, trimmed,
               QT_TRANSLATE_NOOP("LogMessage", "A database password was saved in %1"),
               QT_TRANSLATE_NOOP("LogMessage", "The database password was removed from %1"), std::move(done));
}

Result<Done, QString> Workspace::sharedStoreSetUp()
{
    {
        // A store whose `store migrate` did not finish is refused rather than served half-empty.
        ReadConnection store(storeLocation());
        if (!store.isOpen())
            return store.error();
        const auto complete = Database::checkComplete(store.db());
        if (!complete.ok())
            return QStringLiteral("%1: %2").arg(Database::displayName(storeLocation()), complete.error());
    }
    auto backend = DatabaseSettingsBackend::open(storeLocation());
    if (!backend.ok())
        return backend.error();
    return m_settings->shareAccountSettings(std::move(backend.value()));
}

QString Workspace::storeLocation() const
{
    return m_storeLocation.isEmpty() ? Database::fileIn(m_options.dataDir) : m_storeLocation;
}

bool Workspace::isRemoteStore() const
{
    return Database::isPostgres(storeLocation());
}

void Workspace::checkIntegrity()
{
    if (isRemoteStore())
        return; // PostgreSQL checks its own pages
    // quick_check reads every page: off the GUI thread, and only its finding comes back.
    const QString path = storeLocation();
    QPointer<Workspace> self(this);
    m_integrityCheck = std::async(std::launch::async, [self, path] {
        const DatabaseFile::Problem problem = DatabaseFile::inspect(path);
        if (problem.ok())
            return;
        QMetaObject::invokeMethod(self.data(), [self, problem] {
            if (!self)
                return;
            self->m_log->error(QStringLiteral("store"), problem.message());
            Q_EMIT self->storeDamaged(problem.message());
        });
    });
}

// Secrets ---------------------------------------------------------------------------------------------------------

void Workspace::chooseSecretStore()
{
    // The one place that decides: the file only after the explicit opt-in, otherwise the keychain — never a silent
    // fallback from one to the other.
    if (m_settings->secretsInFile()) {
        if (!m_fileStore)
            m_fileStore = std::make_unique<FileSecretStore>(m_ini.get());
        m_secrets = m_fileStore.get();
        return;
    }
    if (!m_keychain)
        m_keychain =
            m_options.keychain ? m_options.keychain() : std::make_unique<KeychainSecretStore>(m_options.dataDir);
    m_secrets = m_keychain.get();
}

bool Workspace::secretsInFile() const
{
    return m_fileStore && m_secrets == m_fileStore.get();
}

QString Workspace::token() const
{
    if (m_options.credentials && !m_options.credentials->token.isEmpty())
        return m_options.credentials->token;
    return m_storedToken;
}

bool Workspace::hasCredentials() const
{
    if (!token().isEmpty())
        return true;
    return m_options.credentials && !m_options.credentials->login.isEmpty() &&
           !m_options.credentials->password.isEmpty();
}

void Workspace::loadSecrets(MissingSiteSecret missing, std::function<void(std::optional<SecretError>)> done)
{
    auto pending = std::make_shared<int>(3);
    auto failure = std::make_shared<std::optional<SecretError>>();
    const auto finishOne = [this, pending, failure, done] {
        if (--*pending > 0)
            return;
        m_secretsLoaded = true;
        if (*failure)
            Q_EMIT secretStoreFailed(**failure);
        Q_EMIT secretsLoaded();
        if (done)
            done(*failure);
        evaluateService();
    };
    SecretStore *store = m_secrets;
    store->read(SecretKey::previousSiteSecret, [this, finishOne](SecretRead result) {
        if (result.ok())
            applyStoredPreviousSiteSecret(result.value().value_or(QString()));
        finishOne();
    });
    store->read(SecretKey::apiToken, [this, store, failure, finishOne](SecretRead result) {
        if (!result.ok()) {
            *failure = result.error();
            m_log->error(
                category,
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Cannot read the API token from %1"), store->description()),
                result.error().toString());
        } else {
            applyToken(result.value().value_or(QString()));
        }
        finishOne();
    });
    store->read(SecretKey::siteSecret, [this, store, missing, failure, finishOne](SecretRead result) {
        if (!result.ok()) {
            if (!*failure)
                *failure = result.error();
            m_log->error(category,
                         LogText(QT_TRANSLATE_NOOP("LogMessage", "Cannot read the verification string from %1"),
                                 store->description()),
                         result.error().toString());
        } else if (result.value() && !result.value()->isEmpty()) {
            applySiteSecret(*result.value());
        } else if (missing == MissingSiteSecret::Generate) {
            // The first start: a random verification string, saved before anyone builds a hook URL with it, so
            // that the hooks and the receiver agree from the beginning.
            const QString generated = SecretGenerator::verificationString();
            SecretMasker::instance().add(generated);
            writeSecret(SecretKey::siteSecret, generated,
                        [this, generated, failure, finishOne](Result<Done, SecretError> written) {
                            // Used for this session even when it could not be saved (the failure is reported).
                            applySiteSecret(generated);
                            if (written.ok()) {
                                m_log->info(
                                    category,
                                    LogText(QT_TRANSLATE_NOOP("LogMessage",
                                                              "A verification string was generated and saved in %1"),
                                            m_secrets->description()));
                                Q_EMIT siteSecretGenerated();
                            } else if (!*failure) {
                                *failure = written.error();
                            }
                            finishOne();
                        });
            return;
        }
        finishOne();
    });
}

void Workspace::reloadSecrets()
{
    if (!m_secretsLoaded)
        return;    // nothing loaded yet: loadSecrets() reads the current values anyway
    m_ini->sync(); // the file store reads the settings file, which another process wrote
    m_secrets->read(SecretKey::apiToken, [this](SecretRead result) {
        if (result.ok() && result.value().value_or(QString()) != m_storedToken) {
            applyToken(result.value().value_or(QString()));
            m_log->info(category,
                        result.value()
                            ? LogText(QT_TRANSLATE_NOOP("LogMessage", "A new API token was saved by another process"))
                            : LogText(QT_TRANSLATE_NOOP("LogMessage", "The API token was removed by another process")));
        }
    });
    // The previous string before the new one: the receiver never refuses what the hooks still carry.
    m_secrets->read(SecretKey::previousSiteSecret, [this](SecretRead previous) {
        if (previous.ok())
            applyStoredPreviousSiteSecret(previous.value().value_or(QString()));
        m_secrets->read(SecretKey::siteSecret, [this](SecretRead result) {
            if (result.ok() && result.value() && !result.value()->isEmpty() && *result.value() != m_siteSecret) {
                applySiteSecret(*result.value());
                m_log->info(category, LogText(QT_TRANSLATE_NOOP(
                                          "LogMessage", "A new verification string was saved by another process")));
            }
        });
    });
}

void Workspace::applyStoredPreviousSiteSecret(const QString &stored)
{
    const qsizetype bar = stored.indexOf(QLatin1Char('|'));
    const QDateTime ends = bar > 0 ? QDateTime::fromString(stored.left(bar), Qt::ISODateWithMs) : QDateTime();
    const QString previous = bar > 0 ? stored.mid(bar + 1) : QString();
    if (!stored.isEmpty() && (previous.isEmpty() || !ends.isValid() || ends <= m_clock->utcNow()))
        m_secrets->remove(SecretKey::previousSiteSecret, [](Result<Done, SecretError>) {}); // over while nothing ran
    applyPreviousSiteSecret(previous, ends);
}

void Workspace::applyPreviousSiteSecret(const QString &previous, const QDateTime &ends)
{
    if (!previous.isEmpty())
        SecretMasker::instance().add(previous);
    if (previous.isEmpty() || !ends.isValid() || ends <= m_clock->utcNow()) {
        clearRotation();
        return;
    }
    if (previous == m_previousSiteSecret && ends == m_rotationEnds)
        return;
    m_previousSiteSecret = previous;
    m_rotationEnds = ends;
    m_rotationTimer.start(int(std::min<qint64>(m_clock->utcNow().msecsTo(ends), std::numeric_limits<int>::max())));
    if (m_service)
        m_service->setVerificationString(m_siteSecret, m_previousSiteSecret);
    Q_EMIT secretRotationChanged();
}

QString Workspace::storedPreviousSiteSecret() const
{
    return m_rotationEnds.toString(Qt::ISODateWithMs) + QLatin1Char('|') + m_previousSiteSecret;
}

void Workspace::clearRotation()
{
    if (!isRotatingSecret())
        return;
    m_previousSiteSecret.clear();
    m_rotationEnds = {};
    m_rotationTimer.stop();
    if (m_service)
        m_service->setVerificationString(m_siteSecret, {});
    Q_EMIT secretRotationChanged();
}

void Workspace::endSecretRotation(const QString &why)
{
    if (!isRotatingSecret())
        return;
    clearRotation();
    m_secrets->remove(SecretKey::previousSiteSecret, [this](Result<Done, SecretError> removed) {
        if (removed.ok())
            announce(ChangeTopic::Secrets);
    });
    m_log->info(
        category,
        LogText(QT_TRANSLATE_NOOP("LogMessage", "The previous verification string is refused from now on: %1"), why));
}

std::optional<SiteMove> Workspace::siteMove() const
{
    return m_settings->siteMove();
}

void Workspace::endSiteMove(const QString &why)
{
    // Called while a move lasts (a listing) or when its time is up (the timer): either way it is over here.
    m_siteMoveTimer.stop();
    m_settings->endSiteMove(); // also one whose time is up: it goes from the file
    m_log->info(category,
                LogText(QT_TRANSLATE_NOOP("LogMessage", "The previous site path is refused from now on: %1"), why));
    // The time may be up with the stored move already gone (another process removed it): follow it here too.
    if (m_service)
        m_service->reconfigure(serviceConfig());
    Q_EMIT siteMoveChanged();
}

void Workspace::onSiteMoveChanged()
{
    const std::optional<SiteMove> move = m_settings->siteMove();
    if (move)
        m_siteMoveTimer.start(
            int(std::min<qint64>(m_clock->utcNow().msecsTo(move->ends), std::numeric_limits<int>::max())));
    else
        m_siteMoveTimer.stop();
    if (!m_log)
        return; // open() reading what it found, before anything follows it
    if (!m_reloadingSettings) {
        if (move)
            m_log->info(category,
                        LogText(QT_TRANSLATE_NOOP("LogMessage",
                                                  "Deliveries to the previous site URL %1 stay accepted until %2 or "
                                                  "until every hook of ours points at the new one"),
                                move->from.toString(), move->ends.toString(Qt::ISODate)));
        announce(ChangeTopic::Settings);
    }
    if (m_service)
        m_service->reconfigure(serviceConfig());
    Q_EMIT siteMoveChanged();
}

void Workspace::applyToken(const QString &token)
{
    // A new token gets its chance; the one MoySklad refused is gone.
    if (token != m_storedToken)
        m_tokenRejected = false;
    m_storedToken = token;
    SecretMasker::instance().add(token);
    m_client->setToken(this->token());
    if (m_service)
        m_service->setHold(processingHold());
    Q_EMIT tokenChanged(token);
}

void Workspace::applySiteSecret(const QString &secret)
{
    // The old string stays registered with the masker: outdated hooks still carry it.
    SecretMasker::instance().add(secret);
    m_siteSecret = secret;
    if (m_service)
        m_service->setVerificationString(secret, m_previousSiteSecret);
    Q_EMIT siteSecretChanged(secret);
    evaluateService();
}

void Workspace::writeSecret(const QString &key, const QString &value, SecretStore::Callback<Done> done)
{
    SecretStore *store = m_secrets;
    const auto finished = [this, store, key, done = std::move(done)](Result<Done, SecretError> result) {
        if (!result.ok()) {
            m_log->error(category,
                         LogText(QT_TRANSLATE_NOOP("LogMessage", "Cannot save %1 in %2"), key, store->description()),
                         result.error().toString());
            Q_EMIT secretStoreFailed(result.error());
        } else {
            announce(ChangeTopic::Secrets);
        }
        if (done)
            done(result);
    };
    if (value.isEmpty())
        store->remove(key, finished);
    else
        store->write(key, value, finished);
}

void Workspace::saveToken(const QString &token, SecretStore::Callback<Done> done)
{
    const QString trimmed = token.trimmed();
    // Used at once, for this session even when the store refuses it (the failure is reported).
    applyToken(trimmed);
    saveSecret(SecretKey::apiToken, trimmed, QT_TRANSLATE_NOOP("LogMessage", "An API token was saved in %1"),
               QT_TRANSLATE_NOOP("LogMessage", "The API token was removed from %1"), std::move(done));
}

void Workspace::saveSecret(const QString &key, const QString &value, const char *saved, const char *removed,
                           SecretStore::Callback<Done> done)
{
    writeSecret(key, value, [this, said = value.isEmpty() ? removed : saved, done](Result<Done, SecretError> result) {
        if (result.ok())
            m_log->info(category, LogText(said, m_secrets->description()));
        if (done)
            done(result);
    });
}

void Workspace::saveSiteSecret(const QString &secret, SecretStore::Callback<Done> done)
{
    if (!m_secretsLoaded) {
        // The string being replaced must be known to keep it accepted (a CLI command has not read the secrets yet).
        loadSecrets(MissingSiteSecret::Leave,
                    [this, secret, done](std::optional<SecretError>) { storeSiteSecret(secret, done); });
        return;
    }
    storeSiteSecret(secret, done);
}

void Workspace::storeSiteSecret(const QString &secret, SecretStore::Callback<Done> done)
{
    const QString trimmed = secret.trimmed();
    if (trimmed.isEmpty()) {
        if (done)
            done(SecretError{SecretError::Kind::Other, QStringLiteral("the verification string cannot be empty")});
        return;
    }
    const QString replaced = m_siteSecret;
    const int overlapHours = m_settings->value(SettingKey::SiteSecretOverlapHours).toInt();
    if (!replaced.isEmpty() && replaced != trimmed && overlapHours > 0) {
        // The hooks carry the replaced string until they are updated: it stays accepted meanwhile. Written before the
        // new string, so that a service following the change never sees the new one alone.
        const QDateTime ends = m_clock->utcNow().addSecs(qint64(overlapHours) * 3600);
        applyPreviousSiteSecret(replaced, ends);
        m_secrets->write(SecretKey::previousSiteSecret, storedPreviousSiteSecret(), [](Result<Done, SecretError>) {});
        m_log->info(category,
                    LogText(QT_TRANSLATE_NOOP("LogMessage",
                                              "The previous verification string stays accepted until %1 or until every "
                                              "hook of ours carries the new one"),
                            ends.toString(Qt::ISODate)));
    }
    applySiteSecret(trimmed);
    // Never empty here, so never "removed".
    const char *saved = QT_TRANSLATE_NOOP("LogMessage", "A new verification string was saved in %1");
    saveSecret(SecretKey::siteSecret, trimmed, saved, saved, std::move(done));
}

void Workspace::setSecretsInFile(bool inFile, SecretStore::Callback<Done> done)
{
    if (inFile == secretsInFile()) {
        if (done)
            done(Done{});
        return;
    }
    SecretStore *previous = m_secrets;
    const auto set =
        m_settings->set(SettingKey::SecretsStore, inFile ? QStringLiteral("file") : QStringLiteral("keychain"));
    if (!set.ok()) {
        if (done)
            done(SecretError{SecretError::Kind::Other, set.error()});
        return;
    }
    // onSettingChanged() chose the new store. What we hold moves there; a missing verification string starts anew.
    if (m_siteSecret.isEmpty())
        applySiteSecret(SecretGenerator::verificationString());
    auto pending = std::make_shared<int>(1 + (m_storedToken.isEmpty() ? 0 : 1) + (isRotatingSecret() ? 1 : 0) +
                                         (m_storePassword.isEmpty() ? 0 : 1));
    auto failure = std::make_shared<std::optional<SecretError>>();
    const auto finishOne = [this, inFile, previous, pending, failure, done](Result<Done, SecretError> result) {
        if (!result.ok() && !*failure)
            *failure = result.error();
        if (--*pending > 0)
            return;
        if (*failure && !inFile && previous == m_fileStore.get()) {
            // The keychain did not take them: the opt-in stays, and with it the copies that work. Choosing the
            // keychain anyway would leave a running service with no token.
            m_log->error(
                category,
                LogText(QT_TRANSLATE_NOOP("LogMessage", "The secrets stay in the settings file: the OS keychain could "
                                                        "not take them")),
                (*failure)->toString());
            (void)m_settings->set(SettingKey::SecretsStore, QStringLiteral("file"));
            Q_EMIT secretStoreSwitched(true);
            if (done)
                done(**failure);
            return;
        }
        if (!*failure && !inFile && previous == m_fileStore.get()) {
            // Leaving the opt-in: the plaintext copies go, and only once the keychain holds the secrets.
            const auto ignore = [](Result<Done, SecretError>) {};
            m_fileStore->remove(SecretKey::apiToken, ignore);
            m_fileStore->remove(SecretKey::siteSecret, ignore);
            m_fileStore->remove(SecretKey::previousSiteSecret, ignore);
            m_fileStore->remove(SecretKey::storePassword, ignore);
        }
        m_log->info(category,
                    inFile ? LogText(QT_TRANSLATE_NOOP("LogMessage",
                                                       "Secrets are now kept in the settings file (plaintext), as "
                                                       "chosen by the user"))
                           : LogText(QT_TRANSLATE_NOOP("LogMessage", "Secrets are now kept in the OS keychain")));
        Q_EMIT secretStoreSwitched(inFile);
        if (done)
            done(*failure ? Result<Done, SecretError>(**failure) : Result<Done, SecretError>(Done{}));
    };
    if (!m_storedToken.isEmpty())
        writeSecret(SecretKey::apiToken, m_storedToken, finishOne);
    if (!m_storePassword.isEmpty())
        writeSecret(SecretKey::storePassword, m_storePassword, finishOne);
    if (isRotatingSecret()) // the replaced string moves too: the hooks may still carry it
        writeSecret(SecretKey::previousSiteSecret, storedPreviousSiteSecret(), finishOne);
    writeSecret(SecretKey::siteSecret, m_siteSecret, finishOne);
}

// The API client ----------------------------------------------------------------------------------------------

QUrl Workspace::apiUrl() const
{
    return m_options.apiUrlOverride.isValid() ? m_options.apiUrlOverride : m_settings->apiUrl();
}

void Workspace::ensureWorkingToken(std::function<void(Result<bool, ApiError>)> done)
{
    const bool login = m_options.credentials && m_options.credentials->token.isEmpty() &&
                       !m_options.credentials->login.isEmpty() && !m_options.credentials->password.isEmpty();
    if (!login) {
        done(false);
        return;
    }
    const auto exchange = [this, done] {
        // Let go of once its answer is in, from the event loop: not from inside its own callback.
        MoySkladClient *exchanger =
            makeLoginClient(m_options.credentials->login, m_options.credentials->password).release();
        exchanger->setParent(this);
        exchanger->obtainToken(this, [this, done, exchanger](Result<QString, ApiError> token) {
            exchanger->deleteLater();
            if (!token.ok()) {
                m_log->error(category,
                             LogText(QT_TRANSLATE_NOOP("LogMessage", "Could not obtain a token with the login")),
                             token.error().toString());
                done(token.error());
                return;
            }
            m_log->warning(category,
                           LogText(QT_TRANSLATE_NOOP("LogMessage",
                                                     "A new API token was obtained with the login; the user's earlier "
                                                     "tokens are revoked")));
            saveToken(token.value(), [done](Result<Done, SecretError>) { done(true); });
        });
    };
    if (m_storedToken.isEmpty()) {
        exchange();
        return;
    }
    // The stored token first: an exchange would revoke it under a running service.
    m_client->checkAccess(this, [exchange, done](Result<AccessReport, ApiError> access) {
        if (!access.ok() && access.error().kind == ApiError::Kind::Unauthorized)
            exchange();
        else
            done(false);
    });
}

std::unique_ptr<MoySkladClient> Workspace::makeLoginClient(const QString &login, const QString &password) const
{
    ClientConfig config = m_options.clientTemplate;
    config.baseUrl = apiUrl();
    config.login = login;
    config.password = password;
    SecretMasker::instance().add(password);
    return std::make_unique<MoySkladClient>(config, nullptr, *m_clock);
}

// Changes -------------------------------------------------------------------------------------------------------

void Workspace::announce(ChangeTopic topic)
{
    QPointer<ChangeWatcher> watcher(m_watcher.get());
    ChangeFeed::announce(m_writer.get(), topic, m_clock->utcNow(), [watcher](Result<Done, QString>) {
        // This process follows its own announcement at once instead of one poll later.
        if (watcher)
            QMetaObject::invokeMethod(watcher.data(), &ChangeWatcher::poll, Qt::QueuedConnection);
    });
}

void Workspace::onAnnounced(ChangeTopic topic)
{
    switch (topic) {
    case ChangeTopic::Settings:
        m_reloadingSettings = true;
        m_settings->reload();
        m_reloadingSettings = false;
        break;
    case ChangeTopic::Secrets:
        reloadSecrets();
        break;
    case ChangeTopic::Queue:
        if (m_service)
            m_service->runWorkerNow();
        Q_EMIT queueChanged();
        break;
    }
}

void Workspace::onSettingChanged(SettingKey key)
{
    if (!m_reloadingSettings) {
        // Changed here: logged and announced once, by the process that changed it.
        const Settings::Key &known = Settings::key(key);
        // store.url may carry a password: logged masked.
        const QString value =
            key == SettingKey::StoreUrl ? Database::displayName(m_settings->value(key)) : m_settings->value(key);
        m_log->info(QStringLiteral("settings"),
                    value.isEmpty() ? LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 = (empty)"), known.name)
                                    : LogText(QT_TRANSLATE_NOOP("LogMessage", "%1 = %2"), known.name, value));
        announce(ChangeTopic::Settings);
    }
    switch (key) {
    case SettingKey::ApiUrl:
        if (!m_options.apiUrlOverride.isValid())
            m_client->setBaseUrl(apiUrl());
        break;
    case SettingKey::QueuePaused:
        if (m_service)
            m_service->setHold(processingHold());
        break;
    case SettingKey::HooksCheckInterval:
        m_hookHealth->setIntervalSeconds(m_settings->value(key).toInt());
        break;
    case SettingKey::SecretsStore:
        chooseSecretStore();
        if (m_reloadingSettings) // another process moved the secrets: read them where they are now
            reloadSecrets();
        break;
    default:
        break;
    }
    if (m_service && m_settings->siteUrl().isEmpty()) {
        m_hookHealth->stop();
        m_service->stop();
        m_service.reset();
    }
    if (m_service)
        m_service->reconfigure(serviceConfig());
    else
        evaluateService();
}

// The service -------------------------------------------------------------------------------------------------

void Workspace::reportTokenRejected()
{
    m_tokenRejected = true;
    if (m_service)
        m_service->setHold(processingHold());
}

Service::Hold Workspace::processingHold() const
{
    if (m_settings->queuePaused())
        return Service::Hold::Paused;
    if (!hasCredentials())
        return Service::Hold::NoToken;
    return m_tokenRejected ? Service::Hold::TokenRejected : Service::Hold::None;
}

ServiceConfig Workspace::serviceConfig() const
{
    ServiceConfig config = ServiceConfig::fromSettings(*m_settings, m_options.dataDir, m_siteSecret);
    config.receiver.previousVerificationString = m_previousSiteSecret;
    if (const std::optional<SiteMove> move = m_settings->siteMove())
        config.receiver.previousSiteUrl = move->from;
    return config;
}

void Workspace::runService()
{
    m_wantService = true;
    evaluateService();
}

void Workspace::followSharedStore()
{
    Q_ASSERT(isRemoteStore());
    m_wantService = false;
    setRole(Role::Remote, Database::displayName(storeLocation()));
}

void Workspace::stopService()
{
    m_wantService = false;
    writeRegistryEntry();
    m_hookHealth->stop();
    if (m_service)
        m_service->stop();
    m_service.reset();
    setRole(Role::Idle);
}

void Workspace::setRole(Role role, const QString &detail)
{
    if (role == m_role && detail == m_roleDetail)
        return;
    m_role = role;
    m_roleDetail = detail;
    writeRegistryEntry();
    Q_EMIT roleChanged(role);
}

bool Workspace::leadsPeriodicJobs()
{
    if (!isRemoteStore())
        return true;
    if (!m_leadership)
        m_leadership = std::make_unique<StoreLeadership>(storeLocation());
    return m_leadership->lead();
}

QString Workspace::registryId() const
{
    return QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
}

void Workspace::writeRegistryEntry()
{
    if (!m_writer || !isRemoteStore())
        return;
    if (!m_wantService || m_role == Role::Idle || m_role == Role::Remote) {
        m_registryTimer.stop();
        m_writer->submit([id = registryId()](QSqlDatabase &db) { return ServiceRegistry::remove(db, id); });
        return;
    }
    ServiceRegistry::Entry entry;
    entry.id = registryId();
    entry.host = QSysInfo::machineHostName();
    entry.pid = QCoreApplication::applicationPid();
    entry.state = QString::fromLatin1(QMetaEnum::fromType<Role>().valueToKey(int(m_role))).toLower();
    entry.detail = m_role == Role::Serving ? QString() : m_roleDetail;
    if (m_service && m_service->receiver())
        entry.receiver = m_service->receiver()->listenAddress();
    entry.hasToken = !token().isEmpty();
    entry.hasSiteSecret = !m_siteSecret.isEmpty();
    entry.seenAt = m_clock->utcNow();
    m_writer->submit([entry](QSqlDatabase &db) { return ServiceRegistry::write(db, entry); });
    if (!m_registryTimer.isActive())
        m_registryTimer.start();
}

void Workspace::evaluateService()
{
    if (!m_wantService || m_service)
        return;
    const QString holder = Service::lockHolder(m_options.dataDir);
    if (!holder.isEmpty()) {
        setRole(Role::Attached, holder);
        return;
    }
    if (!m_secretsLoaded)
        return; // loadSecrets() comes back here
    if (m_settings->siteUrl().isEmpty()) {
        setRole(Role::NotConfigured, Settings::nameOf(SettingKey::SiteUrl));
        return;
    }
    if (m_siteSecret.isEmpty()) {
        setRole(Role::NotConfigured, SecretKey::siteSecret);
        return;
    }
    m_service =
        std::make_unique<Service>(serviceConfig(), ServiceParts{m_writer.get(), m_log.get(), m_client.get(), m_clock});
    connect(m_service.get(), &Service::credentialsRejected, this, &Workspace::reportTokenRejected);
    connect(m_service.get(), &Service::storageChanged, this, &Workspace::storageChanged);
    m_service->setHold(processingHold());
    const auto started = m_service->start();
    if (!started.ok()) {
        m_service.reset();
        const QString holderNow = Service::lockHolder(m_options.dataDir);
        if (!holderNow.isEmpty())
            setRole(Role::Attached, holderNow);
        else
            setRole(Role::Failed, started.error());
        return;
    }
    setRole(Role::Serving);
    m_hookHealth->start();
}
