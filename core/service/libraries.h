// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// The libraries SkladHook runs on, with the versions found at run time and their licences (About box, --version).
namespace Libraries {
struct Library
{
    QString name;
    QString version;
    QString licence;
    QString url;
};
QList<Library> used();
} // namespace Libraries
