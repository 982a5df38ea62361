// SPDX-License-Identifier: GPL-3.0-or-later
#include "shopdocumentmodel.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace {

QList<ShopDocumentModel::Field> columnsOf(ShopList::Kind kind)
{
    using Field = ShopDocumentModel::Field;
    switch (kind) {
    case ShopList::Kind::Orders:
        return {Field::Number, Field::Date, Field::Counterparty, Field::State,
                Field::Sum,    Field::Paid, Field::Shipped,      Field::Updated};
    case ShopList::Kind::Payments:
        return {Field::Number, Field::Date, Field::Type,   Field::Counterparty,
                Field::Orders, Field::Sum,  Field::Updated};
    case ShopList::Kind::Shipments:
        // A demand's moment is not kept: its date is MoySklad's `updated`.
        return {Field::Number, Field::Date, Field::Counterparty, Field::Orders, Field::State, Field::Sum};
    }
    return {};
}

// MoySklad's times ("2026-12-01 12:00:00.000", Moscow time) as the locale writes a date (the list) or a date and time
// (its tooltip); text that is not such a time is shown as it is.
QString dateText(const QString &text, bool withTime)
{
    const QDateTime time = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!time.isValid())
        return text;
    return withTime ? QLocale().toString(time, QLocale::ShortFormat)
                    : QLocale().toString(time.date(), QLocale::ShortFormat);
}

} // namespace

ShopDocumentModel::ShopDocumentModel(QString databasePath, ShopList::Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(std::move(databasePath))
    , m_kind(kind)
    , m_columns(columnsOf(kind))
{}

ShopDocumentModel::~ShopDocumentModel() = default;

void ShopDocumentModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

int ShopDocumentModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

QStringList ShopDocumentModel::states()
{
    if (!m_reader.ensureOpen())
        return {};
    return ShopList::states(m_reader.db(), m_kind).valueOr({});
}

QUrl ShopDocumentModel::webUrl(const QString &entityType, const QString &id)
{
    return QUrl(QStringLiteral("https://online.moysklad.ru/app/#%1/edit?id=%2").arg(entityType, id));
}

QString ShopDocumentModel::money(qint64 kopecks, const QLocale &locale)
{
    // A double holds every sum of money the store keeps (below 2^53 kopecks) closely enough for two decimals.
    return locale.toCurrencyString(double(kopecks) / 100.0, QStringLiteral("₽"), 2);
}

QString ShopDocumentModel::typeName(const QString &entityType)
{
    if (entityType == QLatin1String("paymentin"))
        return tr("Bank payment");
    if (entityType == QLatin1String("cashin"))
        return tr("Cash payment");
    return entityType;
}

int ShopDocumentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ShopDocumentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString ShopDocumentModel::display(const ShopList::Row &row, Field field) const
{
    switch (field) {
    case Field::Number:
        return row.name;
    case Field::Date:
        return dateText(row.date, false);
    case Field::Type:
        return typeName(row.entityType);
    case Field::Counterparty:
        return row.agent;
    case Field::Orders:
        return row.orderNames;
    case Field::State:
        return row.state;
    case Field::Sum:
        return row.sum ? money(*row.sum, QLocale()) : QString();
    case Field::Paid:
        return money(row.payedSum, QLocale());
    case Field::Shipped:
        return money(row.shippedSum, QLocale());
    case Field::Updated:
        return dateText(row.updated, false);
    }
    return {};
}

QVariant ShopDocumentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ShopList::Row &row = m_rows.at(index.row());
    const Field field = m_columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, field);
    case Qt::ToolTipRole:
        if (row.deleted)
            return tr("Deleted in MoySklad");
        if (field == Field::Date)
            return dateText(row.date, true);
        if (field == Field::Updated)
            return dateText(row.updated, true);
        return field == Field::Sum && !row.sum ? tr("MoySklad gave no sum that can be money") : QVariant();
    case Qt::FontRole:
        if (row.deleted) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (field == Field::Sum || field == Field::Paid || field == Field::Shipped)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return row.id;
    case EntityTypeRole:
        return row.entityType;
    case DeletedRole:
        return row.deleted;
    case UrlRole:
        return webUrl(row.entityType, row.id);
    default:
        return {};
    }
}

QVariant ShopDocumentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_columns.size())
        return {};
    switch (m_columns.at(section)) {
    case Field::Number:
        return tr("Number");
    case Field::Date:
        return m_kind == ShopList::Kind::Shipments ? tr("Changed") : tr("Date");
    case Field::Type:
        return tr("Type");
    case Field::Counterparty:
        return tr("Counterparty");
    case Field::Orders:
        return m_kind == ShopList::Kind::Payments ? tr("Orders") : tr("Order");
    case Field::State:
        return tr("State");
    case Field::Sum:
        return tr("Sum");
    case Field::Paid:
        return tr("Paid");
    case Field::Shipped:
        return tr("Shipped");
    case Field::Updated:
        return tr("Changed");
    }
    return {};
}

bool ShopDocumentModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_reachedEnd && !m_inserting;
}

void ShopDocumentModel::fetchMore(const QModelIndex &parent)
{
    // A view (or the model tester) asks for more while rows are being inserted: one page at a time.
    if (parent.isValid() || m_reachedEnd || m_rows.isEmpty() || m_inserting)
        return;
    const ShopList::Row &last = m_rows.constLast();
    const auto page = read(ShopList::After{last.date, last.id}, m_pageSize);
    if (!page) {
        m_reachedEnd = true; // until the next reload: a failing read must not be retried on every scroll
        return;
    }
    m_reachedEnd = page->size() < m_pageSize;
    if (page->isEmpty())
        return;
    m_inserting = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
    m_inserting = false;
}

void ShopDocumentModel::reload()
{
    const auto page = read(std::nullopt, m_pageSize);
    beginResetModel();
    m_rows = page.value_or(QList<ShopList::Row>());
    m_reachedEnd = !page || page->size() < m_pageSize;
    endResetModel();
}

bool ShopDocumentModel::refreshIfChanged()
{
    if (!m_reader.ensureOpen())
        return false;
    const auto version = ShopList::dataVersion(m_reader.db());
    if (!version.ok() || version.value() == m_dataVersion)
        return false;
    // The rows loaded so far, read again: what the user scrolled to stays loaded.
    const int loaded = qMax(m_pageSize, int(m_rows.size()));
    const auto rows = read(std::nullopt, loaded);
    if (!rows || *rows == m_rows)
        return false;
    beginResetModel();
    m_rows = *rows;
    m_reachedEnd = rows->size() < loaded;
    endResetModel();
    return true;
}

std::optional<QList<ShopList::Row>> ShopDocumentModel::read(const std::optional<ShopList::After> &after, int limit)
{
    if (!m_reader.ensureOpen()) {
        m_lastError = m_reader.error();
        Q_EMIT readFailed(m_lastError);
        return std::nullopt;
    }
    // The version before the read: a commit racing the read moves it again, and the next poll reads once more.
    const auto version = ShopList::dataVersion(m_reader.db());
    ShopList::Query query;
    query.kind = m_kind;
    query.search = m_filter.search.trimmed();
    query.state = m_filter.state;
    query.includeDeleted = m_filter.includeDeleted;
    query.orderId = m_filter.orderId;
    query.after = after;
    query.limit = limit;
    auto rows = ShopList::rows(m_reader.db(), query);
    if (!rows.ok()) {
        m_lastError = rows.error();
        Q_EMIT readFailed(m_lastError);
        return std::nullopt;
    }
    if (version.ok())
        m_dataVersion = version.value();
    m_lastError.clear();
    return std::move(rows).value();
}
