// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <type_traits>

// A diagnostics line kept as its English source template and arguments, so that every face shows it in the language
// in use when it is shown (the GUI pane re-renders on a language change), rows written long ago too. The template is
// the message id: written at the call site inside QT_TRANSLATE_NOOP("LogMessage", "…"), so lupdate collects it into
// the shipped translations, and stable as long as the English wording stays.
//   log->info(category, LogText(QT_TRANSLATE_NOOP("LogMessage", "Listed %1 webhooks of %2"), count, login));
struct LogText final
{
    LogText() = default;
    // Arguments are strings or numbers (numbers written as QString::number writes them).
    template<typename... Args>
    explicit LogText(const char *sourceTemplate, const Args &...arguments)
        : id(QString::fromUtf8(sourceTemplate))
        , args{argText(arguments)...}
    {}
    static LogText withArgs(const char *sourceTemplate, QStringList arguments);

    QString id;       // the English template; empty for a row without one (its message is shown as stored)
    QStringList args; // %1, %2, … in order, already masked where they are stored

    QString english() const; // the template filled in: LogEntry::message, Qt logging, the CLI's --json
    // In the language of the installed translators; an argument that is itself a marked fragment (an origin such as
    // QT_TRANSLATE_NOOP("LogMessage", "from the desktop app")) is translated as well.
    QString translated() const;

    // Fills %1…%99 in one pass, so an argument that itself contains "%1" stays as it is.
    static QString fill(const QString &pattern, const QStringList &args);
    static constexpr const char *context = "LogMessage";

private:
    static QString argText(const QString &value) { return value; }
    template<typename T>
    requires std::is_arithmetic_v<T>
    static QString argText(T value) { return QString::number(value); }
};
