// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookspage.h"

#include "models/executionmodedelegate.h"
#include "models/webhooktablemodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

WebhooksPage::WebhooksPage(WebhookTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_refresh(new QPushButton(this))
    , m_installMissing(new QPushButton(this))
    , m_tickOutdated(new QPushButton(this))
    , m_apply(new QPushButton(this))
    , m_removeUnneeded(new QPushButton(this))
    , m_testDelivery(new QPushButton(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QPushButton(this))
    , m_summary(new QLabel(this))
    , m_health(new QLabel(this))
{
    setObjectName(QStringLiteral("webhooksPage"));
    m_table->setObjectName(QStringLiteral("webhookTable"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_installMissing->setObjectName(QStringLiteral("installMissingButton"));
    m_tickOutdated->setObjectName(QStringLiteral("tickOutdatedButton"));
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_removeUnneeded->setObjectName(QStringLiteral("removeUnneededButton"));
    m_testDelivery->setObjectName(QStringLiteral("testDeliveryButton"));
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->hide();
    m_summary->setObjectName(QStringLiteral("planSummaryLabel"));
    m_health->setObjectName(QStringLiteral("hookHealthLabel"));
    m_health->setWordWrap(true);
    m_health->setFrameShape(QFrame::StyledPanel);
    m_health->setMargin(6);
    m_health->hide();

    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(WebhookTableModel::ModeColumn, new ExecutionModeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // The URL's path says which hook it is; its end is the (already shortened) key: cut from the right.
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    resizeColumnsToDefaults();

    m_busy->setRange(0, 0); // busy: an animation, no percentage
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_summary->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_installMissing);
    buttons->addWidget(m_tickOutdated);
    buttons->addWidget(m_apply);
    buttons->addStretch(1);
    buttons->addWidget(m_removeUnneeded);
    buttons->addWidget(m_testDelivery);
    buttons->addWidget(m_busy);
    buttons->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_health);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    connect(m_refresh, &QPushButton::clicked, this, &WebhooksPage::refreshRequested);
    connect(m_installMissing, &QPushButton::clicked, this, &WebhooksPage::installMissingRequested);
    connect(m_tickOutdated, &QPushButton::clicked, m_model, &WebhookTableModel::tickOutdated);
    connect(m_apply, &QPushButton::clicked, this, &WebhooksPage::applyRequested);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this] {
        if (!m_settingWidths)
            m_fitColumns = false; // the user chose a width: keep it
    });
    connect(m_removeUnneeded, &QPushButton::clicked, this, &WebhooksPage::removeUnneededRequested);
    connect(m_testDelivery, &QPushButton::clicked, this, &WebhooksPage::testDeliveryRequested);
    connect(m_cancel, &QPushButton::clicked, this, &WebhooksPage::cancelRequested);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WebhooksPage::onModelReset);
    connect(m_model, &WebhookTableModel::checksChanged, this, &WebhooksPage::updateButtons);
    retranslate();
    updateButtons();
}

QHeaderView *WebhooksPage::header() const
{
    return m_table->horizontalHeader();
}

void WebhooksPage::resizeColumnsToDefaults()
{
    m_fitColumns = true;
    fitColumns();
}

void WebhooksPage::fitColumns()
{
    const QScopedValueRollback<bool> ours(m_settingWidths, true);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widest = [&metrics](const QStringList &samples) {
        int width = 0;
        for (const QString &sample : samples)
            width = std::max(width, metrics.horizontalAdvance(sample));
        return width + 24;
    };
    const auto header = [this](int column) { return m_model->headerData(column, Qt::Horizontal).toString(); };
    // At least what the samples need (so the widths do not jump between listings), at least what the rows need.
    const QAbstractItemView *view = m_table; // sizeHintForColumn is public there, protected in QTableView
    const auto setWidth = [this, view](int column, int width) {
        width =
            std::max({width, view->sizeHintForColumn(column), m_table->horizontalHeader()->sectionSizeHint(column)});
        m_table->setColumnWidth(column, width);
    };
    setWidth(WebhookTableModel::EntityColumn,
             widest({QStringLiteral("customerorder"), header(WebhookTableModel::EntityColumn)}));
    setWidth(WebhookTableModel::ActionColumn,
             widest({QStringLiteral("PROCESSED"), WebhookTableModel::actionText(QStringLiteral("UPDATE"), true),
                     header(WebhookTableModel::ActionColumn)}));
    // A typical URL of ours: the path in full, the key shortened.
    setWidth(WebhookTableModel::UrlColumn,
             widest({WebhookTableModel::displayUrl(
                         QStringLiteral("https://shop.example.com/skladhook/moysklad/customerorder/update?key=Ab")),
                     header(WebhookTableModel::UrlColumn)}));
    setWidth(WebhookTableModel::EnabledColumn, widest({WebhookTableModel::tr("Yes"), WebhookTableModel::tr("No"),
                                                       header(WebhookTableModel::EnabledColumn)}));
    setWidth(WebhookTableModel::OwnerColumn,
             widest({WebhookTableModel::tr("Ours"), WebhookTableModel::tr("Other application"),
                     header(WebhookTableModel::OwnerColumn)}));
    QStringList states;
    for (const HookState state : {HookState::InSync, HookState::Missing, HookState::Outdated, HookState::Disabled,
                                  HookState::NotNeeded, HookState::Foreign})
        states.append(WebhookTableModel::stateText(state));
    setWidth(WebhookTableModel::StateColumn, widest(states));
    QStringList modes;
    for (const ExecutionMode mode : {ExecutionMode::Immediate, ExecutionMode::Queued, ExecutionMode::FirstImmediate})
        modes.append(WebhookTableModel::modeText(mode));
    // Room for the combo box's frame and arrow.
    setWidth(WebhookTableModel::ModeColumn, widest(modes) + 32);
    setWidth(WebhookTableModel::UpdateColumn, widest({header(WebhookTableModel::UpdateColumn)}));
    // The mode and the Update checkbox are what the user acts on: on a narrow window the URL column gives way
    // (elided from the right; its full text is in the tooltip) rather than push them out of sight.
    const int overflow = m_table->horizontalHeader()->length() - m_table->viewport()->width();
    const int url = m_table->columnWidth(WebhookTableModel::UrlColumn);
    const int urlMinimum = metrics.horizontalAdvance(QStringLiteral("https://shop.example.com/sklad…")) + 24;
    if (m_table->isVisible() && overflow > 0 && url > urlMinimum)
        m_table->setColumnWidth(WebhookTableModel::UrlColumn, std::max(urlMinimum, url - overflow));
}

void WebhooksPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitColumns)
        fitColumns();
}

void WebhooksPage::setHealthWarning(const QString &text, bool attention)
{
    m_health->setText(text);
    // Red while a hook of ours is still off; a repaired one is news, not an alarm.
    m_health->setStyleSheet(attention ? QStringLiteral("QLabel { color: #a00000; }") : QString());
    m_health->setVisible(!text.isEmpty());
}

bool WebhooksPage::restoreHeaderState(const QByteArray &state)
{
    const QScopedValueRollback<bool> ours(m_settingWidths, true);
    if (!header()->restoreState(state))
        return false;
    m_fitColumns = false;
    // A state saved by an older version may carry a stretched URL column: every column is the user's to size.
    header()->setSectionResizeMode(QHeaderView::Interactive);
    return true;
}

int WebhooksPage::preferredWidth() const
{
    const QMargins margins = contentsMargins() + layout()->contentsMargins();
    return m_table->horizontalHeader()->length() + 2 * m_table->frameWidth() +
           m_table->verticalScrollBar()->sizeHint().width() + margins.left() + margins.right();
}

void WebhooksPage::setBusy(bool busy)
{
    m_isBusy = busy;
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    updateButtons();
}

void WebhooksPage::onModelReset()
{
    // The mode combos stay open on our rows, so the choice is visible and one click away.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, WebhookTableModel::ModeColumn);
        if (m_model->flags(index) & Qt::ItemIsEditable)
            m_table->openPersistentEditor(index);
    }
    if (m_fitColumns)
        fitColumns();
    updateButtons();
}

void WebhooksPage::updateButtons()
{
    const HookPlan &plan = m_model->plan();
    m_refresh->setEnabled(!m_isBusy);
    m_installMissing->setEnabled(!m_isBusy && plan.count(HookState::Missing) > 0);
    m_tickOutdated->setEnabled(!m_isBusy && !m_model->outdatedHookIds().isEmpty());
    m_apply->setEnabled(!m_isBusy && !plan.rows().isEmpty());
    // Deleting is offered only when there is something of ours to delete, and asked about first.
    m_removeUnneeded->setVisible(plan.count(HookState::NotNeeded) > 0);
    m_removeUnneeded->setEnabled(!m_isBusy);

    if (plan.rows().isEmpty()) {
        m_summary->setText(tr("Click Refresh to load the webhooks of the MoySklad account."));
        return;
    }
    QStringList parts;
    const auto add = [&parts, &plan](HookState state, const QString &text) {
        const int n = plan.count(state);
        if (n > 0)
            parts.append(text.arg(n));
    };
    add(HookState::InSync, tr("in sync: %1"));
    add(HookState::Missing, tr("missing: %1"));
    add(HookState::Outdated, tr("outdated: %1"));
    add(HookState::Disabled, tr("disabled: %1"));
    add(HookState::NotNeeded, tr("not needed: %1"));
    add(HookState::Foreign, tr("other applications: %1"));
    QString text = tr("Webhooks — %1.").arg(parts.join(QStringLiteral(", ")));
    const qsizetype checked = m_model->checkedHookIds().size();
    if (checked > 0)
        text += QLatin1Char(' ') + tr("%n hook(s) ticked for update.", nullptr, int(checked));
    m_summary->setText(text);
}

void WebhooksPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslate();
        // The persistent combos hold translated texts: open them anew.
        for (int row = 0; row < m_model->rowCount(); ++row)
            m_table->closePersistentEditor(m_model->index(row, WebhookTableModel::ModeColumn));
        onModelReset();
    }
    QWidget::changeEvent(event);
}

void WebhooksPage::retranslate()
{
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setToolTip(tr("Load the webhooks of the MoySklad account again (F5)"));
    m_installMissing->setText(tr("&Install missing hooks"));
    m_installMissing->setToolTip(tr("Create the module's hooks that the account does not have yet"));
    m_tickOutdated->setText(tr("&Tick all outdated"));
    m_tickOutdated->setToolTip(tr("Tick Update on every outdated hook of the module, to rewrite them on Apply"));
    m_apply->setText(tr("&Apply"));
    m_apply->setToolTip(tr("Create the missing hooks, enable the disabled ones and rewrite the ticked ones"));
    m_removeUnneeded->setText(tr("Re&move unneeded hooks…"));
    m_removeUnneeded->setToolTip(tr("Delete the hooks of ours that the exchange settings no longer need"));
    m_testDelivery->setText(tr("Send a test &delivery"));
    m_testDelivery->setToolTip(tr("POST a delivery shaped like MoySklad's to every hook URL, through the proxy or "
                                  "tunnel, and show each step; it never creates a task"));
    m_busy->setToolTip(tr("Talking to MoySklad…"));
    m_cancel->setText(tr("Cance&l"));
    m_cancel->setToolTip(tr("Stop waiting for MoySklad's answer (it may take minutes)"));
    updateButtons();
}
