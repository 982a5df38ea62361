// SPDX-License-Identifier: GPL-3.0-or-later
#include "databasesettingsbackend.h"

#include "store/storeconnection.h"
#include "store/storeurl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// A value as the table keeps it: a one-element JSON array, which holds a string and a list alike.
QString encode(const QVariant &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{QJsonValue::fromVariant(value)}).toJson(QJsonDocument::Compact));
}

QVariant decode(const QString &stored)
{
    const QJsonArray array = QJsonDocument::fromJson(stored.toUtf8()).array();
    return array.isEmpty() ? QVariant() : array.first().toVariant();
}

} // namespace

DatabaseSettingsBackend::DatabaseSettingsBackend(std::unique_ptr<StoreConnection> connection, QString displayName)
    : m_connection(std::move(connection))
    , m_displayName(std::move(displayName))
{}

DatabaseSettingsBackend::~DatabaseSettingsBackend() = default;

Result<std::unique_ptr<DatabaseSettingsBackend>, QString> DatabaseSettingsBackend::open(const QString &location)
{
    const auto url = StoreUrl::parse(location);
    if (!url.ok())
        return url.error();
    auto connection = std::make_unique<StoreConnection>(location, QStringLiteral("settings"));
    if (const auto opened = connection->open(); !opened.ok())
        return opened.error();
    std::unique_ptr<DatabaseSettingsBackend> backend(
        new DatabaseSettingsBackend(std::move(connection), url.value().masked()));
    if (!backend->read())
        return backend->m_error;
    return backend;
}

QVariant DatabaseSettingsBackend::value(const QString &key, const QVariant &fallback) const
{
    if (const auto pending = m_pending.constFind(key); pending != m_pending.cend())
        return pending->value_or(fallback);
    return m_values.value(key, fallback);
}

bool DatabaseSettingsBackend::contains(const QString &key) const
{
    if (const auto pending = m_pending.constFind(key); pending != m_pending.cend())
        return pending->has_value();
    return m_values.contains(key);
}

void DatabaseSettingsBackend::setValue(const QString &key, const QVariant &value)
{
    m_pending.insert(key, value);
}

void DatabaseSettingsBackend::remove(const QString &key)
{
    m_pending.insert(key, std::nullopt);
}

QStringList DatabaseSettingsBackend::keys() const
{
    QStringList names;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (!m_pending.contains(it.key()))
            names.append(it.key());
    }
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->has_value())
            names.append(it.key());
    }
    return names;
}

bool DatabaseSettingsBackend::sync()
{
    m_error.clear();
    // A connection lost (the server restarted) is opened again: the settings would freeze otherwise.
    if (const auto opened = m_connection->open(); !opened.ok()) {
        m_error = opened.error();
        return false;
    }
    const bool written = m_pending.isEmpty() || write();
    m_pending.clear(); // written, or refused: either way the table says what holds now
    return read() && written;
}

QString DatabaseSettingsBackend::where() const
{
    return QCoreApplication::translate("Settings", "the store %1").arg(m_displayName);
}

bool DatabaseSettingsBackend::write()
{
    QSqlDatabase db = m_connection->database();
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral("INSERT INTO account_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO "
                                  "UPDATE SET value = excluded.value"));
    QSqlQuery erase(db);
    erase.prepare(QStringLiteral("DELETE FROM account_settings WHERE key = ?"));
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        QSqlQuery &query = it->has_value() ? upsert : erase;
        query.addBindValue(it.key());
        if (it->has_value())
            query.addBindValue(encode(**it));
        if (!query.exec()) {
            m_error = query.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

bool DatabaseSettingsBackend::read()
{
    QSqlDatabase db = m_connection->database();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT key, value FROM account_settings"))) {
        m_error = query.lastError().text();
        return false;
    }
    QHash<QString, QVariant> values;
    while (query.next())
        values.insert(query.value(0).toString(), decode(query.value(1).toString()));
    m_values = std::move(values);
    return true;
}
