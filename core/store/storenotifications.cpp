// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/storenotifications.h"

#include "common/logcategories.h"

#include <QSqlDriver>
#include <QVariant>

namespace {
constexpr int checkIntervalMs = 5000;
} // namespace

QString StoreNotifications::channel()
{
    return QStringLiteral("skladhook_immediate");
}

StoreNotifications::StoreNotifications(QString location, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(location), QStringLiteral("notifications"))
{
    connect(&m_check, &QTimer::timeout, this, [this] {
        if (!m_listening || !m_connection.isOpen())
            listen();
    });
    m_check.start(checkIntervalMs);
    listen();
}

void StoreNotifications::listen()
{
    m_listening = false;
    m_connection.close(); // a subscription that failed is tried again on a new session
    const auto opened = m_connection.open();
    if (!opened.ok()) {
        qCWarning(lcStore) << "cannot listen for the other services' immediate work:" << opened.error();
        return;
    }
    QSqlDriver *driver = opened.value().driver();
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                if (name != channel() || source == QSqlDriver::SelfSource)
                    return;
                QList<qint64> ids;
                for (const QString &id : payload.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                    ids.append(id.toLongLong());
                if (!ids.isEmpty())
                    Q_EMIT immediateTasks(ids);
            });
    m_listening = driver->subscribeToNotification(channel());
    if (!m_listening)
        qCWarning(lcStore) << "cannot listen for the other services' immediate work";
}
