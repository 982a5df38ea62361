// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QJsonArray>
#include <QProcess>

CliRunner::CliRunner()
    : m_env(QProcessEnvironment::systemEnvironment())
{
    // Credentials of the developer's shell must not leak into the tests.
    for (const char *name : {"MOYSKLAD_TOKEN", "MOYSKLAD_LOGIN", "MOYSKLAD_PASSWORD"})
        m_env.remove(QString::fromLatin1(name));
    m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The CLI speaks the messages locale's language; tests that match its English sentences must not depend on the
    // developer's shell (a Russian one would fail them). Language tests set these themselves.
    m_env.remove(QStringLiteral("LC_ALL"));
    m_env.remove(QStringLiteral("LC_MESSAGES"));
    m_env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
}

CliRunner::Output CliRunner::run(const QStringList &arguments) const
{
    return run(arguments, QByteArray());
}

CliRunner::Output CliRunner::run(const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.start(QStringLiteral(SKLADHOOK_CLI_PATH), QStringList{QStringLiteral("--data-dir"), dataDir()} + arguments);
    // Written before the process has started: QProcess keeps it and writes it once the pipe is open.
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    Output output;
    if (!process.waitForFinished(60000)) {
        ADD_FAILURE() << "skladhook-cli did not finish: " << arguments.join(QLatin1Char(' ')).toStdString();
        process.kill();
        process.waitForFinished();
        return output;
    }
    output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    output.out = QString::fromUtf8(process.readAllStandardOutput());
    output.err = QString::fromUtf8(process.readAllStandardError());
    return output;
}

::testing::AssertionResult CliRunner::configSet(const QString &key, const QString &value) const
{
    const Output result = run({QStringLiteral("config"), QStringLiteral("set"), key, value});
    if (result.exitCode == 0)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "config set " << key.toStdString() << " exited with " << result.exitCode
                                         << ": " << result.err.toStdString();
}

QJsonObject CliRunner::queueStats() const
{
    return run({QStringLiteral("queue"), QStringLiteral("stats"), QStringLiteral("--json")}).json().object();
}

QJsonObject CliRunner::queueCounts() const
{
    const QJsonObject stats = queueStats();
    QJsonObject counts;
    for (const char *status : {"pending", "running", "retrying", "dead", "done", "cancelled"})
        counts.insert(QLatin1String(status), stats.value(QLatin1String(status)));
    return counts;
}

QSet<QString> CliRunner::orderIds() const
{
    QSet<QString> ids;
    const Output result = run({QStringLiteral("orders"), QStringLiteral("--json")});
    for (const QJsonValue &order : result.json().array())
        ids.insert(order.toObject().value(QLatin1String("id")).toString());
    return ids;
}

::testing::AssertionResult CliRunner::prepareServe(const QUrl &apiUrl, const QString &secret)
{
    setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    for (const auto &[key, value] : QList<std::pair<QString, QString>>{
             {QStringLiteral("secrets.store"), QStringLiteral("file")},
             {QStringLiteral("api.url"), apiUrl.toString()},
             {QStringLiteral("site.url"), QStringLiteral("https://shop.example.com/shop/")},
             {QStringLiteral("site.secret"), secret},
             {QStringLiteral("receiver.listen"), QStringLiteral("127.0.0.1:0")},
             {QStringLiteral("worker.interval"), QStringLiteral("3600")},
             {QStringLiteral("import.orders"), QStringLiteral("on")}}) {
        auto set = configSet(key, value);
        if (!set)
            return set;
    }
    return ::testing::AssertionSuccess();
}
