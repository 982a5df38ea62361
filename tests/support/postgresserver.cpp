// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <unistd.h>

namespace {

const QString binDirectory = QStringLiteral("/usr/lib/postgresql/15/bin");
const QString superuser = QStringLiteral("postgres");

bool asRoot()
{
    return geteuid() == 0;
}

} // namespace

PostgresServer::PostgresServer() = default;

PostgresServer::~PostgresServer()
{
    if (m_running)
        (void)run(QStringLiteral("pg_ctl"),
                  {QStringLiteral("stop"), QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                   QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w")});
}

::testing::AssertionResult PostgresServer::run(const QString &binary, const QStringList &arguments, int timeoutMs)
{
    const QString path = QDir(binDirectory).filePath(binary);
    if (!QFile::exists(path))
        return ::testing::AssertionFailure() << path.toStdString()
                                             << " is missing: install Debian's postgresql package "
                                                "(scripts/packages.txt)";
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path()); // readable by postgres, unlike root's current directory may be
    if (asRoot())
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), superuser, QStringLiteral("--"), path} + arguments);
    else
        process.start(path, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return ::testing::AssertionFailure() << binary.toStdString() << " did not finish in " << timeoutMs
                                             << " ms: " << process.readAll().toStdString();
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return ::testing::AssertionFailure()
               << binary.toStdString() << ' ' << arguments.join(QLatin1Char(' ')).toStdString() << " failed (exit "
               << process.exitCode() << "): " << process.readAll().toStdString();
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult PostgresServer::start()
{
    if (!m_dir.isValid())
        return ::testing::AssertionFailure() << "no temporary directory: " << m_dir.errorString().toStdString();
    if (asRoot()) {
        QProcess chown;
        chown.start(QStringLiteral("chown"), {superuser + QLatin1Char(':') + superuser, m_dir.path()});
        if (!chown.waitForFinished(10000) || chown.exitCode() != 0)
            return ::testing::AssertionFailure()
                   << "cannot hand " << m_dir.path().toStdString()
                   << " to the postgres user: " << chown.readAllStandardError().toStdString();
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    auto initialised =
        run(QStringLiteral("initdb"),
            {QStringLiteral("-D"), data, QStringLiteral("-U"), superuser, QStringLiteral("--auth=trust"),
             QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync")});
    if (!initialised)
        return initialised;
    // Only the socket in our directory: nothing else on the machine can reach it, and no port can collide.
    QFile config(QDir(data).filePath(QStringLiteral("postgresql.conf")));
    if (!config.open(QIODevice::Append))
        return ::testing::AssertionFailure() << "cannot configure the cluster: " << config.errorString().toStdString();
    config.write(QStringLiteral("listen_addresses = ''\nunix_socket_directories = '%1'\nfsync = off\n"
                                "synchronous_commit = off\nfull_page_writes = off\n")
                     .arg(m_dir.path())
                     .toUtf8());
    config.close();
    // One role that must give its password (SCRAM), for the tests of where SkladHook takes it from; every other
    // connection is trusted.
    QFile hba(QDir(data).filePath(QStringLiteral("pg_hba.conf")));
    if (!hba.open(QIODevice::ReadOnly))
        return ::testing::AssertionFailure() << "cannot read pg_hba.conf: " << hba.errorString().toStdString();
    const QByteArray rules = hba.readAll();
    hba.close();
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return ::testing::AssertionFailure() << "cannot write pg_hba.conf: " << hba.errorString().toStdString();
    hba.write(QStringLiteral("local all %1 scram-sha-256\n").arg(passwordRole).toUtf8() + rules);
    hba.close();
    auto started =
        run(QStringLiteral("pg_ctl"), {QStringLiteral("start"), QStringLiteral("-D"), data, QStringLiteral("-w"),
                                       QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log"))});
    if (!started) {
        QFile log(m_dir.filePath(QStringLiteral("server.log")));
        log.open(QIODevice::ReadOnly);
        return started << " server log: " << log.readAll().toStdString();
    }
    m_running = true;
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult PostgresServer::createDatabase(const QString &name)
{
    return run(QStringLiteral("createdb"), {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-U"), superuser, name});
}

::testing::AssertionResult PostgresServer::createDatabaseWithPassword(const QString &name, const QString &password)
{
    // The role owns its database, so it may create the schema in it (PostgreSQL 15 lets only the owner into public).
    QString escaped = password;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    auto role =
        run(QStringLiteral("psql"),
            {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-U"), superuser, QStringLiteral("-d"),
             QStringLiteral("postgres"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"),
             QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN CREATE "
                            "ROLE %1 LOGIN; END IF; END$$; ALTER ROLE %1 PASSWORD '%2'")
                 .arg(passwordRole, escaped)});
    if (!role)
        return role;
    return run(QStringLiteral("createdb"), {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-U"), superuser,
                                            QStringLiteral("-O"), passwordRole, name});
}

QString PostgresServer::urlWithPassword(const QString &database) const
{
    return QStringLiteral("postgresql://%1@/%2?host=%3").arg(passwordRole, database, m_dir.path());
}

QString PostgresServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://%1@/%2?host=%3").arg(superuser, database, m_dir.path());
}
