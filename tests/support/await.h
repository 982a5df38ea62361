// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>
#include <QTest>

#include <functional>
#include <optional>

// Runs an asynchronous call to its callback, spinning the event loop (tests only), and returns the value passed
// to the callback. When none came within timeoutMs the test fails and std::bad_optional_access ends it.
template<typename R>
R awaitResult(const std::function<void(std::function<void(R)>)> &call, int timeoutMs = 20000)
{
    std::optional<R> result;
    call([&result](R value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs))
        ADD_FAILURE() << "no answer within " << timeoutMs << " ms";
    return std::move(result).value();
}
