// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QHeaderView;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class WebhookTableModel;

// The webhook table with its buttons: Refresh, Install missing hooks, Apply, and a busy indicator.
class WebhooksPage final : public QWidget
{
    Q_OBJECT

public:
    explicit WebhooksPage(WebhookTableModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QHeaderView *header() const;
    void setBusy(bool busy);
    // Sets the column widths that fit the content; used when no saved header state exists.
    void resizeColumnsToDefaults();

Q_SIGNALS:
    void refreshRequested();
    void installMissingRequested();
    void applyRequested();
    void removeUnneededRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onModelReset();
    void updateButtons();

    WebhookTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_installMissing = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_removeUnneeded = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_summary = nullptr;
    bool m_isBusy = false;
};
