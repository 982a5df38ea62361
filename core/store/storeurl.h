// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

// store.url for PostgreSQL: postgresql://user@host:port/dbname (or postgres://), as libpq reads it. The host may be
// a unix-socket directory given as ?host=/path; the port defaults to 5432; ?sslmode= is passed to libpq (TLS as libpq
// allows). The password comes from PGPASSWORD (libpq reads it) or from the URL: accepted there, but masked in every
// text SkladHook shows (masked()), and the caller registers it with the SecretMasker.
class StoreUrl final
{
public:
    static Result<StoreUrl, QString> parse(const QString &text);

    QString user() const { return m_user; }         // empty: libpq's default (the OS user)
    QString host() const { return m_host; }         // a host name, or a socket directory (starts with '/')
    int port() const { return m_port; }             // 5432 unless given
    QString database() const { return m_database; } // never empty
    QString password() const { return m_password; } // from the URL only; empty when not given there
    QString sslMode() const { return m_sslMode; }   // empty: libpq's default

    // The URL as it may be shown or logged: the password, when the URL had one, as ***.
    QString masked() const;

    // Opens a QPSQL connection named `connectionName` on the calling thread (a Qt SQL connection belongs to the
    // thread that opened it). On failure the connection is removed again and the error names the masked URL.
    Result<QSqlDatabase, QString> open(const QString &connectionName) const;

private:
    StoreUrl() = default;

    QString m_scheme;
    QString m_user;
    QString m_password;
    QString m_host;
    bool m_hostInQuery = false;
    int m_port = 5432;
    bool m_portGiven = false;
    QString m_database;
    QString m_sslMode;
};
