// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicestatus.h"

#include "queue/taskqueue.h"
#include "settings/secretstore.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/sqlrow.h"
#include "workspace/workspace.h"

#include <QLocale>
#include <QSqlQuery>

namespace {
constexpr int refreshMs = 2000;
} // namespace

ServiceStatus::ServiceStatus(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_reader(Database::fileIn(workspace->dataDir()))
{
    connect(&m_timer, &QTimer::timeout, this, &ServiceStatus::refresh);
    connect(m_workspace, &Workspace::roleChanged, this, &ServiceStatus::refresh);
    connect(m_workspace, &Workspace::queueChanged, this, &ServiceStatus::refresh);
    connect(m_workspace, &Workspace::secretRotationChanged, this, &ServiceStatus::refresh);
    m_timer.start(refreshMs);
    refresh();
}

ServiceStatus::~ServiceStatus() = default;

void ServiceStatus::setRefreshInterval(int ms)
{
    if (ms <= 0)
        m_timer.stop();
    else
        m_timer.start(ms);
}

void ServiceStatus::refresh()
{
    // One read-only connection, the same for our own service and for another process's.
    if (m_reader.ensureOpen()) {
        const auto stats = TaskQueue::readStats(m_reader.db());
        if (stats.ok())
            m_stats = stats.value();
        QSqlQuery query(m_reader.db());
        if (query.exec(QStringLiteral("SELECT key, value FROM service_state"))) {
            while (query.next()) {
                const SqlRow row(query);
                const QString key = row.text(QStringLiteral("key"));
                const QString value = row.text(QStringLiteral("value"));
                if (key == QLatin1String("receiver.address"))
                    m_address = value;
                else if (key == QLatin1String("receiver.state"))
                    m_receiverState = value;
                else if (key == QLatin1String("worker.processing"))
                    m_processing = value;
                else if (key == QLatin1String("worker.lastRun"))
                    m_lastRun = QDateTime::fromString(value, Qt::ISODateWithMs);
                else if (key == QLatin1String("worker.nextRun"))
                    m_nextRun = QDateTime::fromString(value, Qt::ISODateWithMs);
            }
        }
    }
    Q_EMIT changed();
}

QString ServiceStatus::receiverText() const
{
    QString text;
    switch (m_workspace->role()) {
    case Workspace::Role::Serving:
        text = tr("Receiver listening on %1").arg(m_address);
        break;
    case Workspace::Role::Attached:
        text = m_address.isEmpty()
                   ? tr("Receiver run by skladhook-cli serve (%1)").arg(m_workspace->roleDetail())
                   : tr("Receiver run by skladhook-cli serve (%1) on %2").arg(m_workspace->roleDetail(), m_address);
        break;
    case Workspace::Role::NotConfigured:
        text = m_workspace->roleDetail() == Settings::nameOf(SettingKey::SiteUrl)
                   ? tr("Receiver off: set the site URL")
                   : tr("Receiver off: no verification string yet");
        break;
    case Workspace::Role::Failed:
        text = tr("Receiver off: %1").arg(m_workspace->roleDetail());
        break;
    case Workspace::Role::Idle:
        text = tr("Receiver stopped");
        break;
    }
    const bool running =
        m_workspace->role() == Workspace::Role::Serving || m_workspace->role() == Workspace::Role::Attached;
    if (running && m_processing == QLatin1String("no-token"))
        text += QStringLiteral("  ·  ") + tr("processing on hold: no API token");
    else if (running && m_processing == QLatin1String("token-rejected"))
        text += QStringLiteral("  ·  ") + tr("processing on hold: MoySklad refused the API token, save a new one");
    else if (running && m_processing == QLatin1String("paused"))
        text += QStringLiteral("  ·  ") + tr("processing paused");
    if (running && m_workspace->isRotatingSecret())
        text += QStringLiteral("  ·  ") +
                tr("the previous verification string is accepted until %1 or until the "
                   "hooks are updated")
                    .arg(QLocale().toString(m_workspace->secretRotationEnds().toLocalTime(), QLocale::ShortFormat));
    return text;
}

bool ServiceStatus::needsAttention() const
{
    return m_workspace->role() == Workspace::Role::Failed ||
           (!m_processing.isEmpty() && m_processing != QLatin1String("on"));
}
