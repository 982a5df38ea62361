// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include "common/clock.h"
#include "hooks/hookurl.h"
#include "inisettingsbackend.h"
#include "moysklad/moyskladclient.h"
#include "store/storeurl.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QSettings>

#include <limits>
#include <utility>

namespace {

const QString previousSitesKey = QStringLiteral("site/previousUrls");
// "<end, ISO 8601 UTC>|<previous site URL>": the move in progress (see SiteMove).
const QString siteMoveKey = QStringLiteral("site/move");
const QString modesGroup = QStringLiteral("modes");
const QString uiGroup = QStringLiteral("ui-state");

// INI groups from dotted names: "exchange.payments" → "exchange/payments".
QString storageName(const QString &key)
{
    QString name = key;
    return name.replace(QLatin1Char('.'), QLatin1Char('/'));
}

SettingRule oneOf(const QString &key, const QStringList &allowed)
{
    SettingRule rule;
    rule.choices = allowed;
    rule.validate = [key, allowed](const QString &value) -> Result<QString, SettingError> {
        const QString v = value.trimmed().toLower();
        if (allowed.contains(v))
            return v;
        return SettingError{QCoreApplication::translate("Settings", "%1 must be one of: %2 (got '%3')")
                                .arg(key, allowed.join(QStringLiteral(", ")), value)};
    };
    return rule;
}

SettingRule integer(const QString &key, int min, int max)
{
    SettingRule rule;
    rule.range = std::pair{min, max};
    rule.validate = [key, min, max](const QString &value) -> Result<QString, SettingError> {
        bool ok = false;
        const int n = value.trimmed().toInt(&ok);
        if (ok && n >= min && n <= max)
            return QString::number(n);
        return SettingError{
            QCoreApplication::translate("Settings", "%1 must be a whole number from %2 to %3 (got '%4')")
                .arg(key)
                .arg(min)
                .arg(max)
                .arg(value)};
    };
    return rule;
}

// A key whose values no list or range describes (URLs, addresses).
SettingRule freeForm(Result<QString, SettingError> (*validate)(const QString &))
{
    return SettingRule{validate, std::nullopt, {}};
}

Result<QString, SettingError> validateApiUrl(const QString &value)
{
    const QUrl url(value.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return SettingError{QCoreApplication::translate("Settings", "api.url must be an absolute http(s) URL, e.g. "
                                                                    "https://api.moysklad.ru/api/remap/1.2 (got '%1')")
                                .arg(value)};
    return url.toString();
}

Result<QString, SettingError> validateSiteUrl(const QString &value)
{
    if (value.trimmed().isEmpty())
        return QString();
    const auto site = HookUrl::normalizeSite(value);
    if (!site.ok())
        return SettingError{site.error()};
    // The longest hook URL with a full-length verification string must fit MoySklad's 255 characters.
    const auto fits = HookUrl::validate(site.value(), QString(43, QLatin1Char('x')));
    if (!fits.ok())
        return SettingError{fits.error()};
    return site.value().toString();
}

Result<QString, SettingError> validateListen(const QString &value)
{
    const QString v = value.trimmed();
    const qsizetype colon = v.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon > 0 ? v.mid(colon + 1).toInt(&ok) : 0;
    QString host = colon > 0 ? v.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (!ok || port < 0 || port > 65535 || QHostAddress(host).isNull())
        return SettingError{QCoreApplication::translate(
                                "Settings", "receiver.listen must be ADDRESS:PORT, e.g. 127.0.0.1:8765 (got '%1')")
                                .arg(value)};
    return v;
}

// A validated "host:port": is the host a loopback address?
bool isLoopbackListen(const QString &listen)
{
    QString host = listen.left(listen.lastIndexOf(QLatin1Char(':')));
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return QHostAddress(host).isLoopback();
}

Result<QString, SettingError> validateStoreUrl(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return QString();
    const auto url = StoreUrl::parse(v);
    // The value is not repeated: it may carry a password.
    if (!url.ok())
        return SettingError{QCoreApplication::translate("Settings", "store.url: %1").arg(url.error())};
    return v;
}

} // namespace

const QList<Settings::Key> &Settings::keys()
{
    using enum SettingKey;
    constexpr SettingScope machine = SettingScope::Machine;
    constexpr SettingScope account = SettingScope::Account;
    static const QList<Key> table{
        {ApiUrl, account, QStringLiteral("api.url"), ClientConfig{}.baseUrl.toString(),
         QString::fromUtf8(QT_TRANSLATE_NOOP("Settings", "MoySklad API base URL")), freeForm(validateApiUrl)},
        {SiteUrl, account, QStringLiteral("site.url"), QString(),
         QString::fromUtf8(QT_TRANSLATE_NOOP("Settings", "public base URL of the shop that MoySklad's hooks point to")),
         freeForm(validateSiteUrl)},
        {ExchangePayments, account, QStringLiteral("exchange.payments"), QStringLiteral("none"),
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("Settings", "payment exchange: full installs the paymentin and cashin hooks")),
         oneOf(QStringLiteral("exchange.payments"), {QStringLiteral("none"), QStringLiteral("full")})},
        {ExchangeShipments, account, QStringLiteral("exchange.shipments"), QStringLiteral("none"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("Settings", "shipment exchange: full installs the demand hooks")),
         oneOf(QStringLiteral("exchange.shipments"), {QStringLiteral("none"), QStringLiteral("full")})},
        {ImportOrders, account, QStringLiteral("import.orders"), QStringLiteral("off"),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "Settings", "order import: on installs customerorder/CREATE and lets new orders into the store")),
         oneOf(QStringLiteral("import.orders"), {QStringLiteral("on"), QStringLiteral("off")})},
        {ReceiverListen, machine, QStringLiteral("receiver.listen"), QStringLiteral("127.0.0.1:8765"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("Settings", "address and port of the embedded receiver")),
         freeForm(validateListen)},
        {ReceiverAllowExternal, machine, QStringLiteral("receiver.allowExternal"), QStringLiteral("off"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("Settings", "on lets the receiver listen on a non-loopback address")),
         oneOf(QStringLiteral("receiver.allowExternal"), {QStringLiteral("on"), QStringLiteral("off")})},
        {WorkerInterval, account, QStringLiteral("worker.interval"), QStringLiteral("60"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("Settings", "seconds between worker runs over the queue")),
         integer(QStringLiteral("worker.interval"), 1, 86400)},
        {WorkerMaxAttempts, account, QStringLiteral("worker.maxAttempts"), QStringLiteral("8"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("Settings", "attempts before a task is marked dead")),
         integer(QStringLiteral("worker.maxAttempts"), 1, 100)},
        {RetentionDays, account, QStringLiteral("retention.days"), QStringLiteral("30"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("Settings", "days done tasks and log rows are kept")),
         integer(QStringLiteral("retention.days"), 1, 3650)},
        {SecretsStore, machine, QStringLiteral("secrets.store"), QStringLiteral("keychain"),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "Settings", "where secrets live: keychain, or file (plaintext in the data directory, explicit opt-in)")),
         oneOf(QStringLiteral("secrets.store"), {QStringLiteral("keychain"), QStringLiteral("file")})},
        {UiCloseToTray, machine, QStringLiteral("ui.closeToTray"), QStringLiteral("ask"),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "Settings",
             "closing the window while the receiver runs: on keeps receiving in the system tray, off quits, "
             "ask asks once")),
         oneOf(QStringLiteral("ui.closeToTray"), {QStringLiteral("ask"), QStringLiteral("on"), QStringLiteral("off")})},
        {UiLanguage, machine, QStringLiteral("ui.language"), QStringLiteral("system"),
         QString::fromUtf8(QT_TRANSLATE_NOOP("Settings", "language of the desktop app")),
         oneOf(QStringLiteral("ui.language"), {QStringLiteral("system"), QStringLiteral("ru"), QStringLiteral("en")})},
        {QueuePaused, account, QStringLiteral("queue.paused"), QStringLiteral("off"),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "Settings", "on: processing is paused (queue pause/resume); deliveries are still received and queued")),
         oneOf(QStringLiteral("queue.paused"), {QStringLiteral("on"), QStringLiteral("off")})},
        {SiteSecretOverlapHours, account, QStringLiteral("site.secretOverlapHours"), QStringLiteral("24"),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "Settings", "hours a replaced verification string, or the path of a replaced site URL, is still accepted, "
                         "unless every hook of ours carries the new one sooner (0: refused at once)")),
         integer(QStringLiteral("site.secretOverlapHours"), 0, 168)},
        {SyncInterval, account, QStringLiteral("sync.interval"), QStringLiteral("900"),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "Settings",
             "seconds between catch-up syncs with MoySklad while serving (0: only at start and on demand)")),
         integer(QStringLiteral("sync.interval"), 0, 86400)},
        // The upper bound keeps the interval in a QTimer's int milliseconds (about 24 days).
        {HooksCheckInterval, account, QStringLiteral("hooks.checkInterval"), QStringLiteral("1800"),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "Settings", "seconds between checks that the hooks of ours are still enabled in MoySklad (5 or more)")),
         integer(QStringLiteral("hooks.checkInterval"), 5, std::numeric_limits<int>::max() / 1000)},
        {HooksAutoRepair, account, QStringLiteral("hooks.autoRepair"), QStringLiteral("on"),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "Settings", "on: a hook of ours found disabled or removed is enabled or created again by the service")),
         oneOf(QStringLiteral("hooks.autoRepair"), {QStringLiteral("on"), QStringLiteral("off")})},
        // ReceiverConfig's default (a service test keeps them equal; ReceiverConfig says why): above a reverse
        // proxy's connections to us on loopback, far below a flood from one address.
        {ReceiverMaxConnectionsPerAddress, machine, QStringLiteral("receiver.maxConnectionsPerAddress"),
         QStringLiteral("64"),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "Settings", "connections the receiver accepts at once from one address; behind a reverse proxy every "
                         "request comes from the proxy's address (0: no limit)")),
         integer(QStringLiteral("receiver.maxConnectionsPerAddress"), 0, 100000)},
        // Machine-local: it says where the shared settings are, so it cannot be one of them.
        {StoreUrl, machine, QStringLiteral("store.url"), QString(),
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "Settings",
             "empty: the store is skladhook.db in the data directory; postgresql://user@host:port/dbname: "
             "a PostgreSQL database shared with the services of other machines (applies at the next start)")),
         freeForm(validateStoreUrl)},
    };
    return table;
}

