#include "core/workflows/RevokeTask.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace InviteDesk {

RevokeTask::RevokeTask(ClerkClient *client, QString organizationId, QString invitationId, QString requestingUserId,
                       QObject *parent)
    : QObject(parent), m_client(client), m_organizationId(std::move(organizationId)),
      m_invitationId(std::move(invitationId)), m_requestingUserId(std::move(requestingUserId)),
      m_retryTimer(client ? client->clock() : nullptr)
{
    connect(&m_retryTimer, &ClockTimer::timeout, this, &RevokeTask::send);
}

RevokeTask::~RevokeTask() = default;

void RevokeTask::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RevokeTask::start()
{
    if (m_state != State::Idle)
        return;
    send();
}

void RevokeTask::pause()
{
    if (m_state == State::Done)
        return;
    m_pauseRequested = true;
    if (m_state == State::Waiting && m_retryTimer.isActive()) {
        m_retryTimer.stop();
        setState(State::Paused);
        return;
    }
    // Still waiting for the pacer: withdrawn at once, with no answer to come (it never left).
    if (m_state == State::Sending && m_callIsRevoke && m_client && m_client->withdrawIfNotSent(m_call)) {
        m_call = 0;
        --m_result.attempts;
        setState(State::Paused);
    }
}

void RevokeTask::resume()
{
    m_pauseRequested = false;
    if (m_state == State::Paused)
        send();
}

void RevokeTask::cancel()
{
    if (m_state == State::Done)
        return;
    m_cancelRequested = true;
    if (m_state == State::Paused) {
        // Never sent: cancelled. Sent before (an answer lost): what that did is settled by a re-read.
        if (m_result.attempts == 0)
            finish(RevokeOutcome::Cancelled);
        else
            verify(VerifyReason::LostAnswer);
        return;
    }
    if (m_state == State::Idle || (m_state == State::Waiting && m_retryTimer.isActive())) {
        m_retryTimer.stop();
        finish(RevokeOutcome::Cancelled);
        return;
    }
    // A revoke still queued by the pacer has not left: it can be withdrawn.
    if (m_state == State::Sending && m_callIsRevoke && m_client && m_result.attempts == 1
        && m_client->cancelIfNotSent(m_call))
        return; // onRevoked() finishes as Cancelled
}

void RevokeTask::send()
{
    if (!m_client) {
        finish(RevokeOutcome::Failed, ClerkError::cancelled());
        return;
    }
    if (m_cancelRequested && m_result.attempts == 0) {
        finish(RevokeOutcome::Cancelled);
        return;
    }
    if (m_pauseRequested) { // nothing new leaves while paused: resume() sends
        setState(State::Paused);
        return;
    }
    setState(State::Sending);
    ++m_result.attempts;
    m_callIsRevoke = true;
    auto done = [this](Result<Invitation> result) { onRevoked(std::move(result)); };
    m_call = m_kind == InvitationKind::Application
                 ? m_client->revokeApplicationInvitation(m_invitationId, this, std::move(done), m_beforeSend)
                 : m_client->revokeInvitation(m_organizationId, m_invitationId, m_requestingUserId, this, std::move(done),
                                              m_beforeSend);
}

void RevokeTask::onRevoked(Result<Invitation> result)
{
    m_call = 0;
    if (result) {
        m_result.invitation = result.value();
        if (result.value().status == InvitationStatus::Revoked && result.value().id == m_invitationId) {
            finish(RevokeOutcome::Revoked);
            return;
        }
        // Only an answer that shows this invitation revoked counts; anything else is settled like a lost answer.
        m_lostAnswerError = ClerkError::unconfirmedWrite(
            result.value().id == m_invitationId
                ? tr("the answer showed the invitation as \"%1\", not revoked")
                      .arg(result.value().statusText.isEmpty() ? invitationStatusKey(result.value().status)
                                                               : result.value().statusText)
                : tr("the answer was about another invitation (%1)").arg(result.value().id),
            200);
        verify(VerifyReason::LostAnswer);
        return;
    }
    const ClerkError &error = result.error();
    if (error.isCancelled()) {
        // Only withdrawn while still queued, so nothing reached Clerk from this attempt.
        --m_result.attempts;
        if (m_result.attempts == 0)
            finish(RevokeOutcome::Cancelled);
        else
            verify(VerifyReason::LostAnswer);
        return;
    }
    if (error.isNotPending()) {
        verify(VerifyReason::NotPending);
        return;
    }
    // An application invitation no longer pending is refused with a 400 whose code the spec does not name:
    // the re-read says what it is; still pending, the 400 was about something else and is what is said.
    if (m_kind == InvitationKind::Application && error.httpStatus() == 400) {
        m_refusal = error;
        verify(VerifyReason::NotPending);
        return;
    }
    if (error.isRateLimited()) {
        // Not carried out; the client's pacer already holds every request until Retry-After.
        --m_result.attempts;
        if (error.isWaitRefused()) {
            // Not waited out. An earlier attempt whose answer was lost may still have worked: look first.
            if (m_result.attempts > 0)
                verify(VerifyReason::LostAnswer);
            else
                finish(RevokeOutcome::Failed, error);
            return;
        }
        if (++m_rateLimitRetries <= maxRateLimitRetries && !m_cancelRequested) {
            setState(State::Waiting);
            send();
            return;
        }
        finish(m_cancelRequested && m_result.attempts == 0 ? RevokeOutcome::Cancelled : RevokeOutcome::Failed, error);
        return;
    }
    if (error.isForbidden()) {
        finish(RevokeOutcome::Forbidden, error);
        return;
    }
    if (error.isNotFound()) {
        finish(RevokeOutcome::NotFound, error);
        return;
    }
    if (error.outcomeUnknown()) {
        m_lostAnswerError = error;
        verify(VerifyReason::LostAnswer);
        return;
    }
    finish(RevokeOutcome::Failed, error);
}

