// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "hooks/executionmode.h"
#include "hooks/hookcatalog.h"
#include "settings/settingkey.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class Clock;
class QSettings;
class SettingsBackend;

// Why a value was refused: names the key and what it accepts.
struct SettingError final
{
    QString message;
};

// What a key accepts, as an editor needs to know it: a whole number in a range, one of a few words, or (neither set)
// free text that only validate can judge. Built by the same helper that builds validate, so the two cannot differ.
struct SettingRule final
{
    std::function<Result<QString, SettingError>(const QString &)> validate;
    std::optional<std::pair<int, int>> range; // minimum, maximum (both allowed)
    QStringList choices;                      // the canonical words, in display order
};

// A site URL being replaced: the receiver still accepts deliveries below the previous site's path until `ends`, or
// until a listing shows every hook of ours pointing at the new URL (MoySklad delivers to the old path until then).
struct SiteMove final
{
    QUrl from;
    QDateTime ends; // UTC
};

// SkladHook's plain settings: one table of keys with defaults and validation, over a QSettings (an INI file in
// the data directory). Secrets (api token, site.secret) are not here: they live in a SecretStore.
class Settings final : public QObject
{
    Q_OBJECT

public:
    struct Key
    {
        SettingKey id;
        SettingScope scope;
        QString name;
        QString defaultValue;
        QString description; // English, marked QT_TRANSLATE_NOOP("Settings"): describe() translates it
        SettingRule rule;
        // The canonical value, or an error that names the key and what it accepts.
        Result<QString, SettingError> validate(const QString &value) const { return rule.validate(value); }
    };

    // The keys `config get/set/list` know, in display order.
    static const QList<Key> &keys();
    static const Key *findKey(const QString &name); // a name typed by a person or a script
    static const Key &key(SettingKey id);
    static QString nameOf(SettingKey id) { return key(id).name; }
    // The key's description in the application's language (the tooltip of its editor).
    static QString describe(SettingKey id);
    static QString fileIn(const QString &dataDir); // <dataDir>/settings.ini

    explicit Settings(QSettings *store, QObject *parent = nullptr);
    ~Settings() override;
    // From now on the account-wide settings live in `shared` (the PostgreSQL store's table), not in the file. An
    // empty `shared` gets this file's account values first: the first machine on a new store brings its settings.
    Result<Done, QString> shareAccountSettings(std::unique_ptr<SettingsBackend> shared);
    bool sharesAccountSettings() const { return m_shared != nullptr; }
    // The time a site move starts and ends by (the system clock unless set; tests move time).
    void setClock(const Clock *clock);

    QString value(SettingKey key) const; // the stored value or the key's default
    bool isSet(SettingKey key) const;
    Result<Done, QString> set(SettingKey key, const QString &value); // validated; emits changed()
    // `value` as set() would take it (normalised), or why not, with the values in `pending` taken as stored: a form
    // that saves several keys at once checks each against the others (receiver.listen against
    // receiver.allowExternal) before it saves any.
    Result<QString, SettingError> check(SettingKey key, const QString &value,
                                        const QHash<SettingKey, QString> &pending) const;
    // Values in the file (edited by hand) that `config set` would refuse, each with the default used instead.
    QStringList problems() const;
    // The same by name (`config set`): an unknown name is refused with a clear message.
    Result<Done, QString> set(const QString &name, const QString &value);
    void reset(SettingKey key);

    // Re-reads the file (and the shared account settings), which another process (the CLI beside a running service, or
    // the GUI) may have changed, and emits changed() / executionModeChanged() for every value that differs from what
    // this object had.
    void reload();

    // Typed views.
    QUrl apiUrl() const;
    QString siteUrl() const;
    // The current site URL first, then the ones used before: hooks under them are ours.
    QList<QUrl> ownSites() const;
    // The move from the previous site URL while it lasts. A new site.url starts one (site.secretOverlapHours long,
    // none when 0); setting it again while one lasts keeps the older origin, which is where the hooks still point.
    std::optional<SiteMove> siteMove() const;
    // The previous path is refused from now on (the hooks point at the new URL, or the time is up).
    void endSiteMove();
    ExchangeSettings exchange() const;
    QString receiverListen() const;
    bool receiverAllowExternal() const;
    int receiverMaxConnectionsPerAddress() const; // 0: no limit
    int workerIntervalSeconds() const;
    int workerMaxAttempts() const;
    int retentionDays() const;
    bool secretsInFile() const;
    QString language() const; // "system" | "ru" | "en"
    bool queuePaused() const;
    int syncIntervalSeconds() const; // 0: no periodic catch-up
    QString storeUrl() const;        // empty: skladhook.db in the data directory

    ExecutionMode executionMode(const QString &entityType, const QString &action) const;
    void setExecutionMode(const QString &entityType, const QString &action, ExecutionMode mode);

    // Free-form state of the GUI (geometry, header state, last tab): not validated, not listed.
    QVariant uiState(const QString &name) const;
    void setUiState(const QString &name, const QVariant &value);

    QSettings *store() const { return m_store; }

Q_SIGNALS:
    void changed(SettingKey key);
    void executionModeChanged(const QString &entityType, const QString &action);
    // A site move started or ended, here or (after reload()) in another process.
    void siteMoveChanged();

private:
    // Every validated value and execution mode as this object last saw them, for reload()'s comparison.
    QHash<QString, QString> snapshot() const;
    // `value` as `config set` would take it (normalised), or why not.
    Result<QString, SettingError> check(SettingKey id, const QString &value) const;
    // The same with receiver.allowExternal's value given ("on" or "off"): the one rule that spans two keys.
    Result<QString, SettingError> checkAgainst(SettingKey id, const QString &value, const QString &allowExternal) const;
    // What a change of site.url from `old` to `now` does to the move (written with the new URL, in one sync).
    void recordSiteMove(const QString &old, const QString &now);

    // Where a key's value is kept: the file, or the shared store for the account's own.
    SettingsBackend &backendOf(SettingKey id) const;

    const Clock *m_clock = nullptr;
    QSettings *m_store = nullptr;
    std::unique_ptr<SettingsBackend> m_file;
    std::unique_ptr<SettingsBackend> m_shared; // set by shareAccountSettings()
    SettingsBackend *m_account = nullptr;      // m_file, or m_shared once set
    QHash<QString, QString> m_seen;
};