const Settings::Key *Settings::findKey(const QString &name)
{
    for (const Key &key : keys()) {
        if (key.name == name)
            return &key;
    }
    return nullptr;
}

const Settings::Key &Settings::key(SettingKey id)
{
    // The table lists every enumerator in order; a test keeps them in step.
    return keys().at(qsizetype(id));
}

QString Settings::describe(SettingKey id)
{
    // The table's descriptions are marked for translation where they are written (context "Settings").
    return QCoreApplication::translate("Settings", key(id).description.toUtf8().constData());
}

QString Settings::fileIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("settings.ini"));
}

Settings::Settings(QSettings *store, QObject *parent)
    : QObject(parent)
    , m_clock(&Clock::system())
    , m_store(store)
    , m_file(std::make_unique<IniSettingsBackend>(store))
    , m_account(m_file.get())
    , m_seen(snapshot())
{}

Settings::~Settings() = default;

SettingsBackend &Settings::backendOf(SettingKey id) const
{
    return key(id).scope == SettingScope::Account ? *m_account : *m_file;
}

Result<Done, QString> Settings::shareAccountSettings(std::unique_ptr<SettingsBackend> shared)
{
    // The first machine on a new store brings its settings along; a store that has some keeps them, and this
    // file's account values are left unused (they are this machine's past, not the account's present).
    if (shared->keys().isEmpty()) {
        QStringList names{previousSitesKey, siteMoveKey};
        for (const Key &known : keys()) {
            if (known.scope == SettingScope::Account)
                names.append(storageName(known.name));
        }
        for (const QString &name : m_file->keys()) {
            if (name.startsWith(modesGroup + QLatin1Char('/')))
                names.append(name);
        }
        for (const QString &name : std::as_const(names)) {
            if (m_file->contains(name))
                shared->setValue(name, m_file->value(name));
        }
        if (!shared->sync())
            return QCoreApplication::translate("Settings", "the account's settings cannot be copied into %1")
                .arg(shared->where());
    }
    m_shared = std::move(shared);
    m_account = m_shared.get();
    m_seen = snapshot();
    return Done{};
}

