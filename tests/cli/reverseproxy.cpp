// SPDX-License-Identifier: GPL-3.0-or-later
#include "reverseproxy.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

namespace {

// The example's `location … { … }` block, braces balanced: what a user pastes into the shop's server block.
QString exampleLocation(QString *error)
{
    QFile file(QStringLiteral(SKLADHOOK_NGINX_EXAMPLE));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(file.fileName());
        return {};
    }
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("\nlocation "));
    if (start < 0) {
        *error = QStringLiteral("no location block in %1").arg(file.fileName());
        return {};
    }
    int depth = 0;
    for (qsizetype i = start; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('{'))
            ++depth;
        else if (text.at(i) == QLatin1Char('}') && --depth == 0)
            return text.mid(start + 1, i - start);
    }
    *error = QStringLiteral("unbalanced braces in %1").arg(file.fileName());
    return {};
}

// The example's statements for the http block (log_format …;), which a user puts there and not in the server.
QString exampleHttpStatements()
{
    QFile file(QStringLiteral(SKLADHOOK_NGINX_EXAMPLE));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    QStringList statements;
    for (qsizetype at = text.indexOf(QStringLiteral("\nlog_format ")); at >= 0;
         at = text.indexOf(QStringLiteral("\nlog_format "), at + 1)) {
        const qsizetype end = text.indexOf(QLatin1Char(';'), at);
        if (end > at)
            statements.append(text.mid(at + 1, end - at));
    }
    return statements.join(QLatin1Char('\n'));
}

} // namespace

ReverseProxy::~ReverseProxy()
{
    stop();
}

QString ReverseProxy::nginx()
{
    QString found = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                               {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    return found;
}

QString ReverseProxy::errorLog() const
{
    QFile file(m_dir.filePath(QStringLiteral("error.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString ReverseProxy::allLogs() const
{
    QString text;
    for (const QString &name : QDir(m_dir.path()).entryList({QStringLiteral("*.log")}, QDir::Files)) {
        QFile file(m_dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            text += QStringLiteral("== %1\n").arg(name) + QString::fromUtf8(file.readAll());
    }
    return text;
}

::testing::AssertionResult ReverseProxy::start(quint16 port, const QString &pathPrefix, const QString &receiver)
{
    if (!m_dir.isValid())
        return ::testing::AssertionFailure() << "no temporary directory for nginx";
    QString error;
    QString location = exampleLocation(&error);
    if (location.isEmpty())
        return ::testing::AssertionFailure() << error.toStdString();
    // The example's site path and receiver.listen, replaced by this test's.
    if (!location.contains(QStringLiteral("/skladhook/")) || !location.contains(QStringLiteral("127.0.0.1:8765")))
        return ::testing::AssertionFailure() << "the example no longer names /skladhook/ and 127.0.0.1:8765";
    location.replace(QStringLiteral("/skladhook/"), pathPrefix);
    location.replace(QStringLiteral("127.0.0.1:8765"), receiver);
    const QString dir = m_dir.path();
    // The logs the example names go to this test's directory; its http-level statements (log_format) to http.
    location.replace(QStringLiteral("/var/log/nginx/"), dir + QLatin1Char('/'));
    const QString httpLevel = exampleHttpStatements();

    // master_process off: one process that never changes its user, so it runs the same as root or not.
    const QString config = QStringLiteral("daemon off;\n"
                                          "master_process off;\n"
                                          "pid %1/nginx.pid;\n"
                                          "error_log %1/error.log info;\n"
                                          "events { worker_connections 64; }\n"
                                          "http {\n"
                                          "    access_log off;\n"
                                          "%4\n"
                                          "    client_body_temp_path %1/client_body;\n"
                                          "    proxy_temp_path %1/proxy;\n"
                                          "    fastcgi_temp_path %1/fastcgi;\n"
                                          "    uwsgi_temp_path %1/uwsgi;\n"
                                          "    scgi_temp_path %1/scgi;\n"
                                          "    server {\n"
                                          "        listen 127.0.0.1:%2;\n"
                                          "        server_name localhost;\n"
                                          "%3\n"
                                          "    }\n"
                                          "}\n")
                               .arg(dir)
                               .arg(port)
                               .arg(location, httpLevel);
    QFile file(m_dir.filePath(QStringLiteral("nginx.conf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0)
        return ::testing::AssertionFailure() << "cannot write " << file.fileName().toStdString();
    file.close();

    const QString binary = nginx();
    if (binary.isEmpty())
        return ::testing::AssertionFailure() << "nginx is not installed";
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binary, {QStringLiteral("-p"), dir, QStringLiteral("-c"), file.fileName()});
    if (!m_process.waitForStarted(10000))
        return ::testing::AssertionFailure() << "nginx did not start: " << m_process.errorString().toStdString();
    const bool accepting = QTest::qWaitFor(
        [&] {
            if (m_process.state() == QProcess::NotRunning)
                return true;
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, port);
            return probe.waitForConnected(200);
        },
        10000);
    if (!accepting || m_process.state() == QProcess::NotRunning)
        return ::testing::AssertionFailure()
               << "nginx is not accepting on 127.0.0.1:" << port << ": "
               << QString::fromUtf8(m_process.readAll()).toStdString() << errorLog().toStdString();
    return ::testing::AssertionSuccess();
}

void ReverseProxy::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}
