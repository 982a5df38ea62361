// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookcontroller.h"

#include "common/diagnosticslog.h"
#include "common/secretmasker.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "settings/settings.h"
#include "workspace/hookhealth.h"
#include "workspace/hooksync.h"
#include "workspace/workspace.h"

WebhookController::WebhookController(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_sync(new HookSync(workspace, this))
{
    connect(&m_workspace->settings(), &Settings::changed, this, &WebhookController::onSettingChanged);
    connect(m_workspace, &Workspace::siteSecretChanged, this, &WebhookController::replan);
    // The service's hook check wrote hooks of ours (this process serves): the table shows them as they are now.
    connect(&m_workspace->hookHealth(), &HookHealth::hooksRepaired, this, [this] {
        if (hasListed() && !m_busy)
            refresh();
    });
}

WebhookController::~WebhookController() = default;

bool WebhookController::hasListed() const
{
    return m_sync->hasListed();
}

void WebhookController::onSettingChanged(SettingKey key)
{
    switch (key) {
    case SettingKey::SiteUrl:
    case SettingKey::ExchangePayments:
    case SettingKey::ExchangeShipments:
    case SettingKey::ImportOrders:
        replan();
        break;
    default:
        break;
    }
}

void WebhookController::replan()
{
    m_plan = m_sync->plan();
    Q_EMIT planChanged();
}

template<typename Handler>
auto WebhookController::current(Handler handler)
{
    return [this, operation = m_operation, handler = std::move(handler)](auto &&...arguments) {
        if (operation == m_operation)
            handler(std::forward<decltype(arguments)>(arguments)...);
    };
}

bool WebhookController::beginBusy()
{
    if (m_busy)
        return false;
    ++m_operation;
    m_busy = true;
    Q_EMIT busyChanged(true);
    return true;
}

void WebhookController::endBusy()
{
    m_busy = false;
    Q_EMIT busyChanged(false);
}

void WebhookController::cancel()
{
    if (!m_busy)
        return;
    ++m_operation;
    endBusy();
    Q_EMIT message(Severity::Warning, tr("Cancelled: SkladHook no longer waits for MoySklad's answer. A change already "
                                         "sent may still be made; Refresh shows the account as it is."));
}

void WebhookController::refresh()
{
    if (!m_workspace->hasCredentials()) {
        warnNoToken();
        return;
    }
    if (!beginBusy())
        return;
    listThenFinish(QString());
}

void WebhookController::listThenFinish(const QString &prefix)
{
    m_sync->list(current([this, prefix](Result<HookPlan, ApiError> result) {
        if (!result.ok()) {
            reportApiError(tr("Could not list the webhooks"), result.error());
            Q_EMIT listed(result.error());
            endBusy();
            return;
        }
        replan();
        const QString counted = tr("%n webhook(s) in the account.", nullptr, int(m_sync->actual().size()));
        if (prefix.isEmpty() && m_workspace->settings().siteUrl().isEmpty())
            Q_EMIT message(Severity::Warning,
                           tr("%1 Set the site URL on the Connection tab so that SkladHook can "
                              "tell its own hooks.")
                               .arg(counted),
                           true);
        else
            Q_EMIT message(Severity::Info, prefix.isEmpty() ? counted : prefix + QLatin1Char(' ') + counted);
        // Before the end of the busy period: a listener waiting for a free controller to list must not list again.
        Q_EMIT listed(std::nullopt);
        endBusy();
    }));
}

void WebhookController::warnNoToken()
{
    Q_EMIT message(Severity::Warning,
                   tr("No API token yet: enter a token, or obtain one with your login and "
                      "password, on the Connection tab."),
                   true);
}

bool WebhookController::checkReadyToWrite()
{
    const auto problem = m_sync->problemBeforeWriting();
    if (!problem)
        return true;
    switch (problem->blocker) {
    case HookSync::Blocker::NoCredentials:
        warnNoToken();
        break;
    case HookSync::Blocker::NoSiteUrl:
        Q_EMIT message(Severity::Error, tr("Set the site URL (Connection tab) first: the hooks point to it."), true);
        break;
    case HookSync::Blocker::NoSiteSecret:
        Q_EMIT message(Severity::Error,
                       tr("The verification string is not available: set or generate one on the "
                          "Connection tab."),
                       true);
        break;
    case HookSync::Blocker::UrlTooLong:
        Q_EMIT message(Severity::Error, tr("A hook URL would be too long for MoySklad: %1").arg(problem->detail));
        break;
    case HookSync::Blocker::NotListed:
        Q_EMIT message(Severity::Warning, tr("Click Refresh first, so that SkladHook knows the account's hooks."));
        break;
    }
    return false;
}

void WebhookController::installMissing()
{
    ApplyOptions options;
    options.createMissing = true;
    options.enableDisabled = false;
    options.updateOnly = QSet<QString>(); // nothing rewritten
    runApply(options);
}

void WebhookController::apply(const QSet<QString> &updateIds)
{
    ApplyOptions options;
    options.createMissing = true;
    options.enableDisabled = true;
    options.updateOnly = updateIds;
    runApply(options);
}

void WebhookController::removeUnneeded()
{
    ApplyOptions options;
    options.createMissing = false;
    options.enableDisabled = false;
    options.updateOnly = QSet<QString>();
    options.removeUnwanted = true;
    runApply(options);
}

void WebhookController::runApply(const ApplyOptions &options)
{
    if (!checkReadyToWrite() || !beginBusy())
        return;
    const HookPlan plan = m_plan;
    if (HookApplier::writesFor(plan, options).isEmpty()) {
        // Outdated hooks are rewritten only when ticked: "already as they should be" would be untrue.
        const int outdated = plan.count(HookState::Outdated);
        if (outdated > 0 && !options.removeUnwanted)
            Q_EMIT message(Severity::Warning,
                           tr("%n hook(s) are outdated: tick Update on them (or Tick all outdated), then Apply.",
                              nullptr, outdated));
        else
            Q_EMIT message(Severity::Info, tr("Nothing to write: the webhooks are already as they should be."));
        endBusy();
        return;
    }
    m_sync->apply(plan, options, current([this](ApplyReport report) {
                      if (!report.ok()) {
                          QString text = tr("MoySklad refused the change: %1").arg(report.explanation);
                          if (report.error)
                              text += QLatin1Char('\n') + tr("MoySklad said: %1").arg(report.error->toString());
                          Q_EMIT message(Severity::Error, text);
                          // Some writes may have gone through: HookSync listed the account again.
                          replan();
                          endBusy();
                          return;
                      }
                      QString done = tr("Done: %1 created, %2 updated, %3 enabled.")
                                         .arg(report.created)
                                         .arg(report.updated)
                                         .arg(report.enabled);
                      if (report.deleted > 0)
                          done += QLatin1Char(' ') + tr("%n hook(s) deleted.", nullptr, report.deleted);
                      // HookSync listed the account again after writing: the plan and the count are current.
                      replan();
                      Q_EMIT message(Severity::Info,
                                     done + QLatin1Char(' ') +
                                         tr("%n webhook(s) in the account.", nullptr, int(m_sync->actual().size())));
                      endBusy();
                  }));
}

void WebhookController::checkConnection()
{
    if (!m_workspace->hasCredentials()) {
        Q_EMIT message(Severity::Warning, tr("No API token yet: enter a token, or obtain one with your login and "
                                             "password."));
        return;
    }
    if (!beginBusy())
        return;
    m_sync->check(current([this](Result<AccessReport, ApiError> result) {
        if (!result.ok()) {
            reportApiError(tr("The connection check failed"), result.error());
        } else if (result.value().canManageWebhooks) {
            const QString who = result.value().login.isEmpty() ? tr("the token's user") : result.value().login;
            Q_EMIT message(Severity::Info, tr("Connected to MoySklad as %1; this user may manage webhooks.").arg(who));
        } else {
            Q_EMIT message(Severity::Warning, tr("Connected as %1, but this user may not manage webhooks: %2")
                                                  .arg(result.value().login, result.value().reason));
        }
        endBusy();
    }));
}

void WebhookController::obtainToken(const QString &login, const QString &password)
{
    if (login.trimmed().isEmpty() || password.isEmpty()) {
        Q_EMIT message(Severity::Warning, tr("Enter both the login and the password to obtain a token."));
        return;
    }
    if (!beginBusy())
        return;
    MoySkladClient *exchange = m_workspace->makeLoginClient(login.trimmed(), password).release();
    exchange->setParent(this);
    exchange->obtainToken(this, [this, exchange, operation = m_operation](Result<QString, ApiError> result) {
        exchange->deleteLater();
        const bool cancelled = operation != m_operation;
        if (!result.ok()) {
            m_workspace->log().error(
                QStringLiteral("hooks"),
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Could not obtain a token with the login")),
                result.error().toString());
            if (!cancelled) {
                reportApiError(tr("Could not obtain a token"), result.error());
                endBusy();
            }
            return;
        }
        // Saved even when cancelled: MoySklad revoked the user's earlier tokens when it issued this one.
        m_workspace->saveToken(result.value(), [this, cancelled](Result<Done, SecretError> saved) {
            if (cancelled)
                return;
            if (saved.ok())
                Q_EMIT message(Severity::Info, tr("A new API token was obtained and saved; earlier tokens of this "
                                                  "user no longer work."));
            endBusy();
        });
    });
}

void WebhookController::reportApiError(const QString &what, const ApiError &error)
{
    QString advice;
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        advice = tr("Check the network connection and the API URL.");
        break;
    case ApiError::Kind::Unauthorized:
        advice = tr("The token or the login and password are wrong: enter a valid token or obtain a new one.");
        break;
    case ApiError::Kind::Forbidden:
        advice = tr("This user lacks the rights: webhooks need an administrator of the account.");
        break;
    case ApiError::Kind::RateLimited:
        advice = tr("MoySklad limits the request rate: try again in a minute.");
        break;
    default:
        break;
    }
    const QString text =
        what + QStringLiteral(": ") + error.toString() + (advice.isEmpty() ? QString() : QLatin1Char('\n') + advice);
    Q_EMIT message(Severity::Error, text);
}
