#pragma once

#include "core/api/ClerkClient.h"

#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QSet>

#include <vector>

namespace InviteDesk {

/*!
 * Loads every invitation of an organization with a given status, of the
 * whole instance across organizations (`GET /organization_invitations`), or
 * every application invitation of the instance (`GET /invitations`).
 *
 * Clerk pages by offset only, with `limit` up to 500. The loader asks for
 * several pages at once instead of one after another: with an expected total
 * (e.g. the organization's pending_invitations_count) it plans every page at
 * the start, otherwise it asks for a few pages speculatively until the first
 * answer tells the total. Pages arrive in any order; each new invitation is
 * reported once (lists shift while being read, so IDs are de-duplicated).
 *
 * If the total changes during the walk, or the walk found fewer invitations
 * than the total, the list moved under us; the loader walks again (at most
 * three passes) and finally reports what disappeared.
 *
 * The walk is bounded by what the pages hold, never by total_count alone: an
 * empty or short page is the end of the list, and so is a full page with
 * nothing new on it. A server whose total_count lies costs a few pages, not
 * an endless walk.
 *
 * It is the one pager of Clerk's invitation lists: EmailSearch walks
 * `/organization_invitations?query=` with it too, one page after another and
 * once (Request::oneByOne()), and filters what it brings.
 */
class InvitationLoader : public QObject
{
    Q_OBJECT

public:
    /*!
     * The walk's bound: 400 pages are 200,000 invitations, twice the largest list InviteDesk is measured
     * with; a server that keeps sending full pages of new IDs makes the load fail here with a message,
     * instead of growing without end.
     */
    static constexpr int maxPages = 400;

    struct Request
    {
        /*! Which list: one organization's, every organization's, or the instance's application invitations. */
        enum class Source { Organization, Instance, Application };
        Source source = Source::Organization;
        QString organizationId; //!< for Source::Organization
        /*! For Source::Instance and Source::Application: Clerk's `query` (part of an address); empty for all. */
        QString query;
        /*!
         * Whether the loader keeps what it found for invitations(). A caller that keeps each invitation as
         * it arrives (the window's table) says false: the loader then holds only IDs, and at 100,000 rows
         * the window holds one set of invitations instead of two.
         */
        bool keepInvitations = true;
        /*! Whether kept invitations keep their metadata; an output that shows none (a table, CSV) says false. */
        bool keepMetadata = true;
        std::optional<InvitationStatus> status = InvitationStatus::Pending;
        QString orderBy;
        int pageSize = 500;
        std::optional<qint64> expectedTotal;
        /*!
         * Requests handed to the network at once; 0 for the default: at least 16, more than Qt's six
         * connections per host on purpose (Qt queues the rest and sends each the moment a connection frees
         * up, without waiting for the previous answer to be parsed), and all the client's HTTP/2 streams.
         */
        int maxConcurrentPages = 0;
        /*! Pages asked for before the first answer tells the total, when there is no hint. */
        int speculativePages = 6;
        /*! Readings of a list that moved, the first included; the last one's doubt() says what moved. */
        int passes = 3;
        /*! The walk's bound in pages (reachedPageLimit()). */
        int pageLimit = maxPages;

        /*!
         * One page after another, each asked for when the one before is in, and the list read once: a
         * search, whose matches are few, costs one request where a speculative walk would cost several,
         * and keeps what it found once rather than reading a moving list again.
         */
        void oneByOne()
        {
            maxConcurrentPages = 1;
            speculativePages = 1;
            passes = 1;
        }

        /*!
         * Whether Clerk leaves the revoked invitations out of this list: it does for sign-up (application)
         * invitations asked for without a status. All of them are then this list and revokedPart().
         */
        bool leavesOutRevoked() const { return source == Source::Application && !status; }
        /*! The same list, its revoked invitations only. */
        Request revokedPart() const
        {
            Request revoked = *this;
            revoked.status = InvitationStatus::Revoked;
            return revoked;
        }
    };

