// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/convergencecheck.h"

#include "common/diagnosticslog.h"
#include "moysklad/moscowtime.h"
#include "store/readconnection.h"
#include "store/shopstore.h"
#include "store/storewriter.h"
#include "sync/syncledger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>

#include <algorithm>

namespace {

const QString category = QStringLiteral("sync");
const QString runKind = QStringLiteral("verify");
// Rows of the cursor's second read again at the start of the next page: as many of them as may be edited or deleted
// between two pages without making the offset skip a row (more would only cost re-reading).
constexpr int rereadRows = 50;

QDateTime toSecond(const QDateTime &instant)
{
    return QDateTime::fromSecsSinceEpoch(instant.toSecsSinceEpoch(), Qt::UTC);
}

QStringList firstSorted(QStringList ids, int count)
{
    std::sort(ids.begin(), ids.end());
    return ids.mid(0, count);
}

QJsonArray jsonArray(const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids)
        array.append(id);
    return array;
}

} // namespace

bool ConvergenceCheck::Report::converged() const
{
    return ok() && std::all_of(types.cbegin(), types.cend(), [](const TypeReport &type) { return type.converged(); });
}

QJsonObject ConvergenceCheck::Report::toJson() const
{
    QJsonObject object;
    for (const TypeReport &type : types) {
        object.insert(type.entityType, QJsonObject{{QStringLiteral("moysklad"), type.moysklad},
                                                   {QStringLiteral("store"), type.store},
                                                   {QStringLiteral("missing"), type.missing},
                                                   {QStringLiteral("stale"), type.stale},
                                                   {QStringLiteral("extra"), type.extra},
                                                   {QStringLiteral("missingIds"), jsonArray(type.missingIds)},
                                                   {QStringLiteral("staleIds"), jsonArray(type.staleIds)},
                                                   {QStringLiteral("extraIds"), jsonArray(type.extraIds)}});
    }
    return object;
}

