#include "core/domain/StaleRule.h"

#include "core/util/Durations.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace InviteDesk {

std::optional<StaleRule> StaleRule::parse(const QString &text, QString *error)
{
    const QString span = text.trimmed().toLower();
    const auto fail = [&] {
        if (error)
            *error = QCoreApplication::translate("StaleRule", "\"%1\" is not a span: write a whole number and h, d "
                                                              "or w (36h, 14d, 2w), at most %2 days")
                         .arg(text.left(40))
                         .arg(mostDays);
        return std::nullopt;
    };
    if (span.size() < 2 || span.size() > 6)
        return fail();
    const char unit = span.back().toLatin1();
    qint64 unitMs = 0;
    switch (unit) {
    case 'h': unitMs = msPerHour; break;
    case 'd': unitMs = msPerDay; break;
    case 'w': unitMs = 7 * msPerDay; break;
    default: return fail();
    }
    const QStringView digits = QStringView(span).chopped(1);
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9') // no sign, no spaces, no 1e3, no 1.5
            return fail();
    }
    const int count = digits.toInt();
    if (count < 1 || count * unitMs > mostDays * msPerDay)
        return fail();
    return StaleRule(count * unitMs, count, unit);
}

StaleRule StaleRule::days(int days)
{
    return StaleRule(qint64(days) * msPerDay, days, 'd');
}

bool StaleRule::isStale(const Invitation &invitation, qint64 nowMs) const
{
    // Still usable: pending, and not run out since Clerk said so (an expired one is no open door).
    const bool ranOut = invitation.expiresAt && *invitation.expiresAt <= nowMs;
    return invitation.status == InvitationStatus::Pending && !ranOut && invitation.createdAt < cutoffMs(nowMs);
}

QString StaleRule::describe() const
{
    const bool one = m_count == 1;
    switch (m_unit) {
    case 'h': return one ? QCoreApplication::translate("StaleRule", "1 hour")
                         : QCoreApplication::translate("StaleRule", "%1 hours").arg(m_count);
    case 'w': return one ? QCoreApplication::translate("StaleRule", "1 week")
                         : QCoreApplication::translate("StaleRule", "%1 weeks").arg(m_count);
    default: return one ? QCoreApplication::translate("StaleRule", "1 day")
                        : QCoreApplication::translate("StaleRule", "%1 days").arg(m_count);
    }
}

} // namespace InviteDesk
