// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QReadWriteLock>
#include <QString>
#include <QStringList>

// Secrets are redacted at the source: every text that may be logged or shown passes through mask().
// Known secrets (token, verification string, password) are registered as soon as they are loaded.
class SecretMasker final
{
public:
    static SecretMasker &instance();

    void add(const QString &secret);
    void remove(const QString &secret);
    void clear();

    // The text with every registered secret replaced by a short mask that keeps its first 2 characters.
    QString mask(QString text) const;
    // The mask shown for one secret value (e.g. in a URL column).
    static QString maskValue(const QString &secret);

private:
    mutable QReadWriteLock m_lock;
    QStringList m_secrets;
};
