// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#ifdef SKLADHOOK_SECRET_SERVICE_PROBE
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

namespace {

const QString service = QStringLiteral("SkladHook");

// QtKeychain 0.13 on Linux reports a locked collection as OtherError or AccessDenied: never "no secret".
SecretError toError(const QKeychain::Job &job)
{
    SecretError error;
    error.detail = job.errorString();
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        error.kind = SecretError::Kind::Unavailable;
        break;
    case QKeychain::AccessDeniedByUser:
        error.kind = SecretError::Kind::Denied;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::OtherError:
    default:
        error.kind = SecretError::Kind::Locked;
        break;
    }
    return error;
}

template<typename JobType>
JobType *makeJob(QObject *parent)
{
    auto *job = new JobType(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    return job;
}

using ErrorCallback = std::function<void(std::optional<SecretError>)>;

#ifdef SKLADHOOK_SECRET_SERVICE_PROBE
// QtKeychain's Secret Service backend cannot tell a locked keychain from an empty one: a read of an entry in a
// locked collection ends in EntryNotFound. The Secret Service itself can: SearchItems lists the matching items
// that are locked apart from the unlocked ones, without unlocking anything.
const QString secretsService = QStringLiteral("org.freedesktop.secrets");
const QString secretsPath = QStringLiteral("/org/freedesktop/secrets");
const QString secretsInterface = QStringLiteral("org.freedesktop.Secret.Service");

// Calls back with a Locked error when the entry exists in a locked collection, nullopt when it really is absent
// (or when no Secret Service answers: then QtKeychain used another backend and its "not found" stands).
void probeLockedEntry(const QString &entryName, QObject *context, ErrorCallback done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(std::nullopt);
        return;
    }
    // QtKeychain's libsecret schema: the key under "user", the service under "server".
    QDBusMessage call =
        QDBusMessage::createMethodCall(secretsService, secretsPath, secretsInterface, QStringLiteral("SearchItems"));
    static const QMetaType attributesType = qDBusRegisterMetaType<QMap<QString, QString>>(); // a{ss}
    Q_UNUSED(attributesType);
    const QMap<QString, QString> attributes{{QStringLiteral("user"), entryName}, {QStringLiteral("server"), service}};
    call << QVariant::fromValue(attributes);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), context);
    QObject::connect(
        watcher, &QDBusPendingCallWatcher::finished, context,
        [done = std::move(done)](QDBusPendingCallWatcher *finished) {
            finished->deleteLater();
            const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *finished;
            if (reply.isError() || reply.argumentAt<1>().isEmpty()) {
                done(std::nullopt);
                return;
            }
            done(SecretError{SecretError::Kind::Locked, QStringLiteral("a value is saved, but its keyring is locked")});
        });
}

// OtherError and AccessDenied also stand for "there is no keychain at all": no session bus, or no Secret Service
// on it. Tell those apart from a locked keychain, since the user's remedy differs.
void classifyFailure(SecretError error, QObject *context, ErrorCallback done)
{
    if (error.kind != SecretError::Kind::Locked) {
        done(error);
        return;
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        error.kind = SecretError::Kind::Unavailable;
        error.detail = QStringLiteral("no D-Bus session bus: %1").arg(error.detail);
        done(error);
        return;
    }
    // Ping starts the Secret Service when it is activatable; ServiceUnknown means there is none.
    const QDBusMessage ping = QDBusMessage::createMethodCall(
        secretsService, secretsPath, QStringLiteral("org.freedesktop.DBus.Peer"), QStringLiteral("Ping"));
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(ping), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [error, done = std::move(done)](QDBusPendingCallWatcher *finished) mutable {
                         finished->deleteLater();
                         const QDBusPendingReply<> reply = *finished;
                         if (reply.isError() && reply.error().type() == QDBusError::ServiceUnknown) {
                             error.kind = SecretError::Kind::Unavailable;
                             error.detail =
                                 QStringLiteral("no Secret Service on the session bus: %1").arg(error.detail);
                         }
                         done(error);
                     });
}
#else
void probeLockedEntry(const QString &, QObject *, ErrorCallback done)
{
    done(std::nullopt);
}

void classifyFailure(SecretError error, QObject *, ErrorCallback done)
{
    done(error);
}
#endif

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &scope, QObject *parent)
    : SecretStore(parent)
    , m_scope(scope)
{}

QString KeychainSecretStore::entryName(const QString &key) const
{
    return key + QLatin1Char('@') + m_scope;
}

void KeychainSecretStore::read(const QString &key, Callback<std::optional<QString>> done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(this);
    const QString name = entryName(key);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [this, name, done = std::move(done)](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::NoError) {
            done(std::optional<QString>(read->textData()));
        } else if (read->error() == QKeychain::EntryNotFound) {
            probeLockedEntry(name, this, [done](std::optional<SecretError> locked) {
                if (locked)
                    done(*locked);
                else
                    done(std::optional<QString>());
            });
        } else {
            classifyFailure(toError(*read), this, [done](std::optional<SecretError> error) { done(*error); });
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, Callback<Done> done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(this);
    job->setKey(entryName(key));
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            done(Done{});
        else
            classifyFailure(toError(*finished), this, [done](std::optional<SecretError> error) { done(*error); });
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, Callback<Done> done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(this);
    const QString name = entryName(key);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [this, name, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound) {
            // A delete in a locked collection "succeeds" without deleting anything: say so instead.
            probeLockedEntry(name, this, [done](std::optional<SecretError> locked) {
                if (locked)
                    done(*locked);
                else
                    done(Done{});
            });
        } else {
            classifyFailure(toError(*finished), this, [done](std::optional<SecretError> error) { done(*error); });
        }
    });
    job->start();
}
