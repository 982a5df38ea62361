// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/readconnection.h"
#include "store/shoplist.h"

#include <QAbstractTableModel>
#include <QList>
#include <QUrl>

// One kind of the shop store's documents (orders, payments or shipments) as a table, newest first. Reads
// skladhook.db through its own read-only connection a page at a time: the first page on a filter change, the next
// ones through fetchMore() as the view scrolls down. Never holds the whole table.
class ShopDocumentModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    // What a column shows; each kind has its own selection of them (columns()).
    enum class Field { Number, Date, Type, Counterparty, Orders, State, Sum, Paid, Shipped, Updated };
    enum Role { IdRole = Qt::UserRole + 1, EntityTypeRole, DeletedRole, UrlRole };

    struct Filter
    {
        QString search; // part of the number or of the counterparty
        QString state;  // empty: every state (payments: the entity type)
        bool includeDeleted = false;
        QString orderId; // only the documents of this order (the order's details)

        bool operator==(const Filter &) const = default;
    };

    ShopDocumentModel(QString databasePath, ShopList::Kind kind, QObject *parent = nullptr);
    ~ShopDocumentModel() override;

    ShopList::Kind kind() const { return m_kind; }
    const QList<Field> &columns() const { return m_columns; }
    // The column showing `field`, -1 when this kind has none.
    int columnOf(Field field) const { return int(m_columns.indexOf(field)); }

    // Replaces the rows with the first page matching `filter`.
    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }

    const ShopList::Row &document(int row) const { return m_rows.at(row); }
    // The row showing document `id`, -1 when none is loaded.
    int rowOf(const QString &id) const;
    // The states present (payments: the entity types), for a filter; empty when the store cannot be read.
    QStringList states();
    // The store's data version at the last read (ShopList::dataVersion): it moves whenever another connection commits.
    qint64 dataVersion() const { return m_dataVersion; }
    // The last read error, empty when the last read worked (e.g. the database does not exist yet).
    QString lastError() const { return m_lastError; }

    // The document in MoySklad's web interface.
    static QUrl webUrl(const QString &entityType, const QString &id);
    // Kopecks as roubles in `locale`: 123456 → "1 234,56 ₽" in Russian.
    static QString money(qint64 kopecks, const QLocale &locale);
    // "Bank payment" for paymentin, "Cash payment" for cashin, translated.
    static QString typeName(const QString &entityType);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

public Q_SLOTS:
    // Re-reads the first page (also the way to recover after an error).
    void reload();

public:
    // When another connection committed to the database since the last read, reads the rows loaded so far again
    // (at least a page) and, if they differ, resets the model to them. True when the rows changed.
    bool refreshIfChanged();

Q_SIGNALS:
    void readFailed(const QString &error);

private:
    std::optional<QList<ShopList::Row>> read(const std::optional<ShopList::After> &after, int limit);
    QString display(const ShopList::Row &row, Field field) const;

    ReadConnection m_reader;
    ShopList::Kind m_kind;
    QList<Field> m_columns;
    Filter m_filter;
    QList<ShopList::Row> m_rows;
    qint64 m_dataVersion = -1; // ShopList::dataVersion at the last read
    bool m_reachedEnd = false;
    bool m_inserting = false; // between beginInsertRows and endInsertRows
    int m_pageSize = 200;
    QString m_lastError;
};
