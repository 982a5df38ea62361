// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/databasefile.h"

#include <QMessageBox>

class QAbstractButton;

// What the desktop app shows when skladhook.db cannot be used, before anything else opens: the problem in words,
// naming the file. For a damaged or foreign file it offers to move the file aside (kept, never deleted) and start
// with a fresh database, which the first catch-up sync fills again.
class StoreProblemPrompt final : public QMessageBox
{
    Q_OBJECT

public:
    explicit StoreProblemPrompt(const DatabaseFile::Problem &problem, QWidget *parent = nullptr);

    bool moveAsideChosen() const;
    QAbstractButton *moveAsideButton() const { return m_moveAside; }

private:
    QAbstractButton *m_moveAside = nullptr;
};
