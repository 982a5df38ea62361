// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/secretstore.h"

// Secrets in the OS keychain through QtKeychain (Secret Service / KWallet on Linux). Never falls back to
// plaintext: a missing or locked keychain is reported as such.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    // `scope` tells apart several data directories of one user (secrets are saved per data directory).
    explicit KeychainSecretStore(const QString &scope, QObject *parent = nullptr);

    void read(const QString &key, Callback<std::optional<QString>> done) override;
    void write(const QString &key, const QString &value, Callback<Done> done) override;
    void remove(const QString &key, Callback<Done> done) override;
    // A marked fragment: a log row naming it shows it in the reader's language (LogText::translated).
    QString description() const override
    {
        return QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "the OS keychain"));
    }

private:
    QString entryName(const QString &key) const;
    QString m_scope;
};
