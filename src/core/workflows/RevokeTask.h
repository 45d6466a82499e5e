#pragma once

#include "core/api/ClerkClient.h"
#include "core/domain/Revocation.h"
#include "core/util/Clock.h"

#include <QtCore/QObject>

#include <functional>

namespace InviteDesk {

/*!
 * Revokes one invitation and settles what happened.
 *
 * A revoke whose answer is lost (timeout, reset, 5xx, unreadable 200) may
 * have been carried out, so the invitation is re-read before anything is
 * sent again: never two successful revokes, never a blind retry. A 429 waits
 * for Retry-After (the client's pacer holds every request) and tries again.
 * `organization_invitation_not_pending` is settled by a re-read as well:
 * revoked, accepted or expired.
 */
class RevokeTask : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Sending, Verifying, Waiting, Paused, Done };
    Q_ENUM(State)

    RevokeTask(ClerkClient *client, QString organizationId, QString invitationId, QString requestingUserId = {},
               QObject *parent = nullptr);
    ~RevokeTask() override;

    void start();
    /*! Runs right before each revoke request leaves (after the pacer let it go). */
    void setBeforeSend(std::function<void()> hook) { m_beforeSend = std::move(hook); }
    /*! An application invitation is revoked and read back through /v1/invitations (before start()). */
    void setKind(InvitationKind kind) { m_kind = kind; }
    /*! Cancels if nothing has been sent yet; a request already out is allowed to finish. */
    void cancel();
    /*!
     * Sends nothing new until resume(): a request still waiting for the pacer is withdrawn (it had not
     * left), a wait to send again stops; a request already out, or a re-read, finishes first. Paused
     * means nothing new leaves this computer.
     */
    void pause();
    void resume();

    State state() const { return m_state; }
    const QString &invitationId() const { return m_invitationId; }
    const RevokeResult &result() const { return m_result; }

    /*! How often a lost answer leads to another revoke after the re-read found it still pending. */
    static constexpr int maxSendAttempts = 5;
    /*! How often a 429 is waited out before the revoke counts as failed. */
    static constexpr int maxRateLimitRetries = 10;
    /*!
     * How often a re-read that failed (each one already retried by the client) is tried again later:
     * giving up leaves the user with "may have been revoked", so it is worth a few more seconds.
     */
    static constexpr int maxVerifyRounds = 3;

Q_SIGNALS:
    void stateChanged(InviteDesk::RevokeTask::State state);
    void finished(const InviteDesk::RevokeResult &result);

private:
    enum class VerifyReason { NotPending, LostAnswer };

    void send();
    void onRevoked(Result<Invitation> result);
    void verify(VerifyReason reason);
    void onVerified(VerifyReason reason, Result<Invitation> result);
    void finish(RevokeOutcome outcome, std::optional<ClerkError> error = std::nullopt);
    void setState(State state);

    QPointer<ClerkClient> m_client;
    QString m_organizationId;
    QString m_invitationId;
    InvitationKind m_kind = InvitationKind::Organization;
    std::optional<ClerkError> m_refusal; //!< an application revoke's 400, said if the re-read finds it pending
    QString m_requestingUserId;
    State m_state = State::Idle;
    RevokeResult m_result;
    ClerkClient::CallId m_call = 0;
    bool m_callIsRevoke = false;
    bool m_cancelRequested = false;
    bool m_pauseRequested = false;
    int m_rateLimitRetries = 0;
    int m_verifyRounds = 0;
    std::optional<ClerkError> m_lostAnswerError;
    ClockTimer m_retryTimer; //!< on the client's clock, as is the wait between re-reads
    std::function<void()> m_beforeSend;
};

} // namespace InviteDesk
