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
#include <QTableView>
#include <QVBoxLayout>

WebhooksPage::WebhooksPage(WebhookTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_refresh(new QPushButton(this))
    , m_installMissing(new QPushButton(this))
    , m_apply(new QPushButton(this))
    , m_removeUnneeded(new QPushButton(this))
    , m_busy(new QProgressBar(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("webhooksPage"));
    m_table->setObjectName(QStringLiteral("webhookTable"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_installMissing->setObjectName(QStringLiteral("installMissingButton"));
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_removeUnneeded->setObjectName(QStringLiteral("removeUnneededButton"));
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_summary->setObjectName(QStringLiteral("planSummaryLabel"));

    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(WebhookTableModel::ModeColumn, new ExecutionModeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(WebhookTableModel::UrlColumn, QHeaderView::Stretch);
    resizeColumnsToDefaults();

    m_busy->setRange(0, 0); // busy: an animation, no percentage
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_summary->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_installMissing);
    buttons->addWidget(m_apply);
    buttons->addStretch(1);
    buttons->addWidget(m_removeUnneeded);
    buttons->addWidget(m_busy);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    connect(m_refresh, &QPushButton::clicked, this, &WebhooksPage::refreshRequested);
    connect(m_installMissing, &QPushButton::clicked, this, &WebhooksPage::installMissingRequested);
    connect(m_apply, &QPushButton::clicked, this, &WebhooksPage::applyRequested);
    connect(m_removeUnneeded, &QPushButton::clicked, this, &WebhooksPage::removeUnneededRequested);
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
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widest = [&metrics](const QStringList &samples) {
        int width = 0;
        for (const QString &sample : samples)
            width = std::max(width, metrics.horizontalAdvance(sample));
        return width + 24;
    };
    const auto header = [this](int column) { return m_model->headerData(column, Qt::Horizontal).toString(); };
    m_table->setColumnWidth(WebhookTableModel::EntityColumn,
                            widest({QStringLiteral("customerorder"), header(WebhookTableModel::EntityColumn)}));
    m_table->setColumnWidth(WebhookTableModel::ActionColumn,
                            widest({QStringLiteral("PROCESSED"), header(WebhookTableModel::ActionColumn)}));
    m_table->setColumnWidth(
        WebhookTableModel::EnabledColumn,
        widest({WebhookTableModel::tr("Yes"), WebhookTableModel::tr("No"), header(WebhookTableModel::EnabledColumn)}));
    m_table->setColumnWidth(WebhookTableModel::OwnerColumn,
                            widest({WebhookTableModel::tr("Ours"), WebhookTableModel::tr("Other application"),
                                    header(WebhookTableModel::OwnerColumn)}));
    QStringList states;
    for (const HookState state : {HookState::InSync, HookState::Missing, HookState::Outdated, HookState::Disabled,
                                  HookState::NotNeeded, HookState::Foreign})
        states.append(WebhookTableModel::stateText(state));
    m_table->setColumnWidth(WebhookTableModel::StateColumn, widest(states));
    QStringList modes;
    for (const ExecutionMode mode : {ExecutionMode::Immediate, ExecutionMode::Queued, ExecutionMode::FirstImmediate})
        modes.append(WebhookTableModel::modeText(mode));
    // Room for the combo box's frame and arrow.
    m_table->setColumnWidth(WebhookTableModel::ModeColumn, widest(modes) + 32);
    m_table->setColumnWidth(WebhookTableModel::UpdateColumn, widest({header(WebhookTableModel::UpdateColumn)}));
}

void WebhooksPage::setBusy(bool busy)
{
    m_isBusy = busy;
    m_busy->setVisible(busy);
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
    updateButtons();
}

void WebhooksPage::updateButtons()
{
    const HookPlan &plan = m_model->plan();
    m_refresh->setEnabled(!m_isBusy);
    m_installMissing->setEnabled(!m_isBusy && plan.count(HookState::Missing) > 0);
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
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Load the webhooks of the MoySklad account again"));
    m_installMissing->setText(tr("Install missing hooks"));
    m_installMissing->setToolTip(tr("Create the module's hooks that the account does not have yet"));
    m_apply->setText(tr("Apply"));
    m_apply->setToolTip(tr("Create the missing hooks, enable the disabled ones and rewrite the ticked ones"));
    m_removeUnneeded->setText(tr("Remove unneeded hooks…"));
    m_removeUnneeded->setToolTip(tr("Delete the hooks of ours that the exchange settings no longer need"));
    m_busy->setToolTip(tr("Talking to MoySklad…"));
    updateButtons();
}
