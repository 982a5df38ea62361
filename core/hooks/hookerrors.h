// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "moysklad/apierror.h"

// MoySklad's refusals of webhook writes in plain words, with what to do, in the language of the installed translators
// (context "HookErrors"); MoySklad's own text is kept by the caller as it came.
namespace HookErrors {
QString explain(const ApiError &error);
} // namespace HookErrors
