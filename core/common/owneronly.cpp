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

QStringList OwnerOnly::secure(const QString &dataDir)
{
    QStringList failed;
    const auto restrict = [&failed](const QString &path, QFile::Permissions wanted) {
        if (QFile::permissions(path) != wanted && !QFile::setPermissions(path, wanted))
            failed.append(path);
    };
    restrict(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser |
                          QFile::ExeUser);
    const QFileInfoList files = QDir(dataDir).entryInfoList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QFileInfo &file : files)
        restrict(file.filePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    return failed;
}
