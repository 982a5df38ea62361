// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storeconnection.h"

#include <QString>

// Which one of the services sharing a PostgreSQL store runs the account's periodic jobs (the catch-up sync, the hook
// check), so that they run once per account and not once per service: the one whose own connection holds a session
// advisory lock. When that process dies its connection goes, and with it the lock: the next service to try takes it.
// Thread affine, like every Qt SQL connection: used on the thread that made it.
class StoreLeadership final
{
public:
    // `location`: a PostgreSQL URL (Database::isPostgres). Connects on the first lead().
    explicit StoreLeadership(QString location);

    // Whether this process leads now, taking the lead when nobody holds it. False when the store cannot be reached
    // (nobody leads then, rather than everybody).
    bool lead();

private:
    StoreConnection m_connection; // the lock goes with its session
    quint64 m_heldIn = 0;         // the session that holds the lock; 0: none
};
