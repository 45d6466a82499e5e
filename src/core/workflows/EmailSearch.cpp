#include "core/workflows/EmailSearch.h"

#include "core/domain/EmailAddress.h"

using namespace Qt::StringLiterals;

namespace InviteDesk {

EmailSearch::EmailSearch(ClerkClient *client, QObject *parent) : QObject(parent), m_loader(client)
{
    connect(&m_loader, &InvitationLoader::invitationsArrived, this,
            [this](const QList<Invitation> &fresh, int, qint64 total) { filter(fresh, total); });
    connect(&m_loader, &InvitationLoader::finished, this, &EmailSearch::listFinished);
    connect(&m_loader, &InvitationLoader::failed, this, &EmailSearch::listFailed);
    connect(&m_loader, &InvitationLoader::cancelled, this, &EmailSearch::cancelled);
}

EmailSearch::~EmailSearch() = default;

bool EmailSearch::matches(const QString &query, const Invitation &invitation)
{
    if (!query.contains(u'@'))
        return true;
    // A look-alike (the Kelvin sign K for "k") is another address: never listed as the one asked about.
    return EmailAddress::same(invitation.emailAddress, query);
}

InvitationLoader::Request EmailSearch::walkOf(const QString &query, std::optional<InvitationStatus> status,
                                              InvitationLoader::Request::Source source)
{
    InvitationLoader::Request request;
    request.source = source;
    request.query = query;
    request.status = status;
    request.pageSize = pageSize;
    request.pageLimit = maxPages;
    request.oneByOne();
    return request;
}

void EmailSearch::addDoubt(const QString &doubt)
{
    m_doubt = m_doubt.isEmpty() ? doubt : m_doubt + u"; "_s + doubt;
}

void EmailSearch::start(const QString &query, std::optional<InvitationStatus> status)
{
    cancel();
    m_seen.clear();
    m_doubt.clear();
    m_query = query.trimmed();
    m_status = status;
    m_found.clear();
    m_firstListTotal = 0;
    read(List::Organizations);
}

void EmailSearch::cancel()
{
    m_loader.cancel(); // cancelled() follows, when it ran
}

InvitationLoader::Request EmailSearch::walkOf(List list) const
{
    using Source = InvitationLoader::Request::Source;
    if (list == List::RevokedApplication)
        return walkOf(List::Application).revokedPart();
    return walkOf(m_query, m_status, list == List::Organizations ? Source::Instance : Source::Application);
}

void EmailSearch::read(List list)
{
    m_list = list;
    InvitationLoader::Request request = walkOf(list);
    request.keepInvitations = false; // the matches are kept here
    request.keepMetadata = m_keepMetadata;
    m_loader.start(request);
}

void EmailSearch::filter(const QList<Invitation> &fresh, qint64 total)
{
    QList<Invitation> matching;
    for (const Invitation &inv : fresh) {
        if (!matches(m_query, inv))
            continue;
        if (m_list == List::RevokedApplication && m_seen.contains(inv.id)) {
            // Read as pending a moment ago, revoked since: what was shown of it is out of date.
            addDoubt(tr("%1 was revoked while the list was read").arg(inv.id));
            continue;
        }
        if (!m_seen.contains(inv.id)) {
            m_seen.insert(inv.id);
            matching.append(inv);
        }
    }
    m_found += matching;
    Q_EMIT invitationsArrived(matching, int(m_found.size()), m_firstListTotal + total);
}

void EmailSearch::listFinished()
{
    // Each list's count is its own, and each list's doubt is said.
    if (const QString doubt = m_loader.doubt(); !doubt.isEmpty())
        addDoubt(doubt);
    m_firstListTotal += m_loader.totalCount();
    if (m_list == List::Organizations && m_includeApplication)
        return read(List::Application);
    // Every status of the address's sign-up invitations: that list, and the revoked ones if Clerk left them out.
    if (m_list == List::Application && walkOf(List::Application).leavesOutRevoked())
        return read(List::RevokedApplication);
    Q_EMIT finished();
}

void EmailSearch::listFailed(const ClerkError &error)
{
    if (m_loader.reachedPageLimit()) {
        Q_EMIT failed(ClerkError::payload(
            tr("more than %L1 invitations match \"%2\"; InviteDesk reads at most that many: narrow the search")
                .arg(qint64(maxPages) * pageSize)
                .arg(m_query)));
        return;
    }
    // The organizations' invitations are in; the application invitations that could not be read are said,
    // not made a failure of the whole search.
    if (m_list != List::Organizations && !error.isCancelled()) {
        addDoubt(tr("the address's application invitations could not be read: %1").arg(error.oneLine()));
        Q_EMIT finished();
        return;
    }
    Q_EMIT failed(error);
}

} // namespace InviteDesk
