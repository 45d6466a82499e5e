#include "core/workflows/InvitationListing.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace InviteDesk {

InvitationListing::InvitationListing(ClerkClient *client, QObject *parent) : QObject(parent), m_client(client) {}

InvitationListing::~InvitationListing() = default;

void InvitationListing::drop()
{
    // Disconnected first: the old query's cancellation is not news to anyone.
    m_readToEnd = false;
    if (m_loader) {
        m_loader->disconnect(this);
        m_loader->cancel();
        m_loader.reset();
    }
    if (m_search) {
        m_search->disconnect(this);
        m_search->cancel();
        m_search.reset();
    }
}

void InvitationListing::load(const ListingScope &scope)
{
    switch (scope.kind()) {
    case Kind::None:
        drop();
        m_scope = {}; // nothing is shown: no earlier view lingers as this one's
        return;
    case Kind::Organization: return loadOrganization(scope.organization(), scope.status());
    case Kind::EmailAddress: return searchEmail(scope.email(), scope.status());
    case Kind::Instance: return loadInstance(scope.status());
    case Kind::Application: return loadApplication(scope.status());
    }
}

void InvitationListing::loadOrganization(const Organization &organization, std::optional<InvitationStatus> status)
{
    InvitationLoader::Request request;
    request.organizationId = organization.id;
    request.status = status;
    if (status == InvitationStatus::Pending)
        request.expectedTotal = organization.pendingInvitationsCount;
    load(ListingScope::ofOrganization(organization, status), request);
}

void InvitationListing::loadInstance(std::optional<InvitationStatus> status)
{
    // The same paged, parallel, re-read-if-it-moved walk as one organization's list.
    InvitationLoader::Request request;
    request.source = InvitationLoader::Request::Source::Instance;
    request.status = status;
    load(ListingScope::ofInstance(status), request);
}

void InvitationListing::loadApplication(std::optional<InvitationStatus> status)
{
    InvitationLoader::Request request;
    request.source = InvitationLoader::Request::Source::Application;
    request.status = status;
    load(ListingScope::ofApplication(status), request);
}

void InvitationListing::load(const ListingScope &scope, const InvitationLoader::Request &request)
{
    drop();
    m_scope = scope;
    m_earlier = {};
    m_firstPassIds.clear();
    m_repeated = 0;
    m_goneFromFirst.clear();
    m_heldTwice = 0;
    m_secondList = false;
    m_revokedNext = request.leavesOutRevoked(); // every status is that list, then the revoked ones
    if (!m_client)
        return;
    Q_EMIT started();
    startLoader(request);
}

void InvitationListing::startLoader(const InvitationLoader::Request &request)
{
    m_loader = std::make_unique<InvitationLoader>(m_client);
    InvitationLoader *loader = m_loader.get();
    connect(loader, &InvitationLoader::invitationsArrived, this,
            [this](const QList<Invitation> &invitations, int loaded, qint64 total) {
        Q_EMIT arrived(invitations, m_earlier.count + loaded, m_earlier.count + total);
    });
    m_waitingPages.clear();
    m_nextOffset = 0;
    connect(loader, &InvitationLoader::pageRead, this,
            [this, pageSize = std::max(1, request.pageSize)](int pass, int offset, QList<Invitation> fresh) {
        // One invitation revoked between the two lists is in both: written once, and the list said to have moved.
        if (m_revokedNext) {
            for (const Invitation &inv : std::as_const(fresh))
                m_firstPassIds.insert(inv.id);
        } else if (m_secondList) {
            m_heldTwice += int(std::count_if(fresh.cbegin(), fresh.cend(), [this](const Invitation &inv) { return heldByFirst(inv.id); }));
            m_repeated += int(fresh.removeIf([this](const Invitation &inv) { return m_firstPassIds.contains(inv.id); }));
        }
        if (pass > 1) { // a re-reading: what is new in it, as it comes (the first reading is all out by now)
            if (!fresh.isEmpty())
                Q_EMIT inOrder(fresh);
            return;
        }
        m_waitingPages[offset] = fresh;
        while (!m_waitingPages.empty() && m_waitingPages.begin()->first <= m_nextOffset) {
            const QList<Invitation> page = std::move(m_waitingPages.begin()->second);
            m_nextOffset = m_waitingPages.begin()->first + pageSize;
            m_waitingPages.erase(m_waitingPages.begin());
            if (!page.isEmpty())
                Q_EMIT inOrder(page);
        }
    });
    connect(loader, &InvitationLoader::invitationsChanged, this, &InvitationListing::changed);
    connect(loader, &InvitationLoader::invitationsGone, this, &InvitationListing::gone);
    // Gone from the first of two lists after it was written (revoked meanwhile): if the second list has
    // it, that copy is the one held and counted; it is not written again.
    connect(loader, &InvitationLoader::invitationsGone, this, [this](const QStringList &ids) {
        if (m_revokedNext)
            m_goneFromFirst.unite(QSet<QString>(ids.cbegin(), ids.cend()));
    });
    connect(loader, &InvitationLoader::finished, this, [this, loader, request] {
        if (std::exchange(m_revokedNext, false)) {
            m_earlier = {loader->invitations(), loader->loadedCount(), loader->requestsSent(), loader->doubt(),
                         loader->listChanged()};
            loader->disconnect(this);
            m_loader.release()->deleteLater(); // it is still in this signal
            m_secondList = true;
            startLoader(request.revokedPart());
            return;
        }
        m_readToEnd = true;
        Q_EMIT finished(loadedCount(), m_earlier.listChanged || loader->listChanged() || m_repeated > 0);
    });
    connect(loader, &InvitationLoader::failed, this, &InvitationListing::failed);
    connect(loader, &InvitationLoader::cancelled, this, &InvitationListing::cancelled);
    InvitationLoader::Request keeping = request;
    keeping.keepInvitations = m_keepInvitations;
    keeping.keepMetadata = m_keepMetadata;
    loader->start(keeping);
}

