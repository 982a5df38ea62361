// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQueue>
#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

// The one way the UI asks the user a yes/no question. Asynchronous (QMessageBox::open, no nested event loop).
// Tests preset the next answers; a preset question is answered without showing anything and is recorded.
class Dialogs final : public QObject
{
    Q_OBJECT

public:
    struct Question
    {
        QString title;
        QString text;
        QString confirmText; // the button that says yes, e.g. "Obtain token"
        bool warning = false;
    };

    using QObject::QObject;

    // Calls `answered` once with the user's choice, unless `context` is destroyed first.
    void ask(QWidget *parent, const Question &question, QObject *context, std::function<void(bool)> answered);

    // Tests: the next questions are answered with these values, in order.
    void presetAnswers(const QList<bool> &answers);
    // Tests: the texts of the questions asked so far.
    const QStringList &askedQuestions() const { return m_asked; }

private:
    QQueue<bool> m_preset;
    QStringList m_asked;
};
