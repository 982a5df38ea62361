// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusindicator.h"

#include "servicehost.h"

StatusIndicator::StatusIndicator(ServiceHost *host, QWidget *parent)
    : QLabel(parent)
    , m_host(host)
{
    setObjectName(QStringLiteral("statusIndicator"));
    connect(m_host, &ServiceHost::statusChanged, this, &StatusIndicator::update);
    update();
}

void StatusIndicator::update()
{
    const QueueStats stats = m_host->stats();
    const int waiting = stats.pending + stats.retrying + stats.running;
    QString text = m_host->receiverText() + QStringLiteral("  ·  ") + tr("Queue: %n waiting", nullptr, waiting);
    if (stats.dead > 0)
        text += QStringLiteral("  ·  ") + tr("%n dead", nullptr, stats.dead);
    setText(text);
    const bool bad = m_host->mode() == ServiceHost::Mode::Failed || stats.dead > 0;
    setStyleSheet(bad ? QStringLiteral("color: #b00020;") : QString());
}
