// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// services: every process that serves (or would serve) a shared PostgreSQL store says here, every few seconds, which
// machine it runs on, what it does and which of its secrets it lacks, so that the desktop app in remote mode can name
// the services it follows and the machine that lacks a token or a verification string. Secrets themselves never go
// into the store: each machine keeps its own in its keychain or, after the opt-in, in its settings file.
namespace ServiceRegistry {

struct Entry
{
    QString id;   // "<host>:<pid>"
    QString host; // the machine's name
    qint64 pid = 0;
    QString state;    // what the process does: serving, not configured, failed (Workspace's role, in English)
    QString detail;   // why, for the last two
    QString receiver; // the receiver's address while it listens
    bool hasToken = false;
    bool hasSiteSecret = false;
    QDateTime seenAt; // UTC: the last time it said so
};

// Writes (or replaces) the entry, stamped entry.seenAt. A StoreWriter job body.
Result<Done, QString> write(QSqlDatabase &db, const Entry &entry);
// Removes the entry of a process that stops.
Result<Done, QString> remove(QSqlDatabase &db, const QString &id);
// The entries seen since `since`, by host and pid.
Result<QList<Entry>, QString> read(QSqlDatabase &db, const QDateTime &since);

} // namespace ServiceRegistry