void RevokeTask::verify(VerifyReason reason)
{
    if (!m_client) {
        finish(RevokeOutcome::Failed, m_lostAnswerError.value_or(ClerkError::cancelled()));
        return;
    }
    setState(State::Verifying);
    m_callIsRevoke = false;
    auto done = [this, reason](Result<Invitation> result) { onVerified(reason, std::move(result)); };
    m_call = m_client->readInvitation(m_kind, m_organizationId, m_invitationId, this, std::move(done));
}

void RevokeTask::onVerified(VerifyReason reason, Result<Invitation> result)
{
    m_call = 0;
    if (result && result.value().id != m_invitationId) {
        // An answer about another invitation says nothing about this one.
        result = ClerkError::unconfirmedWrite(tr("the re-read returned another invitation (%1)").arg(result.value().id), 200);
    }
    if (!result && result.error().isWaitRefused()) {
        // Not waited out, and the rest of a bulk run stops on it; but say what is not known.
        ClerkError refused = result.error();
        if (reason == VerifyReason::LostAnswer && m_result.attempts > 0)
            refused.addNote(tr("Whether the revoke was carried out is not known: look before revoking it again."));
        finish(RevokeOutcome::Failed, refused);
        return;
    }
    if (!result) {
        if (result.error().isNotFound()) {
            finish(RevokeOutcome::NotFound, result.error());
            return;
        }
        if (result.error().isTransient() && ++m_verifyRounds < maxVerifyRounds && m_client) {
            // Still Verifying while it waits: a cancel must not leave this invitation's fate unknown.
            ClockTimer::singleShot(m_retryTimer.clock(), std::chrono::milliseconds(500 * m_verifyRounds), this,
                               [this, reason] { verify(reason); });
            return;
        }
        // We cannot tell what happened: report the revoke's own error, which is what the user acted on.
        finish(RevokeOutcome::Failed, m_lostAnswerError.value_or(result.error()));
        return;
    }
    m_result.verified = true;
    m_result.invitation = result.value();
    // Only a request whose answer was lost may be what revoked it; a "not pending" answer says ours did not.
    const RevokeOutcome found = outcomeOfReRead(result.value().status, m_lostAnswerError && m_result.attempts > 0
                                                                           ? OurRequest::OneMayHaveDoneIt
                                                                           : OurRequest::NoneCouldHaveDoneIt);
    if (found != RevokeOutcome::StillPending) {
        finish(found);
        return;
    }
    // Still pending after a 400 that did not say "not pending": sending again would be refused again.
    if (m_refusal) {
        finish(RevokeOutcome::Failed, m_refusal);
        return;
    }
    // Still pending: the lost revoke did not happen. Send again, a bounded number of times.
    if (m_cancelRequested) {
        finish(m_result.attempts == 0 ? RevokeOutcome::Cancelled : RevokeOutcome::Failed,
               m_lostAnswerError.value_or(ClerkError::cancelled()));
        return;
    }
    if (m_result.attempts >= maxSendAttempts) {
        finish(RevokeOutcome::Failed,
               m_lostAnswerError.value_or(ClerkError::payload(
                   tr("the invitation was still pending after %n revoke request(s)", nullptr, m_result.attempts))));
        return;
    }
    setState(State::Waiting);
    m_retryTimer.start(std::chrono::milliseconds(250 * m_result.attempts));
}

void RevokeTask::finish(RevokeOutcome outcome, std::optional<ClerkError> error)
{
    if (m_state == State::Done)
        return;
    m_result.outcome = outcome;
    m_result.error = std::move(error);
    setState(State::Done);
    Q_EMIT finished(m_result);
}

} // namespace InviteDesk
