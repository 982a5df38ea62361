// SPDX-License-Identifier: GPL-3.0-or-later
// check: placeholder registered by the foundation; the client helper implements it.
#include "clicommand.h"
#include "clicontext.h"
