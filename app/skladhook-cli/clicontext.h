// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QObject>
#include <QTextStream>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class DiagnosticsLog;
class MoySkladClient;
class SecretStore;
class Settings;
class Workspace;

// What a command gets: global options, its own options and arguments, output streams, and the data directory's
// Workspace (opened on first use) with a few shorthands that end the command with a clear error.
class CliContext final : public QObject
{
    Q_OBJECT

public:
    CliContext(const QCommandLineParser &parser, QStringList arguments, QObject *parent = nullptr);
    ~CliContext() override;

    QString dataDir() const { return m_dataDir; }
    bool json() const { return m_json; }
    const QStringList &arguments() const { return m_arguments; } // positional, after the command words
    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    QString value(const QString &option) const { return m_parser.value(option); }

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    void printJson(const QJsonDocument &document);

    // Ends the command: the process exits with `code` once the event loop returns.
    void finish(int code = 0);
    // Ends the command with one clear line on stderr (secrets masked) and a non-zero exit code: `code`, or the
    // command's failure code (setFailureExitCode, 1 unless the command says otherwise).
    void fail(const QString &message, std::optional<int> code = std::nullopt);
    void setFailureExitCode(int code) { m_failureExitCode = code; }
    // `message` as the one line on stderr: control characters a value brought (a newline, a NUL) shown escaped, and a
    // value pasted by mistake (thousands of characters) cut short.
    static QString oneLine(const QString &message);
    // What to do when no credentials are given or saved (one sentence, the same from every command).
    static QString noCredentials();
    // Positional arguments must be exactly `count`; otherwise fails with usage and returns false.
    bool expectArguments(qsizetype count, const QString &usage);
    // --since as sync and verify take it: a Moscow time as MoySklad writes it, not in the future (a window that starts
    // there finds nothing, which would read as "nothing changed"). `since` stays nullopt when it is not given. False:
    // a usage error was reported, `malformed` (with %1 for the value) when it is no such time.
    bool readSince(const QString &malformed, std::optional<QDateTime> &since);

    // The data directory's workspace, opened on first use; null (and the command failed) when it cannot be opened.
    Workspace *workspace();
    // <dataDir>/settings.ini. Only after workspace() succeeded.
    Settings &settings();
    // The keychain, or the settings file after the explicit `config set secrets.store file`.
    SecretStore &secrets();
    // Reads a secret; on a keychain error fails the command with what to do (never "not saved").
    void withSecret(const QString &key, std::function<void(std::optional<QString>)> ready);

    // The diagnostics log in <dataDir>/skladhook.db; every command logs what it did and how it ended.
    DiagnosticsLog &log();

    // The API URL: --api-url, else the configured one, else production.
    QUrl apiUrl();
    // The workspace's client, with credentials from MOYSKLAD_TOKEN, else MOYSKLAD_LOGIN + MOYSKLAD_PASSWORD, else the
    // stored token. Calls back once the secrets are loaded, or fails the command with what to do.
    void withClient(std::function<void(MoySkladClient *)> ready);

private:
    const QCommandLineParser &m_parser;
    QStringList m_arguments;
    QString m_dataDir;
    bool m_json = false;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<Workspace> m_workspace;
    bool m_workspaceFailed = false;
    int m_failureExitCode = 1;
};
