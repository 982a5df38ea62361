// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clirunner.h"
#include "deliverysender.h"
#include "fakemoysklad.h"
#include "serveprocess.h"

#include <gtest/gtest.h>
#include <QString>

// One data directory with its own fake MoySklad and its own `serve`: one side of a comparison of the store's two
// engines, SQLite and PostgreSQL, that are sent the same deliveries of the same documents.
struct ServedSide
{
    QString name;
    FakeMoySklad fake;
    CliRunner cli;
    ServeProcess serve{cli};
    DeliverySender sender;

    // The fake started and the data directory ready for serve against it: the store first (`storeUrl`, empty for
    // SQLite), since the account's settings that follow go into it; payments and shipments exchanged in full; and
    // demand/UPDATE queued, so that its tasks wait (pending) for the worker's run an hour away. The documents are
    // seeded between this and start().
    ::testing::AssertionResult prepare(const QString &storeUrl, const QString &secret);
    // serve started, and the sender aimed at its receiver.
    ::testing::AssertionResult start(const QString &secret);
    // `tasks` tasks have their final status (done or dead) but for the `waiting` queued ones, pending.
    ::testing::AssertionResult waitForIdle(int tasks, int waiting);
};
