// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeproblemprompt.h"

#include <QPushButton>

StoreProblemPrompt::StoreProblemPrompt(const DatabaseFile::Problem &problem, QWidget *parent)
    : QMessageBox(parent)
{
    setIcon(QMessageBox::Critical);
    setWindowTitle(tr("SkladHook cannot open its database"));
    using Kind = DatabaseFile::Problem::Kind;
    QString text;
    switch (problem.kind) {
    case Kind::NotADatabase:
        text = tr("%1 is not a SkladHook database: it is damaged or was cut short.").arg(problem.path);
        break;
    case Kind::Damaged:
        text = tr("%1 is damaged: the integrity check found errors.").arg(problem.path);
        break;
    case Kind::Foreign:
        text = tr("%1 belongs to another program.").arg(problem.path);
        break;
    case Kind::Newer:
        text = tr("%1 was written by a newer version of SkladHook. Install that version, or restore a backup made "
                  "by this one (skladhook-cli restore FILE).")
                   .arg(problem.path);
        break;
    case Kind::Unreadable:
    case Kind::None:
        text = tr("%1 cannot be opened.").arg(problem.path);
        break;
    }
    setText(text);
    if (problem.canMoveAside()) {
        setInformativeText(tr("Move it aside and start with a fresh database? The file is kept under a new name, "
                              "never deleted. A catch-up sync then fetches the documents of the last %n day(s) "
                              "from MoySklad again.",
                              nullptr, 30));
        m_moveAside = addButton(tr("&Move aside and start afresh"), QMessageBox::AcceptRole);
        setDefaultButton(qobject_cast<QPushButton *>(m_moveAside));
    }
    setDetailedText(problem.detail);
    addButton(tr("&Quit"), QMessageBox::RejectRole);
}

bool StoreProblemPrompt::moveAsideChosen() const
{
    return m_moveAside && clickedButton() == m_moveAside;
}
