// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

class QThread;

// A read-only connection to skladhook.db under a name of its own (two readers never share one), opened on
// construction and removed from Qt's connection list on destruction, after its last handle is gone.
//
// Thread affine: a Qt SQL connection belongs to the thread that opened it and Qt 6.4 cannot move one, so a
// ReadConnection belongs to the thread that constructs it and is used and destroyed there only.
//
// Short-lived use: a local in the function that reads. Long-lived use: a member of the object that reads (TaskQueue,
// LogReader), built with it; the database may not exist yet then (a GUI started before the first writer), so the
// owner calls ensureOpen() before each read, which opens it once the file has appeared.
class ReadConnection final
{
public:
    explicit ReadConnection(QString databasePath);
    ~ReadConnection();
    ReadConnection(const ReadConnection &) = delete;
    ReadConnection &operator=(const ReadConnection &) = delete;

    bool isOpen() const;
    // Why the connection is not open ("the database … does not exist yet", "cannot open …"); empty when open.
    QString error() const { return m_error; }
    // Opens the connection again when it is not open; true when it is open afterwards.
    bool ensureOpen();
    // The handle to run queries on. Use it, do not keep a copy: a copy alive when the connection is removed makes Qt
    // warn that the connection is still in use.
    QSqlDatabase &db();

    const QString &name() const { return m_name; }
    const QString &path() const { return m_path; }

private:
    void open();
    void close();

    QString m_path;
    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
    QThread *m_thread = nullptr;
};
