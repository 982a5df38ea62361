// SPDX-License-Identifier: GPL-3.0-or-later
// The data directory made the user's alone: SkladHook's own files 0600 and the directory 0700, but only its own.
// A --data-dir of $HOME or /tmp must not take those from everyone else (once it did: /tmp became 0700).
#include "common/owneronly.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <sys/stat.h>

namespace {

constexpr QFile::Permissions ownerFile = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
constexpr QFile::Permissions ownerDir = ownerFile | QFile::ExeOwner | QFile::ExeUser;
constexpr QFile::Permissions everyoneReads = ownerFile | QFile::ReadGroup | QFile::ReadOther;
constexpr QFile::Permissions everyoneRuns =
    everyoneReads | QFile::ExeOwner | QFile::ExeUser | QFile::ExeGroup | QFile::ExeOther;

void make(const QString &path, QFile::Permissions permissions)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("x");
    file.close();
    ASSERT_TRUE(QFile::setPermissions(path, permissions));
}

TEST(OwnerOnly, ADirectoryOfItsOwnBecomesTheUsersAlone)
{
    QTemporaryDir dir;
    const QDir data(dir.path());
    ASSERT_TRUE(QFile::setPermissions(dir.path(), everyoneRuns));
    for (const char *name : {"skladhook.db", "skladhook.db-wal", "skladhook.db-shm", "settings.ini", "serve.lock",
                             "skladhook.db.damaged-20261201-120000"})
        make(data.filePath(QLatin1String(name)), everyoneReads);

    const OwnerOnly::Secured secured = OwnerOnly::secure(dir.path());
    EXPECT_TRUE(secured.failed.isEmpty()) << secured.failed.join(QLatin1Char(' ')).toStdString();
    EXPECT_FALSE(secured.shared);
    EXPECT_EQ(QFile::permissions(dir.path()), ownerDir);
    for (const QString &name : data.entryList(QDir::Files))
        EXPECT_EQ(QFile::permissions(data.filePath(name)), ownerFile) << name.toStdString();
}

TEST(OwnerOnly, AStrayFileIsLeftAsItIsAndTheDirectoryStillBecomesTheUsersAlone)
{
    QTemporaryDir dir;
    const QDir data(dir.path());
    ASSERT_TRUE(QFile::setPermissions(dir.path(), everyoneRuns));
    make(data.filePath(QStringLiteral("notes.txt")), everyoneReads);
    make(data.filePath(QStringLiteral("skladhook.db")), everyoneReads);

    const OwnerOnly::Secured secured = OwnerOnly::secure(dir.path());
    EXPECT_FALSE(secured.shared);
    EXPECT_EQ(QFile::permissions(dir.path()), ownerDir);
    EXPECT_EQ(QFile::permissions(data.filePath(QStringLiteral("notes.txt"))), everyoneReads) << "not SkladHook's";
    EXPECT_EQ(QFile::permissions(data.filePath(QStringLiteral("skladhook.db"))), ownerFile);
}

TEST(OwnerOnly, ASharedPlaceIsLeftAsItIsButSkladHooksOwnFilesInItAreRestricted)
{
    QTemporaryDir dir;
    const QDir data(dir.path());
    ASSERT_TRUE(QFile::setPermissions(dir.path(), everyoneRuns));
    make(data.filePath(QStringLiteral("deploy.sh")), everyoneRuns);
    ASSERT_TRUE(data.mkdir(QStringLiteral("public_html"))); // a home directory, say
    make(data.filePath(QStringLiteral("skladhook.db")), everyoneReads);
    make(data.filePath(QStringLiteral("settings.ini")), everyoneReads);

    const OwnerOnly::Secured secured = OwnerOnly::secure(dir.path());
    EXPECT_TRUE(secured.failed.isEmpty());
    EXPECT_TRUE(secured.shared);
    EXPECT_EQ(QFile::permissions(dir.path()), everyoneRuns) << "not SkladHook's to change";
    EXPECT_EQ(QFile::permissions(data.filePath(QStringLiteral("deploy.sh"))), everyoneRuns);
    EXPECT_EQ(QFile::permissions(data.filePath(QStringLiteral("skladhook.db"))), ownerFile);
    EXPECT_EQ(QFile::permissions(data.filePath(QStringLiteral("settings.ini"))), ownerFile);
}

TEST(OwnerOnly, ADirectoryWithTheStickyBitIsShared)
{
    QTemporaryDir dir;
    ASSERT_EQ(::chmod(QFile::encodeName(dir.path()).constData(), 01777), 0); // as /tmp
    EXPECT_TRUE(OwnerOnly::secure(dir.path()).shared);
    struct stat status
    {
    };
    ASSERT_EQ(::stat(QFile::encodeName(dir.path()).constData(), &status), 0);
    EXPECT_EQ(status.st_mode & 07777, 01777u);
}

} // namespace