ConvergenceCheck::ConvergenceCheck(MoySkladClient &client, StoreWriter &writer, DiagnosticsLog &log, Options options,
                                   const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_writer(writer)
    , m_log(log)
    , m_options(std::move(options))
    , m_clock(clock)
{
    m_options.pageSize = std::clamp(m_options.pageSize, 2, 1000);
    m_options.maxListedIds = std::max(0, m_options.maxListedIds);
}

ConvergenceCheck::~ConvergenceCheck() = default;

bool ConvergenceCheck::run(std::optional<QDateTime> since)
{
    if (m_running)
        return false;
    m_running = true;
    m_report = Report{};
    if (since)
        m_report.since = toSecond(*since);
    m_report.startedAt = m_clock.utcNow();
    m_typeIndex = 0;
    m_requests = std::make_unique<QObject>();

    const QString origin = m_options.origin.isEmpty() ? QString() : QLatin1Char(' ') + m_options.origin;
    const QString types = m_options.entityTypes.join(QStringLiteral(", "));
    m_log.info(category,
               m_report.since
                   ? LogText(QT_TRANSLATE_NOOP("LogMessage", "Comparison with MoySklad started%1: "
                                                             "%2, documents updated since %3 "
                                                             "(Moscow time)"),
                             origin, types, MoscowTime::format(*m_report.since))
                   : LogText(QT_TRANSLATE_NOOP("LogMessage", "Comparison with MoySklad started%1: %2"), origin, types));
    m_runId = std::make_shared<qint64>(0);
    const QDateTime startedAt = m_report.startedAt;
    const QDateTime windowStart = m_report.since.value_or(QDateTime());
    m_writer.submit(
        [runId = m_runId, startedAt, windowStart](QSqlDatabase &db) -> ::Result<Done, QString> {
            const auto started = SyncLedger::startRun(db, runKind, windowStart, QDateTime(), startedAt);
            if (!started.ok())
                return started.error();
            *runId = started.value();
            return Done{};
        },
        [&log = m_log](::Result<Done, QString> recorded) {
            // On the writer's thread: the log takes entries from any thread.
            if (!recorded.ok())
                log.warning(category,
                            LogText(QT_TRANSLATE_NOOP("LogMessage", "Cannot record the comparison with MoySklad: %1"),
                                    recorded.error()));
        });
    startType();
    return true;
}

void ConvergenceCheck::startType()
{
    if (m_typeIndex >= m_options.entityTypes.size()) {
        finish();
        return;
    }
    m_cursor = m_report.since.value_or(QDateTime());
    m_readInCursorSecond = 0;
    m_offset = 0;
    m_listed.clear();
    m_total = 0;
    requestPage();
}

void ConvergenceCheck::requestPage()
{
    QUrlQuery query;
    if (m_cursor.isValid())
        query.addQueryItem(QStringLiteral("filter"), QStringLiteral("updated>=") + MoscowTime::format(m_cursor));
    query.addQueryItem(QStringLiteral("order"), QStringLiteral("updated,asc;id,asc"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
    if (m_offset > 0)
        query.addQueryItem(QStringLiteral("offset"), QString::number(m_offset));
    ++m_report.requests;
    m_client.getListPage(QStringLiteral("/entity/") + m_options.entityTypes.at(m_typeIndex), query, m_requests.get(),
                         [this](::Result<MoySkladClient::ListPage, ApiError> page) { onPage(std::move(page)); });
}

void ConvergenceCheck::onPage(::Result<MoySkladClient::ListPage, ApiError> page)
{
    const QString &entityType = m_options.entityTypes.at(m_typeIndex);
    if (!page.ok()) {
        fail(QStringLiteral("cannot list %1 in MoySklad: %2").arg(entityType, page.error().toString()), page.error());
        return;
    }
    const QList<QJsonObject> &rows = page.value().rows;
    if (m_listed.isEmpty() && m_total == 0)
        m_total = page.value().size;
    QDateTime lastSecond;
    int inLastSecond = 0;
    for (const QJsonObject &row : rows) {
        const QString id = row.value(QLatin1String("id")).toString();
        const QDateTime updated = MoscowTime::parse(row.value(QLatin1String("updated")).toString());
        if (id.isEmpty() || !updated.isValid()) {
            ApiError error;
            error.kind = ApiError::Kind::BadResponse;
            error.detail = QStringLiteral("a listed %1 has no readable id or updated").arg(entityType);
            fail(QStringLiteral("cannot list %1 in MoySklad: %2").arg(entityType, error.detail), error);
            return;
        }
        // Read twice (edited while listing, or re-read at a page's start): the newest state counts.
        const auto seen = m_listed.constFind(id);
        if (seen == m_listed.cend() || *seen < updated)
            m_listed.insert(id, updated);
        const QDateTime second = toSecond(updated);
        inLastSecond = second == lastSecond ? inLastSecond + 1 : 1;
        lastSecond = second;
    }
    Q_EMIT progress(entityType, int(m_listed.size()), std::max(m_total, int(m_listed.size())));
    if (rows.size() < m_options.pageSize) {
        compareType();
        return;
    }
    // A full page: the next one starts at the second of its last row. Rows are in `updated` order, so when that is
    // still the cursor's second, the whole page was of it.
    if (m_cursor.isValid() && lastSecond == m_cursor) {
        m_readInCursorSecond = m_offset + int(rows.size());
    } else {
        m_cursor = lastSecond;
        m_readInCursorSecond = inLastSecond;
    }
    m_offset = std::max(0, m_readInCursorSecond - std::min(rereadRows, m_options.pageSize / 2));
    requestPage();
}

void ConvergenceCheck::compareType()
{
    const QString &entityType = m_options.entityTypes.at(m_typeIndex);
    struct Stored
    {
        QDateTime updated; // invalid: not known
        bool deleted = false;
    };
    QHash<QString, Stored> stored;
    {
        ReadConnection reader(m_writer.databasePath());
        if (!reader.isOpen()) {
            fail(reader.error());
            return;
        }
        const auto versions = ShopStore::versions(reader.db(), entityType);
        if (!versions.ok()) {
            fail(QStringLiteral("cannot read the stored %1 documents: %2").arg(entityType, versions.error()));
            return;
        }
        for (const ShopStore::Version &version : versions.value())
            stored.insert(version.id, {MoscowTime::parse(version.updated), version.deleted});
    }

    TypeReport type;
    type.entityType = entityType;
    type.moysklad = int(m_listed.size());
    QStringList missing, stale, extra;
    const bool knownOnly = m_options.knownOnly.contains(entityType);
    for (auto it = m_listed.cbegin(); it != m_listed.cend(); ++it) {
        const auto row = stored.constFind(it.key());
        if (row == stored.cend() && knownOnly)
            continue;
        if (row == stored.cend() || row->deleted)
            missing.append(it.key());
        else if (!row->updated.isValid() || row->updated < it.value())
            stale.append(it.key());
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (it->deleted)
            continue;
        // With a window, only rows whose absence from it proves something (see the header).
        if (m_report.since && (!it->updated.isValid() || it->updated < *m_report.since))
            continue;
        ++type.store;
        if (!m_listed.contains(it.key()))
            extra.append(it.key());
    }
    type.missing = int(missing.size());
    type.stale = int(stale.size());
    type.extra = int(extra.size());
    type.missingIds = firstSorted(std::move(missing), m_options.maxListedIds);
    type.staleIds = firstSorted(std::move(stale), m_options.maxListedIds);
    type.extraIds = firstSorted(std::move(extra), m_options.maxListedIds);
    m_report.types.append(type);
    m_listed.clear();
    ++m_typeIndex;
    startType();
}

void ConvergenceCheck::cancel()
{
    if (!m_requests)
        return; // not running, or already ending
    m_report.cancelled = true;
    fail(QString::fromLatin1(SyncLedger::Run::cancelledError));
}

void ConvergenceCheck::fail(const QString &error, std::optional<ApiError> apiError)
{
    m_report.error = error;
    m_report.apiError = std::move(apiError);
    finish();
}

void ConvergenceCheck::finish()
{
    m_requests.reset();
    m_report.finishedAt = m_clock.utcNow();
    const QString origin = m_options.origin.isEmpty() ? QString() : QLatin1Char(' ') + m_options.origin;
    const QJsonObject summary = m_report.toJson();
    if (m_report.cancelled) {
        m_log.info(category,
                   LogText(QT_TRANSLATE_NOOP("LogMessage", "Comparison with MoySklad%1 stopped by the user"), origin));
    } else if (!m_report.ok()) {
        m_log.error(category, LogText(QT_TRANSLATE_NOOP("LogMessage", "Comparison with MoySklad%1 failed: %2"), origin,
                                      m_report.error));
    } else {
        QStringList parts;
        for (const TypeReport &type : std::as_const(m_report.types)) {
            parts.append(type.converged() ? QStringLiteral("%1 %2 documents").arg(type.entityType).arg(type.moysklad)
                                          : QStringLiteral("%1 %2 missing, %3 stale, %4 extra")
                                                .arg(type.entityType)
                                                .arg(type.missing)
                                                .arg(type.stale)
                                                .arg(type.extra));
        }
        const QString details = QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact));
        if (m_report.converged())
            m_log.info(category,
                       LogText(QT_TRANSLATE_NOOP("LogMessage", "Comparison with MoySklad%1: the store matches (%2)"),
                               origin, parts.join(QStringLiteral(", "))),
                       details);
        else
            m_log.warning(category,
                          LogText(QT_TRANSLATE_NOOP("LogMessage", "Comparison with MoySklad%1 found differences: %2"),
                                  origin, parts.join(QStringLiteral("; "))),
                          details);
    }

    // finished() follows the record of the run, so that whoever reads the last run on it sees this one.
    QPointer<ConvergenceCheck> self(this);
    const Report report = m_report;
    m_writer.submit(
        [runId = m_runId, ok = report.ok(), summary, error = report.error, finishedAt = report.finishedAt](
            QSqlDatabase &db) { return SyncLedger::finishRun(db, *runId, ok, summary, error, finishedAt); },
        [self, report](::Result<Done, QString> recorded) {
            if (!self)
                return;
            QMetaObject::invokeMethod(self.data(), [self, report, recorded] {
                if (!self)
                    return;
                if (!recorded.ok())
                    self->m_log.warning(
                        category,
                        LogText(QT_TRANSLATE_NOOP("LogMessage", "Cannot record the comparison with MoySklad: %1"),
                                recorded.error()));
                self->m_running = false;
                Q_EMIT self->finished(report);
            });
        });
}
