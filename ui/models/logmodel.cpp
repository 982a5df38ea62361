// SPDX-License-Identifier: GPL-3.0-or-later
#include "logmodel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

LogModel::LogModel(QString databasePath, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(std::make_unique<LogReader>(std::move(databasePath)))
{
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &LogModel::poll);
    m_poll.start();
    reload();
}

LogModel::~LogModel() = default;

void LogModel::setPollInterval(int ms)
{
    if (ms <= 0) {
        m_poll.stop();
        return;
    }
    m_poll.start(ms);
}

void LogModel::setFilter(const LogReader::Filter &filter)
{
    m_filter = filter;
    reload();
}

qint64 LogModel::newestIdInTable()
{
    auto newest = m_reader->readLatest(LogReader::Filter{}, 1);
    if (!newest.ok()) {
        setError(newest.error());
        return -1;
    }
    return newest.value().isEmpty() ? 0 : newest.value().constFirst().id;
}

void LogModel::reload()
{
    // Rows out, rows in (not a model reset): views keep their state, and Qt 6.4's QAbstractItemModelTester
    // calls fetchMore() while a reset is still in flight.
    if (!m_rows.isEmpty()) {
        m_changing = true;
        beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        endRemoveRows();
        m_changing = false;
    }
    m_reachedOldest = true;
    m_newestSeenId = 0;
    m_loaded = false;
    // The table's newest id first: rows written while the page is read are picked up by the next poll.
    const qint64 newest = newestIdInTable();
    if (newest < 0)
        return;
    auto page = m_reader->readBefore(newest + 1, m_filter, m_pageSize);
    if (!page.ok()) {
        setError(page.error());
        return;
    }
    m_lastError.clear();
    m_newestSeenId = newest;
    m_loaded = true;
    QList<LogEntry> rows = page.value();
    m_reachedOldest = rows.size() < m_pageSize;
    if (rows.isEmpty())
        return;
    std::reverse(rows.begin(), rows.end());
    m_changing = true;
    beginInsertRows({}, 0, int(rows.size()) - 1);
    m_rows = rows;
    endInsertRows();
    m_changing = false;
}

void LogModel::poll()
{
    const qint64 newest = newestIdInTable();
    if (newest < 0)
        return;
    if (!m_loaded) {
        reload(); // the first read failed (no database yet?): start over with the newest page
        return;
    }
    if (newest <= m_newestSeenId)
        return;
    QList<LogEntry> arrived;
    qint64 after = m_newestSeenId;
    for (;;) {
        auto page = m_reader->readAfter(after, m_filter, m_pageSize);
        if (!page.ok()) {
            setError(page.error());
            return;
        }
        arrived.append(page.value());
        if (page.value().size() < m_pageSize)
            break;
        after = page.value().constLast().id;
    }
    m_newestSeenId = std::max(newest, arrived.isEmpty() ? qint64(0) : arrived.constLast().id);
    m_lastError.clear();
    if (arrived.isEmpty())
        return;
    std::reverse(arrived.begin(), arrived.end());
    m_changing = true;
    beginInsertRows({}, 0, int(arrived.size()) - 1);
    m_rows = arrived + m_rows;
    endInsertRows();
    m_changing = false;
    Q_EMIT rowsArrived(int(arrived.size()));
}

bool LogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_reachedOldest;
}

void LogModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_reachedOldest)
        return;
    if (m_changing) {
        // Asked from a handler of one of our own row signals (Qt 6.4's model tester does): a change may not
        // start inside another, so fetch once control is back in the event loop.
        if (!m_fetchQueued) {
            m_fetchQueued = true;
            QTimer::singleShot(0, this, [this] {
                m_fetchQueued = false;
                fetchMore({});
            });
        }
        return;
    }
    const qint64 before = m_rows.isEmpty() ? m_newestSeenId + 1 : m_rows.constLast().id;
    auto page = m_reader->readBefore(before, m_filter, m_pageSize);
    if (!page.ok()) {
        setError(page.error());
        m_reachedOldest = true;
        return;
    }
    m_reachedOldest = page.value().size() < m_pageSize;
    if (page.value().isEmpty())
        return;
    QList<LogEntry> older = page.value();
    std::reverse(older.begin(), older.end());
    m_changing = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + older.size()) - 1);
    m_rows.append(older);
    endInsertRows();
    m_changing = false;
}

void LogModel::setError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    Q_EMIT readFailed(error);
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
QString levelText(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return LogModel::tr("Debug");
    case LogLevel::Info:
        return LogModel::tr("Info");
    case LogLevel::Warning:
        return LogModel::tr("Warning");
    case LogLevel::Error:
        return LogModel::tr("Error");
    }
    return {};
}
} // namespace

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AtColumn:
            return e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case LevelColumn:
            return levelText(e.level);
        case CategoryColumn:
            return e.category;
        case HookColumn:
            return e.hook;
        case RequestIdColumn:
            return e.requestId;
        case DocumentIdColumn:
            return e.documentId;
        case MessageColumn:
            return e.message;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == MessageColumn && !e.details.isEmpty() ? e.details : QVariant();
    case Qt::ForegroundRole:
        if (e.level == LogLevel::Error)
            return QBrush(Qt::red);
        if (e.level == LogLevel::Debug)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case IdRole:
        return e.id;
    case LevelRole:
        return int(e.level);
    case DetailsRole:
        return e.details;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AtColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case HookColumn:
        return tr("Hook");
    case RequestIdColumn:
        return tr("Request");
    case DocumentIdColumn:
        return tr("Document");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}
