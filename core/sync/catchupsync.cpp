// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/catchupsync.h"

#include "common/clock.h"
#include "documents/documentprocessors.h"
#include "moysklad/moscowtime.h"
#include "moysklad/moyskladclient.h"
#include "store/readconnection.h"
#include "store/storewriter.h"
#include "sync/syncledger.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <cmath>

namespace {

constexpr int expandPageSize = 100; // MoySklad drops expand above 100 rows
constexpr int plainPageSize = 1000; // the largest page without expand
constexpr int auditPageSize = 100;

QString idFromHref(const QString &href)
{
    return href.section(QLatin1Char('/'), -1).section(QLatin1Char('?'), 0, 0);
}

QString hrefOf(const QJsonObject &object)
{
    return object.value(QLatin1String("meta")).toObject().value(QLatin1String("href")).toString();
}

// Filter values to the millisecond.
QString moscow(const QDateTime &instant)
{
    return MoscowTime::format(instant, MoscowTime::Precision::Milliseconds);
}

int pagesFor(int rows, int pageSize)
{
    return rows <= 0 ? 0 : (rows + pageSize - 1) / pageSize;
}

QJsonObject countsJson(const CatchUpSync::Counts &counts)
{
    return {{QStringLiteral("fetched"), counts.fetched},
            {QStringLiteral("applied"), counts.applied},
            {QStringLiteral("deleted"), counts.deleted},
            {QStringLiteral("requests"), counts.requests}};
}

} // namespace

struct CatchUpSync::Run
{
    QStringList types;
    std::shared_ptr<const DocumentProcessors> processors;
    QHash<QString, QDateTime> windowStarts; // UTC, per type
    Report report;
    qint64 runId = 0;

    // The type being synced.
    qsizetype typeIndex = -1;
    QString type;
    QDateTime windowStart;
    QStringList expand;
    int pageSize = plainPageSize;
    QString lastUpdated; // keyset: the next page starts at this `updated`…
    int sameUpdated = 0; // …skipping the rows already seen with exactly that value
    bool firstPage = true;
    QHash<QString, QJsonObject> states; // state href → state, when pages come without expand
    QStringList auditContexts;          // /audit/{id}/events paths of the window's deletions
    int eventsOffset = 0;               // events of the first of them already read
};

