// SPDX-License-Identifier: GPL-3.0-or-later
#include "inisettingsbackend.h"

#include <QCoreApplication>
#include <QSettings>

IniSettingsBackend::IniSettingsBackend(QSettings *file)
    : m_file(file)
{}

QVariant IniSettingsBackend::value(const QString &key, const QVariant &fallback) const
{
    return m_file->value(key, fallback);
}

bool IniSettingsBackend::contains(const QString &key) const
{
    return m_file->contains(key);
}

void IniSettingsBackend::setValue(const QString &key, const QVariant &value)
{
    m_file->setValue(key, value);
}

void IniSettingsBackend::remove(const QString &key)
{
    m_file->remove(key);
}

QStringList IniSettingsBackend::keys() const
{
    return m_file->allKeys();
}

bool IniSettingsBackend::sync()
{
    m_file->sync();
    return m_file->status() == QSettings::NoError;
}

QString IniSettingsBackend::where() const
{
    return QCoreApplication::translate("Settings", "the settings file %1").arg(m_file->fileName());
}
