// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// One category per room; filter with QT_LOGGING_RULES="skladhook.moysklad.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcMoySklad)
Q_DECLARE_LOGGING_CATEGORY(lcHooks)
Q_DECLARE_LOGGING_CATEGORY(lcSettings)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcIntake)
Q_DECLARE_LOGGING_CATEGORY(lcQueue)
Q_DECLARE_LOGGING_CATEGORY(lcService)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
