// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// A loopback port nothing listens on right now: the OS picks it, and it is released for the code under test to
// take (another process could take it first, which the tests accept). Fails the current test and returns 0 when no
// port could be had.
quint16 freePort();
