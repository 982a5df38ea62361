// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakemoysklad.h"
#include "intake/receiver.h"
#include "queue/task.h"
#include "store/shopstore.h"
#include "workspace/workspace.h"

#include <gtest/gtest.h>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

// The whole pipeline in one line, as a user's data directory has it: the fake MoySklad over loopback, a data
// directory with a Workspace configured for it (secrets in the settings file, a token, the site URL, the
// verification string, the receiver on a free loopback port, an hour-long worker interval so that only what a test
// asks for runs, order import on), and helpers that post MoySklad's deliveries to the receiver and read the queue and
// the shop store back. openWorkspace() gives another workspace on the same directory: another process, as far as
// the workspace can tell (the change feed goes through the database).
class PipelineFixture : public ::testing::Test
{
public:
    // Loads the secrets of `ws` and runs its service; true when it serves.
    static bool serve(Workspace &ws);
    static bool loadSecrets(Workspace &ws, Workspace::MissingSiteSecret missing = Workspace::MissingSiteSecret::Leave);
    // Waits for a secret-store call's result; true when it succeeded.
    static bool succeeded(const std::function<void(SecretStore::Callback<Done>)> &call);

protected:
    static inline const QString secret = QStringLiteral("PipelineSecret_0123456789abcdefghijklmnopqrs");

    void SetUp() override;

    // A workspace on the fixture's data directory. It uses an in-memory keychain, which the file opt-in never asks.
    std::unique_ptr<Workspace> openWorkspace(int changePollMs = 100);

    // POSTs one delivery to the service of `ws` (the fixture's workspace when null); the HTTP status.
    int post(const QString &entityType, const QString &action, const QStringList &ids, const QString &key = secret,
             Workspace *ws = nullptr);
    // The same to any receiver; an empty requestId gets a fresh one.
    int postTo(const Receiver &receiver, const QString &entityType, const QString &action, const QStringList &ids,
               const QString &key = secret, const QString &requestId = {});
    QueueStats stats(Workspace *ws = nullptr) const;
    QList<ShopStore::Order> orders() const;

    FakeMoySklad fake;
    QTemporaryDir dir;
    QNetworkAccessManager network;
    std::unique_ptr<Workspace> workspace;
    int keychainsMade = 0;

private:
    int m_requests = 0;
};
