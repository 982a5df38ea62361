// SPDX-License-Identifier: GPL-3.0-or-later
#include "logfetcher.h"

#include <algorithm>

LogFetcher::LogFetcher(QString databasePath, std::shared_ptr<const std::atomic<quint64>> generation)
    : m_databasePath(std::move(databasePath))
    , m_generation(std::move(generation))
{}

LogFetcher::~LogFetcher() = default;

void LogFetcher::read(const LogFetcher::Request &request)
{
    // A filter changed since this was asked: its answer would be dropped anyway.
    if (request.generation < m_generation->load())
        return;
    if (!m_reader)
        m_reader = std::make_unique<LogReader>(m_databasePath);
    Page page;
    page.request = request;
    // The table's newest id first: rows written while the page is read are picked up by the next poll.
    const auto newest = m_reader->newestId();
    if (!newest.ok()) {
        page.error = newest.error();
        Q_EMIT pageRead(page);
        return;
    }
    page.newestId = newest.value();
    Result<QList<LogEntry>, QString> rows = QString();
    switch (request.kind) {
    case Request::Kind::Reload:
        rows = m_reader->readBefore(page.newestId + 1, request.filter, request.limit);
        break;
    case Request::Kind::Older:
        rows = m_reader->readBefore(request.boundary, request.filter, request.limit);
        break;
    case Request::Kind::Newer:
    case Request::Kind::Poll:
        rows = m_reader->readAfter(request.boundary, request.filter, request.limit);
        break;
    }
    if (!rows.ok()) {
        page.error = rows.error();
    } else {
        page.rows = std::move(rows.value());
        if (request.kind == Request::Kind::Reload || request.kind == Request::Kind::Older)
            std::reverse(page.rows.begin(), page.rows.end());
    }
    Q_EMIT pageRead(page);
}
