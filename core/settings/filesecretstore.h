// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/secretstore.h"

class QSettings;

// Secrets in the settings file, in a group labelled as plaintext. Only after the user's explicit opt-in
// (secrets.store = file): for servers without a keychain.
class FileSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit FileSecretStore(QSettings *settings, QObject *parent = nullptr);

    void read(const QString &key, Callback<std::optional<QString>> done) override;
    void write(const QString &key, const QString &value, Callback<Done> done) override;
    void remove(const QString &key, Callback<Done> done) override;
    QString description() const override;

private:
    QSettings *m_settings = nullptr;
};
