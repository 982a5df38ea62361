// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/shoplist.h"

#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <functional>

class EmptyStateLabel;
class OrderDetailsPanel;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class ShopDocumentModel;

// One tab of the shop store: orders, payments or shipments, newest first, searched by number or counterparty and
// filtered by state; deleted documents on request, struck out. Each row opens the document in MoySklad's web
// interface. The Orders tab shows the selected order's payments and shipments beside it (below, in a splitter). Follows
// the store by polling SQLite's data_version (cheap) and re-reading the rows it shows when it moved, keeping the
// selection and the scroll position.
class ShopTab final : public QWidget
{
    Q_OBJECT

public:
    // Opens a URL in the browser; tests put their own in to see the URL without launching one.
    using UrlOpener = std::function<void(const QUrl &)>;

    ShopTab(const QString &databasePath, ShopList::Kind kind, QWidget *parent = nullptr);
    ~ShopTab() override;

    // The tab's title for `kind`, translated.
    static QString title(ShopList::Kind kind);

    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }
    // How often to look for changes while the tab is visible; 0 stops polling.
    void setPollInterval(int ms);

    ShopDocumentModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Orders only; nullptr on the other tabs.
    OrderDetailsPanel *details() const { return m_details; }

public Q_SLOTS:
    // Reads the store again if it changed since the last read (the poll does this while the tab is visible).
    void refresh();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter();
    void fillStates();
    void openCurrent();
    void open(const QModelIndex &index);
    void showOrderOf(const QModelIndex &current);
    void showError(const QString &error);
    void retranslate();
    void sayWhyEmpty(); // the empty table's sentence, for this kind and filter

    ShopList::Kind m_kind;
    ShopDocumentModel *m_model = nullptr;
    OrderDetailsPanel *m_details = nullptr;
    QLabel *m_searchLabel = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_stateLabel = nullptr;
    QComboBox *m_state = nullptr;
    QCheckBox *m_showDeleted = nullptr;
    QLabel *m_error = nullptr;
    QTableView *m_view = nullptr;
    EmptyStateLabel *m_empty = nullptr;
    QAction *m_openAction = nullptr;
    QTimer m_searchDelay; // typing does not query the store on every key
    QTimer m_poll;
    UrlOpener m_opener;
    bool m_fitted = false; // the columns were fitted to the first rows shown
};
