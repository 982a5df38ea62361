// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// Runs the built skladhook-cli with a temporary data directory and the given environment.
class CliRunner final
{
public:
    struct Output
    {
        int exitCode = -1;
        QString out;
        QString err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    };

    CliRunner();
    void setEnv(const QString &name, const QString &value) { m_env.insert(name, value); }
    QString dataDir() const { return m_dataDir.path(); }
    QProcessEnvironment environment() const { return m_env; }
    // Standard input is closed at once (a command that reads it gets end of file), or carries `input` and is then
    // closed (`config set api.token -`).
    Output run(const QStringList &arguments) const;
    Output run(const QStringList &arguments, const QByteArray &input) const;

    // `config set KEY VALUE`; a failure names the key and the CLI's (masked) error, never the value.
    ::testing::AssertionResult configSet(const QString &key, const QString &value) const;
    // A data directory ready for `serve` against `apiUrl`: secrets in the settings file (no keychain is reached),
    // the site https://shop.example.com/shop/ with `secret`, the receiver on a free loopback port, an hour-long
    // worker interval (only what a test starts runs) and order import on.
    ::testing::AssertionResult prepareServe(const QUrl &apiUrl, const QString &secret);
    // `queue stats --json`: the task count per status.
    QJsonObject queueStats() const;
    // queue stats' task counts alone (its state keys, such as the oldest waiting task's time, left out): what two
    // stores given the same deliveries must agree on.
    QJsonObject queueCounts() const;
    // The ids of `orders --json`: the orders in the shop store.
    QSet<QString> orderIds() const;

private:
    QTemporaryDir m_dataDir;
    QProcessEnvironment m_env;
};
