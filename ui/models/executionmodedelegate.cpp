// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionmodedelegate.h"

#include "models/webhooktablemodel.h"

#include <QComboBox>
#include <QSignalBlocker>

QWidget *ExecutionModeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                             const QModelIndex &index) const
{
    auto *combo = new QComboBox(parent);
    // A stable name per hook kind, e.g. "modeCombo_customerorder_UPDATE".
    combo->setObjectName(QStringLiteral("modeCombo_") +
                         index.data(WebhookTableModel::KeyRole).toString().replace(QLatin1Char('/'), QLatin1Char('_')));
    for (const ExecutionMode mode : {ExecutionMode::Immediate, ExecutionMode::Queued, ExecutionMode::FirstImmediate})
        combo->addItem(WebhookTableModel::modeText(mode), executionModeName(mode));
    combo->setToolTip(
        index.model()->headerData(WebhookTableModel::ModeColumn, Qt::Horizontal, Qt::ToolTipRole).toString());
    connect(combo, &QComboBox::currentIndexChanged, this,
            [this, combo] { Q_EMIT const_cast<ExecutionModeDelegate *>(this)->commitData(combo); });
    return combo;
}

void ExecutionModeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    const int at = combo->findData(index.data(WebhookTableModel::ModeRole));
    if (at >= 0 && at != combo->currentIndex()) {
        // Showing the model's value is no edit: no commit (the view may not know the editor yet).
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(at);
    }
}

void ExecutionModeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

void ExecutionModeDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                 const QModelIndex &) const
{
    editor->setGeometry(option.rect);
}
