// SPDX-License-Identifier: GPL-3.0-or-later
#include "logmodel.h"

#include "displaytime.h"

#include <QBrush>
#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

LogModel::LogModel(QString databasePath, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fetcher(new LogFetcher(std::move(databasePath), m_generation))
{
    m_thread.setObjectName(QStringLiteral("LogModel reader"));
    m_fetcher->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_fetcher, &QObject::deleteLater);
    connect(m_fetcher, &LogFetcher::pageRead, this, &LogModel::onPageRead);
    m_thread.start();
    m_poll.setInterval(250); // live enough to follow; each poll is one indexed read off the GUI thread
    connect(&m_poll, &QTimer::timeout, this, &LogModel::poll);
    m_poll.start();
    QCoreApplication::instance()->installEventFilter(this);
    reload();
}

LogModel::~LogModel()
{
    // The fetcher finishes the read it is in and is deleted on its thread, with its connection.
    m_generation->fetch_add(1);
    m_thread.quit();
    m_thread.wait();
}

void LogModel::setPollInterval(int ms)
{
    if (ms <= 0) {
        m_poll.stop();
        return;
    }
    m_poll.start(ms);
}

void LogModel::setVisibleRows(int first, int last)
{
    m_visibleFirst = qMax(0, first);
    m_visibleLast = qMax(m_visibleFirst, last);
}

void LogModel::setFilter(const LogReader::Filter &filter)
{
    m_filter = filter;
    reload();
}

bool LogModel::isReading() const
{
    return m_reloadPending || m_olderPending || m_newerPending || m_pollPending;
}

int LogModel::rowOfId(qint64 id) const
{
    // Ids fall from the top row down.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                     [](const LogEntry &e, qint64 value) { return e.id > value; });
    return int(it - m_rows.cbegin());
}

void LogModel::ask(LogFetcher::Request::Kind kind, qint64 boundary, int limit)
{
    LogFetcher::Request request;
    request.kind = kind;
    request.generation = m_generation->load();
    request.boundary = boundary;
    request.filter = m_filter;
    request.limit = limit;
    QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher, request] { fetcher->read(request); });
}

void LogModel::reload()
{
    // Answers to earlier requests no longer fit: the fetcher skips them, onPageRead() drops them.
    m_generation->fetch_add(1);
    m_reloadPending = true;
    m_olderPending = m_newerPending = m_pollPending = false;
    // A screenful or two is what shows first; the view asks for the rest of the page as it scrolls.
    ask(LogFetcher::Request::Kind::Reload, 0, std::min(m_pageSize, 100));
}

void LogModel::poll()
{
    if (m_reloadPending || m_pollPending)
        return;
    if (!m_loaded) {
        reload(); // the first read failed (no database yet?): start over with the newest page
        return;
    }
    // Scrolled away from the newest rows: new ones are read when the view comes back up (fetchNewer).
    if (m_hasNewer)
        return;
    m_pollPending = true;
    ask(LogFetcher::Request::Kind::Poll, m_newestSeenId, windowSize());
}

void LogModel::fetchNewer()
{
    if (!m_hasNewer || m_newerPending || m_reloadPending || m_rows.isEmpty())
        return;
    m_newerPending = true;
    ask(LogFetcher::Request::Kind::Newer, m_rows.constFirst().id, m_pageSize);
}

bool LogModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_loaded || m_reachedOldest || m_olderPending || m_reloadPending)
        return false;
    // A full window with the view far from its bottom: an older page would only push out rows near the view.
    const int size = int(m_rows.size());
    return size < windowSize() || m_visibleLast >= size - m_pageSize;
}

void LogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_olderPending = true;
    ask(LogFetcher::Request::Kind::Older, m_rows.isEmpty() ? m_newestSeenId + 1 : m_rows.constLast().id, m_pageSize);
}

void LogModel::onPageRead(const LogFetcher::Page &page)
{
    if (page.request.generation != m_generation->load())
        return; // asked before a filter change
    using Kind = LogFetcher::Request::Kind;
    switch (page.request.kind) {
    case Kind::Reload:
        m_reloadPending = false;
        break;
    case Kind::Older:
        m_olderPending = false;
        break;
    case Kind::Newer:
        m_newerPending = false;
        break;
    case Kind::Poll:
        m_pollPending = false;
        break;
    }
    if (!page.error.isEmpty()) {
        if (page.request.kind == Kind::Reload)
            m_loaded = false; // the next poll tries again
        else if (page.request.kind == Kind::Older)
            m_reachedOldest = true;
        setError(page.error);
        return;
    }
    m_lastError.clear();
    switch (page.request.kind) {
    case Kind::Reload:
        putReloaded(page);
        break;
    case Kind::Older:
        putOlder(page);
        break;
    case Kind::Newer:
        putNewer(page, false);
        break;
    case Kind::Poll:
        putNewer(page, true);
        break;
    }
}

void LogModel::putReloaded(const LogFetcher::Page &page)
{
    // Rows out, rows in (not a model reset): views keep their state, and Qt 6.4's QAbstractItemModelTester
    // calls fetchMore() while a reset is still in flight.
    if (!m_rows.isEmpty()) {
        beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        endRemoveRows();
    }
    m_newestSeenId = page.newestId;
    m_loaded = true;
    m_hasNewer = false;
    m_reachedOldest = page.rows.size() < page.request.limit;
    if (!page.rows.isEmpty()) {
        beginInsertRows({}, 0, int(page.rows.size()) - 1);
        m_rows = page.rows;
        endInsertRows();
    }
    Q_EMIT reloaded();
}

