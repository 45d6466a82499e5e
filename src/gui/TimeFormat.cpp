#include "gui/TimeFormat.h"

#include <QtCore/QDateTime>
#include <QtCore/QLocale>

namespace InviteDesk::TimeFormat {

namespace {
constexpr qint64 minute = 60'000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

// Counts are computed before translate(): lupdate's parser hangs on some expressions inside its arguments.
QString span(qint64 ms)
{
    if (ms < hour) {
        const int minutes = ms < minute ? 1 : int(ms / minute);
        return QCoreApplication::translate("TimeFormat", "%n minute(s)", nullptr, minutes);
    }
    if (ms < day) {
        const int hours = int(ms / hour);
        return QCoreApplication::translate("TimeFormat", "%n hour(s)", nullptr, hours);
    }
    if (ms < 60 * day) {
        const int days = int(ms / day);
        return QCoreApplication::translate("TimeFormat", "%n day(s)", nullptr, days);
    }
    const qint64 monthMs = 30 * day;
    const int months = int(ms / monthMs);
    return QCoreApplication::translate("TimeFormat", "%n month(s)", nullptr, months);
}
} // namespace

QString ago(qint64 ms, qint64 now)
{
    const qint64 delta = now - ms;
    if (delta < minute)
        return QCoreApplication::translate("TimeFormat", "just now");
    return QCoreApplication::translate("TimeFormat", "%1 ago").arg(span(delta));
}

QString expiry(qint64 ms, qint64 now)
{
    const qint64 delta = ms - now;
    if (delta <= 0)
        return QCoreApplication::translate("TimeFormat", "expired %1 ago").arg(span(-delta));
    return QCoreApplication::translate("TimeFormat", "in %1").arg(span(delta));
}

QString exact(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::LongFormat);
}

} // namespace InviteDesk::TimeFormat
