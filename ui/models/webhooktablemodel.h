// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hooks/executionmode.h"
#include "hooks/hookplan.h"

#include <QAbstractTableModel>
#include <QSet>

class Settings;

// The webhook table: one row per HookPlan row (our catalog hooks, our extras, then other applications' hooks).
// Execution modes are read from and written to Settings per entity + action; the Update checkboxes are kept
// here, by hook id, across re-plans. Foreign rows are read-only.
class WebhookTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        EntityColumn,
        ActionColumn,
        UrlColumn,
        EnabledColumn,
        OwnerColumn,
        StateColumn,
        ModeColumn,
        UpdateColumn,
        ColumnCount
    };
    enum Role {
        StateRole = Qt::UserRole + 1, // int(HookState)
        OursRole,                     // bool
        HookIdRole,                   // MoySklad's id; empty for a missing hook
        KeyRole,                      // "customerorder/UPDATE"
        ModeRole,                     // the mode name ("immediate"…), also the Mode column's EditRole
        MandatoryRole,                // bool: the module's mandatory hook (customerorder/UPDATE)
    };

    explicit WebhookTableModel(Settings *settings, QObject *parent = nullptr);

    void setPlan(const HookPlan &plan);
    const HookPlan &plan() const { return m_plan; }
    const HookPlanRow &planRow(int row) const { return m_plan.rows().at(row); }

    // Ids of the existing hooks of ours whose Update box is ticked.
    QSet<QString> checkedHookIds() const;
    void clearChecks();
    // Ids of the existing hooks of ours that are outdated (each can be ticked for update).
    QSet<QString> outdatedHookIds() const;
    // Ticks Update on every outdated hook of ours; returns how many were newly ticked.
    int tickOutdated();
    // Re-emits every text after the UI language changed.
    void retranslate();

    static QString modeText(ExecutionMode mode);
    static QString stateText(HookState state);
    // The Action column's text: the event, with a badge on the mandatory hook.
    static QString actionText(const QString &action, bool mandatory);
    // The URL column's text: the whole URL with the key= value elided ("key=…"), so that the path stays readable
    // and the secret is not shown.
    static QString displayUrl(const QString &url);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void checksChanged();

private:
    bool isCheckable(const HookPlanRow &row) const;
    QVariant toolTip(const HookPlanRow &row, int column) const;
    static QString stateToolTip(HookState state);

    Settings *m_settings = nullptr;
    HookPlan m_plan;
    QSet<QString> m_checked;
};
