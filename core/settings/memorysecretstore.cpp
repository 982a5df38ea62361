// SPDX-License-Identifier: GPL-3.0-or-later
#include "memorysecretstore.h"

void MemorySecretStore::read(const QString &key, Callback<std::optional<QString>> done)
{
    if (m_failure) {
        done(*m_failure);
        return;
    }
    done(m_values.contains(key) ? std::optional<QString>(m_values.value(key)) : std::nullopt);
}

void MemorySecretStore::write(const QString &key, const QString &value, Callback<Done> done)
{
    if (m_failure) {
        done(*m_failure);
        return;
    }
    m_values.insert(key, value);
    done(Done{});
}

void MemorySecretStore::remove(const QString &key, Callback<Done> done)
{
    if (m_failure) {
        done(*m_failure);
        return;
    }
    m_values.remove(key);
    done(Done{});
}
