// SPDX-License-Identifier: GPL-3.0-or-later
#include "shoptab.h"

#include "models/shopdocumentmodel.h"
#include "shop/orderdetailspanel.h"
#include "widgets/emptystatelabel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

ShopTab::ShopTab(const QString &databasePath, ShopList::Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_model(new ShopDocumentModel(databasePath, kind, this))
    , m_searchLabel(new QLabel)
    , m_search(new QLineEdit)
    , m_stateLabel(new QLabel)
    , m_state(new QComboBox)
    , m_showDeleted(new QCheckBox)
    , m_error(new QLabel)
    , m_view(new QTableView)
    , m_openAction(new QAction(this))
    , m_opener([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    static const char *const names[] = {"ordersTab", "paymentsTab", "shipmentsTab"};
    setObjectName(QString::fromLatin1(names[int(kind)]));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_searchLabel->setBuddy(m_search);
    m_state->setObjectName(QStringLiteral("stateCombo"));
    m_state->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_stateLabel->setBuddy(m_state);
    m_showDeleted->setObjectName(QStringLiteral("showDeletedCheck"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_view->setObjectName(QStringLiteral("documentTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    // Columns as wide as their content, not stretched: a stretched last column pushes a sum far from its number.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setWordWrap(false);
    m_empty = new EmptyStateLabel(m_view);
    m_openAction->setObjectName(QStringLiteral("openInMoySkladAction"));
    m_view->addAction(m_openAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_searchLabel);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_stateLabel);
    filters->addWidget(m_state);
    filters->addWidget(m_showDeleted);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_error);
    if (kind == ShopList::Kind::Orders) {
        m_details = new OrderDetailsPanel(databasePath);
        m_details->setObjectName(QStringLiteral("orderDetails"));
        // The order's documents below it rather than to its right: at 1024 pixels the orders' columns need the
        // whole width.
        auto *splitter = new QSplitter(Qt::Vertical);
        splitter->setObjectName(QStringLiteral("orderSplitter"));
        splitter->addWidget(m_view);
        splitter->addWidget(m_details);
        splitter->setStretchFactor(0, 3);
        splitter->setStretchFactor(1, 2);
        splitter->setChildrenCollapsible(false);
        layout->addWidget(splitter, 1);
        connect(m_details, &OrderDetailsPanel::openRequested, this, [this](const QUrl &url) { m_opener(url); });
        connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) { showOrderOf(current); });
    } else {
        layout->addWidget(m_view, 1);
    }

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &ShopTab::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_state, &QComboBox::currentIndexChanged, this, &ShopTab::applyFilter);
    connect(m_showDeleted, &QCheckBox::toggled, this, &ShopTab::applyFilter);
    connect(m_view, &QTableView::activated, this, &ShopTab::open);
    connect(m_openAction, &QAction::triggered, this, &ShopTab::openCurrent);
    connect(m_model, &ShopDocumentModel::readFailed, this, &ShopTab::showError);
    // Columns as wide as what the first page shows; a refresh keeps the widths, a new filter fits them again.
    connect(m_model, &QAbstractItemModel::modelReset, m_view, [this] {
        if (m_model->rowCount() > 0 && !m_fitted) {
            m_view->resizeColumnsToContents();
            m_fitted = true;
        }
    });
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_poll.start(2000);

    retranslate();
    fillStates();
    applyFilter();
}

ShopTab::~ShopTab() = default;

QString ShopTab::title(ShopList::Kind kind)
{
    switch (kind) {
    case ShopList::Kind::Orders:
        return tr("Orders");
    case ShopList::Kind::Payments:
        return tr("Payments");
    case ShopList::Kind::Shipments:
        return tr("Shipments");
    }
    return {};
}

void ShopTab::setPollInterval(int ms)
{
    if (ms <= 0)
        m_poll.stop();
    else
        m_poll.start(ms);
}

void ShopTab::refresh()
{
    // The selection is kept by document, the scroll position as it was: the rows are read again, not moved.
    const QString selected = m_view->currentIndex().data(ShopDocumentModel::IdRole).toString();
    const int column = qMax(0, m_view->currentIndex().column());
    const int scroll = m_view->verticalScrollBar()->value();
    const qint64 version = m_model->dataVersion();
    const bool changed = m_model->refreshIfChanged();
    // A state may have appeared in documents the filter hides.
    if (m_model->dataVersion() != version)
        fillStates();
    if (changed) {
        const int row = selected.isEmpty() ? -1 : m_model->rowOf(selected);
        if (row >= 0) {
            // Setting the current index again does not tell the details panel of a change: it refreshes below.
            const QSignalBlocker blocker(m_view->selectionModel());
            m_view->selectionModel()->setCurrentIndex(m_model->index(row, column),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->viewport()->update();
        } else if (m_details && !m_details->orderId().isEmpty()) {
            showOrderOf({});
        }
        // The scroll range follows the new rows only once the view lays them out, which it otherwise defers.
        m_view->doItemsLayout();
        m_view->verticalScrollBar()->setValue(scroll);
    }
    if (m_details)
        m_details->refresh();
}

void ShopTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ShopTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Hidden tabs do not poll: whatever changed meanwhile is read when the tab is shown.
    refresh();
}

void ShopTab::applyFilter()
{
    ShopDocumentModel::Filter filter;
    filter.search = m_search->text();
    filter.state = m_state->currentData().toString();
    filter.includeDeleted = m_showDeleted->isChecked();
    const QString selected = m_view->currentIndex().data(ShopDocumentModel::IdRole).toString();
    m_fitted = false;
    m_model->setFilter(filter);
    sayWhyEmpty();
    if (m_model->lastError().isEmpty())
        m_error->hide();
    // The selected document stays selected when it still matches.
    const int row = selected.isEmpty() ? -1 : m_model->rowOf(selected);
    if (row >= 0)
        m_view->selectRow(row);
    else if (m_details)
        showOrderOf({});
}

void ShopTab::fillStates()
{
    const QStringList states = m_model->states();
    const QString current = m_state->currentData().toString();
    QStringList present;
    for (int i = 1; i < m_state->count(); ++i)
        present.append(m_state->itemData(i).toString());
    if (m_state->count() > 0 && present == states)
        return;
    // Refilling keeps the choice: no filter change to announce.
    const QSignalBlocker blocker(m_state);
    m_state->clear();
    m_state->addItem(tr("All"), QString());
    for (const QString &state : states)
        m_state->addItem(m_kind == ShopList::Kind::Payments ? ShopDocumentModel::typeName(state) : state, state);
    // A state no document has any more stays chosen until the user changes it: the list would otherwise jump.
    if (!current.isEmpty() && m_state->findData(current) < 0)
        m_state->addItem(current, current);
    m_state->setCurrentIndex(qMax(0, m_state->findData(current)));
}

void ShopTab::openCurrent()
{
    open(m_view->currentIndex());
}

void ShopTab::open(const QModelIndex &index)
{
    if (index.isValid())
        m_opener(index.data(ShopDocumentModel::UrlRole).toUrl());
}

void ShopTab::showOrderOf(const QModelIndex &current)
{
    if (!m_details)
        return;
    if (!current.isValid()) {
        m_details->setOrder({}, {}, m_showDeleted->isChecked());
        return;
    }
    const ShopList::Row &order = m_model->document(current.row());
    m_details->setOrder(order.id, order.name, m_showDeleted->isChecked());
}

void ShopTab::showError(const QString &error)
{
    m_error->setText(tr("The shop store cannot be read: %1").arg(error));
    m_error->show();
}

void ShopTab::retranslate()
{
    m_searchLabel->setText(tr("&Search:"));
    m_search->setPlaceholderText(tr("Number or counterparty"));
    m_search->setAccessibleName(tr("Search by number or counterparty"));
    m_stateLabel->setText(m_kind == ShopList::Kind::Payments ? tr("&Type:") : tr("S&tate:"));
    m_state->setAccessibleName(m_kind == ShopList::Kind::Payments ? tr("Payment type") : tr("State"));
    if (m_state->count() > 0)
        m_state->setItemText(0, tr("All"));
    m_showDeleted->setText(tr("Show &deleted"));
    m_showDeleted->setToolTip(tr("Documents deleted in MoySklad, struck out"));
    m_view->setAccessibleName(title(m_kind));
    m_openAction->setText(tr("Open in MoySklad"));
    m_model->headerDataChanged(Qt::Horizontal, 0, m_model->columnCount() - 1);
    sayWhyEmpty();
}

void ShopTab::sayWhyEmpty()
{
    if (!m_search->text().trimmed().isEmpty() || !m_state->currentData().toString().isEmpty()) {
        m_empty->setMessage(tr("Nothing matches the search or the filter."));
        return;
    }
    switch (m_kind) {
    case ShopList::Kind::Orders:
        m_empty->setMessage(tr("No orders yet. They appear when MoySklad sends a change of one (new orders only with "
                               "order import on) and after a catch-up sync."));
        break;
    case ShopList::Kind::Payments:
        m_empty->setMessage(tr("No payments yet. They appear with payment exchange set to full, when MoySklad sends "
                               "one and after a catch-up sync."));
        break;
    case ShopList::Kind::Shipments:
        m_empty->setMessage(tr("No shipments yet. They appear with shipment exchange set to full, when MoySklad sends "
                               "one and after a catch-up sync."));
        break;
    }
}