void Settings::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
}

QString Settings::value(SettingKey id) const
{
    const Key &known = key(id);
    const QString stored = backendOf(id).value(storageName(known.name), known.defaultValue).toString();
    // A hand-edited file is held to what `config set` allows: a bad value gives way to the default (problems()
    // says so), never a zero interval or an open port.
    const auto checked = check(id, stored);
    return checked.ok() ? checked.value() : known.defaultValue;
}

Result<QString, SettingError> Settings::check(SettingKey id, const QString &value,
                                              const QHash<SettingKey, QString> &pending) const
{
    if (id != SettingKey::ReceiverListen)
        return check(id, value);
    return checkAgainst(
        id, value, pending.value(SettingKey::ReceiverAllowExternal, this->value(SettingKey::ReceiverAllowExternal)));
}

Result<QString, SettingError> Settings::check(SettingKey id, const QString &value) const
{
    // Read only where it matters: receiver.allowExternal's own value is checked here too.
    return checkAgainst(id, value,
                        id == SettingKey::ReceiverListen ? this->value(SettingKey::ReceiverAllowExternal) : QString());
}

Result<QString, SettingError> Settings::checkAgainst(SettingKey id, const QString &value,
                                                     const QString &allowExternal) const
{
    const auto checked = key(id).validate(value);
    if (!checked.ok())
        return checked.error();
    if (id == SettingKey::ReceiverListen && allowExternal != QLatin1String("on") && !isLoopbackListen(checked.value()))
        return SettingError{
            QCoreApplication::translate("Settings", "receiver.listen %1 is reachable from other machines: set "
                                                    "receiver.allowExternal on first if that is what you want (put a "
                                                    "TLS proxy in front of it)")
                .arg(checked.value())};
    return checked.value();
}

