// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "settings/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const QStringList onOff{QStringLiteral("on"), QStringLiteral("off")};

bool isSwitch(SettingKey key)
{
    return Settings::key(key).rule.choices == onOff;
}

// Descriptions are written for `config list` (lower case, no full stop); a tooltip is a sentence.
QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

// Within a section, the order a reader needs (what is checked, then what follows from it); keys not listed follow
// in the table's order.
qsizetype rank(SettingKey key)
{
    static const QList<SettingKey> order{SettingKey::HooksCheckInterval, SettingKey::HooksAutoRepair,
                                         SettingKey::SiteSecretOverlapHours, SettingKey::UiLanguage,
                                         SettingKey::UiCloseToTray};
    const qsizetype at = order.indexOf(key);
    return at < 0 ? order.size() : at;
}

} // namespace

std::optional<SettingsDialog::Section> SettingsDialog::sectionOf(SettingKey key)
{
    switch (key) {
    case SettingKey::ReceiverListen:
    case SettingKey::ReceiverAllowExternal:
    case SettingKey::ReceiverMaxConnectionsPerAddress:
        return Section::Receiver;
    case SettingKey::WorkerInterval:
    case SettingKey::WorkerMaxAttempts:
    case SettingKey::SyncInterval:
        return Section::Processing;
    case SettingKey::HooksCheckInterval:
    case SettingKey::HooksAutoRepair:
    case SettingKey::SiteSecretOverlapHours:
        return Section::WebhooksHealth;
    // Also on the Connection tab; here too, so that the desktop's settings are all in Settings.
    case SettingKey::UiLanguage:
    case SettingKey::UiCloseToTray:
        return Section::Desktop;
    case SettingKey::RetentionDays:
    case SettingKey::StoreUrl:
        return Section::Storage;
    // The Connection tab edits these beside the secrets and the hooks they change (and asks before secrets go to
    // the file); the queue panel pauses and resumes processing, which it logs as an action.
    case SettingKey::ApiUrl:
    case SettingKey::SiteUrl:
    case SettingKey::ExchangePayments:
    case SettingKey::ExchangeShipments:
    case SettingKey::ImportOrders:
    case SettingKey::SecretsStore:
    case SettingKey::QueuePaused:
        return std::nullopt;
    }
    return std::nullopt;
}

