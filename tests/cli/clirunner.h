// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QProcessEnvironment>
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
    Output run(const QStringList &arguments) const;

private:
    QTemporaryDir m_dataDir;
    QProcessEnvironment m_env;
};
