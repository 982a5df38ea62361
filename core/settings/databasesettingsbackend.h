// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "settingsbackend.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>

class StoreConnection;

// The account-wide settings in the shared store's account_settings table (PostgreSQL), one row per key, on a
// connection of this object's own thread. Reads come from a copy taken at the last sync(); writes wait for the next
// sync(), which writes them in one transaction and takes a fresh copy. Values are kept as JSON, so a list stays a
// list.
class DatabaseSettingsBackend final : public SettingsBackend
{
public:
    ~DatabaseSettingsBackend() override;
    DatabaseSettingsBackend(const DatabaseSettingsBackend &) = delete;
    DatabaseSettingsBackend &operator=(const DatabaseSettingsBackend &) = delete;

    // Connects to the store at `location` (a PostgreSQL URL whose schema is in place) and reads the table.
    static Result<std::unique_ptr<DatabaseSettingsBackend>, QString> open(const QString &location);

    QVariant value(const QString &key, const QVariant &fallback = {}) const override;
    bool contains(const QString &key) const override;
    void setValue(const QString &key, const QVariant &value) override;
    void remove(const QString &key) override;
    QStringList keys() const override;
    bool sync() override;
    QString where() const override;
    // Why the last sync() failed; empty when it did not.
    QString lastError() const { return m_error; }

private:
    DatabaseSettingsBackend(std::unique_ptr<StoreConnection> connection, QString displayName);
    bool write();
    bool read();

    std::unique_ptr<StoreConnection> m_connection; // opened again at a sync() when it was lost
    QString m_displayName;
    QHash<QString, QVariant> m_values;
    QHash<QString, std::optional<QVariant>> m_pending; // nullopt: removed
    QString m_error;
};
