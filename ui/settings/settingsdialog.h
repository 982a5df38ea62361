// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/settingkey.h"

#include <QDialog>
#include <QHash>
#include <QList>

#include <optional>

class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QScrollArea;
class Settings;

// The settings that have no editor elsewhere in the window (receiver, processing, hook health, storage) and the
// desktop's own, each with the editor its rule calls for: a spin box over the key's range, a check box for on/off, a
// list for the other choices, a line for an address. What a key accepts comes from Settings (the same check as
// `skladhook-cli config set`); OK and Apply save through Settings::set, which a running service follows. Nothing is
// saved while a field is invalid, and the field says why. Secrets, the exchange and the queue's pause live elsewhere.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Section { Receiver, Processing, WebhooksHealth, Desktop, Storage };

    explicit SettingsDialog(Settings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Where the dialog shows a key, or nothing for the keys edited elsewhere (the Connection tab: API and site URLs,
    // exchange, secrets store; the queue panel: the pause). Exhaustive: a new key does not compile without a choice.
    static std::optional<Section> sectionOf(SettingKey key);
    // The editor of a key (a QSpinBox, QCheckBox, QComboBox or QLineEdit named after the key), null when not here.
    QWidget *editor(SettingKey key) const;
    // The message shown beside a key's editor; empty while its value is valid.
    QString problem(SettingKey key) const;
    // Saves every field that differs from what is stored, or nothing while a field is invalid. True when saved.
    bool apply();
    // The form shows every key's default (saved by OK or Apply).
    void restoreDefaults();

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Field
    {
        SettingKey key;
        QLabel *label = nullptr; // null for a check box, which carries its own text
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
    };

    void addField(SettingKey key, QGroupBox *group);
    void retranslateUi();
    void fitForm();
    // A field's label, tooltip, choices and unit (which follows the number: "1 hour", "2 hours").
    void retranslateField(const Field &field);
    void fillChoices(const Field &field);
    QString formValue(const Field &field) const;
    void setFormValue(const Field &field, const QString &value);
    QHash<SettingKey, QString> formValues() const;
    // Checks every field against the others (as they would be stored), shows why a value is refused, and enables
    // OK and Apply accordingly. True when every field is valid.
    bool validate();
    void showStored();
    void onSettingChanged(SettingKey key);
    const Field *field(SettingKey key) const;

    Settings *m_settings = nullptr;
    QList<Field> m_fields;
    QHash<Section, QGroupBox *> m_groups;
    QHash<SettingKey, QString> m_shown; // the stored values as the form last showed them
    QScrollArea *m_scroll = nullptr;
    QLabel *m_saveError = nullptr; // the settings file could not be written
    QDialogButtonBox *m_buttons = nullptr;
};
