// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

// Why a secret could not be read or written. Never "nothing saved": that is a successful read of nullopt.
struct SecretError final
{
    enum class Kind {
        Unavailable, // no keychain service on this desktop (no D-Bus session, no Secret Service)
        Locked,      // the keychain is there but locked or refused access
        Denied,      // the user refused access
        Other,
    };
    Kind kind = Kind::Other;
    QString detail; // the keychain's own text

    // What happened and what to do, for people.
    QString toString() const;
};

// Where the API token and the verification string live. Asynchronous, like the keychain behind it;
// callbacks run on this object's thread.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~SecretStore() override = default;

    template<typename T>
    using Callback = std::function<void(Result<T, SecretError>)>;

    // nullopt when nothing is saved under `key`.
    virtual void read(const QString &key, Callback<std::optional<QString>> done) = 0;
    virtual void write(const QString &key, const QString &value, Callback<Done> done) = 0;
    virtual void remove(const QString &key, Callback<Done> done) = 0;
    // Where secrets are kept, for messages: a fragment marked in the "LogMessage" context ("the OS keychain"), in
    // English, so that a log row naming it shows it in the reader's language (LogText::translated).
    virtual QString description() const = 0;
    // The same in the language of the moment, for what is said at once (the CLI's messages).
    QString shownDescription() const;
};

// The names secrets are saved under.
namespace SecretKey {
inline const QString apiToken = QStringLiteral("api.token");
inline const QString siteSecret = QStringLiteral("site.secret");
// The verification string being replaced, as "<ISO time the overlap ends>|<string>": accepted until then, or until
// every hook of ours carries the new one.
inline const QString previousSiteSecret = QStringLiteral("site.secret.previous");
// The password of a PostgreSQL store (store.url) on this machine, when neither the URL nor PGPASSWORD gives one.
inline const QString storePassword = QStringLiteral("store.password");
} // namespace SecretKey
