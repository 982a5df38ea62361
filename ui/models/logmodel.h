// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostics/logreader.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

#include <memory>

// The diagnostics log as a table, newest row first. Reads skladhook.db through its own read-only connection,
// a page at a time: the newest page on a filter change, older pages through fetchMore() as the view scrolls
// down, and rows written since by polling for ids above the newest one seen. Never holds the whole table.
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

    // Replaces the rows with the newest page matching `filter`.
    void setFilter(const LogReader::Filter &filter);
    const LogReader::Filter &filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    // How often to look for new rows; 0 stops polling.
    void setPollInterval(int ms);

    const LogEntry &entry(int row) const { return m_rows.at(row); }
    // The last read error, empty when the last read worked (e.g. the database does not exist yet).
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

public Q_SLOTS:
    // Re-reads the newest page (also the way to recover after an error).
    void reload();
    // Reads the rows written since the last poll and inserts them at the top.
    void poll();

Q_SIGNALS:
    // After poll() inserted rows at the top.
    void rowsArrived(int count);
    void readFailed(const QString &error);

private:
    void setError(const QString &error);
    qint64 newestIdInTable();

    std::unique_ptr<LogReader> m_reader;
    LogReader::Filter m_filter;
    QList<LogEntry> m_rows;    // newest first
    qint64 m_newestSeenId = 0; // the newest id looked at, matching or not
    bool m_reachedOldest = false;
    bool m_loaded = false;
    bool m_changing = false;    // emitting rowsInserted/rowsRemoved
    bool m_fetchQueued = false; // the newest page was read once since the last reload
    int m_pageSize = 500;
    QString m_lastError;
    QTimer m_poll;
};
