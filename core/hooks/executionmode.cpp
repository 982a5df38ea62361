// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionmode.h"

QString executionModeName(ExecutionMode mode)
{
    switch (mode) {
    case ExecutionMode::Immediate:
        return QStringLiteral("immediate");
    case ExecutionMode::Queued:
        return QStringLiteral("queued");
    case ExecutionMode::FirstImmediate:
        return QStringLiteral("first-immediate");
    }
    return QStringLiteral("immediate");
}

std::optional<ExecutionMode> parseExecutionMode(const QString &name)
{
    for (ExecutionMode mode : {ExecutionMode::Immediate, ExecutionMode::Queued, ExecutionMode::FirstImmediate}) {
        if (executionModeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}