    explicit InvitationLoader(ClerkClient *client, QObject *parent = nullptr);
    ~InvitationLoader() override;

    void start(const Request &request);
    /*! Stops the walk; emits cancelled(). What arrived so far stays in invitations(). */
    void cancel();
    bool isRunning() const { return m_running; }

    /*! In Clerk's order once finished; in arrival order before that. Empty without keepInvitations. */
    QList<Invitation> invitations() const;
    int loadedCount() const { return m_finished ? m_loadedCount : int(m_ids.size()); }
    qint64 totalCount() const { return m_total; }
    int passes() const { return m_pass; }
    /*! The list changed during the walk (it was walked again). */
    bool listChanged() const { return m_changed; }
    /*!
     * After finished(): why the list read may not be the whole list, or empty — Clerk's total_count
     * disagreed with the rows read (a list walked while pages came full and new, whatever the count
     * said), or pages repeated themselves.
     */
    QString doubt() const { return m_doubt; }
    int requestsSent() const { return m_requests; }
    /*! After failed(): whether the walk stopped at Request::pageLimit with pages still coming full and new. */
    bool reachedPageLimit() const { return m_reachedPageLimit; }

Q_SIGNALS:
    /*! Invitations not reported before, as they arrive; \a loaded counts all so far. */
    void invitationsArrived(const QList<InviteDesk::Invitation> &invitations, int loaded, qint64 total);
    /*!
     * The same invitations with where their page was in the list: \a pass (1 for the first reading;
     * later ones re-read a list that moved) and the page's \a offset, for callers that write them out
     * in Clerk's order as they come (InvitationListing::inOrder).
     */
    void pageRead(int pass, int offset, const QList<InviteDesk::Invitation> &fresh);
    /*! Invitations reported earlier that a later page brought with other data (another updated_at). */
    void invitationsChanged(const QList<InviteDesk::Invitation> &invitations);
    /*! Invitations reported earlier that a later, consistent walk no longer found. */
    void invitationsGone(const QStringList &ids);
    void finished();
    void failed(const InviteDesk::ClerkError &error);
    void cancelled();

private:
    void startPass();
    void issuePages();
    ClerkClient::CallId requestPage(int offset);
    void onPage(int offset, Result<Page<Invitation>> result);
    void finishPass();
    int plannedEnd() const;
    /*! The total this pass can be held to: total_count, unless the pages showed the list ends sooner. */
    std::optional<qint64> effectivePassTotal() const;

    QPointer<ClerkClient> m_client;
    Request m_request;
    bool m_running = false;
    int m_pass = 0;
    bool m_changed = false;
    bool m_reachedPageLimit = false;
    int m_requests = 0;

    // The current pass.
    QMap<int, std::vector<qsizetype>> m_pages; //!< offset -> the rows (in m_ids) on that page
    std::vector<char> m_inPass;                //!< per row in m_ids: this pass has seen it
    int m_passCount = 0;                       //!< rows this pass has seen
    std::optional<qint64> m_passTotal;
    std::optional<int> m_passEnd; //!< where the pages showed the list ends (an empty, short or stale page)
    bool m_passConsistent = true;
    int m_fullUpTo = 0; //!< the end of the furthest full page with new rows in this pass: the list goes on
    bool m_repeated = false; //!< a full page brought nothing new (a server repeating itself)
    QString m_doubt;
    int m_nextOffset = 0;
    QMap<int, ClerkClient::CallId> m_inFlight; //!< offset -> call

    // Across passes.
    std::vector<QString> m_ids;          //!< every ID seen, in arrival order
    std::vector<qint64> m_updatedAt;     //!< per row in m_ids: the updated_at last read
    QHash<QString, qsizetype> m_indexOf; //!< ID -> its row in m_ids
    QList<Invitation> m_all;             //!< with keepInvitations: the invitations of m_ids, newest data
    QList<Invitation> m_final;
    int m_loadedCount = 0;
    bool m_finished = false;
    qint64 m_total = 0;
};

} // namespace InviteDesk
