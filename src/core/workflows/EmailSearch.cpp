#include "core/workflows/EmailSearch.h"

#include "core/domain/EmailAddress.h"

using namespace Qt::StringLiterals;

namespace InviteDesk {

EmailSearch::EmailSearch(ClerkClient *client, QObject *parent) : QObject(parent), m_client(client) {}

EmailSearch::~EmailSearch() = default;

bool EmailSearch::matches(const QString &query, const Invitation &invitation)
{
    if (!query.contains(u'@'))
        return true;
    // A look-alike (the Kelvin sign K for "k") is another address: never listed as the one asked about.
    return EmailAddress::same(invitation.emailAddress, query);
}

void EmailSearch::addDoubt(const QString &doubt)
{
    m_doubt = m_doubt.isEmpty() ? doubt : m_doubt + u"; "_s + doubt;
}

void EmailSearch::start(const QString &query, std::optional<InvitationStatus> status)
{
    cancel();
    m_seen.clear();
    m_read.clear();
    m_doubt.clear();
    m_query = query.trimmed();
    m_status = status;
    m_found.clear();
    m_readingApplication = false;
    m_readingRevoked = false;
    m_firstListTotal = 0;
    requestPage(0, 1);
}

void EmailSearch::cancel()
{
    if (!m_call)
        return;
    const ClerkClient::CallId call = std::exchange(m_call, 0);
    if (m_client)
        m_client->cancel(call); // its callback sees m_call == 0 and stays quiet
    Q_EMIT cancelled();
}

void EmailSearch::requestPage(int offset, int page)
{
    if (!m_client) {
        Q_EMIT failed(ClerkError::cancelled());
        return;
    }
    InstanceInvitationQuery request;
    request.query = m_query;
    request.status = m_readingRevoked ? std::optional(InvitationStatus::Revoked) : m_status;
    request.limit = pageSize;
    request.offset = offset;
    auto onPage = [this, offset, page](Result<Page<Invitation>> result) {
        if (!m_call)
            return; // cancelled
        m_call = 0;
        if (!result) {
            // The organizations' invitations are in; the application invitations that could not be read are
            // said, not made a failure of the whole search.
            if (m_readingApplication && !result.error().isCancelled()) {
                addDoubt(tr("the address's application invitations could not be read: %1").arg(result.error().oneLine()));
                Q_EMIT finished();
                return;
            }
            Q_EMIT failed(result.error());
            return;
        }
        const Page<Invitation> &p = result.value();
        QList<Invitation> matching;
        const qsizetype readBefore = m_read.size();
        for (const Invitation &inv : p.data)
            m_read.insert(inv.id);
        const bool nothingNew = m_read.size() == readBefore;
        for (const Invitation &inv : p.data) {
            // Pages are read by offset: an invitation created meanwhile shifts the next page, and
            // its last row comes again. It is kept once.
            if (m_readingRevoked && m_seen.contains(inv.id) && matches(m_query, inv)) {
                // Read as pending a moment ago, revoked since: what was shown of it is out of date.
                addDoubt(tr("%1 was revoked while the list was read").arg(inv.id));
                continue;
            }
            if (matches(m_query, inv) && !m_seen.contains(inv.id)) {
                m_seen.insert(inv.id);
                matching.append(inv);
                if (!m_keepMetadata)
                    matching.last().dropMetadata();
            }
        }
        m_found += matching;
        Q_EMIT invitationsArrived(matching, int(m_found.size()), m_firstListTotal + p.totalCount);
        const int next = offset + int(p.data.size());
        // The pages, not total_count, say where the list ends: a short page, or a full one with
        // nothing new (a server repeating itself). A count that disagrees is said at the end.
        const bool lastPage = p.data.size() < pageSize || nothingNew;
        if (!lastPage && page >= maxPages) {
            Q_EMIT failed(ClerkError::payload(
                tr("more than %L1 invitations match \"%2\"; InviteDesk reads at most that many: narrow the search")
                    .arg(qint64(maxPages) * pageSize)
                    .arg(m_query)));
            return;
        }
        if (lastPage) {
            // Each list's count is its own, and each list's doubt is said.
            if (nothingNew && !p.data.isEmpty())
                addDoubt(tr("Clerk sent a page of invitations already read (after %L1); the list may be "
                             "incomplete")
                              .arg(m_read.size()));
            else if (p.totalCount != m_read.size())
                addDoubt(tr("Clerk counted %L1 invitations, but %L2 were read").arg(p.totalCount).arg(m_read.size()));
            if (m_includeApplication && !m_readingApplication) {
                m_readingApplication = true;
                m_firstListTotal = p.totalCount;
                m_read.clear();
                requestPage(0, 1);
                return;
            }
            // Clerk leaves revoked application invitations out of a list without a status: every status of
            // the address's sign-up invitations is that list and the revoked ones.
            if (m_readingApplication && !m_status && !m_readingRevoked) {
                m_readingRevoked = true;
                m_firstListTotal += p.totalCount;
                m_read.clear();
                requestPage(0, 1);
                return;
            }
            Q_EMIT finished();
            return;
        }
        requestPage(next, page + 1);
    };
    m_call = m_readingApplication ? m_client->listApplicationInvitations(request, this, std::move(onPage))
                                  : m_client->listInstanceInvitations(request, this, std::move(onPage));
}

} // namespace InviteDesk
