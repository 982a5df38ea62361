// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>

// Where Settings keeps its values, by key. The machine's own settings are always in the data directory's INI file;
// the account-wide ones (SettingScope::Account, the execution modes, the site move) are there too on one machine,
// and in the shared store's account_settings table when the store is PostgreSQL, so that every service of the
// account follows one set of them.
class SettingsBackend
{
public:
    virtual ~SettingsBackend() = default;

    virtual QVariant value(const QString &key, const QVariant &fallback = {}) const = 0;
    virtual bool contains(const QString &key) const = 0;
    virtual void setValue(const QString &key, const QVariant &value) = 0;
    virtual void remove(const QString &key) = 0;
    // Every key held, for the copy into another backend.
    virtual QStringList keys() const = 0;
    // Writes what was set or removed since, then reads what other processes wrote. False when the write failed.
    virtual bool sync() = 0;
    // Where the values are, for messages: "the settings file <path>", "the store <masked URL>".
    virtual QString where() const = 0;

protected:
    SettingsBackend() = default;
};
