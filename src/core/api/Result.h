#pragma once

#include "core/api/ClerkError.h"

#include <utility>
#include <variant>

namespace InviteDesk {

/*!
 * A value or the ClerkError that prevented it. Every client call hands its
 * callback one of these; check ok() before value().
 */
template <typename T>
class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(ClerkError error) : m_data(std::in_place_index<1>, std::move(error)) {}

    [[nodiscard]] bool ok() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    [[nodiscard]] const T &value() const & { return std::get<0>(m_data); }
    [[nodiscard]] T &value() & { return std::get<0>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_data)); }
    [[nodiscard]] const ClerkError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, ClerkError> m_data;
};

} // namespace InviteDesk