QStringList Settings::problems() const
{
    QStringList found;
    for (const Key &known : keys()) {
        if (!isSet(known.id))
            continue;
        const SettingsBackend &backend = backendOf(known.id);
        const QString stored = backend.value(storageName(known.name)).toString();
        const auto checked = check(known.id, stored);
        if (!checked.ok())
            found.append(
                QCoreApplication::translate("Settings", "%1 = '%2' in %3 is not valid (%4): the default '%5' is used")
                    .arg(known.name, stored, backend.where(), checked.error().message, known.defaultValue));
    }
    return found;
}

bool Settings::isSet(SettingKey id) const
{
    return backendOf(id).contains(storageName(key(id).name));
}

Result<Done, QString> Settings::set(const QString &name, const QString &value)
{
    const Key *known = findKey(name);
    if (!known)
        return QCoreApplication::translate("Settings", "unknown setting '%1'").arg(name);
    return set(known->id, value);
}

Result<Done, QString> Settings::set(SettingKey id, const QString &value)
{
    const Key &known = key(id);
    const auto checked = check(id, value);
    if (!checked.ok())
        return checked.error().message;
    // Another process may have written them since: compare with what is there now.
    SettingsBackend &backend = backendOf(id);
    backend.sync();
    const QString old = this->value(id);
    if (old == checked.value() && isSet(id))
        return Done{};
    if (id == SettingKey::SiteUrl && !old.isEmpty()) {
        // Hooks under the old site URL stay ours: they are updated in place, not duplicated.
        QStringList previous = m_account->value(previousSitesKey).toStringList();
        previous.removeAll(checked.value());
        if (!previous.contains(old))
            previous.prepend(old);
        m_account->setValue(previousSitesKey, previous);
    }
    const QString moveBefore = m_account->value(siteMoveKey).toString();
    if (id == SettingKey::SiteUrl)
        recordSiteMove(old, checked.value());
    backend.setValue(storageName(known.name), checked.value());
    if (!backend.sync())
        return QCoreApplication::translate("Settings", "%1 cannot be written").arg(backend.where());
    m_seen = snapshot();
    Q_EMIT changed(id);
    if (m_account->value(siteMoveKey).toString() != moveBefore)
        Q_EMIT siteMoveChanged();
    return Done{};
}

