// SPDX-License-Identifier: GPL-3.0-or-later
// Run by CTest inside with-gnome-keyring.sh (Keychain.*, LockedKeychain.*) or without a session bus (NoKeychain.*).
#include "settings/keychainsecretstore.h"

#include <gtest/gtest.h>
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

} // namespace

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
    EXPECT_TRUE(read.error().kind == SecretError::Kind::Unavailable || read.error().kind == SecretError::Kind::Locked);
    EXPECT_TRUE(read.error().toString().contains(QStringLiteral("secrets.store")) ||
                read.error().toString().contains(QStringLiteral("Unlock")));
    const auto written = wait<Done>([&](auto done) { store.write(SecretKey::apiToken, QStringLiteral("x"), done); });
    ASSERT_FALSE(written.ok());
}