void LogModel::putOlder(const LogFetcher::Page &page)
{
    m_reachedOldest = page.rows.size() < page.request.limit;
    if (page.rows.isEmpty())
        return;
    // Rows the window already holds (a trim and a fetch crossing) are not shown twice.
    QList<LogEntry> older = page.rows;
    if (!m_rows.isEmpty()) {
        const qint64 bottom = m_rows.constLast().id;
        older.erase(std::remove_if(older.begin(), older.end(), [bottom](const LogEntry &e) { return e.id >= bottom; }),
                    older.end());
    }
    if (older.isEmpty()) {
        // Asked from a bottom that has moved since (a reload under way): ask again from the bottom now.
        if (!m_reachedOldest)
            fetchMore({});
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + older.size()) - 1);
    m_rows.append(older);
    endInsertRows();
    trim();
}

void LogModel::putNewer(const LogFetcher::Page &page, bool polled)
{
    const bool full = page.rows.size() >= page.request.limit;
    const qint64 lastRead = page.rows.isEmpty() ? 0 : page.rows.constLast().id;
    if (polled && m_hasNewer)
        return; // scrolled away while it was read: fetchNewer() reads these later
    if (!polled && !full) {
        m_hasNewer = false; // reached the newest
        m_newestSeenId = std::max(page.newestId, lastRead);
    } else if (polled) {
        // A full page leaves more to read from its last row on; otherwise everything up to newestId was looked at.
        m_newestSeenId = full ? lastRead : std::max(page.newestId, lastRead);
    }
    QList<LogEntry> arrived = page.rows;
    if (!m_rows.isEmpty()) {
        const qint64 top = m_rows.constFirst().id;
        arrived.erase(std::remove_if(arrived.begin(), arrived.end(), [top](const LogEntry &e) { return e.id <= top; }),
                      arrived.end());
    }
    if (arrived.isEmpty())
        return;
    std::reverse(arrived.begin(), arrived.end());
    const int count = int(arrived.size());
    insertAtTop(std::move(arrived));
    if (polled)
        Q_EMIT rowsArrived(count);
    trim();
}

void LogModel::insertAtTop(QList<LogEntry> newestFirst)
{
    beginInsertRows({}, 0, int(newestFirst.size()) - 1);
    newestFirst.append(m_rows);
    m_rows = std::move(newestFirst);
    endInsertRows();
}

void LogModel::trim()
{
    const int excess = int(m_rows.size()) - windowSize();
    if (excess <= 0)
        return;
    // Drop from the end farther from the rows shown. Rows arriving at the top while the view is lower down push the
    // window's top out; rows read below while the view is at the top push the bottom out.
    const int above = m_visibleFirst;
    const int below = int(m_rows.size()) - 1 - m_visibleLast;
    if (above > below) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.remove(0, excess);
        endRemoveRows();
        m_hasNewer = true;
        m_visibleFirst = qMax(0, m_visibleFirst - excess);
        m_visibleLast = qMax(0, m_visibleLast - excess);
    } else {
        beginRemoveRows({}, int(m_rows.size()) - excess, int(m_rows.size()) - 1);
        m_rows.remove(m_rows.size() - excess, excess);
        endRemoveRows();
        m_reachedOldest = false;
    }
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

QString LogModel::levelText(LogLevel level)
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

namespace {

// The categories the core writes (its `category` constants) are the code's names; people read these.
struct CategoryName
{
    const char *category;
    const char *text;
};
constexpr CategoryName categoryNames[] = {
    {"intake", QT_TRANSLATE_NOOP("LogModel", "Intake")},     {"queue", QT_TRANSLATE_NOOP("LogModel", "Queue")},
    {"worker", QT_TRANSLATE_NOOP("LogModel", "Processing")}, {"hooks", QT_TRANSLATE_NOOP("LogModel", "Webhooks")},
    {"sync", QT_TRANSLATE_NOOP("LogModel", "Sync")},         {"service", QT_TRANSLATE_NOOP("LogModel", "Service")},
    {"settings", QT_TRANSLATE_NOOP("LogModel", "Settings")}, {"store", QT_TRANSLATE_NOOP("LogModel", "Store")},
    {"workspace", QT_TRANSLATE_NOOP("LogModel", "General")},
};

} // namespace

QString LogModel::categoryText(const QString &category)
{
    for (const CategoryName &name : categoryNames) {
        if (category == QLatin1String(name.category))
            return tr(name.text);
    }
    return category;
}

QStringList LogModel::categoryTexts()
{
    QStringList texts;
    for (const CategoryName &name : categoryNames)
        texts.append(tr(name.text));
    return texts;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AtColumn:
            return DisplayTime::text(e.at, DisplayTime::Precision::Milliseconds);
        case LevelColumn:
            return levelText(e.level);
        case CategoryColumn:
            return categoryText(e.category);
        case HookColumn:
            return e.hook;
        case RequestIdColumn:
            return e.requestId;
        case DocumentIdColumn:
            return e.documentId;
        case MessageColumn:
            return e.shownMessage();
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

bool LogModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {Qt::DisplayRole});
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    }
    return QAbstractTableModel::eventFilter(watched, event);
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
