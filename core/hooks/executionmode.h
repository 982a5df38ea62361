// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QString>

// How the events of one hook are processed (the module's «Тип выполнения веб-хука»).
enum class ExecutionMode {
    Immediate,      // «Выполнять моментально»: right after the delivery is answered
    Queued,         // «Выполнять отложенно в очереди»: by the worker
    FirstImmediate, // «Первый элемент моментально, остальные в очереди»
};

QString executionModeName(ExecutionMode mode); // "immediate" | "queued" | "first-immediate"
std::optional<ExecutionMode> parseExecutionMode(const QString &name);
