// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommand.h"

#include <QStringList>

namespace {
QList<CliCommand> &registry()
{
    static QList<CliCommand> commands;
    return commands;
}
} // namespace

void CliRegistry::add(CliCommand command)
{
    registry().append(std::move(command));
}

const QList<CliCommand> &CliRegistry::commands()
{
    return registry();
}

const CliCommand *CliRegistry::match(const QStringList &words)
{
    const CliCommand *best = nullptr;
    qsizetype bestLength = 0;
    for (const CliCommand &command : registry()) {
        const QStringList name = command.name.split(QLatin1Char(' '));
        if (name.size() <= words.size() && words.mid(0, name.size()) == name && name.size() > bestLength) {
            best = &command;
            bestLength = name.size();
        }
    }
    return best;
}
