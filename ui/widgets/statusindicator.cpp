// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusindicator.h"

#include "servicestatus.h"

#include <QEvent>

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
    const bool bad = m_status->needsAttention() || stats.dead > 0;
    setText(text);
    setAccessibleName(tr("Service status"));
    // The red colour alone would not reach a screen reader.
    setAccessibleDescription(bad ? tr("Needs attention: %1").arg(text) : text);
    setStyleSheet(bad ? QStringLiteral("color: #b00020;") : QString());
}

void StatusIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        update();
    QLabel::changeEvent(event);
}
