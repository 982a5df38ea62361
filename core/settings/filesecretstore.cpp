// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesecretstore.h"

#include <QFile>
#include <QSettings>

namespace {
const QString group = QStringLiteral("plaintext-secrets-opt-in");

SecretError fileError(const QSettings &settings)
{
    return SecretError{SecretError::Kind::Other,
                       QStringLiteral("the settings file %1 cannot be written").arg(settings.fileName())};
}
} // namespace

FileSecretStore::FileSecretStore(QSettings *settings, QObject *parent)
    : SecretStore(parent)
    , m_settings(settings)
{}

void FileSecretStore::read(const QString &key, Callback<std::optional<QString>> done)
{
    const QString name = group + QLatin1Char('/') + key;
    done(m_settings->contains(name) ? std::optional<QString>(m_settings->value(name).toString()) : std::nullopt);
}

void FileSecretStore::write(const QString &key, const QString &value, Callback<Done> done)
{
    // Owner-only before the secret is written: QSettings saves through a temporary file that keeps the permissions of
    // the file it replaces, so the secret is never readable by others, not even for a moment.
    const QString fileName = m_settings->fileName();
    if (!QFile::exists(fileName)) {
        QFile create(fileName);
        if (!create.open(QIODevice::WriteOnly)) {
            done(fileError(*m_settings));
            return;
        }
    }
    if (!QFile::setPermissions(fileName, QFile::ReadOwner | QFile::WriteOwner)) {
        done(fileError(*m_settings));
        return;
    }
    m_settings->setValue(group + QLatin1Char('/') + key, value);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        done(fileError(*m_settings));
        return;
    }
    done(Done{});
}

void FileSecretStore::remove(const QString &key, Callback<Done> done)
{
    m_settings->remove(group + QLatin1Char('/') + key);
    m_settings->sync();
    done(Done{});
}

QString FileSecretStore::description() const
{
    // A fixed fragment, not the file's full path, so that it can be translated (the file is the data directory's).
    return QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "the settings file settings.ini (plaintext, chosen "
                                                             "explicitly)"));
}
