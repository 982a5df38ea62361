// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

class ServiceStatus;

// The status bar's permanent part: the receiver's address and state, and the queue depth.
class StatusIndicator final : public QLabel
{
    Q_OBJECT

public:
    explicit StatusIndicator(ServiceStatus *status, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();
    ServiceStatus *m_status = nullptr;
};
