// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

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
    job->setKey(entryName(key));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::NoError)
            done(std::optional<QString>(read->textData()));
        else if (read->error() == QKeychain::EntryNotFound)
            done(std::optional<QString>());
        else
            done(toError(*read));
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, Callback<Done> done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(this);
    job->setKey(entryName(key));
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            done(Done{});
        else
            done(toError(*finished));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, Callback<Done> done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(this);
    job->setKey(entryName(key));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound)
            done(Done{});
        else
            done(toError(*finished));
    });
    job->start();
}
