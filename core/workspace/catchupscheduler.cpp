// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/catchupscheduler.h"

#include "common/clock.h"
#include "diagnostics/sqlitediagnosticslog.h"
#include "documents/documentprocessors.h"
#include "hooks/hookcatalog.h"
#include "moysklad/moscowtime.h"
#include "service/service.h"
#include "settings/settings.h"
#include "store/servicestate.h"
#include "store/storewriter.h"
#include "workspace/workspace.h"

namespace {

const QString syncCategory = QStringLiteral("sync");
const QString nextRunKey = QStringLiteral("sync.nextRun"); // in service_state, for the processes that do not serve

QString describe(const CatchUpSync::Report &report)
{
    return QStringLiteral("%1 fetched, %2 applied, %3 marked deleted, %4 requests; window %5 – %6 (Moscow time)")
        .arg(report.total.fetched)
        .arg(report.total.applied)
        .arg(report.total.deleted)
        .arg(report.total.requests)
        .arg(MoscowTime::format(report.since), MoscowTime::format(report.until));
}

} // namespace

CatchUpScheduler::CatchUpScheduler(Workspace *workspace)
    : m_workspace(workspace)
    , m_sync(workspace->client(), workspace->writer(), workspace->clock())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CatchUpScheduler::due);
    connect(&m_sync, &CatchUpSync::progress, this, &CatchUpScheduler::progress);
    connect(&m_sync, &CatchUpSync::finished, this, &CatchUpScheduler::onFinished);
    connect(workspace, &Workspace::roleChanged, this, &CatchUpScheduler::followRole);
    connect(&workspace->settings(), &Settings::changed, this, [this](SettingKey key) {
        if (key == SettingKey::SyncInterval)
            plan();
    });
}

CatchUpScheduler::~CatchUpScheduler() = default;

void CatchUpScheduler::startFrom(const QDateTime &since)
{
    const QStringList types = entityTypes();
    m_workspace->writer().submit([types, since, now = m_workspace->clock().utcNow()](QSqlDatabase &db) {
        for (const QString &type : types) {
            const auto known = SyncLedger::completeUntil(db, type);
            if (!known.ok())
                return Result<Done, QString>(known.error());
            if (known.value())
                continue;
            const auto set = SyncLedger::advance(db, type, since, since, now);
            if (!set.ok())
                return set;
        }
        return Result<Done, QString>(Done{});
    });
    m_workspace->writer().flush();
    m_workspace->log().info(
        QStringLiteral("sync"),
        LogText(QT_TRANSLATE_NOOP("LogMessage", "A fresh store: the first catch-up fetches what changed since %1"),
                since.toString(Qt::ISODate)));
}

QStringList CatchUpScheduler::entityTypes() const
{
    return HookCatalog::watchedTypes(m_workspace->settings().exchange());
}

ConvergenceCheck::Options CatchUpScheduler::comparisonOptions(const QString &origin) const
{
    ConvergenceCheck::Options options;
    options.entityTypes = entityTypes();
    options.origin = origin;
    // Without order import the store keeps only the orders it already has (the shop's own).
    if (!m_workspace->settings().exchange().importOrders)
        options.knownOnly.append(QStringLiteral("customerorder"));
    return options;
}

bool CatchUpScheduler::serving() const
{
    return m_workspace->role() == Workspace::Role::Serving && m_workspace->service();
}

void CatchUpScheduler::followRole()
{
    if (!serving()) {
        m_timer.stop();
        m_duePending = false;
        if (m_nextRun.isValid()) {
            m_nextRun = {};
            Q_EMIT scheduleChanged();
        }
        return;
    }
    // A service that just started: catch up with whatever happened while nobody was receiving.
    connect(m_workspace->service(), &Service::holdChanged, this, &CatchUpScheduler::followService,
            Qt::UniqueConnection);
    due();
}

void CatchUpScheduler::followService()
{
    if (m_duePending && serving() && m_workspace->service()->isProcessing())
        due();
}

