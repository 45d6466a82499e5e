#pragma once

#include "core/audit/AuditLog.h"
#include "core/audit/AuditReconciler.h"
#include "core/workflows/BulkRevoker.h"
#include "core/workflows/EmailSearch.h"
#include "core/workflows/InvitationLoader.h"

#include <QtCore/QDateTime>
#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <memory>

namespace InviteDesk {

class ActivityModel;
class InvitationTableModel;
class Session;

/*!
 * Loads an organization's invitations into the table model and revokes
 * them, reporting to the activity log. The window asks; this does the work.
 *
 * Loading shows rows page by page; revoking runs through BulkRevoker (one
 * or many) with the session's pacer and the audit log, and marks each row
 * queued, revoking, revoked or failed (with Clerk's reason and trace ID).
 */
class InvitationsController : public QObject
{
    Q_OBJECT

public:
    InvitationsController(Session *session, InvitationTableModel *model, ActivityModel *activity,
                          QObject *parent = nullptr);
    ~InvitationsController() override;

    void setOrganization(const Organization &organization);
    const Organization &organization() const { return m_organization; }
    bool hasOrganization() const { return !m_organization.id.isEmpty(); }

    /*! Which status to load: one of them, or every status (nullopt). */
    void setStatus(std::optional<InvitationStatus> status);
    std::optional<InvitationStatus> status() const { return m_status; }

    void reload();
    /*! Loads every invitation of this address, in every organization of the instance (no organization needed). */
    void loadByEmail(const QString &email);
    QString email() const { return m_email; }
    void cancelLoad();
    bool isLoading() const { return (m_loader && m_loader->isRunning()) || (m_search && m_search->isRunning()); }

    /*!
     * Revokes these (after the window confirmed them). \a ticket goes into the audit log. With an
     * undo window set, nothing is sent for that many seconds and undoHeldRevokes() takes it back.
     */
    void revoke(const QStringList &invitationIds, const QString &ticket);
    void setUndoSeconds(int seconds) { m_undoSeconds = std::max(0, seconds); }
    int undoSeconds() const { return m_undoSeconds; }
    bool isHolding() const { return m_holdTimer.isActive(); }
    void undoHeldRevokes();
    /*! Sends the held revokes now instead of waiting for the undo window to close. */
    void sendHeldRevokesNow();

    /*! Creates a new invitation like this revoked or expired one (same email, role, public metadata). */
    void reinvite(const QString &invitationId, bool notify, int expiresInDays);

    /*!
     * A short text about the last revoke run for a support ticket: organization, environment,
     * addresses, outcomes, times and Clerk trace IDs. Never a key, never an invitation link.
     */
    QString ticketSummary() const;
    void pauseRevokes();
    void resumeRevokes();
    void cancelRevokes();
    void retryFailed();
    bool isRevoking() const;
    BulkRevoker::State revokeState() const;
    QStringList failedIds() const { return m_failed; }

    void setAuditLogPath(const QString &path) { m_auditPath = path; }
    QString auditLogPath() const { return m_auditPath; }

Q_SIGNALS:
    void loadStarted();
    void loadProgress(int loaded, qint64 total);
    void loadFinished(int count);
    void loadFailed(const InviteDesk::ClerkError &error);
    void loadCancelled();
    void revokeHeld(int count, int seconds);
    void revokeUndone(int count);
    void revokeStarted(int total);
    void revokeProgress(int settled, int total, qint64 etaMs);
    void revokeStateChanged(InviteDesk::BulkRevoker::State state);
    void revokeFinished(const InviteDesk::BulkSummary &summary);
    /*! Clerk rejected the key: the window offers to edit the profile. */
    void unauthorized(const InviteDesk::ClerkError &error);
    void rateLimited(qint64 waitMs);
    /*! Revokes an earlier session left open (a crash) were re-read and recorded. */
    void interruptedRevokesSettled(int count);
    void reinvited(const InviteDesk::Invitation &created);
    void reinviteFailed(const InviteDesk::ClerkError &error);

private:
    void reconcileInterruptedRevokes();
    void startRevoking();
    void onItemFinished(int index, const RevokeResult &result);

    Session *m_session;
    InvitationTableModel *m_model;
    ActivityModel *m_activity;
    Organization m_organization;
    std::optional<InvitationStatus> m_status = InvitationStatus::Pending;
    std::unique_ptr<InvitationLoader> m_loader;
    std::unique_ptr<EmailSearch> m_search;
    std::unique_ptr<BulkRevoker> m_bulk;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<AuditLog> m_reconcileLog;
    std::unique_ptr<AuditReconciler> m_reconciler;
    QString m_auditPath;
    QString m_ticket;
    QStringList m_failed;
    QString m_email;
    int m_undoSeconds = 0;
    QTimer m_holdTimer;
    QList<RevokeItem> m_heldItems;
    QDateTime m_runStarted;
};

} // namespace InviteDesk
