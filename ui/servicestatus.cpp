// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicestatus.h"

#include "queue/taskqueue.h"
#include "settings/secretstore.h"
#include "settings/settings.h"
#include "store/database.h"
#include "workspace/workspace.h"

#include <QLocale>

#include <algorithm>

namespace {
constexpr int refreshMs = 2000;
} // namespace

ServiceStatus::ServiceStatus(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_reader(workspace->storeLocation())
{
    connect(&m_timer, &QTimer::timeout, this, &ServiceStatus::refresh);
    connect(m_workspace, &Workspace::roleChanged, this, &ServiceStatus::refresh);
    connect(m_workspace, &Workspace::queueChanged, this, &ServiceStatus::refresh);
    connect(m_workspace, &Workspace::secretRotationChanged, this, &ServiceStatus::refresh);
    connect(m_workspace, &Workspace::siteMoveChanged, this, &ServiceStatus::refresh);
    connect(&m_workspace->hookHealth(), &HookHealth::checked, this, &ServiceStatus::refresh);
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
        const QDateTime unreachableSince = m_snapshot.moyskladUnreachableSince;
        m_snapshot = Service::readSnapshot(m_reader.db());
        m_hookHealth = HookHealth::readSnapshot(m_reader.db());
        if (m_workspace->role() == Workspace::Role::Remote) {
            // An entry not renewed for a while belongs to a process that is gone.
            const auto services = ServiceRegistry::read(m_reader.db(), QDateTime::currentDateTimeUtc().addSecs(-30));
            if (services.ok())
                m_services = services.value();
        }
        if (unreachableSince.isValid() && !m_snapshot.moyskladUnreachableSince.isValid())
            Q_EMIT outageEnded(unreachableSince, QDateTime::currentDateTimeUtc());
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
    case Workspace::Role::Remote:
        text = remoteText();
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
    const bool running = m_workspace->role() == Workspace::Role::Serving ||
                         m_workspace->role() == Workspace::Role::Attached ||
                         m_workspace->role() == Workspace::Role::Remote;
    if (running && m_snapshot.processing == Service::holdName(Service::Hold::NoToken))
        text += QStringLiteral("  ·  ") + tr("processing on hold: no API token");
    else if (running && m_snapshot.processing == Service::holdName(Service::Hold::TokenRejected))
        text += QStringLiteral("  ·  ") + tr("processing on hold: MoySklad refused the API token, save a new one");
    else if (running && m_snapshot.processing == Service::holdName(Service::Hold::Paused))
        text += QStringLiteral("  ·  ") + tr("processing paused");
    if (running && m_snapshot.moyskladUnreachableSince.isValid())
        text += QStringLiteral("  ·  ") +
                tr("MoySklad unreachable since %1: tasks wait without spending attempts")
                    .arg(QLocale().toString(m_snapshot.moyskladUnreachableSince.toLocalTime(), QLocale::ShortFormat));
    if (running && m_workspace->isRotatingSecret())
        text += QStringLiteral("  ·  ") +
                tr("the previous verification string is accepted until %1 or until the "
                   "hooks are updated")
                    .arg(QLocale().toString(m_workspace->secretRotationEnds().toLocalTime(), QLocale::ShortFormat));
    if (const std::optional<SiteMove> move = m_workspace->siteMove(); running && move)
        text +=
            QStringLiteral("  ·  ") +
            tr("the site URL is moving: deliveries to the previous one (%1) are accepted until %2 or until the "
               "hooks are updated")
                .arg(move->from.toDisplayString(), QLocale().toString(move->ends.toLocalTime(), QLocale::ShortFormat));
    return text;
}

QString ServiceStatus::remoteText() const
{
    // The store by its server, then each service by its machine, and what a machine lacks to serve fully.
    QStringList machines;
    QStringList lacking;
    int serving = 0;
    for (const ServiceRegistry::Entry &service : m_services) {
        if (service.state == QLatin1String("serving")) {
            ++serving;
            machines.append(service.receiver.isEmpty()
                                ? service.host
                                : tr("%1 on %2", "a machine, its receiver").arg(service.host, service.receiver));
        }
        if (!service.hasToken)
            lacking.append(tr("%1 has no API token", "a machine").arg(service.host));
        if (!service.hasSiteSecret)
            lacking.append(tr("%1 has no verification string", "a machine").arg(service.host));
    }
    QString text = serving == 0 ? tr("Remote mode on %1: no service is running").arg(m_workspace->roleDetail())
                                : tr("Remote mode on %1: %n service(s) (%2)", nullptr, serving)
                                      .arg(m_workspace->roleDetail(), machines.join(QStringLiteral(", ")));
    for (const QString &missing : std::as_const(lacking))
        text += QStringLiteral("  ·  ") + missing;
    return text;
}

QString ServiceStatus::hookHealthText() const
{
    QStringList findings;
    for (const HookIssue &issue : m_hookHealth.issues) {
        if (issue.state == HookState::Missing)
            findings.append(issue.repaired ? tr("%1 was removed from MoySklad and has been created again")
                                           : tr("%1 is missing from MoySklad"));
        else
            findings.append(issue.repaired ? tr("%1 was disabled in MoySklad and has been enabled again")
                                           : tr("%1 is disabled in MoySklad"));
        findings.last() = findings.last().arg(issue.key());
    }
    if (findings.isEmpty())
        return {};
    const bool open = std::any_of(m_hookHealth.issues.cbegin(), m_hookHealth.issues.cend(),
                                  [](const HookIssue &issue) { return !issue.repaired; });
    QString text = tr("Webhook check at %1: %2.")
                       .arg(QLocale().toString(m_hookHealth.lastCheck.toLocalTime(), QLocale::ShortFormat),
                            findings.join(QStringLiteral("; ")));
    if (open)
        text += QLatin1Char(' ') + tr("Its changes are not delivered: apply the webhooks to repair it.");
    else
        text += QLatin1Char(' ') + tr("Changes made meanwhile arrive with the next catch-up.");
    return text;
}

bool ServiceStatus::needsAttention() const
{
    const bool hookOff = std::any_of(m_hookHealth.issues.cbegin(), m_hookHealth.issues.cend(),
                                     [](const HookIssue &issue) { return !issue.repaired; });
    return m_workspace->role() == Workspace::Role::Failed || hookOff || m_snapshot.moyskladUnreachableSince.isValid() ||
           (!m_snapshot.processing.isEmpty() && m_snapshot.processing != Service::holdName(Service::Hold::None));
}
