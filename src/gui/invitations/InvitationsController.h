#pragma once

#include "core/audit/AuditReconciler.h"
#include "core/workflows/InvitationListing.h"
#include "core/workflows/RevokeRun.h"
#include "gui/invitations/PageBlocks.h"

#include <QtCore/QObject>

#include <chrono>

#include <memory>

namespace InviteDesk {

class ActivityModel;
class InvitationTableModel;
class Session;

/*!
 * Connects the window's table to the two workflows: what InvitationListing finds goes into the table
 * model, what RevokeRun decides about each invitation is applied to it (the model owns row state),
 * and both report to the Activity panel. Rules about invitations are the core's; the one thing it
 * decides is when the view may change (canChangeView()).
 *
 * The workflows are made anew for each session (they use its client and audit writer); at session
 * start, revokes an interrupted earlier run left open are settled (Connection::settleInterrupted).
 */
class InvitationsController : public QObject
{
    Q_OBJECT

public:
    InvitationsController(Session *session, InvitationTableModel *model, ActivityModel *activity,
                          QObject *parent = nullptr);
    ~InvitationsController() override;

    // What is shown: the listing's scope is its one owner; nothing here keeps a copy.
    const ListingScope &scope() const;
    /*! Shows \a scope (with the status chosen, where it takes one): the table starts again. */
    void show(const ListingScope &scope);
    /*! Shows what is shown again, from Clerk. */
    void reload();
    /*!
     * The agent's refresh (F5): nothing while a run holds the view; an organization's counts first
     * (organizationRefreshWanted(), then setOrganization() with them), anything else reload().
     */
    void refresh();
    void setOrganization(const Organization &organization) { show(ListingScope::ofOrganization(organization, m_status)); }
    const Organization &organization() const { return scope().organization(); }
    bool hasOrganization() const { return scope().kind() == ListingScope::Kind::Organization; }
    QString email() const { return scope().email(); }
    /*! Which status to load: one of them, or every status (nullopt). */
    void setStatus(std::optional<InvitationStatus> status);
    std::optional<InvitationStatus> status() const { return m_status; }
    /*! Rows come from several organizations (an address's, or the instance's): each row names its own. */
    bool spansOrganizations() const { return scope().spansOrganizations(); }
    /*! Something to show is chosen: an organization, an address, the instance or its application invitations. */
    bool hasView() const { return scope().isChosen(); }
    void cancelLoad();
    /*! How long pages that arrive after a block wait to go into the table together (tests stretch it). */
    void setArrivalInterval(std::chrono::milliseconds interval) { m_blocks.setInterval(interval); }
    bool isLoading() const { return m_query && m_query->isRunning(); }
    /*! Whether the table holds the whole list: not while it loads, after a cancel or failure, or when doubted. */
    InvitationListing::Extent listExtent() const { return m_query ? m_query->extent() : InvitationListing::Extent::Partial; }

    // Revoking.
    /*! Revokes these rows (after the window confirmed them), each audited with \a ticket. */
    void revoke(const QStringList &invitationIds, const QString &ticket);
    void setUndoSeconds(int seconds);
    int undoSeconds() const { return m_undoSeconds; }
    bool isHolding() const { return m_run && m_run->isHolding(); }
    std::chrono::milliseconds holdRemaining() const { return m_run ? m_run->holdRemaining() : std::chrono::milliseconds(0); }
    void undoHeldRevokes();
    void sendHeldRevokesNow();
    void pauseRevokes();
    void resumeRevokes();
    void cancelRevokes();
    void retryFailed();
    bool isRevoking() const { return m_run && m_run->isRunning(); }
    /*! What the session's runs go by (the panel's texts follow a run on it). */
    Clock *clock() const;
    /*!
     * Whether the table may show something else now: not while a run's rows are held for Undo or being
     * revoked (they stay in view until the run ends). Every way to change the view asks this.
     */
    bool canChangeView() const { return !isRevoking() && !isHolding(); }
    /*! Why the view cannot change now, in a sentence for the status bar; empty when it can. */
    QString whyViewStays() const;
    BulkRevoker::State revokeState() const { return m_run ? m_run->state() : BulkRevoker::State::Idle; }
    int failedCount() const { return m_run ? int(m_run->failedItems().size()) : 0; }
    /*! The last run, for the support ticket (see RevokeRun::ticketSummary()). */
    QString ticketSummary() const;
    /*! The current run, retries included. */
    BulkSummary summary() const;
    /*! The revokes just held (or undone) were a retry of the run's failures. */
    bool heldWasRetry() const;
    /*!
     * \a invitation read again from Clerk, whole: the table keeps little of its metadata
     * (Invitation::metadataCut). \a done runs as ClerkClient's callbacks do; never without a session.
     */
    void readAgain(const Invitation &invitation, QObject *context, std::function<void(Result<Invitation>)> done);
    /*! A new invitation like this revoked or expired one, audited like a revoke. */
    void reinvite(const QString &invitationId, bool notify, int expiresInDays, const QString &ticket = {});

    QString auditLogPath() const;

Q_SIGNALS:
    /*! An organization's refresh reads its counts again: whoever finds organizations reads \a organizationId. */
    void organizationRefreshWanted(const QString &organizationId);
    /*! The list was shown, but may not be whole (InvitationListing::doubt()). */
    void listDoubted(const QString &text);
    void loadStarted();
    void loadProgress(int loaded, qint64 total);
    void loadFinished(int count);
    /*! The organization's pending count changed by a revoke or re-invite done here. */
    void seatsChanged();
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
    /*! The proxy wants a user name and password: the window asks for them. */
    void proxyAuthenticationRequired(const InviteDesk::ClerkError &error);
    void rateLimited(qint64 waitMs);
    /*! Revokes an earlier session left open (a crash) were re-read and recorded. */
    void interruptedRevokesSettled(int count);
    void reinvited(const InviteDesk::Invitation &created);
    void reinviteFailed(const InviteDesk::ClerkError &error);

private:
    void adjustPendingCount(const QString &organizationId, int change);
    void onSessionOpened();
    void onSessionClosing();
    void connectQuery();
    void connectRun();
    /*! Empties the table for another query; pages of the old one still waiting are dropped. */
    void resetTable();

    Session *m_session;
    InvitationTableModel *m_model;
    ActivityModel *m_activity;
    std::optional<InvitationStatus> m_status = InvitationStatus::Pending; //!< the agent's choice, for scopes that take one
    int m_batchTotal = 0;        //!< items in the batch going out (a run, or a retry of its failures)
    bool m_rejectionSaid = false; //!< a 401 in this batch was reported
    int m_undoSeconds = 0;
    PageBlocks m_blocks; //!< pages on their way into the table
    std::unique_ptr<InvitationListing> m_query;
    std::unique_ptr<RevokeRun> m_run;
    ListingScope m_runScope; //!< what was shown when the run started: its sentences and ticket summary name it
};

} // namespace InviteDesk
