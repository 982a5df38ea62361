// SPDX-License-Identifier: GPL-3.0-or-later
#include "libraries.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtGlobal>

#include <microhttpd.h>
#include <zlib.h>

namespace Libraries {

namespace {
QString sqliteVersion()
{
    const QString name = QStringLiteral("skladhook-sqlite-version");
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next())
                version = query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}
} // namespace

QList<Library> used()
{
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only"),
         QStringLiteral("https://www.qt.io/")},
        {QStringLiteral("QtKeychain"), QStringLiteral("0.13"), QStringLiteral("BSD-3-Clause"),
         QStringLiteral("https://github.com/frankosterfeld/qtkeychain")},
        {QStringLiteral("GNU libmicrohttpd"), QString::fromLatin1(MHD_get_version()),
         QStringLiteral("LGPL-2.1-or-later"), QStringLiteral("https://www.gnu.org/software/libmicrohttpd/")},
        {QStringLiteral("SQLite"), sqliteVersion(), QStringLiteral("public domain"),
         QStringLiteral("https://sqlite.org/")},
        {QStringLiteral("zlib"), QString::fromLatin1(zlibVersion()), QStringLiteral("Zlib"),
         QStringLiteral("https://zlib.net/")},
    };
}

} // namespace Libraries
