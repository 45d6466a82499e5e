#include "core/domain/ListingScope.h"

#include "core/domain/Confirmation.h"
#include "core/domain/EmailAddress.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace InviteDesk {

ListingScope ListingScope::ofOrganization(const Organization &organization, std::optional<InvitationStatus> status)
{
    ListingScope scope;
    scope.m_kind = Kind::Organization;
    scope.m_organization = organization;
    scope.m_status = status;
    return scope;
}

ListingScope ListingScope::ofAddress(const QString &email, std::optional<InvitationStatus> status)
{
    ListingScope scope;
    scope.m_email = email.trimmed();
    if (scope.m_email.isEmpty())
        return {}; // no address, no view: never a search for everything
    scope.m_kind = Kind::EmailAddress;
    scope.m_status = status;
    return scope;
}

ListingScope ListingScope::ofInstance(std::optional<InvitationStatus> status)
{
    ListingScope scope;
    scope.m_kind = Kind::Instance;
    scope.m_status = status;
    return scope;
}

ListingScope ListingScope::ofApplication(std::optional<InvitationStatus> status)
{
    ListingScope scope;
    scope.m_kind = Kind::Application;
    scope.m_status = status;
    return scope;
}

ListingScope ListingScope::withStatus(std::optional<InvitationStatus> status) const
{
    ListingScope scope = *this;
    if (takesStatus())
        scope.m_status = status;
    return scope;
}

bool ListingScope::sameViewAs(const ListingScope &other) const
{
    return m_kind == other.m_kind && m_organization.id == other.m_organization.id
           && EmailAddress::same(m_email, other.m_email);
}

QString ListingScope::title() const
{
    switch (m_kind) {
    case Kind::None: return {};
    case Kind::Organization: return m_organization.name.isEmpty() ? m_organization.id : m_organization.name;
    case Kind::EmailAddress: return m_email;
    case Kind::Instance: return tr("All organizations");
    case Kind::Application: return tr("Application invitations");
    }
    return {};
}

QString ListingScope::inSentence() const
{
    switch (m_kind) {
    case Kind::Instance: return tr("all organizations");
    case Kind::Application: return tr("the instance (to sign up)");
    default: return title();
    }
}

QString ListingScope::ticketLine() const
{
    switch (m_kind) {
    case Kind::None: return {};
    case Kind::Organization: return tr("Organization: %1 (%2)").arg(m_organization.name, m_organization.id);
    case Kind::EmailAddress: return tr("Address: %1 (across organizations)").arg(m_email);
    case Kind::Instance: return tr("All organizations of the instance");
    case Kind::Application: return tr("Application (sign-up) invitations of the instance");
    }
    return {};
}

QString ListingScope::loadingText() const
{
    switch (m_kind) {
    case Kind::None: return {};
    case Kind::Organization: return tr("Loading invitations of %1").arg(title());
    case Kind::EmailAddress: return tr("Searching invitations of %1").arg(m_email);
    case Kind::Instance: return tr("Loading the instance's invitations");
    case Kind::Application: return tr("Loading the instance's application invitations");
    }
    return {};
}

QString ListingScope::revokeWhere(int organizations) const
{
    switch (m_kind) {
    case Kind::None: return {};
    case Kind::Organization:
        return tr("in %1").arg(m_organization.slug.isEmpty() ? title() : u"%1 (%2)"_s.arg(title(), m_organization.slug));
    case Kind::EmailAddress: return tr("of %1").arg(m_email);
    case Kind::Instance: return tr("in %Ln organization(s)", nullptr, organizations);
    case Kind::Application: return tr("to sign up to the instance");
    }
    return {};
}

QString ListingScope::confirmationHandle(int count) const
{
    switch (m_kind) {
    case Kind::Organization: return Confirmation::handleFor(m_organization);
    case Kind::EmailAddress: return m_email;
    default: return Confirmation::handleForCount(count); // no one handle names them
    }
}

QString ListingScope::fileStem() const
{
    switch (m_kind) {
    case Kind::None: return u"invitations"_s;
    case Kind::Organization: return m_organization.slug.isEmpty() ? m_organization.id : m_organization.slug;
    case Kind::EmailAddress: return m_email;
    case Kind::Instance: return u"all-organizations"_s;
    case Kind::Application: return u"application"_s;
    }
    return {};
}

bool ListingScope::countPendingChange(const QString &organizationId, int change)
{
    if (m_kind != Kind::Organization || organizationId != m_organization.id || !m_organization.pendingInvitationsCount)
        return false;
    m_organization.pendingInvitationsCount = std::max(0, *m_organization.pendingInvitationsCount + change);
    return true;
}

} // namespace InviteDesk