void Settings::reset(SettingKey id)
{
    SettingsBackend &backend = backendOf(id);
    backend.remove(storageName(key(id).name));
    backend.sync();
    m_seen = snapshot();
    Q_EMIT changed(id);
}

QHash<QString, QString> Settings::snapshot() const
{
    QHash<QString, QString> values;
    for (const Key &known : keys())
        values.insert(known.name, value(known.id));
    values.insert(previousSitesKey, m_account->value(previousSitesKey).toStringList().join(QLatin1Char(' ')));
    values.insert(siteMoveKey, m_account->value(siteMoveKey).toString());
    for (const HookSpec &spec : HookCatalog::all())
        values.insert(modesGroup + QLatin1Char('/') + spec.key(),
                      executionModeName(executionMode(spec.entityType, spec.action)));
    return values;
}

void Settings::reload()
{
    m_file->sync();
    if (m_account != m_file.get())
        m_account->sync();
    const QHash<QString, QString> before = std::exchange(m_seen, snapshot());
    for (const Key &known : keys()) {
        if (before.value(known.name) != m_seen.value(known.name))
            Q_EMIT changed(known.id);
    }
    for (const HookSpec &spec : HookCatalog::all()) {
        const QString name = modesGroup + QLatin1Char('/') + spec.key();
        if (before.value(name) != m_seen.value(name))
            Q_EMIT executionModeChanged(spec.entityType, spec.action);
    }
    if (before.value(siteMoveKey) != m_seen.value(siteMoveKey))
        Q_EMIT siteMoveChanged();
}

void Settings::recordSiteMove(const QString &old, const QString &now)
{
    // A move that still lasts keeps its origin: the hooks were not seen pointing anywhere else since.
    const std::optional<SiteMove> current = siteMove();
    const QString from = current ? current->from.toString() : old;
    const int hours = value(SettingKey::SiteSecretOverlapHours).toInt();
    // Only the path matters to the receiver: a new host with the same path is served already.
    if (from.isEmpty() || from == now || hours <= 0 ||
        HookUrl::receiverPathPrefix(QUrl(from)) == HookUrl::receiverPathPrefix(QUrl(now))) {
        m_account->remove(siteMoveKey);
        return;
    }
    const QDateTime ends = m_clock->utcNow().addSecs(qint64(hours) * 3600);
    m_account->setValue(siteMoveKey, QString(ends.toString(Qt::ISODateWithMs) + QLatin1Char('|') + from));
}

