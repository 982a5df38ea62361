// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhooktablemodel.h"

#include "hooks/hookurl.h"
#include "settings/settings.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QPalette>
#include <QUrlQuery>

WebhookTableModel::WebhookTableModel(Settings *settings, QObject *parent)
    : QAbstractTableModel(parent)
    , m_settings(settings)
{
    // A mode changed anywhere (here, another window, the CLI): the column shows what is stored.
    connect(m_settings, &Settings::executionModeChanged, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
}

void WebhookTableModel::setPlan(const HookPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    // Keep the ticks of hooks that are still ours and still there.
    QSet<QString> kept;
    for (const HookPlanRow &row : m_plan.rows()) {
        if (isCheckable(row) && m_checked.contains(row.existing->id))
            kept.insert(row.existing->id);
    }
    const bool changed = kept != m_checked;
    m_checked = kept;
    endResetModel();
    if (changed)
        Q_EMIT checksChanged();
}

QSet<QString> WebhookTableModel::checkedHookIds() const
{
    return m_checked;
}

void WebhookTableModel::clearChecks()
{
    if (m_checked.isEmpty())
        return;
    m_checked.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, UpdateColumn), index(rowCount() - 1, UpdateColumn), {Qt::CheckStateRole});
    Q_EMIT checksChanged();
}

QSet<QString> WebhookTableModel::outdatedHookIds() const
{
    QSet<QString> ids;
    for (const HookPlanRow &row : m_plan.rows()) {
        if (row.state == HookState::Outdated && isCheckable(row))
            ids.insert(row.existing->id);
    }
    return ids;
}

int WebhookTableModel::tickOutdated()
{
    const QSet<QString> outdated = outdatedHookIds();
    const int before = int(m_checked.size());
    m_checked.unite(outdated);
    const int ticked = int(m_checked.size()) - before;
    if (ticked == 0)
        return 0;
    Q_EMIT dataChanged(index(0, UpdateColumn), index(rowCount() - 1, UpdateColumn), {Qt::CheckStateRole});
    Q_EMIT checksChanged();
    return ticked;
}

void WebhookTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString WebhookTableModel::modeText(ExecutionMode mode)
{
    switch (mode) {
    case ExecutionMode::Immediate:
        return tr("Run immediately");
    case ExecutionMode::Queued:
        return tr("Run later in the queue");
    case ExecutionMode::FirstImmediate:
        return tr("First item immediately, the rest in the queue");
    }
    return {};
}

QString WebhookTableModel::stateText(HookState state)
{
    switch (state) {
    case HookState::InSync:
        return tr("In sync");
    case HookState::Missing:
        return tr("Missing");
    case HookState::Outdated:
        return tr("Outdated");
    case HookState::Disabled:
        return tr("Disabled");
    case HookState::NotNeeded:
        return tr("Not needed");
    case HookState::Foreign:
        return tr("Foreign");
    }
    return {};
}

QString WebhookTableModel::actionText(const QString &action, bool mandatory)
{
    return mandatory ? tr("%1 · mandatory").arg(action) : action;
}

QString WebhookTableModel::displayUrl(const QString &url)
{
    QUrl parsed(url);
    QUrlQuery query(parsed);
    const QString key = QString::fromLatin1(HookUrl::secretParameter);
    if (!query.hasQueryItem(key))
        return HookUrl::mask(url);
    // Nothing of the key in the cell (a screenshot of the table gives nothing away); the tooltip's masked form
    // (HookUrl::mask) keeps its first characters, enough to tell two strings apart.
    query.removeAllQueryItems(key);
    query.addQueryItem(key, QStringLiteral("…"));
    parsed.setQuery(query);
    return parsed.toString(QUrl::PrettyDecoded);
}

int WebhookTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.rows().size());
}

int WebhookTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool WebhookTableModel::isCheckable(const HookPlanRow &row) const
{
    // Only an existing hook of ours can be updated; a missing one is created by Apply anyway.
    return row.ours() && row.existing && m_plan.isOwn(*row.existing);
}

QVariant WebhookTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const HookPlanRow &row = m_plan.rows().at(index.row());
    const int column = index.column();

    switch (role) {
    case StateRole:
        return int(row.state);
    case OursRole:
        return row.ours();
    case HookIdRole:
        return row.existing ? row.existing->id : QString();
    case KeyRole:
        return row.key();
    case ModeRole:
        return executionModeName(m_settings->executionMode(row.entityType, row.action));
    case MandatoryRole:
        return row.mandatory;
    case Qt::FontRole:
        if (column == ActionColumn && row.mandatory) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::ForegroundRole:
        if (!row.ours())
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (column == StateColumn) {
            switch (row.state) {
            case HookState::InSync:
                return QColor(0x1b, 0x7f, 0x3b);
            case HookState::Missing:
            case HookState::Outdated:
            case HookState::Disabled:
                return QColor(0xb3, 0x4d, 0x00);
            default:
                break;
            }
        }
        return {};
    case Qt::CheckStateRole:
        if (column == UpdateColumn && (isCheckable(row) || !row.ours()))
            return row.existing && m_checked.contains(row.existing->id) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::EditRole:
        if (column == ModeColumn)
            return executionModeName(m_settings->executionMode(row.entityType, row.action));
        if (column == ActionColumn)
            return row.action; // the event alone, without the badge
        break;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case EntityColumn:
        return row.entityType;
    case ActionColumn:
        return actionText(row.action, row.mandatory);
    case UrlColumn:
        return displayUrl(row.url());
    case EnabledColumn:
        if (!row.existing)
            return tr("—");
        return row.existing->enabled ? tr("Yes") : tr("No");
    case OwnerColumn:
        return row.ours() ? tr("Ours") : tr("Other application");
    case StateColumn:
        return stateText(row.state);
    case ModeColumn:
        return row.ours() ? modeText(m_settings->executionMode(row.entityType, row.action)) : QString();
    default:
        return {};
    }
}