void InvitationListing::searchEmail(const QString &email, std::optional<InvitationStatus> status)
{
    drop();
    m_scope = ListingScope::ofAddress(email, status);
    if (!m_client)
        return;
    m_search = std::make_unique<EmailSearch>(m_client);
    EmailSearch *search = m_search.get();
    connect(search, &EmailSearch::invitationsArrived, this, &InvitationListing::arrived);
    connect(search, &EmailSearch::invitationsArrived, this, [this](const QList<Invitation> &invitations) {
        if (!invitations.isEmpty())
            Q_EMIT inOrder(invitations); // one page after the other: already in order
    });
    connect(search, &EmailSearch::finished, this,
            [this, search] {
        m_readToEnd = true;
        Q_EMIT finished(int(search->invitations().size()), false);
    });
    connect(search, &EmailSearch::failed, this, &InvitationListing::failed);
    connect(search, &EmailSearch::cancelled, this, &InvitationListing::cancelled);
    Q_EMIT started();
    search->setKeepsMetadata(m_keepMetadata);
    search->setIncludesApplicationInvitations(m_includeApplication);
    search->start(m_scope.email(), status);
}

void InvitationListing::cancel()
{
    if (m_loader && m_loader->isRunning())
        m_loader->cancel();
    if (m_search && m_search->isRunning())
        m_search->cancel();
}

bool InvitationListing::isRunning() const
{
    return (m_loader && m_loader->isRunning()) || (m_search && m_search->isRunning());
}

QList<Invitation> InvitationListing::invitations() const
{
    if (m_loader) {
        QList<Invitation> second = m_loader->invitations();
        if (m_secondList) // what the first list holds is kept as it was written
            second.removeIf([this](const Invitation &inv) { return heldByFirst(inv.id); });
        return m_earlier.invitations + second;
    }
    return m_search ? m_search->invitations() : QList<Invitation>{};
}

QString InvitationListing::doubt() const
{
    if (m_loader) {
        const QString now = m_loader->doubt();
        return m_earlier.doubt.isEmpty() ? now : now.isEmpty() ? m_earlier.doubt : m_earlier.doubt + u"; "_s + now;
    }
    return m_search ? m_search->doubt() : QString();
}

InvitationListing::Extent InvitationListing::extent() const
{
    if (!m_readToEnd)
        return Extent::Partial;
    return doubt().isEmpty() ? Extent::Whole : Extent::Doubted;
}

int InvitationListing::loadedCount() const
{
    if (m_loader)
        return m_earlier.count + m_loader->loadedCount() - m_heldTwice;
    return m_search ? int(m_search->invitations().size()) : 0;
}

int InvitationListing::requestsSent() const
{
    return m_loader ? m_earlier.requests + m_loader->requestsSent() : 0;
}

} // namespace InviteDesk
