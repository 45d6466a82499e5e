#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace InviteDesk::TimeFormat {

/*! "just now", "5 minutes ago", "3 days ago" — for a past instant. */
QString ago(qint64 msSinceEpoch, qint64 nowMs);
/*! "in 5 hours", "expired 2 days ago" — for an expiry. */
QString expiry(qint64 msSinceEpoch, qint64 nowMs);
/*! The exact local time, for tooltips. */
QString exact(qint64 msSinceEpoch);

} // namespace InviteDesk::TimeFormat
