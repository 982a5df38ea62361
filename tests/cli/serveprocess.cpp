// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveprocess.h"

#include "clirunner.h"

#include <QTest>

#include <csignal>

namespace {
// serve's first line on stdout names the receiver's URL, in whatever language the locale gives it ("listening on
// http://…", "принимает на http://…"): the URL is what follows "http://" up to the end of that line.
QString receiverUrl(const QByteArray &out)
{
    const qsizetype start = out.indexOf("http://");
    const qsizetype end = start < 0 ? -1 : out.indexOf('\n', start);
    return end < 0 ? QString() : QString::fromUtf8(out.mid(start, end - start)).trimmed();
}
} // namespace

ServeProcess::ServeProcess(const CliRunner &cli)
    : m_cli(cli)
{
    // Drained as it comes: a full pipe would block serve's logging, and with it serve.
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                     [this] { m_out += m_process.readAllStandardOutput(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { m_err += m_process.readAllStandardError(); });
}

ServeProcess::~ServeProcess()
{
    stop();
}

::testing::AssertionResult ServeProcess::start(int timeoutMs)
{
    m_out.clear();
    m_err.clear();
    m_base.clear();
    m_process.setProcessEnvironment(m_cli.environment());
    m_process.start(QStringLiteral(SKLADHOOK_CLI_PATH),
                    {QStringLiteral("--data-dir"), m_cli.dataDir(), QStringLiteral("serve")});
    if (!m_process.waitForStarted(10000))
        return ::testing::AssertionFailure() << "serve did not start: " << m_process.errorString().toStdString();
    const bool said = QTest::qWaitFor(
        [this] { return !receiverUrl(m_out).isEmpty() || m_process.state() == QProcess::NotRunning; }, timeoutMs);
    // What a process that already exited wrote is still in the pipes.
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
    if (!said || receiverUrl(m_out).isEmpty()) {
        const QString why = running() ? QStringLiteral("serve said nothing in %1 ms").arg(timeoutMs)
                                      : QStringLiteral("serve exited with %1").arg(m_process.exitCode());
        return ::testing::AssertionFailure()
               << why.toStdString() << "; stdout: " << m_out.toStdString() << "; stderr: " << m_err.toStdString();
    }
    m_base = QUrl(receiverUrl(m_out));
    if (!m_base.isValid() || m_base.port() <= 0)
        return ::testing::AssertionFailure() << "no receiver URL in serve's output: " << m_out.toStdString();
    return ::testing::AssertionSuccess();
}

int ServeProcess::stop()
{
    if (!running())
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServeProcess::kill()
{
    if (!running())
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10000);
}
