// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/secretstore.h"

#include <QHash>

// Secrets in memory only: for tests, and for a session that keeps nothing.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString &key, Callback<std::optional<QString>> done) override;
    void write(const QString &key, const QString &value, Callback<Done> done) override;
    void remove(const QString &key, Callback<Done> done) override;
    QString description() const override { return QStringLiteral("memory"); }

    // Makes every call fail with this error (tests of locked or missing keychains).
    void setFailure(std::optional<SecretError> failure) { m_failure = std::move(failure); }

private:
    QHash<QString, QString> m_values;
    std::optional<SecretError> m_failure;
};
