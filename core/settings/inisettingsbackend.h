// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settingsbackend.h"

class QSettings;

// The data directory's settings.ini (a QSettings the caller owns).
class IniSettingsBackend final : public SettingsBackend
{
public:
    explicit IniSettingsBackend(QSettings *file);

    QVariant value(const QString &key, const QVariant &fallback = {}) const override;
    bool contains(const QString &key) const override;
    void setValue(const QString &key, const QVariant &value) override;
    void remove(const QString &key) override;
    QStringList keys() const override;
    bool sync() override;
    QString where() const override;

private:
    QSettings *m_file = nullptr;
};
