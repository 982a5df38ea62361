// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QHeaderView;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class WebhookTableModel;

// The webhook table with its buttons: Refresh, Install missing hooks, Tick all outdated, Apply, Send a test delivery,
// and a busy indicator.
class WebhooksPage final : public QWidget
{
    Q_OBJECT

public:
    explicit WebhooksPage(WebhookTableModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QHeaderView *header() const;
    void setBusy(bool busy);
    // The last hook-health check's findings (hooks of ours found disabled or removed, repaired or not), shown above
    // the table; `attention`: some is still off. An empty text hides it.
    void setHealthWarning(const QString &text, bool attention);
    QLabel *healthLabel() const { return m_health; }
    // Sets the column widths that fit the content; used when no saved header state exists. Until the user resizes a
    // column, the widths follow the content after every listing.
    void resizeColumnsToDefaults();
    // Restores the user's column widths (saved by header()->saveState()); false when `state` is not usable. From then
    // on the widths are the user's: listings no longer change them.
    bool restoreHeaderState(const QByteArray &state);
    // The width the page needs to show every column at its current width, without a horizontal scroll.
    int preferredWidth() const;

Q_SIGNALS:
    void refreshRequested();
    void installMissingRequested();
    void applyRequested();
    void removeUnneededRequested();
    void testDeliveryRequested();
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void onModelReset();
    void updateButtons();
    void fitColumns();

    WebhookTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_installMissing = nullptr;
    QPushButton *m_tickOutdated = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_removeUnneeded = nullptr;
    QPushButton *m_testDelivery = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_cancel = nullptr; // beside the progress, while a network operation runs
    QLabel *m_summary = nullptr;
    QLabel *m_health = nullptr;
    bool m_isBusy = false;
    bool m_fitColumns = false;    // the widths follow the content (no saved state, no resize by the user)
    bool m_settingWidths = false; // our own resizing, not the user's
};