void CatchUpScheduler::due()
{
    if (!serving())
        return;
    if (!m_workspace->service()->isProcessing()) {
        // Held (paused, no token, token refused): nothing would be applied; run once it is resumed.
        m_duePending = true;
        return;
    }
    m_duePending = false;
    // Services sharing a store sync it once: the one that leads does, the others only keep the schedule.
    if (!m_sync.isRunning() && m_workspace->leadsPeriodicJobs()) {
        const auto started = runNow(std::nullopt, QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "by the service")));
        if (!started.ok())
            m_workspace->log().warning(
                syncCategory,
                LogText(QT_TRANSLATE_NOOP("LogMessage", "Catch-up sync not started: %1"), started.error()));
    }
    plan();
}

Result<Done, QString> CatchUpScheduler::runNow(std::optional<QDateTime> since, const QString &origin)
{
    if (m_sync.isRunning())
        return QStringLiteral("a catch-up sync is running already");
    if (!m_workspace->hasCredentials())
        return QStringLiteral("no API token: save one first");
    const QStringList types = entityTypes();
    auto processors = std::make_shared<const DocumentProcessors>(
        DocumentProcessors::Options{m_workspace->settings().exchange().importOrders});
    m_workspace->log().info(
        syncCategory,
        since ? LogText(QT_TRANSLATE_NOOP("LogMessage", "Catch-up sync of %1 started %2, since %3 (Moscow time)"),
                        types.join(QStringLiteral(", ")), origin, MoscowTime::format(*since))
              : LogText(QT_TRANSLATE_NOOP("LogMessage", "Catch-up sync of %1 started %2"),
                        types.join(QStringLiteral(", ")), origin));
    m_sync.start(types, std::move(processors), since);
    Q_EMIT started();
    return Done{};
}

void CatchUpScheduler::onFinished(const CatchUpSync::Report &report)
{
    if (report.ok) {
        m_workspace->log().info(syncCategory,
                                LogText(QT_TRANSLATE_NOOP("LogMessage", "Catch-up sync done: %1"), describe(report)));
    } else if (report.cancelled) {
        m_workspace->log().info(
            syncCategory,
            LogText(QT_TRANSLATE_NOOP("LogMessage", "Catch-up sync stopped by the user: %1. What was "
                                                    "applied stays; the next run starts where it stopped"),
                    describe(report)));
    } else {
        m_workspace->log().error(
            syncCategory,
            LogText(QT_TRANSLATE_NOOP("LogMessage", "Catch-up sync failed: %1. What was applied before stays; "
                                                    "the next run starts where the last complete one ended"),
                    report.error));
    }
    if (report.unauthorized)
        m_workspace->reportTokenRejected();
    Q_EMIT finished(report);
}

void CatchUpScheduler::plan()
{
    const int interval = m_workspace->settings().syncIntervalSeconds();
    QDateTime next;
    if (serving() && interval > 0) {
        m_timer.start(interval * 1000);
        next = m_workspace->clock().utcNow().addSecs(interval);
    } else {
        m_timer.stop();
    }
    if (next == m_nextRun)
        return;
    m_nextRun = next;
    m_workspace->writer().submit([next, now = m_workspace->clock().utcNow()](QSqlDatabase &db) {
        return ServiceState::write(db, {{nextRunKey, next.isValid() ? next.toString(Qt::ISODateWithMs) : QString()}},
                                   now);
    });
    Q_EMIT scheduleChanged();
}

CatchUpScheduler::Status CatchUpScheduler::readStatus(QSqlDatabase &db, const QStringList &entityTypes)
{
    Status status;
    for (const QString &type : entityTypes) {
        const auto until = SyncLedger::completeUntil(db, type);
        if (!until.ok() || !until.value()) {
            status.completeUntil.reset(); // a type never synced: the store is not known to be complete
            break;
        }
        if (!status.completeUntil || *until.value() < *status.completeUntil)
            status.completeUntil = until.value();
    }
    if (const auto last = SyncLedger::lastRun(db, QStringLiteral("sync")); last.ok())
        status.lastRun = last.value();
    status.nextRun = QDateTime::fromString(ServiceState::read(db).value(nextRunKey), Qt::ISODateWithMs);
    return status;
}
