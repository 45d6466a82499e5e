#include "core/domain/Revocation.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace InviteDesk {

QString revokeOutcomeKey(RevokeOutcome outcome)
{
    switch (outcome) {
    case RevokeOutcome::Revoked: return u"revoked"_s;
    case RevokeOutcome::RevokedUnattributed: return u"revoked_unattributed"_s;
    case RevokeOutcome::AlreadyRevoked: return u"already_revoked"_s;
    case RevokeOutcome::NotPendingAccepted: return u"not_pending_accepted"_s;
    case RevokeOutcome::NotPendingExpired: return u"not_pending_expired"_s;
    case RevokeOutcome::NotPendingOther: return u"not_pending"_s;
    case RevokeOutcome::NotFound: return u"not_found"_s;
    case RevokeOutcome::Forbidden: return u"forbidden"_s;
    case RevokeOutcome::Failed: return u"failed"_s;
    case RevokeOutcome::Cancelled: return u"cancelled"_s;
    case RevokeOutcome::StillPending: return u"not_revoked_still_pending"_s;
    }
    return u"failed"_s;
}

QString revokeOutcomeText(RevokeOutcome outcome)
{
    switch (outcome) {
    case RevokeOutcome::Revoked: return QCoreApplication::translate("RevokeOutcome", "Revoked");
    case RevokeOutcome::RevokedUnattributed:
        return QCoreApplication::translate("RevokeOutcome", "Revoked, by this run or another (the answer was lost)");
    case RevokeOutcome::AlreadyRevoked: return QCoreApplication::translate("RevokeOutcome", "Already revoked");
    case RevokeOutcome::NotPendingAccepted:
        return QCoreApplication::translate("RevokeOutcome", "Not pending: already accepted");
    case RevokeOutcome::NotPendingExpired: return QCoreApplication::translate("RevokeOutcome", "Not pending: expired");
    case RevokeOutcome::NotPendingOther: return QCoreApplication::translate("RevokeOutcome", "Not pending");
    case RevokeOutcome::NotFound: return QCoreApplication::translate("RevokeOutcome", "Not found");
    case RevokeOutcome::Forbidden: return QCoreApplication::translate("RevokeOutcome", "Forbidden");
    case RevokeOutcome::Failed: return QCoreApplication::translate("RevokeOutcome", "Failed");
    case RevokeOutcome::Cancelled: return QCoreApplication::translate("RevokeOutcome", "Cancelled");
    case RevokeOutcome::StillPending:
        return QCoreApplication::translate("RevokeOutcome", "Not revoked: still pending");
    }
    return {};
}

bool revokeSucceeded(RevokeOutcome outcome)
{
    return outcome == RevokeOutcome::Revoked || outcome == RevokeOutcome::RevokedUnattributed
           || outcome == RevokeOutcome::AlreadyRevoked;
}

bool revokeConfirmedAsOurs(RevokeOutcome outcome)
{
    return outcome == RevokeOutcome::Revoked;
}

bool revokeRetryable(RevokeOutcome outcome)
{
    return outcome == RevokeOutcome::Failed || outcome == RevokeOutcome::Forbidden;
}

RevokeOutcome outcomeOfReRead(InvitationStatus status, OurRequest ours)
{
    switch (status) {
    case InvitationStatus::Revoked:
        // Another agent may have revoked it at the same moment: only Clerk's answer to our request
        // would say it was ours, and that answer is what was lost.
        return ours == OurRequest::OneMayHaveDoneIt ? RevokeOutcome::RevokedUnattributed : RevokeOutcome::AlreadyRevoked;
    case InvitationStatus::Accepted: return RevokeOutcome::NotPendingAccepted;
    case InvitationStatus::Expired: return RevokeOutcome::NotPendingExpired;
    case InvitationStatus::Unknown: return RevokeOutcome::NotPendingOther;
    case InvitationStatus::Pending: break;
    }
    return RevokeOutcome::StillPending;
}

QString RevokeResult::describe() const
{
    QString text = revokeOutcomeText(outcome);
    if (error && revokeRetryable(outcome))
        text += u": "_s + error->oneLine();
    return text;
}

RevokeItem RevokeItem::of(const Invitation &invitation, const Organization &organization)
{
    // Rows from the instance-wide lists carry their own organization.
    const QString orgId = invitation.organizationId.isEmpty() ? organization.id : invitation.organizationId;
    const QString orgName = invitation.organization ? invitation.organization->name : organization.name;
    if (invitation.kind == InvitationKind::Application)
        return RevokeItem{{}, {}, invitation.id, invitation.emailAddress, {}, {}, InvitationKind::Application};
    return RevokeItem{orgId, orgName, invitation.id, invitation.emailAddress, invitation.role};
}

RevokeState revokeStateFor(RevokeOutcome outcome)
{
    if (revokeSucceeded(outcome))
        return RevokeState::Revoked;
    return outcome == RevokeOutcome::Cancelled ? RevokeState::Idle : RevokeState::Failed;
}

bool isRevocable(const Invitation &invitation, RevokeState state)
{
    return invitation.status == InvitationStatus::Pending
           && (state == RevokeState::Idle || state == RevokeState::Failed);
}

bool isReinvitable(const Invitation &invitation, RevokeState state)
{
    return invitation.status == InvitationStatus::Revoked || invitation.status == InvitationStatus::Expired
           || state == RevokeState::Revoked;
}

} // namespace InviteDesk
