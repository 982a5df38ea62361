// SPDX-License-Identifier: GPL-3.0-or-later
// Run by CTest inside with-gnome-keyring.sh (Keychain.*, KeychainLocking.*, LockedKeychain.*), or without a session
// bus or a Secret Service on it (NoKeychain.*).
#include "settings/keychainsecretstore.h"

#include <gtest/gtest.h>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QTest>

namespace {

template<typename T>
Result<T, SecretError> wait(const std::function<void(SecretStore::Callback<T>)> &call)
{
    std::optional<Result<T, SecretError>> result;
    call([&result](Result<T, SecretError> r) { result.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        ADD_FAILURE() << "the keychain did not answer";
    return std::move(result).value();
}

// Locks the default collection through the Secret Service, as a screen lock or a re-login would.
bool lockDefaultCollection()
{
    const QString service = QStringLiteral("org.freedesktop.secrets");
    const QString path = QStringLiteral("/org/freedesktop/secrets");
    const QString iface = QStringLiteral("org.freedesktop.Secret.Service");
    QDBusMessage alias = QDBusMessage::createMethodCall(service, path, iface, QStringLiteral("ReadAlias"));
    alias << QStringLiteral("default");
    const QDBusMessage aliasReply = QDBusConnection::sessionBus().call(alias);
    if (aliasReply.type() != QDBusMessage::ReplyMessage || aliasReply.arguments().isEmpty())
        return false;
    const auto collection = aliasReply.arguments().at(0).value<QDBusObjectPath>();
    QDBusMessage lock = QDBusMessage::createMethodCall(service, path, iface, QStringLiteral("Lock"));
    lock << QVariant::fromValue(QList<QDBusObjectPath>{collection});
    return QDBusConnection::sessionBus().call(lock).type() == QDBusMessage::ReplyMessage;
}

} // namespace

TEST(KeychainLocking, ASavedSecretInALockedKeyringIsReportedAsLockedNeverAsNothingSaved)
{
    KeychainSecretStore store(QStringLiteral("/tmp/skladhook-locked-data"));
    ASSERT_TRUE(wait<Done>([&](auto done) { store.write(SecretKey::siteSecret, QStringLiteral("v"), done); }).ok());
    ASSERT_TRUE(lockDefaultCollection());

    const auto read = wait<std::optional<QString>>([&](auto done) { store.read(SecretKey::siteSecret, done); });
    ASSERT_FALSE(read.ok()) << "a locked keyring read as 'nothing saved'";
    EXPECT_EQ(read.error().kind, SecretError::Kind::Locked);
    EXPECT_TRUE(read.error().toString().contains(QStringLiteral("Unlock"))) << read.error().toString().toStdString();
    // Nothing was saved under this key: that stays a plain "nothing saved", locked or not.
    const auto absent = wait<std::optional<QString>>([&](auto done) { store.read(SecretKey::apiToken, done); });
    ASSERT_TRUE(absent.ok());
    EXPECT_FALSE(absent.value().has_value());
    // A delete in a locked keyring deletes nothing: not a success either.
    EXPECT_FALSE(wait<Done>([&](auto done) { store.remove(SecretKey::siteSecret, done); }).ok());
}

TEST(Keychain, WritesReadsAndRemovesASecret)
{
    KeychainSecretStore store(QStringLiteral("/tmp/skladhook-test-data"));
    const auto nothing = wait<std::optional<QString>>([&](auto done) { store.read(SecretKey::apiToken, done); });
    ASSERT_TRUE(nothing.ok()) << nothing.error().toString().toStdString();
    EXPECT_FALSE(nothing.value().has_value()); // nothing saved is not an error

    const auto written =
        wait<Done>([&](auto done) { store.write(SecretKey::apiToken, QStringLiteral("token-Ж-123"), done); });
    ASSERT_TRUE(written.ok()) << written.error().toString().toStdString();
    const auto read = wait<std::optional<QString>>([&](auto done) { store.read(SecretKey::apiToken, done); });
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.value(), QStringLiteral("token-Ж-123"));

    // Another data directory has its own secrets.
    KeychainSecretStore other(QStringLiteral("/tmp/another-data-dir"));
    const auto otherRead = wait<std::optional<QString>>([&](auto done) { other.read(SecretKey::apiToken, done); });
    ASSERT_TRUE(otherRead.ok());
    EXPECT_FALSE(otherRead.value().has_value());

    ASSERT_TRUE(wait<Done>([&](auto done) { store.remove(SecretKey::apiToken, done); }).ok());
    const auto gone = wait<std::optional<QString>>([&](auto done) { store.read(SecretKey::apiToken, done); });
    ASSERT_TRUE(gone.ok());
    EXPECT_FALSE(gone.value().has_value());
}

TEST(LockedKeychain, IsReportedAsLockedNeverAsNothingSaved)
{
    KeychainSecretStore store(QStringLiteral("/tmp/skladhook-test-data"));
    const auto written = wait<Done>([&](auto done) { store.write(SecretKey::apiToken, QStringLiteral("x"), done); });
    ASSERT_FALSE(written.ok());
    EXPECT_NE(written.error().kind, SecretError::Kind::Other);
    const auto read = wait<std::optional<QString>>([&](auto done) { store.read(SecretKey::apiToken, done); });
    // A locked keychain may not even say whether an entry exists: either way never "nothing saved" silently
    // followed by a plaintext fallback; a read that succeeds here must still return no value.
    if (read.ok())
        EXPECT_FALSE(read.value().has_value());
    else
        EXPECT_FALSE(read.error().toString().isEmpty());
}

TEST(NoKeychain, IsReportedAsUnavailableWithWhatToDo)
{
    KeychainSecretStore store(QStringLiteral("/tmp/skladhook-test-data"));
    const auto read = wait<std::optional<QString>>([&](auto done) { store.read(SecretKey::apiToken, done); });
    ASSERT_FALSE(read.ok()) << "a missing keychain must not read as 'nothing saved'";
    EXPECT_EQ(read.error().kind, SecretError::Kind::Unavailable) << read.error().toString().toStdString();
    EXPECT_TRUE(read.error().toString().contains(QStringLiteral("No keychain is available")));
    EXPECT_TRUE(read.error().toString().contains(QStringLiteral("secrets.store")));
    const auto written = wait<Done>([&](auto done) { store.write(SecretKey::apiToken, QStringLiteral("x"), done); });
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().kind, SecretError::Kind::Unavailable);
}
