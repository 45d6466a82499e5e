#pragma once

#include "core/api/ClerkError.h"
#include "core/api/ClerkTypes.h"

#include <QtCore/QString>

#include <functional>
#include <optional>

namespace InviteDesk {

/*!
 * The rules of revoking, each decided in one place: which invitations may be revoked, what every
 * revoke ends in and how that is named, and what a re-read of an invitation says about a revoke.
 * Both front ends and every workflow ask these functions; none decides on its own.
 */

/*! The one final outcome every revoke ends in. */
enum class RevokeOutcome {
    Revoked,            //!< this revoke did it: Clerk answered this request with the invitation revoked
    /*!
     * Found revoked by a re-read after this run's request went out and its answer was lost: this run
     * or someone else revoked it, and which cannot be told. Never counted as the agent's revoke.
     */
    RevokedUnattributed,
    AlreadyRevoked,     //!< revoked by someone else: before this run sent anything, or while it never sent
    NotPendingAccepted, //!< the invitee had already accepted
    NotPendingExpired,  //!< it had expired
    NotPendingOther,    //!< not pending, in a status this version does not know
    NotFound,
    Forbidden,          //!< the key or the acting user may not revoke it
    Failed,             //!< see the error
    Cancelled,          //!< never sent
    StillPending,       //!< a re-read after an interrupted run: the revoke was never carried out
};

/*! Stable machine name, for the CLI and the audit log: "revoked", "already_revoked", … */
QString revokeOutcomeKey(RevokeOutcome outcome);
/*! Short text for people (translated). */
QString revokeOutcomeText(RevokeOutcome outcome);
/*! Revoked, by whomever: the invitation can no longer be used. */
bool revokeSucceeded(RevokeOutcome outcome);
/*!
 * Revoked by this very request, as Clerk's answer to it shows: the only outcome that counts as the
 * agent's revoke in the team's activity, summaries and tickets.
 */
bool revokeConfirmedAsOurs(RevokeOutcome outcome);
/*! Failed or forbidden: worth trying again (the others are final answers about the invitation). */
bool revokeRetryable(RevokeOutcome outcome);

/*! Whether a revoke request of this run may be what revoked an invitation that a re-read finds revoked. */
enum class OurRequest {
    NoneCouldHaveDoneIt, //!< none left this computer, or Clerk answered each one (and none revoked it)
    OneMayHaveDoneIt,    //!< one went out and its answer was lost (or did not show the invitation)
};

/*!
 * What a re-read of an invitation says about a revoke. A revoked invitation proves that it is revoked,
 * not who revoked it: when a request of ours may have done it, it is RevokedUnattributed; when none
 * could have, it is AlreadyRevoked (someone else's). Pending gives StillPending: the caller decides
 * whether to send again.
 */
RevokeOutcome outcomeOfReRead(InvitationStatus status, OurRequest ours);

struct RevokeResult
{
    RevokeOutcome outcome = RevokeOutcome::Failed;
    std::optional<ClerkError> error;
    std::optional<Invitation> invitation; //!< the latest state Clerk reported
    int attempts = 0;                     //!< revoke requests sent
    bool verified = false;                //!< the outcome was confirmed by re-reading the invitation

    /*! One line for people: the outcome, plus the reason for failures. */
    QString describe() const;
};

/*! One invitation to revoke, with what the audit log and the summary show about it. */
struct RevokeItem
{
    QString organizationId;
    QString organizationName;
    QString invitationId;
    QString emailAddress;
    QString role;
    QString ticket; //!< the support ticket this revoke belongs to, if any
    /*! An application invitation has no organization: organizationId is empty (ClerkClient's rule). */
    InvitationKind kind = InvitationKind::Organization;

    /*! For \a invitation; rows of one organization's list take \a organization's ID and name. */
    static RevokeItem of(const Invitation &invitation, const Organization &organization = {});
};

/*! Where an invitation is in a revoke run of this session (what a table row shows while it runs). */
enum class RevokeState {
    Idle,     //!< not part of a run, or undone
    Queued,   //!< confirmed, waiting (the undo window, or its turn)
    Revoking, //!< sent, or being settled
    Revoked,  //!< ended revoked or already revoked
    Failed,   //!< ended otherwise (see the result)
};

/*! The state a row takes when a revoke ends in \a outcome (Cancelled goes back to Idle). */
RevokeState revokeStateFor(RevokeOutcome outcome);

/*!
 * Whether \a invitation may be revoked now: it is pending and not already part of a run (queued or
 * being revoked) or revoked by one. A failed revoke may be tried again.
 */
bool isRevocable(const Invitation &invitation, RevokeState state);

/*! Whether a new invitation like \a invitation may be created (re-invite): it was revoked or expired. */
bool isReinvitable(const Invitation &invitation, RevokeState state);

/*!
 * Told about every revoke before it is sent and when it has settled (the audit log). Each answers
 * through \a done, at once or later, on the caller's thread.
 */
class RevokeObserver
{
public:
    using Done = std::function<void(bool ok, const QString &whyNot)>;
    virtual ~RevokeObserver() = default;
    /*! Not ok (with a reason): this revoke is not sent, and the run stops. */
    virtual void revokeIntended(const RevokeItem &item, Done done) = 0;
    /*!
     * The request for \a item is leaving now (its intent is on disk). Answers at once: it must be
     * quick, and must leave a trace a later process can read even if this one is killed next.
     */
    virtual void revokeSending(const RevokeItem &item) { Q_UNUSED(item); }
    /*! Not ok (with a reason): the outcome could not be recorded, and the run stops sending. */
    virtual void revokeSettled(const RevokeItem &item, const RevokeResult &result, Done done) = 0;
};

} // namespace InviteDesk
