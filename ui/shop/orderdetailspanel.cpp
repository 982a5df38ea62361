// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderdetailspanel.h"

#include "models/shopdocumentmodel.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

OrderDetailsPanel::OrderDetailsPanel(const QString &databasePath, QWidget *parent)
    : QWidget(parent)
    , m_payments(new ShopDocumentModel(databasePath, ShopList::Kind::Payments, this))
    , m_shipments(new ShopDocumentModel(databasePath, ShopList::Kind::Shipments, this))
    , m_title(new QLabel)
    , m_paymentsLabel(new QLabel)
    , m_shipmentsLabel(new QLabel)
{
    m_title->setObjectName(QStringLiteral("orderTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_paymentsView = addTable(m_payments, "orderPaymentsTable");
    m_shipmentsView = addTable(m_shipments, "orderShipmentsTable");
    // What the order itself shows (its counterparty) is left out, and when a payment was last changed.
    for (const auto field : {ShopDocumentModel::Field::Counterparty, ShopDocumentModel::Field::Updated}) {
        if (m_payments->columnOf(field) >= 0)
            m_paymentsView->setColumnHidden(m_payments->columnOf(field), true);
        if (m_shipments->columnOf(field) >= 0)
            m_shipmentsView->setColumnHidden(m_shipments->columnOf(field), true);
    }
    m_paymentsLabel->setBuddy(m_paymentsView);
    m_shipmentsLabel->setBuddy(m_shipmentsView);

    // Payments and shipments side by side under the order's title: each gets half the tab's width.
    auto *payments = new QVBoxLayout;
    payments->addWidget(m_paymentsLabel);
    payments->addWidget(m_paymentsView, 1);
    auto *shipments = new QVBoxLayout;
    shipments->addWidget(m_shipmentsLabel);
    shipments->addWidget(m_shipmentsView, 1);
    auto *tables = new QHBoxLayout;
    tables->addLayout(payments, 1);
    tables->addLayout(shipments, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(tables, 1);
    retranslate();
    setOrder({}, {}, false);
}

OrderDetailsPanel::~OrderDetailsPanel() = default;

QTableView *OrderDetailsPanel::addTable(ShopDocumentModel *model, const char *objectName)
{
    auto *view = new QTableView;
    view->setObjectName(QString::fromLatin1(objectName));
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(false);
    view->setWordWrap(false);
    connect(view, &QTableView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT openRequested(index.data(ShopDocumentModel::UrlRole).toUrl()); });
    connect(model, &QAbstractItemModel::modelReset, view, [view] { view->resizeColumnsToContents(); });
    auto *open = new QAction(view);
    open->setObjectName(QStringLiteral("openInMoySkladAction"));
    connect(open, &QAction::triggered, this, [this, view] {
        const QModelIndex current = view->currentIndex();
        if (current.isValid())
            Q_EMIT openRequested(current.data(ShopDocumentModel::UrlRole).toUrl());
    });
    view->addAction(open);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return view;
}

void OrderDetailsPanel::setOrder(const QString &id, const QString &name, bool includeDeleted)
{
    m_orderId = id;
    m_orderName = name;
    // No order: a filter no document matches, rather than every payment of the store.
    const QString filterId = id.isEmpty() ? QStringLiteral("-") : id;
    m_payments->setFilter({QString(), QString(), includeDeleted, filterId});
    m_shipments->setFilter({QString(), QString(), includeDeleted, filterId});
    m_paymentsView->setEnabled(!id.isEmpty());
    m_shipmentsView->setEnabled(!id.isEmpty());
    retranslate();
}

void OrderDetailsPanel::refresh()
{
    m_payments->refreshIfChanged();
    m_shipments->refreshIfChanged();
}

void OrderDetailsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OrderDetailsPanel::retranslate()
{
    m_title->setText(m_orderId.isEmpty() ? tr("Select an order to see its payments and shipments.")
                                         : tr("Order %1").arg(m_orderName));
    m_paymentsLabel->setText(tr("&Payments of the order:"));
    m_shipmentsLabel->setText(tr("S&hipments of the order:"));
    m_paymentsView->setAccessibleName(tr("Payments of the order"));
    m_shipmentsView->setAccessibleName(tr("Shipments of the order"));
    for (QTableView *view : {m_paymentsView, m_shipmentsView}) {
        view->actions().constFirst()->setText(tr("Open in MoySklad"));
        view->model()->headerDataChanged(Qt::Horizontal, 0, view->model()->columnCount() - 1);
    }
}
