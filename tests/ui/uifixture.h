// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs.h"
#include "fakemoysklad.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "settings/memorysecretstore.h"
#include "settings/settings.h"
#include "workspace/workspace.h"

#include <QHash>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A data directory and its Workspace (an in-memory store standing for the keychain), the fake MoySklad server seeded
// with the module's hooks and other applications' hooks, and the real MainWindow pointed at it.
class UiFixture
{
public:
    static inline const QString siteUrl = QStringLiteral("https://shop.example.com/skladhook/");
    static inline const QString secret = QStringLiteral("Vq3pL9xR2mT7wK4sN8bZ1cF6hJ0dG5yA-u_eXiOoPlM");

    UiFixture();
    ~UiFixture();
    UiFixture(const UiFixture &) = delete;
    UiFixture &operator=(const UiFixture &) = delete;

    // Full payments and shipments, order import on: the catalog is the 10 hooks.
    bool startFake();
    // Every catalog hook of ours except `except` (keys like "demand/UPDATE"); returns the seeded hooks.
    QList<Webhook> seedOurHooks(const QStringList &except = {});
    // Three foreign hooks: another application's, one on a host that merely starts with ours, another site's.
    QList<Webhook> seedForeignHooks();

    MainWindow *createWindow();
    // Waits until no network operation runs.
    bool waitIdle(int timeoutMs = 20000) const;
    // Requests that change something (anything but GET).
    QList<FakeMoySklad::Request> writes() const;

    QTemporaryDir dir;
    std::unique_ptr<QSettings> ini; // the settings file as another reader sees it
    std::unique_ptr<Workspace> workspace;
    Settings *settings = nullptr;         // the workspace's
    MemorySecretStore *secrets = nullptr; // the workspace's keychain
    Dialogs dialogs;
    LanguageManager language;
    FakeMoySklad fake;
    std::unique_ptr<MainWindow> window;
};

// The letter a text's '&' marks, in lower case, or a null QChar.
QChar mnemonicOf(const QString &text);
// What is wrong with the mnemonics under `parent`, a line each (none: empty): a button with a text, or a label with a
// buddy, that has no mnemonic, or one that an earlier text or `used` (letter → the text that took it) took already.
QStringList mnemonicProblems(const QWidget *parent, QHash<QChar, QString> used = {});

// The first child of `parent` with this objectName and type, or nullptr.
template<typename T>
T *findWidget(QObject *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}
