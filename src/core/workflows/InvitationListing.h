#pragma once

#include "core/domain/ListingScope.h"
#include "core/workflows/EmailSearch.h"
#include "core/workflows/InvitationLoader.h"

#include <QtCore/QObject>
#include <QtCore/QSet>

#include <map>
#include <memory>

namespace InviteDesk {

/*!
 * The invitation listing both front ends use: every invitation of one organization with a status,
 * every invitation of the instance with a status (both through InvitationLoader), or every invitation
 * of one address across the instance (EmailSearch). Invitations arrive page by page; what a re-read of
 * a changing list no longer finds is reported as gone.
 *
 * Starting another query drops the one going on without a word (no cancelled()): the caller asked for
 * something new. cancel() is the user's "stop loading" and says cancelled().
 */
class InvitationListing : public QObject
{
    Q_OBJECT

public:
    using Kind = ListingScope::Kind;

    explicit InvitationListing(ClerkClient *client, QObject *parent = nullptr);
    ~InvitationListing() override;

    /*! Shows \a scope: one of the four below. */
    void load(const ListingScope &scope);
    /*! Every invitation of \a organization with \a status (nullopt: every status). */
    void loadOrganization(const Organization &organization, std::optional<InvitationStatus> status);
    /*! Every invitation of \a email in every organization with \a status (nullopt: every status). */
    void searchEmail(const QString &email, std::optional<InvitationStatus> status = std::nullopt);
    /*! Every invitation of the instance with \a status, across organizations (`GET /organization_invitations`). */
    void loadInstance(std::optional<InvitationStatus> status);
    /*! Every application invitation of the instance with \a status (`GET /invitations`). */
    void loadApplication(std::optional<InvitationStatus> status);
    void cancel();
    bool isRunning() const;
    /*!
     * Whether invitations() is to hold what was found (the default). A caller that keeps every invitation
     * that arrived() says false, and the listing then holds only IDs for its re-reads.
     */
    void setKeepsInvitations(bool keep) { m_keepInvitations = keep; }
    /*! Whether kept invitations keep their metadata (the default); a table or CSV shows none of it. */
    void setKeepsMetadata(bool keep) { m_keepMetadata = keep; }
    /*! Whether an address's search also finds its application invitations (EmailSearch; not by default). */
    void setIncludesApplicationInvitations(bool include) { m_includeApplication = include; }

    /*! What is shown (or was last asked for): the one owner of "here" for both front ends. */
    const ListingScope &scope() const { return m_scope; }
    Kind kind() const { return m_scope.kind(); }
    const Organization &organization() const { return m_scope.organization(); }
    QString email() const { return m_scope.email(); }
    std::optional<InvitationStatus> status() const { return m_scope.status(); }
    /*! See ListingScope::countPendingChange(). */
    bool countPendingChange(const QString &organizationId, int change) { return m_scope.countPendingChange(organizationId, change); }
    int requestsSent() const;
    /*!
     * What was found, in Clerk's order once finished (in arrival order before); for an organization or
     * the instance, empty after setKeepsInvitations(false).
     */
    QList<Invitation> invitations() const;
    int loadedCount() const;
    /*!
     * After finished(): why what was read may not be the whole list (Clerk's count disagreed with the
     * rows read, pages repeated), or empty. Both front ends say it: never a silently short list.
     */
    QString doubt() const;
    /*! How much of the list the last query read: every page, or part of it (it runs, failed or was cancelled). */
    enum class Extent { Partial, Whole, Doubted /*!< read to the end, but doubt() says why it may not be all */ };
    Extent extent() const;

Q_SIGNALS:
    void started();
    void arrived(const QList<InviteDesk::Invitation> &invitations, int loaded, qint64 total);
    /*!
     * The invitations that arrived(), in Clerk's order, as soon as every page before theirs is in: for
     * output written as it comes (the CLI). Pages of a re-reading of a list that moved come after, as
     * they arrive; gone() then says which of those written before the list no longer holds.
     */
    void inOrder(const QList<InviteDesk::Invitation> &invitations);
    /*! Invitations that arrived() earlier, read again with other data. */
    void changed(const QList<InviteDesk::Invitation> &invitations);
    void gone(const QStringList &ids);
    /*! \a listChanged: the list moved while it was read and was read again. */
    void finished(int count, bool listChanged);
    void failed(const InviteDesk::ClerkError &error);
    void cancelled();

private:
    void drop();
    void load(const ListingScope &scope, const InvitationLoader::Request &request);
    void startLoader(const InvitationLoader::Request &request);

    QPointer<ClerkClient> m_client;
    ListingScope m_scope;
    /*! What a first list read, while a second one is read into the same listing. */
    struct Earlier
    {
        QList<Invitation> invitations;
        int count = 0;
        int requests = 0;
        QString doubt;
        bool listChanged = false;
    };
    Earlier m_earlier;
    bool m_revokedNext = false; //!< application invitations of every status: the revoked ones are read next
    bool m_secondList = false;    //!< the revoked ones are being read, after the first list
    QSet<QString> m_firstPassIds; //!< what the first of two lists brought
    int m_repeated = 0;           //!< rows of the second list the first had brought (revoked in between)
    QSet<QString> m_goneFromFirst; //!< brought by the first list, then gone from it: the second's copy is held
    int m_heldTwice = 0;          //!< rows of the second list the first still holds: counted once
    bool heldByFirst(const QString &id) const { return m_firstPassIds.contains(id) && !m_goneFromFirst.contains(id); }
    bool m_keepInvitations = true;
    bool m_keepMetadata = true;
    bool m_includeApplication = false;
    bool m_readToEnd = false; //!< the last query finished(): neither failed, nor cancelled, nor still going
    std::unique_ptr<InvitationLoader> m_loader;
    std::unique_ptr<EmailSearch> m_search;
    std::map<int, QList<Invitation>> m_waitingPages; //!< first-pass pages that came before one before them
    int m_nextOffset = 0;                            //!< the first-pass page inOrder() waits for
};

} // namespace InviteDesk
