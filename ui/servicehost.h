// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queue/task.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class DiagnosticsLog;
class MoySkladClient;
class SecretStore;
class Service;
class Settings;

// Runs the receiver and the worker inside the desktop app, or — when `skladhook-cli serve` already holds the data
// directory — attaches read-only and shows that process's state, never starting a second writer.
class ServiceHost final : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Stopped, Starting, Running, Attached, NotConfigured, Failed };
    Q_ENUM(Mode)

    ServiceHost(Settings *settings, SecretStore *secrets, QString dataDir, QObject *parent = nullptr);
    ~ServiceHost() override;

    void setApiUrlOverride(const QUrl &url) { m_apiUrlOverride = url; }
    void start();
    void stop();
    void restart();
    // The window changed a secret: the running receiver and client follow at once; a host waiting for it starts.
    void setVerificationString(const QString &secret);
    void setToken(const QString &token);

    Mode mode() const { return m_mode; }
    // One line for the status bar: the receiver's address and state, or why nothing runs.
    QString receiverText() const { return m_receiverText; }
    QueueStats stats() const { return m_stats; }
    // Null unless this app is the writer.
    Service *service() const { return m_service.get(); }
    // Always valid: rows go to the service's log while this app is the writer; otherwise (attached to `serve`,
    // or not running) only to the Qt logging category, so that no second writer is ever opened.
    DiagnosticsLog *log() const;
    QString dataDir() const { return m_dataDir; }

Q_SIGNALS:
    void modeChanged(ServiceHost::Mode mode);
    void statusChanged();

private:
    void setMode(Mode mode, const QString &text);
    void startWith(const QString &secret, const QString &token);
    void refresh();

    Settings *m_settings = nullptr;
    SecretStore *m_secrets = nullptr;
    QString m_dataDir;
    QUrl m_apiUrlOverride;
    std::unique_ptr<MoySkladClient> m_client;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<DiagnosticsLog> m_forwarder;
    Mode m_mode = Mode::Stopped;
    QString m_receiverText;
    QueueStats m_stats;
    QTimer m_refresh;
};
