// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretmasker.h"

#include <algorithm>

namespace {
// Shorter strings are too likely to occur by chance in ordinary text.
constexpr qsizetype minimumSecretLength = 6;
} // namespace

SecretMasker &SecretMasker::instance()
{
    static SecretMasker masker;
    return masker;
}

void SecretMasker::add(const QString &secret)
{
    if (secret.size() < minimumSecretLength)
        return;
    QWriteLocker locker(&m_lock);
    if (!m_secrets.contains(secret)) {
        m_secrets.append(secret);
        // Longest first, so that a secret containing another is masked whole.
        std::sort(m_secrets.begin(), m_secrets.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
    }
}

void SecretMasker::remove(const QString &secret)
{
    QWriteLocker locker(&m_lock);
    m_secrets.removeAll(secret);
}

void SecretMasker::clear()
{
    QWriteLocker locker(&m_lock);
    m_secrets.clear();
}

QString SecretMasker::mask(QString text) const
{
    QReadLocker locker(&m_lock);
    for (const QString &secret : m_secrets)
        text.replace(secret, maskValue(secret));
    return text;
}

QString SecretMasker::maskValue(const QString &secret)
{
    return secret.left(2) + QStringLiteral("••••••");
}
