// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

// A PostgreSQL session of its own on a shared store, for what must not share the pooled ones: a session-level
// advisory lock (the periodic jobs' lead, the request gate's slots), LISTEN, the shared settings. Opened on the
// first open(), and opened again there when it was closed or lost (the server restarted): each opening is a new
// session, which holds no lock and listens to nothing. A named Qt SQL connection, so thread affine: used on the
// thread that made it.
class StoreConnection final
{
public:
    // `location`: a PostgreSQL URL (Database::isPostgres). `purpose` names the Qt connection ("leadership":
    // "skladhook-leadership-3").
    StoreConnection(QString location, const QString &purpose);
    ~StoreConnection(); // closes it: PostgreSQL frees the session's locks
    StoreConnection(const StoreConnection &) = delete;
    StoreConnection &operator=(const StoreConnection &) = delete;

    // The open connection, opened first when it is not; the error says why it could not be (the password is masked).
    Result<QSqlDatabase, QString> open();
    // The connection as it is, open or not (invalid before the first open()).
    QSqlDatabase database() const;
    bool isOpen() const;
    void close();

    // Counts the sessions opened: a lock or a subscription taken under an earlier one is gone.
    quint64 session() const { return m_session; }

private:
    QString m_location;
    QString m_name;
    quint64 m_session = 0;
};
