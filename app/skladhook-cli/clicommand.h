// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <functional>

class CliContext;

// One command of skladhook-cli ("webhooks list"). Files register theirs with a static CliRegistration.
struct CliCommand final
{
    QString name;                          // words, space separated: "webhooks apply"
    QString arguments;                     // usage of the positional arguments: "ENTITY ACTION MODE"
    QString summary;                       // one line for --help
    QList<QCommandLineOption> options;     // options of this command only (global ones are always accepted)
    std::function<void(CliContext &)> run; // must end with ctx.finish(code) or ctx.fail(message), now or later
    // The exit code of a failure (no credentials, an API error…). `verify` answers 1 for "differences found", so its
    // failures need another one.
    int failureExitCode = 1;
    // false: the command works on the files alone (backup, restore, store move-aside), so it also works when the
    // database is what cannot be opened.
    bool opensWorkspace = true;
};

class CliRegistry final
{
public:
    static void add(CliCommand command);
    static const QList<CliCommand> &commands();
    // The command whose words start `words` (longest match), or nullptr.
    static const CliCommand *match(const QStringList &words);
};

struct CliRegistration final
{
    explicit CliRegistration(CliCommand command) { CliRegistry::add(std::move(command)); }
};