QVariant WebhookTableModel::toolTip(const HookPlanRow &row, int column) const
{
    if (!row.ours()) {
        const QString why = row.existing && row.existing->createdByApplication()
                                ? tr("Created by another application (%1). SkladHook shows it and never changes it.")
                                      .arg(row.existing->authorApplication.toString())
                                : tr("Points to another site or application. SkladHook shows it and never changes it.");
        // The cell may be cut: the tooltip carries the whole URL.
        return column == UrlColumn ? QString(HookUrl::mask(row.url()) + QLatin1Char('\n') + why) : why;
    }
    const QString mandatory =
        row.mandatory ? tr("Mandatory: this hook passes the changes of orders from MoySklad to the site; the module "
                           "needs it from the first setup.")
                      : QString();
    const auto withMandatory = [&mandatory](const QString &text) {
        return mandatory.isEmpty() ? text : text + QLatin1Char('\n') + mandatory;
    };
    switch (column) {
    case EntityColumn:
    case ActionColumn:
        if (!mandatory.isEmpty())
            return mandatory;
        break;
    case UrlColumn:
        if (row.state == HookState::Outdated)
            return QString(tr("Now: %1").arg(HookUrl::mask(row.url())) + QLatin1Char('\n') +
                           tr("Will become: %1").arg(HookUrl::mask(row.desiredUrl)));
        return HookUrl::mask(row.url());
    case StateColumn:
        return withMandatory(stateToolTip(row.state));
    case UpdateColumn:
        if (!row.existing)
            return tr("Apply creates this hook.");
        return tr("Tick to rewrite this hook with the current URL and verification string on Apply.");
    default:
        break;
    }
    return {};
}

QString WebhookTableModel::stateToolTip(HookState state)
{
    switch (state) {
    case HookState::InSync:
        return tr("The hook is installed and up to date.");
    case HookState::Missing:
        return tr("Not installed yet: Apply or Install missing hooks creates it.");
    case HookState::Outdated:
        return tr("The site URL or the verification string changed: tick Update (or Tick all outdated) and click "
                  "Apply.");
    case HookState::Disabled:
        return tr("MoySklad disabled this hook (it failed too often): Apply enables it again.");
    case HookState::NotNeeded:
        return tr("Ours, but the exchange settings no longer need it.");
    case HookState::Foreign:
        break;
    }
    return {};
}

QVariant WebhookTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == ModeColumn)
        return tr("How the events of this hook are processed");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EntityColumn:
        return tr("Entity");
    case ActionColumn:
        return tr("Action");
    case UrlColumn:
        return tr("URL");
    case EnabledColumn:
        return tr("Enabled");
    case OwnerColumn:
        return tr("Owner");
    case StateColumn:
        return tr("State");
    case ModeColumn:
        return tr("Execution mode");
    case UpdateColumn:
        return tr("Update");
    default:
        return {};
    }
}

Qt::ItemFlags WebhookTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const HookPlanRow &row = m_plan.rows().at(index.row());
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() == ModeColumn && row.ours())
        flags |= Qt::ItemIsEditable;
    if (index.column() == UpdateColumn) {
        if (isCheckable(row))
            flags |= Qt::ItemIsUserCheckable;
        else if (!row.ours())
            flags &= ~Qt::ItemIsEnabled; // shown unticked and greyed: never written
    }
    return flags;
}

bool WebhookTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const HookPlanRow &row = m_plan.rows().at(index.row());
    if (index.column() == UpdateColumn && role == Qt::CheckStateRole) {
        if (!isCheckable(row))
            return false;
        const bool checked = value.value<Qt::CheckState>() == Qt::Checked;
        if (checked == m_checked.contains(row.existing->id))
            return true;
        if (checked)
            m_checked.insert(row.existing->id);
        else
            m_checked.remove(row.existing->id);
        Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
        Q_EMIT checksChanged();
        return true;
    }
    if (index.column() == ModeColumn && (role == Qt::EditRole || role == ModeRole)) {
        if (!row.ours())
            return false;
        const auto mode = parseExecutionMode(value.toString());
        if (!mode)
            return false;
        if (*mode == m_settings->executionMode(row.entityType, row.action))
            return true;
        m_settings->setExecutionMode(row.entityType, row.action, *mode);
        // Duplicates of the same entity + action share the mode: refresh every such row.
        for (int r = 0; r < rowCount(); ++r) {
            const HookPlanRow &other = m_plan.rows().at(r);
            if (other.entityType == row.entityType && other.action == row.action)
                Q_EMIT dataChanged(this->index(r, ModeColumn), this->index(r, ModeColumn));
        }
        return true;
    }
    return false;
}
