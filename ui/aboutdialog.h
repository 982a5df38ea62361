// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

// Version, build, and the licences of the libraries SkladHook uses.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The text shown (for tests and the CLI-less copy button).
    static QString text();
};