CatchUpSync::CatchUpSync(MoySkladClient &client, StoreWriter &writer, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_writer(writer)
    , m_clock(clock)
{
    qRegisterMetaType<CatchUpSync::Report>();
    qRegisterMetaType<CatchUpSync::Progress>();
}

CatchUpSync::~CatchUpSync() = default;

bool CatchUpSync::start(const QStringList &entityTypes, std::shared_ptr<const DocumentProcessors> processors,
                        std::optional<QDateTime> since)
{
    if (m_run)
        return false;
    auto run = std::make_shared<Run>();
    run->types = entityTypes;
    run->processors = std::move(processors);
    // To the millisecond, as MoySklad's `updated` is: a change made the moment before the run is in its window.
    const QDateTime until = m_clock.utcNow();
    run->report.until = until;
    run->report.since = until;
    ReadConnection reader(m_writer.databasePath());
    for (const QString &type : entityTypes) {
        QDateTime start = since.value_or(QDateTime());
        if (!since) {
            const auto watermark = SyncLedger::completeUntil(reader.db(), type);
            if (!watermark.ok()) {
                run->report.error = watermark.error();
                Q_EMIT finished(run->report);
                return true;
            }
            // Never synced: the store is complete from now on; older documents come only when asked.
            start = watermark.value() ? watermark.value()->addSecs(-overlapSeconds) : until;
        }
        run->windowStarts.insert(type, start);
        run->report.since = std::min(run->report.since, start);
    }
    m_run = std::move(run);
    m_requests = std::make_shared<QObject>();
    write(
        [run = m_run, now = m_clock.utcNow()](QSqlDatabase &db) -> Result<Done, QString> {
            const auto id = SyncLedger::startRun(db, QStringLiteral("sync"), run->report.since, run->report.until, now);
            if (!id.ok())
                return id.error();
            run->runId = id.value();
            return Done{};
        },
        [this] { nextType(); });
    return true;
}

const DocumentProcessor *CatchUpSync::processor() const
{
    return m_run->processors->processorFor(m_run->type);
}

void CatchUpSync::nextType()
{
    Run &run = *m_run;
    if (++run.typeIndex >= run.types.size()) {
        run.report.ok = true;
        finish();
        return;
    }
    run.type = run.types.at(run.typeIndex);
    if (!processor()) {
        fail(QStringLiteral("the store keeps no documents of type %1").arg(run.type));
        return;
    }
    run.report.byType.insert(run.type, Counts{});
    run.expand = processor()->expand();
    run.pageSize = run.expand.isEmpty() ? plainPageSize : expandPageSize;
    run.lastUpdated.clear();
    run.sameUpdated = 0;
    run.firstPage = true;
    run.states.clear();
    run.auditContexts.clear();
    run.eventsOffset = 0;

    run.windowStart = run.windowStarts.value(run.type);
    if (run.windowStart >= run.report.until) {
        commitType(); // nothing to fetch: a first start
        return;
    }
    listPage();
}

void CatchUpSync::listPage()
{
    Run &run = *m_run;
    const QString from = run.lastUpdated.isEmpty() ? moscow(run.windowStart) : run.lastUpdated;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"),
                       QStringLiteral("updated>=%1;updated<=%2").arg(from, moscow(run.report.until)));
    query.addQueryItem(QStringLiteral("order"), QStringLiteral("updated,asc;id,asc"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(run.pageSize));
    query.addQueryItem(QStringLiteral("offset"), QString::number(run.sameUpdated));
    if (run.pageSize <= expandPageSize && !run.expand.isEmpty())
        query.addQueryItem(QStringLiteral("expand"), run.expand.join(QLatin1Char(',')));
    const QDateTime sentAt = m_clock.utcNow();
    ++run.report.byType[run.type].requests;
    m_client.getListPage(QStringLiteral("/entity/") + run.type, query, m_requests.get(),
                         [this, sentAt](Result<MoySkladClient::ListPage, ApiError> page) {
                             if (!page.ok()) {
                                 fail(page.error());
                                 return;
                             }
                             onPage(page.value().rows, page.value().size, sentAt);
                         });
}

void CatchUpSync::onPage(const QList<QJsonObject> &rows, int size, const QDateTime &sentAt)
{
    Run &run = *m_run;
    Counts &counts = run.report.byType[run.type];
    counts.fetched += int(rows.size());
    // meta.size counts the rows of this page's query, from its offset on: none left past them, no page to ask for.
    const int rowsLeft = size - run.sameUpdated - int(rows.size());
    const bool lastPage = rows.size() < run.pageSize || rowsLeft <= 0;

    // The next page starts at the last `updated` of this one, past the rows already seen with that value.
    if (!rows.isEmpty()) {
        const QString last = rows.last().value(QLatin1String("updated")).toString();
        const int tail = int(std::count_if(rows.cbegin(), rows.cend(), [&last](const QJsonObject &row) {
            return row.value(QLatin1String("updated")).toString() == last;
        }));
        run.sameUpdated = (last == run.lastUpdated && tail == rows.size()) ? run.sameUpdated + tail : tail;
        run.lastUpdated = last;
    }
    Q_EMIT progress(Progress{run.type, counts.fetched, lastPage ? 0 : pagesFor(rowsLeft, run.pageSize)});

    QList<QJsonObject> documents = rows;
    if (!run.states.isEmpty() || (!run.expand.isEmpty() && run.pageSize == plainPageSize)) {
        // Pages without expand: the state's name comes from the type's metadata.
        for (QJsonObject &document : documents) {
            const QJsonObject state = run.states.value(hrefOf(document.value(QLatin1String("state")).toObject()));
            if (!state.isEmpty())
                document.insert(QStringLiteral("state"), state);
        }
    }
    const bool switchToMetadata = run.firstPage && !lastPage && run.expand == QStringList{QStringLiteral("state")} &&
                                  1 + pagesFor(rowsLeft, plainPageSize) < pagesFor(rowsLeft, expandPageSize);
    run.firstPage = false;

    write(
        [processor = processor(), documents, sentAt](QSqlDatabase &db) -> Result<Done, QString> {
            for (const QJsonObject &document : documents) {
                const auto applied = processor->apply(db, document, sentAt);
                if (!applied.ok())
                    return applied.error();
            }
            return Done{};
        },
        [this, lastPage, switchToMetadata, applied = int(documents.size())] {
            m_run->report.byType[m_run->type].applied += applied;
            if (lastPage)
                listDeletions(0);
            else if (switchToMetadata)
                switchToMetadataStates();
            else
                listPage();
        });
}

// Choose by request count: the rest of a large list of a type whose only expansion is its state comes in pages of
// 1000 without expand, the states' names from one metadata request.
void CatchUpSync::switchToMetadataStates()
{
    Run &run = *m_run;
    ++run.report.byType[run.type].requests;
    m_client.getDocument(QUrl(QStringLiteral("/entity/%1/metadata").arg(run.type)), {}, m_requests.get(),
                         [this](Result<QJsonObject, ApiError> metadata) {
                             if (!metadata.ok()) {
                                 fail(metadata.error());
                                 return;
                             }
                             Run &run = *m_run;
                             for (const QJsonValue &value : metadata.value().value(QLatin1String("states")).toArray())
                                 run.states.insert(hrefOf(value.toObject()), value.toObject());
                             run.pageSize = plainPageSize;
                             listPage();
                         });
}

void CatchUpSync::listDeletions(int offset)
{
    Run &run = *m_run;
    QUrlQuery query;
    // Deleted documents are no longer listed: the audit feed names them. One put into the recycle bin is gone from
    // the lists as well.
    query.addQueryItem(QStringLiteral("filter"),
                       QStringLiteral("moment>=%1;moment<=%2;entityType=%3;eventType=delete;eventType=puttorecyclebin")
                           .arg(moscow(run.windowStart), moscow(run.report.until), run.type));
    query.addQueryItem(QStringLiteral("limit"), QString::number(auditPageSize));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    ++run.report.byType[run.type].requests;
    m_client.getListPage(QStringLiteral("/audit"), query, m_requests.get(),
                         [this, offset](Result<MoySkladClient::ListPage, ApiError> page) {
                             if (!page.ok()) {
                                 fail(page.error());
                                 return;
                             }
                             Run &run = *m_run;
                             for (const QJsonObject &context : page.value().rows) {
                                 const QString id = context.value(QLatin1String("id")).toString();
                                 if (!id.isEmpty())
                                     run.auditContexts.append(QStringLiteral("/audit/%1/events").arg(id));
                             }
                             const int next = offset + int(page.value().rows.size());
                             if (!page.value().rows.isEmpty() && next < page.value().size)
                                 listDeletions(next);
                             else
                                 listDeletedEvents();
                         });
}

void CatchUpSync::listDeletedEvents()
{
    Run &run = *m_run;
    if (run.auditContexts.isEmpty()) {
        commitType();
        return;
    }
    // One context at a time, every page of its events (a bulk deletion has many).
    const QString path = run.auditContexts.first();
    const int offset = run.eventsOffset;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(auditPageSize));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    ++run.report.byType[run.type].requests;
    m_client.getListPage(path, query, m_requests.get(), [this](Result<MoySkladClient::ListPage, ApiError> page) {
        if (!page.ok()) {
            fail(page.error());
            return;
        }
        Run &run = *m_run;
        QStringList ids;
        QList<QDateTime> at;
        for (const QJsonObject &event : page.value().rows) {
            const QJsonObject entity = event.value(QLatin1String("entity")).toObject();
            const QJsonObject meta = entity.value(QLatin1String("meta")).toObject();
            if (meta.value(QLatin1String("type")).toString() != run.type)
                continue;
            ids.append(idFromHref(meta.value(QLatin1String("href")).toString()));
            at.append(MoscowTime::parse(event.value(QLatin1String("moment")).toString()));
        }
        const int read = run.eventsOffset + int(page.value().rows.size());
        const bool more = !page.value().rows.isEmpty() && read < page.value().size;
        write(
            [processor = processor(), ids, at](QSqlDatabase &db) -> Result<Done, QString> {
                for (qsizetype i = 0; i < ids.size(); ++i) {
                    const auto marked = processor->markDeleted(db, ids.at(i), at.at(i));
                    if (!marked.ok())
                        return marked.error();
                }
                return Done{};
            },
            [this, more, read, deleted = int(ids.size())] {
                Run &run = *m_run;
                run.report.byType[run.type].deleted += deleted;
                run.eventsOffset = more ? read : 0;
                if (!more)
                    run.auditContexts.removeFirst();
                listDeletedEvents();
            });
    });
}

