// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeurl.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QUrl>

namespace {

QString decoded(const QString &part)
{
    return QUrl::fromPercentEncoding(part.toUtf8());
}

QString expected()
{
    return QStringLiteral("expected postgresql://user@host:port/dbname (or ?host=/socket/directory)");
}

} // namespace

Result<StoreUrl, QString> StoreUrl::parse(const QString &text)
{
    // The password is never quoted in an error: only the scheme or the part that is wrong.
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const auto schemeMatch = scheme.match(text);
    if (!schemeMatch.hasMatch())
        return QStringLiteral("store URL is not a URL: %1").arg(expected());
    const QString schemeName = schemeMatch.captured(1).toLower();
    if (schemeName != QLatin1String("postgresql") && schemeName != QLatin1String("postgres"))
        return QStringLiteral("store URL scheme \"%1\" is not supported: %2").arg(schemeMatch.captured(1), expected());

    // userinfo@host:port/dbname?query — userinfo and host optional, as in libpq's URIs.
    static const QRegularExpression rest(QStringLiteral(
        "^(?:([^:@/?]*)(?::([^@/?]*))?@)?(\\[[^\\]/?]*\\]|[^:/?@]*)(?::([^/?]*))?(?:/([^/?]*))?(?:\\?(.*))?$"));
    const auto parts = rest.match(text.mid(schemeMatch.capturedLength()));
    if (!parts.hasMatch())
        return QStringLiteral("store URL cannot be read: %1").arg(expected());

    StoreUrl url;
    url.m_scheme = schemeMatch.captured(1);
    url.m_user = decoded(parts.captured(1));
    url.m_password = decoded(parts.captured(2));
    url.m_host = decoded(parts.captured(3));
    if (url.m_host.startsWith(QLatin1Char('[')))
        url.m_host = url.m_host.mid(1, url.m_host.size() - 2); // an IPv6 address
    if (!parts.captured(4).isEmpty()) {
        bool ok = false;
        const int port = parts.captured(4).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return QStringLiteral("store URL port \"%1\" is not a port number").arg(parts.captured(4));
        url.m_port = port;
        url.m_portGiven = true;
    }
    url.m_database = decoded(parts.captured(5));
    if (url.m_database.isEmpty())
        return QStringLiteral("store URL names no database: %1").arg(expected());

    const QString query = parts.captured(6);
    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        const QString key = decoded(pair.left(equals));
        const QString value = equals < 0 ? QString() : decoded(pair.mid(equals + 1));
        if (key == QLatin1String("host")) {
            if (!value.startsWith(QLatin1Char('/')))
                return QStringLiteral("store URL host=%1 is not a socket directory (an absolute path)").arg(value);
            url.m_host = value; // libpq: the parameter wins over the host part
            url.m_hostInQuery = true;
        } else if (key == QLatin1String("sslmode")) {
            static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                           QStringLiteral("prefer"),    QStringLiteral("require"),
                                           QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
            if (!modes.contains(value))
                return QStringLiteral("store URL sslmode=%1 is not one of %2").arg(value, modes.join(QLatin1Char(' ')));
            url.m_sslMode = value;
        } else {
            return QStringLiteral("store URL parameter \"%1\" is not supported (host and sslmode are)").arg(key);
        }
    }
    return url;
}

QString StoreUrl::masked() const
{
    const auto encoded = [](const QString &part) { return QString::fromUtf8(QUrl::toPercentEncoding(part)); };
    QString text = m_scheme + QStringLiteral("://");
    if (!m_user.isEmpty() || !m_password.isEmpty())
        text += encoded(m_user) + (m_password.isEmpty() ? QString() : QStringLiteral(":***")) + QLatin1Char('@');
    if (!m_hostInQuery)
        text += m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    if (m_portGiven)
        text += QLatin1Char(':') + QString::number(m_port);
    text += QLatin1Char('/') + encoded(m_database);
    QStringList query;
    if (m_hostInQuery)
        query.append(QStringLiteral("host=") + m_host);
    if (!m_sslMode.isEmpty())
        query.append(QStringLiteral("sslmode=") + m_sslMode);
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return text;
}

Result<QSqlDatabase, QString> StoreUrl::open(const QString &connectionName) const
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        if (!db.isValid()) {
            error = QStringLiteral("the PostgreSQL driver of Qt (QPSQL) is not installed: install libqt6sql6-psql");
        } else {
            db.setHostName(m_host);
            db.setPort(m_port);
            db.setDatabaseName(m_database);
            db.setUserName(m_user);
            if (!m_password.isEmpty())
                db.setPassword(m_password); // otherwise libpq reads PGPASSWORD (or ~/.pgpass) itself
            // An unreachable server fails in seconds instead of hanging the command.
            QStringList options{QStringLiteral("connect_timeout=10")};
            if (!m_sslMode.isEmpty())
                options.append(QStringLiteral("sslmode=") + m_sslMode);
            db.setConnectOptions(options.join(QLatin1Char(';')));
            if (db.open())
                return db;
            error = QStringLiteral("cannot connect to %1: %2").arg(masked(), db.lastError().text().trimmed());
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return error;
}
