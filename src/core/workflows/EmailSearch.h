#pragma once

#include "core/workflows/InvitationLoader.h"

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
 * The pages are InvitationLoader's, the pager of the instance's list, read one
 * after another and once (InvitationLoader::Request::oneByOne()): the walk
 * ends where the loader's does, and after maxPages it fails with a message
 * instead of reading on. The search only filters what the pages bring.
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
    bool isRunning() const { return m_loader.isRunning(); }

    QString query() const { return m_query; }
    const QList<Invitation> &invitations() const { return m_found; }
    /*! After finished(): why what was found may not be all (InvitationLoader::doubt()), or empty. */
    QString doubt() const { return m_doubt; }
    /*! Whether \a invitation belongs to the results of \a query (see the class description). */
    static bool matches(const QString &query, const Invitation &invitation);

    /*! The walk of one of the address's lists: what the loader is asked for (for the test that holds the two together). */
    static InvitationLoader::Request walkOf(const QString &query, std::optional<InvitationStatus> status,
                                           InvitationLoader::Request::Source source);

Q_SIGNALS:
    void invitationsArrived(const QList<InviteDesk::Invitation> &invitations, int found, qint64 total);
    void finished();
    void failed(const InviteDesk::ClerkError &error);
    void cancelled();

private:
    /*! The lists read one after the other: the organizations' invitations, then, when asked, the address's application invitations. */
    enum class List {
        Organizations,
        Application,
        RevokedApplication, //!< the third: its revoked ones, which Clerk lists only when asked
    };
    /*! What the loader is asked for to read \a list of this search. */
    InvitationLoader::Request walkOf(List list) const;
    void read(List list);
    void filter(const QList<Invitation> &fresh, qint64 total);
    void listFinished();
    void listFailed(const ClerkError &error);
    /*! Each list's doubt is said, joined: a later one never hides an earlier one. */
    void addDoubt(const QString &doubt);

    InvitationLoader m_loader;
    QString m_query;
    std::optional<InvitationStatus> m_status;
    QList<Invitation> m_found;
    QSet<QString> m_seen; //!< the IDs in m_found
    QString m_doubt;
    bool m_keepMetadata = true;
    bool m_includeApplication = false;
    List m_list = List::Organizations;
    qint64 m_firstListTotal = 0; //!< the lists' counts before the one read: progress is of all of them
};

} // namespace InviteDesk