void CatchUpSync::commitType()
{
    Run &run = *m_run;
    write([type = run.type, since = run.windowStart, until = run.report.until,
           now = m_clock.utcNow()](QSqlDatabase &db) { return SyncLedger::advance(db, type, since, until, now); },
          [this] { nextType(); });
}

void CatchUpSync::cancel()
{
    if (!m_run)
        return;
    m_run->report.cancelled = true;
    m_run->report.ok = false;
    m_run->report.error = QString::fromLatin1(SyncLedger::Run::cancelledError);
    finish();
}

void CatchUpSync::fail(const ApiError &error)
{
    m_run->report.unauthorized = error.kind == ApiError::Kind::Unauthorized;
    fail(error.toString());
}

void CatchUpSync::fail(const QString &error)
{
    m_run->report.ok = false;
    m_run->report.error = QStringLiteral("%1: %2").arg(m_run->type, error);
    finish();
}

void CatchUpSync::finish()
{
    m_requests.reset();
    Report &report = m_run->report;
    report.total = Counts{};
    for (const Counts &counts : std::as_const(report.byType)) {
        report.total.fetched += counts.fetched;
        report.total.applied += counts.applied;
        report.total.deleted += counts.deleted;
        report.total.requests += counts.requests;
    }
    const Report done = report;
    // The run's record is best effort: the report reaches the caller either way. Its id is read on the writer's
    // thread, after the job that recorded the start (jobs run in order), so a run stopped at once is recorded too.
    m_writer.submit([run = m_run, done, now = m_clock.utcNow()](QSqlDatabase &db) -> Result<Done, QString> {
        if (run->runId <= 0)
            return Done{}; // the start could not be recorded
        return SyncLedger::finishRun(db, run->runId, done.ok, done.toJson(), done.error, now);
    });
    m_run.reset();
    Q_EMIT finished(done);
}

void CatchUpSync::write(std::function<Result<Done, QString>(QSqlDatabase &)> job, std::function<void()> then)
{
    QPointer<CatchUpSync> self(this);
    std::weak_ptr<QObject> alive = m_requests;
    m_writer.submit(std::move(job), [self, alive, then = std::move(then)](Result<Done, QString> result) {
        // Back on this object's thread; a run dropped meanwhile (the object destroyed) is not continued.
        QMetaObject::invokeMethod(
            self.data(),
            [self, alive, then, result] {
                if (!self || alive.expired() || !self->m_run)
                    return;
                if (!result.ok())
                    self->fail(result.error());
                else
                    then();
            },
            Qt::QueuedConnection);
    });
}

QJsonObject CatchUpSync::Report::toJson() const
{
    QJsonObject json = countsJson(total);
    json.insert(QStringLiteral("since"), MoscowTime::format(since));
    json.insert(QStringLiteral("until"), MoscowTime::format(until));
    json.insert(QStringLiteral("ok"), ok);
    if (!ok)
        json.insert(QStringLiteral("error"), error);
    QJsonObject types;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it)
        types.insert(it.key(), countsJson(it.value()));
    json.insert(QStringLiteral("types"), types);
    return json;
}
