// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

// SIGINT and SIGTERM turned into a Qt signal on the event loop (the self-pipe trick: the handler only writes a byte),
// so that `serve` and the desktop app stop their service cleanly instead of dying mid-write. One per process.
class TerminationSignals final : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received();

private:
    QSocketNotifier *m_notifier = nullptr;
};
