// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQueue>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

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
        QString declineText; // the button that says no; empty: Cancel
        bool warning = false;
    };

    using QObject::QObject;

    // Calls `answered` once with the user's choice, unless `context` is destroyed first.
    void ask(QWidget *parent, const Question &question, QObject *context, std::function<void(bool)> answered);

    // A choice the user may ask to remember: a "Don't ask again" box, ticked at first, under the two answers.
    // `answered(choice, remember)`: choice is empty when the box was dismissed (Esc, its close button) without one.
    void askRemembering(QWidget *parent, const Question &question, QObject *context,
                        std::function<void(std::optional<bool> choice, bool remember)> answered);

    // Tests: the next questions are answered with these values, in order.
    void presetAnswers(const QList<bool> &answers);
    // Tests: whether the next askRemembering() answers are remembered, in order (ticked when none is preset).
    void presetRemember(const QList<bool> &remember);
    // Tests: the texts of the questions asked so far.
    const QStringList &askedQuestions() const { return m_asked; }

private:
    QQueue<bool> m_preset;
    QQueue<bool> m_presetRemember;
    QStringList m_asked;
};
