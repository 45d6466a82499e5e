#include "core/util/Csv.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimeZone>

using namespace Qt::StringLiterals;

namespace InviteDesk::Csv {

QString field(const QString &value)
{
    QString text = value;
    // What spreadsheet apps read as the start of a formula (OWASP's list, tab and carriage return included).
    static constexpr QStringView formulaStarts = u"=+-@\t\r";
    if (!text.isEmpty() && formulaStarts.contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(u"\""_s, u"\"\""_s);
        return u'"' + text + u'"';
    }
    return text;
}

QString row(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << field(f);
    return quoted.join(u',') + u"\r\n"_s;
}

namespace {
QString isoTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate) : QString();
}
} // namespace

QString invitationHeader()
{
    return row({u"id"_s, u"email_address"_s, u"role"_s, u"role_name"_s, u"status"_s, u"created_at"_s, u"expires_at"_s,
                u"inviter_id"_s, u"inviter"_s, u"organization_id"_s, u"organization_name"_s, u"kind"_s});
}

QString invitationRow(const Invitation &inv)
{
    return row({inv.id, inv.emailAddress, inv.role, inv.roleName, inv.statusText, isoTime(inv.createdAt),
                inv.expiresAt ? isoTime(*inv.expiresAt) : QString(), inv.inviterId, inv.inviterDisplay(),
                inv.organizationId, inv.organization ? inv.organization->name : QString(), kindKey(inv.kind)});
}

} // namespace InviteDesk::Csv