std::optional<SiteMove> Settings::siteMove() const
{
    const QString stored = m_account->value(siteMoveKey).toString();
    const qsizetype bar = stored.indexOf(QLatin1Char('|'));
    if (bar <= 0)
        return std::nullopt;
    SiteMove move{QUrl(stored.mid(bar + 1)), QDateTime::fromString(stored.left(bar), Qt::ISODateWithMs)};
    if (!move.from.isValid() || !move.ends.isValid() || move.ends <= m_clock->utcNow())
        return std::nullopt;
    return move;
}

void Settings::endSiteMove()
{
    m_account->sync();
    if (!m_account->contains(siteMoveKey))
        return;
    m_account->remove(siteMoveKey);
    m_account->sync();
    m_seen = snapshot();
    Q_EMIT siteMoveChanged();
}

QUrl Settings::apiUrl() const
{
    return QUrl(value(SettingKey::ApiUrl));
}

QString Settings::siteUrl() const
{
    return value(SettingKey::SiteUrl);
}

QList<QUrl> Settings::ownSites() const
{
    QList<QUrl> sites;
    const auto current = HookUrl::normalizeSite(siteUrl());
    if (current.ok())
        sites.append(current.value());
    for (const QString &previous : m_account->value(previousSitesKey).toStringList()) {
        const auto site = HookUrl::normalizeSite(previous);
        if (site.ok() && !sites.contains(site.value()))
            sites.append(site.value());
    }
    return sites;
}

ExchangeSettings Settings::exchange() const
{
    ExchangeSettings exchange;
    exchange.payments =
        value(SettingKey::ExchangePayments) == QLatin1String("full") ? ExchangeMode::Full : ExchangeMode::None;
    exchange.shipments =
        value(SettingKey::ExchangeShipments) == QLatin1String("full") ? ExchangeMode::Full : ExchangeMode::None;
    exchange.importOrders = value(SettingKey::ImportOrders) == QLatin1String("on");
    return exchange;
}

QString Settings::receiverListen() const
{
    return value(SettingKey::ReceiverListen);
}

bool Settings::receiverAllowExternal() const
{
    return value(SettingKey::ReceiverAllowExternal) == QLatin1String("on");
}

int Settings::receiverMaxConnectionsPerAddress() const
{
    return value(SettingKey::ReceiverMaxConnectionsPerAddress).toInt();
}

int Settings::workerIntervalSeconds() const
{
    return value(SettingKey::WorkerInterval).toInt();
}

int Settings::workerMaxAttempts() const
{
    return value(SettingKey::WorkerMaxAttempts).toInt();
}

int Settings::retentionDays() const
{
    return value(SettingKey::RetentionDays).toInt();
}

bool Settings::secretsInFile() const
{
    return value(SettingKey::SecretsStore) == QLatin1String("file");
}

bool Settings::queuePaused() const
{
    return value(SettingKey::QueuePaused) == QLatin1String("on");
}

int Settings::syncIntervalSeconds() const
{
    return value(SettingKey::SyncInterval).toInt();
}

QString Settings::storeUrl() const
{
    return value(SettingKey::StoreUrl);
}

QString Settings::language() const
{
    return value(SettingKey::UiLanguage);
}

ExecutionMode Settings::executionMode(const QString &entityType, const QString &action) const
{
    const QString name =
        m_account->value(modesGroup + QLatin1Char('/') + entityType + QLatin1Char('.') + action).toString();
    return parseExecutionMode(name).value_or(ExecutionMode::Immediate);
}

void Settings::setExecutionMode(const QString &entityType, const QString &action, ExecutionMode mode)
{
    m_account->setValue(modesGroup + QLatin1Char('/') + entityType + QLatin1Char('.') + action,
                        executionModeName(mode));
    m_account->sync();
    m_seen = snapshot();
    Q_EMIT executionModeChanged(entityType, action);
}

QVariant Settings::uiState(const QString &name) const
{
    return m_store->value(uiGroup + QLatin1Char('/') + name);
}

void Settings::setUiState(const QString &name, const QVariant &value)
{
    m_store->setValue(uiGroup + QLatin1Char('/') + name, value);
}
