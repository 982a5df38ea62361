// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

class ServiceHost;

// The status bar's permanent part: the receiver's address and state, and the queue depth.
class StatusIndicator final : public QLabel
{
    Q_OBJECT

public:
    explicit StatusIndicator(ServiceHost *host, QWidget *parent = nullptr);

private:
    void update();
    ServiceHost *m_host = nullptr;
};
