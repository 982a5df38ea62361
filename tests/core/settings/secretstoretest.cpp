// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/filesecretstore.h"
#include "settings/memorysecretstore.h"
#include "settings/settings.h"

#include <gtest/gtest.h>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

TEST(FileSecretStore, KeepsSecretsInALabelledGroupReadableByTheOwnerOnly)
{
    QTemporaryDir dir;
    QSettings ini(Settings::fileIn(dir.path()), QSettings::IniFormat);
    FileSecretStore store(&ini);
    bool written = false;
    store.write(SecretKey::siteSecret, QStringLiteral("s3cret-value"),
                [&](Result<Done, SecretError> r) { written = r.ok(); });
    ASSERT_TRUE(written);
    std::optional<QString> value;
    store.read(SecretKey::siteSecret, [&](Result<std::optional<QString>, SecretError> r) { value = r.value(); });
    EXPECT_EQ(value, QStringLiteral("s3cret-value"));
    QFile file(ini.fileName());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    EXPECT_TRUE(text.contains("[plaintext-secrets-opt-in]"));
    EXPECT_EQ(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

TEST(MemorySecretStore, AFailureIsNeverNothingSaved)
{
    MemorySecretStore store;
    store.setFailure(SecretError{SecretError::Kind::Locked, QStringLiteral("collection is locked")});
    std::optional<Result<std::optional<QString>, SecretError>> result;
    store.read(SecretKey::apiToken, [&](Result<std::optional<QString>, SecretError> r) { result.emplace(r); });
    ASSERT_TRUE(result.has_value());
    ASSERT_FALSE(result->ok());
    EXPECT_TRUE(result->error().toString().contains(QStringLiteral("locked")));
}
