#pragma once

#include <QtCore/QtGlobal>

namespace InviteDesk {

// Clerk's timestamps are milliseconds since the epoch; these are the spans the code reasons in.
inline constexpr qint64 msPerHour = 3600LL * 1000;
inline constexpr qint64 msPerDay = 24 * msPerHour;

} // namespace InviteDesk
