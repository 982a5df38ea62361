// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/storenotifications.h"

#include "common/logcategories.h"
#include "store/database.h"
#include "store/storeurl.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
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
    , m_location(std::move(location))
{
    static QAtomicInteger<int> counter;
    m_connection = QStringLiteral("skladhook-notifications-%1").arg(counter.fetchAndAddRelaxed(1));
    connect(&m_check, &QTimer::timeout, this, [this] {
        if (!m_listening || !QSqlDatabase::database(m_connection, false).isOpen())
            listen();
    });
    m_check.start(checkIntervalMs);
    listen();
}

StoreNotifications::~StoreNotifications()
{
    Database::close(m_connection);
}

void StoreNotifications::listen()
{
    m_listening = false;
    Database::close(m_connection);
    const auto url = StoreUrl::parse(m_location);
    const auto opened = url.ok() ? url.value().open(m_connection) : Result<QSqlDatabase, QString>(url.error());
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
