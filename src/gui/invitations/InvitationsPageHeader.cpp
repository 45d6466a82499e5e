#include "gui/invitations/InvitationsPage.h"

#include "core/domain/Seats.h"

#include "gui/invitations/InvitationFilterModel.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "ui_InvitationsPage.h"

using namespace Qt::StringLiterals;

// What the page says above the table: its title, counts, seats and how much of the list it holds, and the quick filters' counts.

namespace InviteDesk {

void InvitationsPage::updateQuickFilterCounts()
{
    using QuickFilter = InvitationFilterModel::QuickFilter;
    auto label = [this](QuickFilter e, const QString &text) {
        const int index = m_ui->quickFilterCombo->findData(int(e));
        if (index >= 0)
            m_ui->quickFilterCombo->setItemText(index, text.arg(QLocale().toString(m_proxy->countMatching(e))));
    };
    label(QuickFilter::Within24Hours, tr("Expires within 24 h (%1)"));
    label(QuickFilter::Within7Days, tr("Expires within 7 days (%1)"));
    label(QuickFilter::Expired, tr("Expired (%1)"));
    label(QuickFilter::Duplicates, tr("Invited more than once (%1)"));
    if (const int stale = m_ui->quickFilterCombo->findData(int(QuickFilter::PendingLongerThan)); stale >= 0) {
        m_ui->quickFilterCombo->setItemText(
            stale, tr("Pending longer than %n day(s) (%1)", nullptr, m_proxy->staleDays())
                       .arg(QLocale().toString(m_proxy->countMatching(QuickFilter::PendingLongerThan))));
    }

    // One entry per role the pending invitations hold: a role Clerk will not delete
    // (organization_role_exists_in_invitations) is unblocked by this filter, Select All and Revoke.
    QComboBox *combo = m_ui->quickFilterCombo;
    if (combo->view()->isVisible()) { // never rebuilt under the agent's pointer: after the popup closes
        m_countsTimer.start();
        return;
    }
    for (int i = combo->count() - 1; i >= 0; --i) {
        if (combo->itemData(i).typeId() == QMetaType::QString)
            combo->removeItem(i);
    }
    for (const InvitationFilterModel::RoleCount &role : m_proxy->pendingRoles())
        combo->addItem(tr("Pending with role %1 (%2)").arg(role.name, QLocale().toString(role.pending)), role.key);
    if (!m_proxy->role().isEmpty()) {
        const int index = combo->findData(m_proxy->role());
        if (index >= 0)
            combo->setCurrentIndex(index);
        else
            clearRoleFilter(); // no pending invitation holds it any more: back to all
    }
}

QString InvitationsPage::title() const
{
    return m_invitations->scope().title();
}

QString InvitationsPage::seatsSentence(const Organization &organization)
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

void InvitationsPage::updateHeader()
{
    // While a load runs, its panel counts; the header's counts come at its end. Rows arrive in blocks, and
    // each new text of this word-wrapped label lays the whole window out again (~6 ms).
    const bool counting = !m_loading;
    const ListingScope &scope = m_invitations->scope();
    if (scope.isChosen() && !m_invitations->hasOrganization()) {
        QString text = u"<span style='font-size:large;font-weight:bold'>"_s + title().toHtmlEscaped() + u"</span>"_s;
        if (counting) {
            text += u"&nbsp;&nbsp;"_s + countsText();
            if (scope.spansOrganizations())
                text += u" · "_s + tr("in %Ln organization(s)", nullptr, m_model->organizationCount());
            else // an application invitation is to the instance, not to an organization
                text += u" · "_s + tr("invitations to sign up, not to an organization");
            text += extentText();
        }
        m_ui->organizationLabel->setText(text);
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
        m_ui->organizationLabel->setText(text);
    } else {
        m_ui->organizationLabel->setText(tr("No organization selected"));
    }
    Q_EMIT titleChanged();
}

QString InvitationsPage::countsText() const
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

QString InvitationsPage::extentText() const
{
    // A list cut short looks like a whole one: the header says it is not, until a load reads it all.
    const QString key = m_actions.refresh->shortcut().toString(QKeySequence::NativeText);
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
