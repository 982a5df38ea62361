// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hooks/hookapplier.h"
#include "hooks/hookplan.h"
#include "moysklad/apierror.h"
#include "settings/settingkey.h"

#include <QObject>
#include <QSet>

#include <optional>

class HookSync;
class Workspace;

// What the webhook tab does, without widgets: runs one network operation at a time (refresh, install, apply, check,
// obtain a token) through the workspace's HookSync, and says in words what happened. The plan follows the site URL,
// the verification string and the exchange settings at once, whichever process changed them.
class WebhookController final : public QObject
{
    Q_OBJECT

public:
    enum class Severity { Info, Warning, Error };

    explicit WebhookController(Workspace *workspace, QObject *parent = nullptr);
    ~WebhookController() override;

    bool isBusy() const { return m_busy; }
    bool hasListed() const;
    const HookPlan &plan() const { return m_plan; }

    void refresh();
    void installMissing();
    // Creates missing hooks, enables our disabled ones and rewrites the hooks with these ids.
    void apply(const QSet<QString> &updateIds);
    // Deletes our hooks that the exchange settings no longer need (only on this explicit request).
    void removeUnneeded();
    void checkConnection();
    // Exchanges login and password for a token (MoySklad revokes the user's earlier tokens) and saves it.
    void obtainToken(const QString &login, const QString &password);
    // Stops waiting for the operation under way (MoySklad may take minutes to answer): the window is free again and
    // its answer, when it comes, is dropped — except a token obtained meanwhile, which is still saved (obtaining it
    // revoked the earlier ones). A write already sent may still reach MoySklad; Refresh shows the account as it is.
    void cancel();

Q_SIGNALS:
    void busyChanged(bool busy);
    void planChanged();
    // onConnectionTab: the fix is on the Connection tab (the window offers to open it).
    void message(WebhookController::Severity severity, const QString &text, bool onConnectionTab = false);
    // A listing of the account's hooks ended (a refresh, or the listing after a token check); `error` when it failed.
    // The setup assistant explains the failure from it. Emitted while still busy, just before busyChanged(false).
    void listed(const std::optional<ApiError> &error);

private:
    void onSettingChanged(SettingKey key);
    void replan();
    bool beginBusy();
    void endBusy();
    // Lists the hooks, re-plans, then ends the busy period; `prefix` (a result) is shown before the count.
    void listThenFinish(const QString &prefix);
    bool checkReadyToWrite();
    void warnNoToken(); // the fix is on the Connection tab
    void runApply(const ApplyOptions &options);
    void reportApiError(const QString &what, const ApiError &error);
    // `handler` wrapped to run only while the operation begun last is the one under way (not cancelled).
    template<typename Handler>
    auto current(Handler handler);

    Workspace *m_workspace = nullptr;
    HookSync *m_sync = nullptr;
    HookPlan m_plan;
    bool m_busy = false;
    quint64 m_operation = 0; // counts operations begun or cancelled; an answer of an older one is dropped
};
