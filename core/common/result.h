// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>
#include <variant>

// A value or an error: GCC 12 has no std::expected. Errors travel from core as values.
struct Done final
{
    bool operator==(const Done &) const = default;
};

template<typename T, typename E>
class [[nodiscard]] Result final
{
public:
    Result(T value) // NOLINT(google-explicit-constructor): implicit by design, like std::expected
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(E error) // NOLINT(google-explicit-constructor)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    // By value from a temporary: `for (x : f().value())` must not iterate a destroyed Result's member.
    T value() && { return std::get<0>(std::move(m_data)); }
    const E &error() const & { return std::get<1>(m_data); }
    E error() && { return std::get<1>(std::move(m_data)); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, E> m_data;
};
