// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostics/logreader.h"
#include "models/logfetcher.h"

#include <QAbstractTableModel>
#include <QList>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

// The diagnostics log as a table, newest row first, over a log of any size. Reads skladhook.db on a reader thread
// of its own (its own read-only connection), so a read never blocks the GUI; a page answers later through the row
// signals. Holds a bounded window of rows, never the whole table: the newest page on a filter change, older pages
// through fetchMore() as the view scrolls down, newer ones through fetchNewer() as it scrolls back up, rows written
// since by polling for ids above the newest one seen. When the window grows past windowSize() it drops the rows
// farthest from the visible ones (setVisibleRows()); dropped rows are read again by id when scrolled back to.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AtColumn,
        LevelColumn,
        CategoryColumn,
        HookColumn,
        RequestIdColumn,
        DocumentIdColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, LevelRole, DetailsRole };

    explicit LogModel(QString databasePath, QObject *parent = nullptr);
    ~LogModel() override;

    // A level and a category as the view shows them, in the UI's language (an unknown category as it is).
    static QString levelText(LogLevel level);
    static QString categoryText(const QString &category);
    static QStringList categoryTexts(); // every known category's

    // Replaces the rows with the newest page matching `filter` (once it is read).
    void setFilter(const LogReader::Filter &filter);
    const LogReader::Filter &filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    // The most rows held at once: four pages.
    int windowSize() const { return 4 * m_pageSize; }
    // How often to look for new rows; 0 stops polling.
    void setPollInterval(int ms);
    // The rows the view shows: trimming keeps them and drops rows far from them. (0, 0) until told: the top.
    void setVisibleRows(int first, int last);

    const LogEntry &entry(int row) const { return m_rows.at(row); }
    // The row showing id `id`, or the row of the next older id held, or rowCount() when none is older.
    int rowOfId(qint64 id) const;
    // Whether newer rows than the top one exist but were dropped (or never read while scrolled away).
    bool hasNewer() const { return m_hasNewer; }
    // Whether a read is in flight.
    bool isReading() const;
    // The last read error, empty when the last read worked (e.g. the database does not exist yet).
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

protected:
    // A live language switch reaches the application object, not a model: the messages (kept as ids and arguments),
    // the levels and the headers are shown again in the new language.
    bool eventFilter(QObject *watched, QEvent *event) override;

public Q_SLOTS:
    // Reads the newest page again (also the way to recover after an error, and back to the newest rows).
    void reload();
    // Asks for the rows written since the last poll, to insert at the top.
    void poll();
    // Asks for the page above the top row when hasNewer().
    void fetchNewer();

Q_SIGNALS:
    // After a reload's page was put in (empty or not).
    void reloaded();
    // After poll() inserted rows at the top.
    void rowsArrived(int count);
    void readFailed(const QString &error);

private:
    void ask(LogFetcher::Request::Kind kind, qint64 boundary, int limit);
    void onPageRead(const LogFetcher::Page &page);
    void putReloaded(const LogFetcher::Page &page);
    void putOlder(const LogFetcher::Page &page);
    void putNewer(const LogFetcher::Page &page, bool polled);
    void insertAtTop(QList<LogEntry> newestFirst);
    void trim();
    void setError(const QString &error);

    // Bumped by every reload: answers to requests of an older generation are dropped. Before m_fetcher, which shares
    // it.
    std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
    QThread m_thread;
    LogFetcher *m_fetcher = nullptr; // lives in m_thread
    LogReader::Filter m_filter;
    QList<LogEntry> m_rows;    // newest first
    qint64 m_newestSeenId = 0; // the newest id looked at, matching or not
    bool m_reachedOldest = true;
    bool m_hasNewer = false;
    bool m_loaded = false;
    bool m_reloadPending = false;
    bool m_olderPending = false;
    bool m_newerPending = false;
    bool m_pollPending = false;
    int m_pageSize = 500;
    int m_visibleFirst = 0;
    int m_visibleLast = 0;
    QString m_lastError;
    QTimer m_poll;
};
