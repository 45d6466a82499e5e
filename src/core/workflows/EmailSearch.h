#pragma once

#include "core/api/ClerkClient.h"

#include <QtCore/QObject>
#include <QtCore/QSet>

namespace InviteDesk {

/*!
 * Every invitation of one address, in every organization of the instance
 * (`GET /organization_invitations?query=`), and, when asked, its application
 * invitations after them (`GET /invitations?query=`), for the window's e-mail
 * search and `invitedesk-cli find`.
 *
 * Clerk's query matches parts of addresses; a whole address (one with '@')
 * keeps only the invitations of exactly that address, case-insensitively.
 * Pages are read one after another and the walk ends at the first empty or
 * short page or at total_count; after maxPages it fails with a message
 * instead of reading on.
 */
class EmailSearch : public QObject
{
    Q_OBJECT

public:
    static constexpr int pageSize = 500;
    /*!
     * The walk's bound: 200 pages are 100,000 invitations matching one query, far beyond any one
     * person's; a server whose total_count lies costs at most this many requests.
     */
    static constexpr int maxPages = 200;

    explicit EmailSearch(ClerkClient *client, QObject *parent = nullptr);
    ~EmailSearch() override;

    /*! \a query is part of an address, never empty: the whole instance is InvitationLoader's. */
    void start(const QString &query, std::optional<InvitationStatus> status = std::nullopt);
    /*! Whether found invitations keep their metadata (the default). */
    void setKeepsMetadata(bool keep) { m_keepMetadata = keep; }
    /*! Whether the address's application invitations are looked up too, after its organizations' (not by default). */
    void setIncludesApplicationInvitations(bool include) { m_includeApplication = include; }
    /*! Stops the walk; cancelled() follows at once. What arrived stays in invitations(). */
    void cancel();
    bool isRunning() const { return m_call != 0; }

    QString query() const { return m_query; }
    const QList<Invitation> &invitations() const { return m_found; }
    /*! After finished(): why what was found may not be all (InvitationLoader::doubt()), or empty. */
    QString doubt() const { return m_doubt; }
    /*! Whether \a invitation belongs to the results of \a query (see the class description). */
    static bool matches(const QString &query, const Invitation &invitation);

Q_SIGNALS:
    void invitationsArrived(const QList<InviteDesk::Invitation> &invitations, int found, qint64 total);
    void finished();
    void failed(const InviteDesk::ClerkError &error);
    void cancelled();

private:
    void requestPage(int offset, int page);
    /*! Each list's doubt is said, joined: a later one never hides an earlier one. */
    void addDoubt(const QString &doubt);

    QPointer<ClerkClient> m_client;
    QString m_query;
    std::optional<InvitationStatus> m_status;
    QList<Invitation> m_found;
    QSet<QString> m_seen; //!< the IDs in m_found
    QSet<QString> m_read; //!< every ID the pages brought (Clerk's count is of these)
    QString m_doubt;
    bool m_keepMetadata = true;
    bool m_includeApplication = false;
    bool m_readingApplication = false; //!< the second list: the address's application invitations
    bool m_readingRevoked = false;     //!< the third: its revoked ones, which Clerk lists only when asked
    qint64 m_firstListTotal = 0;       //!< the lists' counts before the one read: progress is of all of them
    ClerkClient::CallId m_call = 0;
};

} // namespace InviteDesk
