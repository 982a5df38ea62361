// SPDX-License-Identifier: GPL-3.0-or-later
#include "logcategories.h"

Q_LOGGING_CATEGORY(lcMoySklad, "skladhook.moysklad", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHooks, "skladhook.hooks", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "skladhook.settings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "skladhook.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIntake, "skladhook.intake", QtInfoMsg)
Q_LOGGING_CATEGORY(lcQueue, "skladhook.queue", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "skladhook.service", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "skladhook.ui", QtInfoMsg)
