// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logtext.h"
#include "common/result.h"
#include "hooks/hookplan.h"
#include "moysklad/apierror.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

class HookSync;
class Workspace;

// One hook of ours that a check found not working.
struct HookIssue final
{
    QString entityType;
    QString action;
    HookState state = HookState::Disabled; // Disabled (also one whose URL is outdated) or Missing (removed)
    bool repaired = false;                 // enabled or created again by the check that found it

    QString key() const { return entityType + QLatin1Char('/') + action; }
    bool operator==(const HookIssue &) const = default;
};

// Hook health: MoySklad disables a hook whose deliveries keep failing and a person may delete one; either way its
// changes stop arriving, silently. While this process serves, the account's hooks are listed at the start and every
// hooks.checkInterval seconds; a hook of ours in the module's set found disabled or missing is logged as a warning
// (once, while it stays so) and, with hooks.autoRepair on, enabled or created again through the usual apply, which
// never writes another application's hooks. Missing hooks count only once a hook of ours exists: before the first
// apply nothing is installed to repair. A check that cannot run (no token, no site URL, a token MoySklad refused, a
// network failure) says so once, not at every interval.
//
// The result is kept in service_state as well, so that a face attached to another process's service shows it too.
class HookHealth final : public QObject
{
    Q_OBJECT

public:
    // What the serving process last wrote of its checks (service_state), for any reader.
    struct Snapshot
    {
        QDateTime lastCheck; // invalid: never checked
        QList<HookIssue> issues;
    };

    explicit HookHealth(Workspace *workspace, QObject *parent = nullptr);
    ~HookHealth() override;

    // Checks now and then every hooks.checkInterval seconds, until stop().
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // A new interval applies from now on (the next check is one interval away).
    void setIntervalSeconds(int seconds);
    int intervalSeconds() const { return m_timer.interval() / 1000; }
    // One check now; nothing when one is under way or the checks are stopped.
    void checkNow();

    // The last completed check: when, and the hooks of ours it found disabled or missing (empty: all well).
    QDateTime lastCheck() const { return m_lastCheck; }
    const QList<HookIssue> &issues() const { return m_issues; }

    static Snapshot readSnapshot(QSqlDatabase &db);

Q_SIGNALS:
    // After every completed check, healthy or not: lastCheck() and issues() are current.
    void checked();
    // Hooks of ours were enabled or created again. What changed in MoySklad while they were off was never delivered:
    // the owner runs a catch-up sync from the last complete moment on this signal.
    void hooksRepaired();

private:
    void onListed(Result<HookPlan, ApiError> listed);
    void repair(const HookPlan &plan, QList<HookIssue> issues);
    void finish(QList<HookIssue> issues);
    // A check that could not run, or found nothing to check: said once until something else happens.
    void sayOnce(const LogText &message, bool warning);
    void logFindings(const QList<HookIssue> &issues) const;
    void saveState() const;

    Workspace *m_workspace = nullptr;
    HookSync *m_sync = nullptr;
    QTimer m_timer;
    bool m_checking = false;
    QDateTime m_lastCheck;
    QList<HookIssue> m_issues;
    QString m_said; // the last sayOnce() message
};
