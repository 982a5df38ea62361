// SPDX-License-Identifier: GPL-3.0-or-later
#include "writerstatement.h"

#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace {

// The connection's sqlite3 handle when the driver is Qt's SQLite driver (built against this same libsqlite3).
sqlite3 *sqliteHandleOf(const QSqlDatabase &db)
{
    if (db.driverName() != QLatin1String("QSQLITE") || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

WriterStatement::WriterStatement(const QSqlDatabase &db, const QString &sql)
{
    if (sqlite3 *handle = sqliteHandleOf(db)) {
        const QByteArray text = sql.toUtf8();
        const int code = sqlite3_prepare_v3(handle, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                                            &m_statement, nullptr);
        if (code != SQLITE_OK) {
            m_error = QStringLiteral("%1 (preparing %2)").arg(QString::fromUtf8(sqlite3_errmsg(handle)), sql);
            sqlite3_finalize(m_statement);
            m_statement = nullptr;
        }
        return;
    }
    m_query.emplace(db);
    if (!m_query->prepare(sql))
        m_error = m_query->lastError().text();
}

WriterStatement::~WriterStatement()
{
    sqlite3_finalize(m_statement);
}

bool WriterStatement::isPrepared() const
{
    return m_error.isEmpty();
}

void WriterStatement::add(const QString &text)
{
    if (m_query) {
        m_query->addBindValue(text.isNull() ? QVariant() : QVariant(text));
    } else if (m_statement && text.isNull()) {
        sqlite3_bind_null(m_statement, m_nextIndex);
    } else if (m_statement) {
        // Kept until the statement has run, so that SQLite reads it in place instead of copying it.
        const QByteArray &utf8 = m_text.emplace_back(text.toUtf8());
        sqlite3_bind_text(m_statement, m_nextIndex, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    }
    ++m_nextIndex;
}

void WriterStatement::add(const QByteArray &utf8)
{
    if (m_query) {
        m_query->addBindValue(utf8.isNull() ? QVariant() : QVariant(QString::fromUtf8(utf8)));
    } else if (m_statement && utf8.isNull()) {
        sqlite3_bind_null(m_statement, m_nextIndex);
    } else if (m_statement) {
        // A reference to the caller's bytes (implicitly shared), kept until the statement has run.
        const QByteArray &kept = m_text.emplace_back(utf8);
        sqlite3_bind_text(m_statement, m_nextIndex, kept.constData(), int(kept.size()), SQLITE_STATIC);
    }
    ++m_nextIndex;
}

void WriterStatement::add(qint64 number)
{
    if (m_query)
        m_query->addBindValue(number);
    else if (m_statement)
        sqlite3_bind_int64(m_statement, m_nextIndex, number);
    ++m_nextIndex;
}

void WriterStatement::add(std::optional<qint64> number)
{
    if (number) {
        add(*number);
        return;
    }
    if (m_query)
        m_query->addBindValue(QVariant());
    else if (m_statement)
        sqlite3_bind_null(m_statement, m_nextIndex);
    ++m_nextIndex;
}

bool WriterStatement::exec()
{
    m_nextIndex = 1;
    if (m_query) {
        const bool ran = m_query->exec();
        m_error = ran ? QString() : m_query->lastError().text();
        return ran;
    }
    if (!m_statement)
        return false; // m_error says why it did not prepare
    const int code = sqlite3_step(m_statement);
    sqlite3_clear_bindings(m_statement); // SQLite holds no pointer into m_text after this
    m_text.clear();
    if (code != SQLITE_ROW && code != SQLITE_DONE) {
        fail(code);
        return false;
    }
    m_error.clear();
    m_changes = sqlite3_changes(sqlite3_db_handle(m_statement));
    m_hasRow = code == SQLITE_ROW;
    if (!m_hasRow)
        sqlite3_reset(m_statement);
    return true;
}

bool WriterStatement::next()
{
    if (m_query)
        return m_query->next();
    // The first row came with exec(); later ones are stepped to.
    if (m_hasRow) {
        m_hasRow = false;
        return true;
    }
    if (!m_statement)
        return false;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code != SQLITE_DONE)
        fail(code);
    sqlite3_reset(m_statement);
    return false;
}

qint64 WriterStatement::int64At(int column) const
{
    if (m_query)
        return m_query->value(column).toLongLong();
    return m_statement ? sqlite3_column_int64(m_statement, column) : 0;
}

std::optional<qint64> WriterStatement::insertedId()
{
    if (m_statement) {
        finish(); // lets go of a RETURNING row, should the statement have one
        return m_changes > 0 ? std::optional<qint64>(sqlite3_last_insert_rowid(sqlite3_db_handle(m_statement)))
                             : std::nullopt;
    }
    if (!m_query || !m_query->next())
        return std::nullopt;
    const qint64 id = m_query->value(0).toLongLong();
    m_query->finish();
    return id;
}

int WriterStatement::rowsAffected() const
{
    return m_query ? m_query->numRowsAffected() : m_changes;
}

void WriterStatement::finish()
{
    if (m_query)
        m_query->finish();
    else if (m_statement)
        sqlite3_reset(m_statement);
    m_hasRow = false;
    m_nextIndex = 1;
    if (m_statement)
        sqlite3_clear_bindings(m_statement);
    m_text.clear();
}

QString WriterStatement::lastError() const
{
    return m_error;
}

void WriterStatement::fail(int code)
{
    sqlite3 *handle = sqlite3_db_handle(m_statement);
    // The connection's message is the one for this step (SQLite's extended result code says the same in fewer words).
    m_error = QString::fromUtf8(handle ? sqlite3_errmsg(handle) : sqlite3_errstr(code));
    sqlite3_reset(m_statement);
    m_hasRow = false;
}
