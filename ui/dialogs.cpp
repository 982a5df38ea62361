// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs.h"

#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

void Dialogs::ask(QWidget *parent, const Question &question, QObject *context, std::function<void(bool)> answered)
{
    m_asked.append(question.text);
    if (!m_preset.isEmpty()) {
        const bool answer = m_preset.dequeue();
        // Answer from the event loop, as a real dialog would.
        QTimer::singleShot(0, context, [answered = std::move(answered), answer] { answered(answer); });
        return;
    }
    auto *box = new QMessageBox(question.warning ? QMessageBox::Warning : QMessageBox::Question, question.title,
                                question.text, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("questionBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes =
        box->addButton(question.confirmText.isEmpty() ? tr("Yes") : question.confirmText, QMessageBox::AcceptRole);
    QPushButton *no = question.declineText.isEmpty() ? box->addButton(QMessageBox::Cancel)
                                                     : box->addButton(question.declineText, QMessageBox::RejectRole);
    box->setDefaultButton(no);
    connect(box, &QMessageBox::finished, context,
            [box, yes, answered = std::move(answered)] { answered(box->clickedButton() == yes); });
    box->open();
}

void Dialogs::askRemembering(QWidget *parent, const Question &question, QObject *context,
                             std::function<void(std::optional<bool>, bool)> answered)
{
    m_asked.append(question.text);
    if (!m_preset.isEmpty()) {
        const bool answer = m_preset.dequeue();
        const bool remember = m_presetRemember.isEmpty() || m_presetRemember.dequeue();
        QTimer::singleShot(0, context,
                           [answered = std::move(answered), answer, remember] { answered(answer, remember); });
        return;
    }
    auto *box = new QMessageBox(question.warning ? QMessageBox::Warning : QMessageBox::Question, question.title,
                                question.text, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("questionBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes =
        box->addButton(question.confirmText.isEmpty() ? tr("Yes") : question.confirmText, QMessageBox::AcceptRole);
    QPushButton *no =
        box->addButton(question.declineText.isEmpty() ? tr("No") : question.declineText, QMessageBox::DestructiveRole);
    // Esc and the title bar's close dismiss the question: neither answer is taken.
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setEscapeButton(cancel);
    box->setDefaultButton(yes);
    auto *rememberBox = new QCheckBox(tr("&Don't ask again"), box);
    rememberBox->setChecked(true);
    box->setCheckBox(rememberBox);
    connect(box, &QMessageBox::finished, context, [box, yes, no, rememberBox, answered = std::move(answered)] {
        std::optional<bool> choice;
        if (box->clickedButton() == yes)
            choice = true;
        else if (box->clickedButton() == no)
            choice = false;
        answered(choice, rememberBox->isChecked());
    });
    box->open();
}

void Dialogs::presetRemember(const QList<bool> &remember)
{
    for (const bool value : remember)
        m_presetRemember.enqueue(value);
}

void Dialogs::presetAnswers(const QList<bool> &answers)
{
    for (const bool answer : answers)
        m_preset.enqueue(answer);
}
