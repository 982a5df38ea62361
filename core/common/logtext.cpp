// SPDX-License-Identifier: GPL-3.0-or-later
#include "logtext.h"

#include <QCoreApplication>

#include <utility>

LogText LogText::withArgs(const char *sourceTemplate, QStringList arguments)
{
    LogText text;
    text.id = QString::fromUtf8(sourceTemplate);
    text.args = std::move(arguments);
    return text;
}

QString LogText::english() const
{
    return fill(id, args);
}

QString LogText::translated() const
{
    if (id.isEmpty())
        return {};
    // An argument may itself be a fragment marked for this context ("from the desktop app", said by whoever acted):
    // it is translated too; anything else (ids, numbers, MoySklad's text) has no entry and stays as it is.
    QStringList shown;
    shown.reserve(args.size());
    for (const QString &arg : args) {
        const QString bare = arg.trimmed();
        const QString translated =
            bare.isEmpty() ? bare : QCoreApplication::translate(context, bare.toUtf8().constData());
        shown.append(translated == bare ? arg : QString(arg).replace(bare, translated));
    }
    return fill(QCoreApplication::translate(context, id.toUtf8().constData()), shown);
}

QString LogText::fill(const QString &pattern, const QStringList &args)
{
    QString out;
    out.reserve(pattern.size() + 16 * args.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c != QLatin1Char('%') || i + 1 >= pattern.size() || !pattern.at(i + 1).isDigit()) {
            out.append(c);
            continue;
        }
        qsizetype end = i + 1;
        int number = 0;
        // At most two digits, as QString::arg reads them.
        while (end < pattern.size() && end < i + 3 && pattern.at(end).isDigit())
            number = number * 10 + pattern.at(end++).digitValue();
        if (number >= 1 && number <= args.size()) {
            out.append(args.at(number - 1));
            i = end - 1;
        } else {
            out.append(c);
        }
    }
    return out;
}
