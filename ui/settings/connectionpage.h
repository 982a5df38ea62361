// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/settingkey.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ConnectionPage;
}
class QComboBox;
class QLabel;
class Settings;

// Connection and exchange settings. Plain settings are written to Settings as soon as a field is finished
// (validated there); secrets go out as signals, to be saved in the secret store by the controller. The form sits in a
// scroll area, so that a small window scrolls it instead of squeezing its fields.
class ConnectionPage final : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionPage(Settings *settings, QWidget *parent = nullptr);
    ~ConnectionPage() override;

    // Shown values, without emitting the *Edited signals.
    void setToken(const QString &token);
    void setSiteSecret(const QString &secret);
    // Where the secrets are kept: a new store (setSecretsInFile) is taken as working until it fails.
    void setSecretsInFile(bool inFile);
    void setSecretStoreFailed();
    // Network buttons are disabled while an operation runs.
    void setBusy(bool busy);
    void reloadSettings();

Q_SIGNALS:
    void tokenEdited(const QString &token);
    void siteSecretEdited(const QString &secret);
    void generateSecretRequested();
    void obtainTokenRequested(const QString &login, const QString &password);
    void checkConnectionRequested();
    void cancelRequested(); // stop waiting for the network operation under way
    // The user ticked or unticked the opt-in; the box is set back until the choice is confirmed.
    void secretsInFileRequested(bool inFile);
    void settingRejected(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillCombos();
    void store(SettingKey key, const QString &value);
    void onSiteUrlFinished();
    void onApiUrlFinished();

    Settings *m_settings = nullptr;
    std::unique_ptr<Ui::ConnectionPage> m_ui;
    QWidget *m_form = nullptr; // the Designer form, inside the scroll area
    QLabel *m_closeLabel = nullptr;
    QComboBox *m_closeCombo = nullptr; // ui.closeToTray
    bool m_secretStoreFailed = false;  // the store reported an error: the secrets live in this session only
};
