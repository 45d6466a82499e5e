#pragma once

#include "core/api/ClerkClient.h"
#include "core/api/ClientConfig.h"
#include "core/api/PacingMemory.h"
#include "core/api/RatePacer.h"
#include "core/audit/AuditLog.h"
#include "core/audit/AuditReconciler.h"
#include "core/audit/AuditWriter.h"
#include "core/audit/TeamAuditSender.h"
#include "core/util/Clock.h"

#include <QtCore/QObject>

#include <functional>
#include <memory>
#include <optional>

namespace InviteDesk {

/*! What a front end decides about a connection; Connection builds the rest from it. */
struct ConnectionSetup
{
    ClientConfig client;
    /*! The share of Clerk's rate limit to use (0 < share ≤ 1); none: the key's environment's default. */
    std::optional<double> rateBudgetShare;
    QString profileName;   //!< in every audit record ("cli" for the command line)
    bool sandbox = false;  //!< the demo's own sandbox: its records name the environment "sandbox"
    QString auditLogPath = AuditLog::defaultPath();
    /*! Where the pacer's sends are kept for the next process on this instance (PacingMemory); empty: nowhere. */
    QString pacingFolder = PacingMemory::defaultFolder();
    std::optional<TeamAuditTarget> teamAudit; //!< where records also go, with its password
    /*! What the pacer, the client and the work on it read the time from: the real clock unless given (tests). */
    Clock *clock = nullptr;
};

/*!
 * The one composition root of a connection to Clerk, for the window, the CLI and Test Connection alike:
 * the client and its pacer, the audit writer and the team store's sender, and the settling of revokes an
 * interrupted earlier run left open. Neither front end builds these parts itself.
 *
 * The audit log is opened at first use (audit()): a connection that only reads writes nothing. Going,
 * it lets the writer finish its last records first, then the sender (what it has not sent waits in the
 * local log), then the client (its calls end without callbacks) and the pacer.
 */
class Connection : public QObject
{
    Q_OBJECT

public:
    explicit Connection(ConnectionSetup setup, QObject *parent = nullptr);
    ~Connection() override;

    ClerkClient *client() const { return m_client.get(); }
    RatePacer *pacer() const { return m_pacer.get(); }
    KeyEnvironment environment() const { return m_client->environment(); }
    AuditContext auditContext() const;
    QString auditLogPath() const { return m_setup.auditLogPath; }
    /*! Where records also go (with its password), when the setup names a team store. */
    const std::optional<TeamAuditTarget> &teamAuditTarget() const { return m_setup.teamAudit; }

    /*! Records revokes and re-invites on a thread of its own; opens the log (and the team sender) at first use. */
    AuditWriter *audit();
    /*! Sends the local log to the team store, when the setup names one: made with audit(); else null. */
    TeamAuditSender *teamAudit() const { return m_teamAudit.get(); }
    /*! Lets the team sender go now (a store still busy is let go at once); its records wait in the local log. */
    void releaseTeamAudit() { m_teamAudit.reset(); }

    /*!
     * Settles what an interrupted earlier run left open, so the log never keeps a dangling intent: once per
     * connection, before its first revoke. \a done gets what was settled and how many were left for later
     * (another profile's, or a run still alive); at once with nothing when there is no log yet.
     */
    void settleInterrupted(QObject *context,
                           std::function<void(const QList<AuditReconciler::Settled> &, int leftForLater)> done);

Q_SIGNALS:
    /*! The team sender's count of records waiting, and why; made with audit(). */
    void teamAuditChanged(const InviteDesk::TeamAuditSender::Status &status);
    /*! What settleInterrupted() settled, and how many it left for later. */
    void interruptedSettled(const QList<InviteDesk::AuditReconciler::Settled> &settled, int leftForLater);

private:
    ConnectionSetup m_setup;
    std::unique_ptr<RatePacer> m_pacer;
    std::unique_ptr<PacingMemory> m_pacing;
    std::unique_ptr<ClerkClient> m_client;
    std::unique_ptr<AuditWriter> m_audit;
    std::unique_ptr<TeamAuditSender> m_teamAudit;
    std::unique_ptr<AuditReconciler> m_reconciler;
    bool m_settled = false; //!< settleInterrupted() has run to its end
};

} // namespace InviteDesk
