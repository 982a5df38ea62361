// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "moysklad/apierror.h"

// MoySklad's refusals of webhook writes in plain words, with what to do; the original text is kept by the caller.
namespace HookErrors {
QString explain(const ApiError &error);
} // namespace HookErrors