SettingsDialog::SettingsDialog(Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_scroll(new QScrollArea(this))
    , m_saveError(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply |
                                         QDialogButtonBox::RestoreDefaults,
                                     this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("applyButton"));
    m_buttons->button(QDialogButtonBox::RestoreDefaults)->setObjectName(QStringLiteral("restoreDefaultsButton"));
    m_saveError->setObjectName(QStringLiteral("saveError"));
    m_saveError->setWordWrap(true);
    m_saveError->hide();

    // The form scrolls rather than squeezes when the screen is small or a few fields explain a refusal.
    auto *form = new QWidget;
    form->setObjectName(QStringLiteral("settingsForm"));
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0); // the dialog's own margins are around the scroll area
    for (const Section section :
         {Section::Receiver, Section::Processing, Section::WebhooksHealth, Section::Desktop, Section::Storage}) {
        auto *group = new QGroupBox(form);
        group->setObjectName(QStringLiteral("section%1").arg(int(section)));
        auto *layout = new QFormLayout(group);
        layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        m_groups.insert(section, group);
        formLayout->addWidget(group);
        QList<SettingKey> keys;
        for (const Settings::Key &key : Settings::keys()) {
            if (sectionOf(key.id) == section)
                keys.append(key.id);
        }
        std::stable_sort(keys.begin(), keys.end(), [](SettingKey a, SettingKey b) { return rank(a) < rank(b); });
        for (const SettingKey key : keys)
            addField(key, group);
    }
    formLayout->addStretch(1);
    m_scroll->setObjectName(QStringLiteral("settingsScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(form);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_saveError);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);
    // Changed by another process (or the Connection tab) while open: fields not touched here follow.
    connect(m_settings, &Settings::changed, this, &SettingsDialog::onSettingChanged);

    retranslateUi();
    showStored();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addField(SettingKey key, QGroupBox *group)
{
    const SettingRule &rule = Settings::key(key).rule;
    const QString name = Settings::nameOf(key);
    Field field{key, nullptr, nullptr, new QLabel(group)};
    if (isSwitch(key)) {
        auto *check = new QCheckBox(group);
        connect(check, &QCheckBox::toggled, this, &SettingsDialog::validate);
        field.editor = check;
    } else if (!rule.choices.isEmpty()) {
        auto *combo = new QComboBox(group);
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsDialog::validate);
        field.editor = combo;
    } else if (rule.range) {
        auto *spin = new QSpinBox(group);
        spin->setRange(rule.range->first, rule.range->second);
        spin->setAlignment(Qt::AlignRight);
        // The spin box announces numbers within its range only; its line shows what is typed, out of range too.
        connect(spin->findChild<QLineEdit *>(), &QLineEdit::textChanged, this, &SettingsDialog::validate);
        // The unit follows the number ("1 hour", "2 hours"): the suffix is set again on every change.
        connect(spin, &QSpinBox::valueChanged, this, [this, key] { retranslateField(*this->field(key)); });
        field.editor = spin;
    } else {
        auto *line = new QLineEdit(group);
        connect(line, &QLineEdit::textChanged, this, &SettingsDialog::validate);
        field.editor = line;
    }
    field.editor->setObjectName(name);
    field.error->setObjectName(name + QStringLiteral("/error"));
    field.error->setWordWrap(true);
    field.error->setStyleSheet(QStringLiteral("color: #c62828;"));
    field.error->hide();

    // The editor with its message under it, in the field column.
    auto *cell = new QWidget(group);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(field.editor);
    cellLayout->addWidget(field.error);
    if (!isSwitch(key)) {
        field.label = new QLabel(group);
        field.label->setObjectName(name + QStringLiteral("/label"));
        field.label->setBuddy(field.editor);
    }
    static_cast<QFormLayout *>(group->layout())->addRow(field.label, cell);
    m_fields.append(field);
}

const SettingsDialog::Field *SettingsDialog::field(SettingKey key) const
{
    for (const Field &field : m_fields) {
        if (field.key == key)
            return &field;
    }
    return nullptr;
}

QWidget *SettingsDialog::editor(SettingKey key) const
{
    const Field *found = field(key);
    return found ? found->editor : nullptr;
}

QString SettingsDialog::problem(SettingKey key) const
{
    const Field *found = field(key);
    return found && !found->error->isHidden() ? found->error->text() : QString();
}

QString SettingsDialog::formValue(const Field &field) const
{
    if (auto *check = qobject_cast<QCheckBox *>(field.editor))
        return check->isChecked() ? QStringLiteral("on") : QStringLiteral("off");
    if (auto *combo = qobject_cast<QComboBox *>(field.editor))
        return combo->currentData().toString();
    if (auto *spin = qobject_cast<QSpinBox *>(field.editor)) {
        // A number out of range is still being typed: the text is what Settings judges, not the last valid value.
        return spin->hasAcceptableInput() ? QString::number(spin->value()) : spin->cleanText();
    }
    return static_cast<QLineEdit *>(field.editor)->text().trimmed();
}

void SettingsDialog::setFormValue(const Field &field, const QString &value)
{
    if (auto *check = qobject_cast<QCheckBox *>(field.editor))
        check->setChecked(value == QLatin1String("on"));
    else if (auto *combo = qobject_cast<QComboBox *>(field.editor))
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
    else if (auto *spin = qobject_cast<QSpinBox *>(field.editor))
        spin->setValue(value.toInt());
    else
        static_cast<QLineEdit *>(field.editor)->setText(value);
}

QHash<SettingKey, QString> SettingsDialog::formValues() const
{
    QHash<SettingKey, QString> values;
    for (const Field &field : m_fields)
        values.insert(field.key, formValue(field));
    return values;
}

bool SettingsDialog::validate()
{
    const QHash<SettingKey, QString> values = formValues();
    bool valid = true;
    bool changed = false;
    for (const Field &field : m_fields) {
        const auto checked = m_settings->check(field.key, values.value(field.key), values);
        field.error->setText(checked.ok() ? QString() : checked.error().message);
        field.error->setVisible(!checked.ok());
        valid = valid && checked.ok();
        changed = changed || !checked.ok() || checked.value() != m_settings->value(field.key);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(valid && changed);
    return valid;
}

bool SettingsDialog::apply()
{
    if (!validate())
        return false;
    const QHash<SettingKey, QString> values = formValues();
    // receiver.allowExternal is saved before an outside address is, and taken back after a loopback one is:
    // Settings refuses the address otherwise.
    QList<SettingKey> order;
    for (const Field &field : m_fields) {
        if (field.key != SettingKey::ReceiverAllowExternal)
            order.append(field.key);
    }
    if (field(SettingKey::ReceiverAllowExternal)) {
        if (values.value(SettingKey::ReceiverAllowExternal) == QLatin1String("on"))
            order.prepend(SettingKey::ReceiverAllowExternal);
        else
            order.append(SettingKey::ReceiverAllowExternal);
    }
    QStringList failures;
    for (const SettingKey key : order) {
        const auto canonical = m_settings->check(key, values.value(key), values);
        if (canonical.ok() && canonical.value() == m_settings->value(key))
            continue;
        const auto saved = m_settings->set(key, values.value(key));
        if (!saved.ok())
            failures.append(saved.error());
    }
    m_saveError->setText(failures.join(QLatin1Char('\n')));
    m_saveError->setVisible(!failures.isEmpty());
    showStored();
    return failures.isEmpty();
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

void SettingsDialog::restoreDefaults()
{
    for (const Field &field : m_fields)
        setFormValue(field, Settings::key(field.key).defaultValue);
    validate();
}

void SettingsDialog::showStored()
{
    for (const Field &field : m_fields) {
        const QString stored = m_settings->value(field.key);
        setFormValue(field, stored);
        m_shown.insert(field.key, stored);
    }
    validate();
}

void SettingsDialog::onSettingChanged(SettingKey key)
{
    const Field *changed = field(key);
    if (!changed || formValue(*changed) != m_shown.value(key))
        return; // not shown here, or being edited: what the user typed wins until saved or cancelled
    const QString stored = m_settings->value(key);
    setFormValue(*changed, stored);
    m_shown.insert(key, stored);
    validate();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        validate(); // Settings' messages come in the new language
        fitForm();
    }
    QDialog::changeEvent(event);
}

void SettingsDialog::fillChoices(const Field &field)
{
    auto *combo = qobject_cast<QComboBox *>(field.editor);
    if (!combo)
        return;
    QList<std::pair<QString, QString>> items;
    for (const QString &choice : Settings::key(field.key).rule.choices) {
        QString text = choice;
        if (field.key == SettingKey::UiLanguage) {
            // Each language in its own name, so that anyone finds theirs.
            if (choice == QLatin1String("system"))
                text = tr("System language");
            else if (choice == QLatin1String("en"))
                text = QStringLiteral("English");
            else if (choice == QLatin1String("ru"))
                text = QStringLiteral("Русский");
        } else if (field.key == SettingKey::UiCloseToTray) {
            if (choice == QLatin1String("ask"))
                text = tr("Ask");
            else if (choice == QLatin1String("on"))
                text = tr("Keep receiving in the tray");
            else if (choice == QLatin1String("off"))
                text = tr("Quit");
        }
        items.append({text, choice});
    }
    const QSignalBlocker blocker(combo);
    const QString current = combo->currentData().toString();
    combo->clear();
    for (const auto &[text, data] : items)
        combo->addItem(text, data);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_groups.value(Section::Receiver)->setTitle(tr("Receiver"));
    m_groups.value(Section::Processing)->setTitle(tr("Processing"));
    m_groups.value(Section::WebhooksHealth)->setTitle(tr("Webhooks health"));
    m_groups.value(Section::Desktop)->setTitle(tr("Desktop"));
    m_groups.value(Section::Storage)->setTitle(tr("Storage"));
    for (const Field &field : m_fields)
        retranslateField(field);
    if (auto *line = qobject_cast<QLineEdit *>(editor(SettingKey::ReceiverListen)))
        line->setPlaceholderText(Settings::key(SettingKey::ReceiverListen).defaultValue);
}

void SettingsDialog::fitForm()
{
    // The whole form without a scroll bar (the labels' length depends on the language, their size on the style,
    // known once polished); a form taller than fits in 1024×700 scrolls instead of squeezing its fields.
    const QSize form = m_scroll->widget()->sizeHint();
    const int height = std::min(form.height(), 620);
    const int bar = form.height() > height ? m_scroll->verticalScrollBar()->sizeHint().width() : 0;
    m_scroll->setMinimumSize(std::min(form.width() + bar, 900), height);
}

void SettingsDialog::showEvent(QShowEvent *event)
{
    fitForm();
    QDialog::showEvent(event);
}

void SettingsDialog::retranslateField(const Field &field)
{
    auto *spin = qobject_cast<QSpinBox *>(field.editor);
    const int n = spin ? spin->value() : 0;
    QString text;
    QString suffix;
    QString special;
    switch (field.key) {
    case SettingKey::ReceiverListen:
        text = tr("&Listen on (address:port):");
        break;
    case SettingKey::ReceiverAllowExternal:
        text = tr("Allow connections from other &machines");
        break;
    case SettingKey::ReceiverMaxConnectionsPerAddress:
        text = tr("Connections from one a&ddress at once:");
        special = tr("No limit");
        break;
    case SettingKey::WorkerInterval:
        text = tr("Process the queue &every:");
        suffix = tr(" second(s)", "after a number", n);
        break;
    case SettingKey::WorkerMaxAttempts:
        text = tr("A&ttempts before a task is dead:");
        break;
    case SettingKey::SyncInterval:
        text = tr("Catch-&up sync every:");
        suffix = tr(" second(s)", "after a number", n);
        special = tr("Only at start and on demand");
        break;
    case SettingKey::HooksCheckInterval:
        text = tr("C&heck the hooks every:");
        suffix = tr(" second(s)", "after a number", n);
        break;
    case SettingKey::HooksAutoRepair:
        text = tr("&Repair hooks found disabled or removed");
        break;
    case SettingKey::SiteSecretOverlapHours:
        text = tr("Accept the &previous verification string for:");
        suffix = tr(" hour(s)", "after a number", n);
        special = tr("Not at all");
        break;
    case SettingKey::UiLanguage:
        text = tr("La&nguage:");
        break;
    case SettingKey::UiCloseToTray:
        text = tr("When the &window is closed:");
        break;
    case SettingKey::RetentionDays:
        text = tr("&Keep done tasks and log rows for:");
        suffix = tr(" day(s)", "after a number", n);
        break;
    case SettingKey::StoreUrl:
        text = tr("Shared &store (PostgreSQL):");
        break;
    default: // not shown here (sectionOf)
        break;
    }
    if (field.label)
        field.label->setText(text);
    else if (auto *check = qobject_cast<QCheckBox *>(field.editor))
        check->setText(text);
    if (spin) {
        spin->setSuffix(suffix);
        // The range's lowest value has a meaning of its own only where it is 0 ("no limit", "off").
        spin->setSpecialValueText(Settings::key(field.key).rule.range->first == 0 ? special : QString());
    }
    const QString tip =
        sentence(Settings::describe(field.key)) + QStringLiteral(" (") + Settings::nameOf(field.key) + QLatin1Char(')');
    field.editor->setToolTip(tip);
    if (field.label)
        field.label->setToolTip(tip);
    fillChoices(field);
}
