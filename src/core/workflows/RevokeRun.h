#pragma once

#include "core/audit/AuditWriter.h"
#include "core/util/Clock.h"
#include "core/workflows/BulkRevoker.h"

#include <QtCore/QDateTime>
#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace InviteDesk {

/*!
 * The revoke workflow both front ends use: confirmed invitations go through the undo window (if
 * set), the bulk engine and the audit log; failures can be retried; a run ends in a summary, and in a
 * short text for the support ticket. Re-invites go through the same audited path: an intent record
 * before the create, an outcome record after it.
 *
 * The window presents what this decides (its table model applies each item's result); the CLI prints
 * it. Neither keeps results of its own.
 */
class RevokeRun : public QObject
{
    Q_OBJECT

public:
    /*! \a audit records every revoke (not owned; must outlive the run). */
    RevokeRun(ClerkClient *client, AuditWriter *audit, QObject *parent = nullptr);
    ~RevokeRun() override;

    void setRequestingUserId(const QString &userId) { m_requestingUserId = userId; }
    /*! With an undo window, nothing is sent (or logged) for that many seconds and undo() takes it back. */
    void setUndoSeconds(int seconds) { m_undoSeconds = std::max(0, seconds); }
    int undoSeconds() const { return m_undoSeconds; }
    /*! For tests: more revokes at once than the default. */
    void setConcurrency(int concurrency) { m_concurrency = concurrency; }

    /*! Starts (or holds) a run of \a items, each audited with \a ticket. False when one is going on. */
    bool start(QList<RevokeItem> items, const QString &ticket = {});
    void undo();
    void sendNow();
    void pause();
    void resume();
    void cancel();
    /*! Sends the run's failed and forbidden items again; the run (its summary) goes on with them. */
    bool retryFailed();

    bool isHolding() const { return m_holdTimer.isActive(); }
    /*! How long the undo window has left (zero when nothing is held). */
    std::chrono::milliseconds holdRemaining() const { return m_holdTimer.remaining(); }
    /*! Running, paused or stopping (not holding, not finished). */
    bool isRunning() const;
    BulkRevoker::State state() const { return m_bulk ? m_bulk->state() : BulkRevoker::State::Idle; }
    /*! The run's items that may be tried again (failed or forbidden at their last try). */
    QList<RevokeItem> failedItems() const;
    /*! The whole run, retries included: each item counted once, by its last outcome. */
    BulkSummary summary() const;
    /*! How many sends retries added to the run. */
    int retried() const { return m_retried; }
    /*! The item's latest outcome in this run, if it has one. */
    std::optional<RevokeResult> lastResult(const QString &invitationId) const;
    /*! Whether what is held (or was just undone) is a retry of this run's failures. */
    bool heldIsRetry() const { return m_heldIsRetry; }
    const std::optional<ClerkError> &stopReason() const;
    qint64 elapsedMs() const { return m_bulk ? m_bulk->elapsedMs() : 0; }
    QString ticket() const { return m_ticket; }

    /*!
     * A short text about the last run for a support ticket: \a scope (what was worked on), the
     * environment and host, the start time, the outcome counts, every problem with Clerk's trace ID,
     * and the first twenty revoked. Never a key, never an invitation link. Empty before any run.
     */
    QString ticketSummary(const QString &scope, bool perOrganization) const;

    /*!
     * Creates a new invitation like \a previous (same email, role, public metadata), audited. When the
     * list kept too little of its metadata (Invitation::metadataCut), the invitation is read again first
     * and its whole metadata copied; if it cannot be read, nothing is created and reinviteFailed() says why.
     */
    void reinvite(const Invitation &previous, const Organization &organization, bool notify, int expiresInDays,
                  const QString &ticket = {});

Q_SIGNALS:
    void held(const QList<InviteDesk::RevokeItem> &items, int seconds);
    void undone(const QList<InviteDesk::RevokeItem> &items);
    void started(int total);
    void itemStarted(const InviteDesk::RevokeItem &item);
    void itemFinished(const InviteDesk::RevokeItem &item, const InviteDesk::RevokeResult &result);
    void progress(int settled, int total, qint64 etaMs);
    void stateChanged(InviteDesk::BulkRevoker::State state);
    void finished(const InviteDesk::BulkSummary &summary);
    void reinvited(const InviteDesk::Invitation &previous, const InviteDesk::Invitation &created);
    void reinviteFailed(const InviteDesk::Invitation &previous, const InviteDesk::ClerkError &error);

private:
    bool hold(QList<RevokeItem> items, const QString &ticket, bool retry);
    void begin();
    void findCreated(const RevokeItem &item, const Invitation &previous, qint64 askedAt, const ClerkError &refusal);
    void settleReinvite(const RevokeItem &item, const Invitation &previous, const std::optional<Invitation> &created,
                        const std::optional<ClerkError> &error);

    QPointer<ClerkClient> m_client;
    QPointer<AuditWriter> m_audit;
    QString m_requestingUserId;
    int m_undoSeconds = 0;
    int m_concurrency = 0;
    ClockTimer m_holdTimer; //!< the undo window, on the client's clock
    QList<RevokeItem> m_held;
    QString m_ticket;
    std::unique_ptr<BulkRevoker> m_bulk;
    QDateTime m_started;
    /*! Every item of the run with its latest outcome, in the order first sent: retries update, never restart it. */
    struct Settled
    {
        RevokeItem item;
        std::optional<RevokeResult> result;
    };
    QList<Settled> m_ledger;
    QHash<QString, qsizetype> m_ledgerIndex;
    int m_retried = 0;
    bool m_heldIsRetry = false;
};

} // namespace InviteDesk
