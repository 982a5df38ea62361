// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

class MemorySecretStore;

// A workspace's options for a test's data directory: an in-memory store stands for the OS keychain (the file opt-in
// is still chosen by the settings). `keychain`, when given, receives the store once the workspace makes it, so the
// test can read or break it.
Workspace::Options testWorkspaceOptions(const QString &dataDir, MemorySecretStore **keychain = nullptr,
                                        int changePollMs = 500);
