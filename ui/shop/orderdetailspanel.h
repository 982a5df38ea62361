// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QTableView;
class ShopDocumentModel;

// Under the Orders table: the payments that pay the selected order (through the links the store keeps of each
// payment) and the shipments that ship it.
class OrderDetailsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit OrderDetailsPanel(const QString &databasePath, QWidget *parent = nullptr);
    ~OrderDetailsPanel() override;

    // Shows order `id` (`name` for the title); an empty id shows none.
    void setOrder(const QString &id, const QString &name, bool includeDeleted);
    QString orderId() const { return m_orderId; }
    // Reads the order's documents again when the store changed since.
    void refresh();

    ShopDocumentModel *payments() const { return m_payments; }
    ShopDocumentModel *shipments() const { return m_shipments; }

Q_SIGNALS:
    // A payment or shipment was activated (double-click, Enter) or its "Open in MoySklad" chosen.
    void openRequested(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    QTableView *addTable(ShopDocumentModel *model, const char *objectName);
    void retranslate();

    QString m_orderId;
    QString m_orderName;
    ShopDocumentModel *m_payments = nullptr;
    ShopDocumentModel *m_shipments = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_paymentsLabel = nullptr;
    QLabel *m_shipmentsLabel = nullptr;
    QTableView *m_paymentsView = nullptr;
    QTableView *m_shipmentsView = nullptr;
};
