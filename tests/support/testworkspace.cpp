// SPDX-License-Identifier: GPL-3.0-or-later
#include "testworkspace.h"

#include "settings/memorysecretstore.h"

Workspace::Options testWorkspaceOptions(const QString &dataDir, MemorySecretStore **keychain, int changePollMs)
{
    Workspace::Options options;
    options.dataDir = dataDir;
    options.changePollMs = changePollMs;
    options.keychain = [keychain] {
        auto store = std::make_unique<MemorySecretStore>();
        if (keychain)
            *keychain = store.get();
        return store;
    };
    return options;
}
