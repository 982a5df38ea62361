// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs.h"

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
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(no);
    connect(box, &QMessageBox::finished, context,
            [box, yes, answered = std::move(answered)] { answered(box->clickedButton() == yes); });
    box->open();
}

void Dialogs::presetAnswers(const QList<bool> &answers)
{
    for (const bool answer : answers)
        m_preset.enqueue(answer);
}
