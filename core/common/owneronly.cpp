// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/owneronly.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

void OwnerOnly::restrictNewFiles()
{
    ::umask(S_IRWXG | S_IRWXO);
}

bool OwnerOnly::isOwnFile(const QString &fileName)
{
    // The database with its -wal, -shm, -journal and the copies moved aside (.damaged-…, .replaced-…); the settings
    // file with QSettings' lock; serve's lock.
    return fileName.startsWith(QLatin1String("skladhook.db")) || fileName.startsWith(QLatin1String("settings.ini")) ||
           fileName == QLatin1String("serve.lock");
}

OwnerOnly::Secured OwnerOnly::secure(const QString &dataDir)
{
    Secured secured;
    const auto restrict = [&secured](const QString &path, QFile::Permissions wanted) {
        if (QFile::permissions(path) != wanted && !QFile::setPermissions(path, wanted))
            secured.failed.append(path);
    };
    const QFileInfoList entries =
        QDir(dataDir).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        if (entry.isDir())
            secured.shared = true; // SkladHook keeps no directories there
        else if (entry.isFile() && !entry.isSymLink() && isOwnFile(entry.fileName()))
            restrict(entry.filePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    }
    // A place many share: the sticky bit (/tmp) or the user's home.
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(dataDir).constData(), &status) == 0 && (status.st_mode & S_ISVTX))
        secured.shared = true;
    if (QFileInfo(dataDir).canonicalFilePath() == QFileInfo(QDir::homePath()).canonicalFilePath())
        secured.shared = true;
    if (!secured.shared)
        restrict(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser |
                              QFile::ExeUser);
    return secured;
}
