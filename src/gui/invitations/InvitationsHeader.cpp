#include "gui/invitations/InvitationsHeader.h"

#include "core/domain/Seats.h"
#include "gui/invitations/InvitationFilterModel.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"

#include <QtCore/QLocale>
#include <QtGui/QAction>

using namespace Qt::StringLiterals;

namespace InviteDesk {

InvitationsHeader::InvitationsHeader(QWidget *parent) : QLabel(parent)
{
    // Wraps in a narrow window rather than holding it wide (QLabel's own minimum is its longest line).
    setMinimumWidth(fontMetrics().horizontalAdvance(u'x') * 24);
}

void InvitationsHeader::setUp(const InvitationsController *invitations, const InvitationTableModel *model,
                              const InvitationFilterModel *proxy, const QAction *refresh)
{
    m_invitations = invitations;
    m_model = model;
    m_proxy = proxy;
    m_refresh = refresh;
}

QString InvitationsHeader::seatsSentence(const Organization &organization)
{
    const std::optional<SeatUse> seats = seatUseOf(organization);
    if (!seats)
        return {};
    QString text = tr("%Ln member(s)", nullptr, seats->members) + u" · "_s
                   + tr("%Ln pending invitation(s)", nullptr, seats->pending) + u" · "_s
                   + (seats->hasLimit() ? tr("limit %1").arg(QLocale().toString(seats->limit)) : tr("no membership limit"));
    if (seats->heldByInvitations())
        text += u"<br><b>"_s
                + tr("At its limit because of pending invitations: no one can join until %Ln of them is revoked.",
                     nullptr, seats->revokesForOneSeat())
                + u"</b>"_s;
    else if (seats->atLimit())
        text += u"<br><b>"_s + tr("At its limit with members alone: revoking invitations frees no seat.") + u"</b>"_s;
    return text;
}

void InvitationsHeader::present(bool loading)
{
    // While a load runs, its strip counts; the header's counts come at its end. Rows arrive in blocks, and
    // each new text of this word-wrapped label lays the whole window out again (~6 ms).
    const bool counting = !loading;
    const ListingScope &scope = m_invitations->scope();
    if (scope.isChosen() && !m_invitations->hasOrganization()) {
        QString text = u"<span style='font-size:large;font-weight:bold'>"_s + scope.title().toHtmlEscaped() + u"</span>"_s;
        if (counting) {
            text += u"&nbsp;&nbsp;"_s + countsText();
            if (scope.spansOrganizations())
                text += u" · "_s + tr("in %Ln organization(s)", nullptr, m_model->organizationCount());
            else // an application invitation is to the instance, not to an organization
                text += u" · "_s + tr("invitations to sign up, not to an organization");
            text += extentText();
        }
        setText(text);
    } else if (m_invitations->hasOrganization()) {
        const Organization &org = m_invitations->organization();
        QStringList details;
        if (!org.slug.isEmpty())
            details << org.slug.toHtmlEscaped();
        details << u"<code>"_s + org.id.toHtmlEscaped() + u"</code>"_s;
        if (counting)
            details << countsText();
        QString text = u"<span style='font-size:large;font-weight:bold'>"_s + org.name.toHtmlEscaped()
                       + u"</span>&nbsp;&nbsp;"_s + details.join(u" · "_s);
        if (counting)
            text += extentText();
        if (const QString seats = seatsSentence(org); !seats.isEmpty())
            text += u"<br>"_s + seats;
        setText(text);
    } else {
        setText(tr("No organization selected"));
    }
}

QString InvitationsHeader::countsText() const
{
    // One basis for every number beside the seats line: the rows loaded, and of them the pending ones, which
    // is what "pending" means there too (revoked and accepted rows are loaded, but hold no seat).
    const int shown = m_proxy->rowCount();
    const int loaded = m_model->rowCount();
    const int pending = m_model->pendingCount();
    QStringList parts;
    if (shown != loaded)
        parts << tr("%1 shown").arg(QLocale().toString(shown));
    if (loaded == 0)
        parts << tr("%Ln invitation(s)", nullptr, loaded);
    else if (pending == loaded)
        parts << tr("%Ln pending invitation(s)", nullptr, loaded);
    else
        parts << tr("%1 loaded · %2 pending").arg(QLocale().toString(loaded), QLocale().toString(pending));
    return parts.join(u" · "_s);
}

QString InvitationsHeader::extentText() const
{
    // A list cut short looks like a whole one: the header says it is not, until a load reads it all.
    const QString key = m_refresh->shortcut().toString(QKeySequence::NativeText);
    switch (m_invitations->listExtent()) {
    case InvitationListing::Extent::Whole:
        return {};
    case InvitationListing::Extent::Doubted:
        return u" · <b>"_s + tr("may be incomplete — %1 reads it again").arg(key).toHtmlEscaped() + u"</b>"_s;
    case InvitationListing::Extent::Partial:
        break;
    }
    return u" · <b>"_s + tr("incomplete — %1 loads all").arg(key).toHtmlEscaped() + u"</b>"_s;
}

} // namespace InviteDesk
