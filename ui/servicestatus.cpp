// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicestatus.h"

#include "queue/taskqueue.h"
#include "settings/secretstore.h"
#include "settings/settings.h"
#include "store/database.h"
#include "workspace/workspace.h"

#include <QLocale>

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

void ServiceStatus::refresh()
{
    // One read-only connection, the same for our own service and for another process's.
    if (m_reader.ensureOpen()) {
        const auto stats = TaskQueue::readStats(m_reader.db());
        if (stats.ok())
            m_stats = stats.value();
        m_snapshot = Service::readSnapshot(m_reader.db());
    }
    Q_EMIT changed();
}

QString ServiceStatus::receiverText() const
{
    QString text;
    switch (m_workspace->role()) {
    case Workspace::Role::Serving:
        text = tr("Receiver listening on %1").arg(m_snapshot.receiverAddress);
        break;
    case Workspace::Role::Attached:
        text = m_snapshot.receiverAddress.isEmpty()
                   ? tr("Receiver run by skladhook-cli serve (%1)").arg(m_workspace->roleDetail())
                   : tr("Receiver run by skladhook-cli serve (%1) on %2")
                         .arg(m_workspace->roleDetail(), m_snapshot.receiverAddress);
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
    if (running && m_snapshot.processing == Service::holdName(Service::Hold::NoToken))
        text += QStringLiteral("  ·  ") + tr("processing on hold: no API token");
    else if (running && m_snapshot.processing == Service::holdName(Service::Hold::TokenRejected))
        text += QStringLiteral("  ·  ") + tr("processing on hold: MoySklad refused the API token, save a new one");
    else if (running && m_snapshot.processing == Service::holdName(Service::Hold::Paused))
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
           (!m_snapshot.processing.isEmpty() && m_snapshot.processing != Service::holdName(Service::Hold::None));
}
