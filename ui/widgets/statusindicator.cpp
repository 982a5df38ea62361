// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusindicator.h"

#include "servicestatus.h"

StatusIndicator::StatusIndicator(ServiceStatus *status, QWidget *parent)
    : QLabel(parent)
    , m_status(status)
{
    setObjectName(QStringLiteral("statusIndicator"));
    connect(m_status, &ServiceStatus::changed, this, &StatusIndicator::update);
    update();
}

void StatusIndicator::update()
{
    const QueueStats stats = m_status->stats();
    const int waiting = stats.pending + stats.retrying + stats.running;
    QString text = m_status->receiverText() + QStringLiteral("  ·  ") + tr("Queue: %n waiting", nullptr, waiting);
    if (stats.dead > 0)
        text += QStringLiteral("  ·  ") + tr("%n dead", nullptr, stats.dead);
    setText(text);
    const bool bad = m_status->needsAttention() || stats.dead > 0;
    setStyleSheet(bad ? QStringLiteral("color: #b00020;") : QString());
}
