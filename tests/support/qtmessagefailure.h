// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Installs a Qt message handler that turns qWarning/qCritical/qFatal into GoogleTest failures.
// Tests that expect a warning set SKLADHOOK_ALLOW_QT_WARNINGS=1 in their scope (QScopedValueRollback on
// allowQtWarnings()).
bool &allowQtWarnings();
void installQtMessageFailure();
