#include "core/api/ClerkClient.h"

#include "core/api/ClerkJson.h"

#include <QtCore/QJsonDocument>

using namespace Qt::StringLiterals;

// One function per Clerk endpoint InviteDesk uses; how a call is sent, retried and delivered is ClerkClient.cpp.

namespace InviteDesk {

namespace {

QUrlQuery pageQuery(int limit, int offset, const QString &orderBy)
{
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, QString::number(limit));
    q.addQueryItem(u"offset"_s, QString::number(offset));
    if (!orderBy.isEmpty())
        q.addQueryItem(u"order_by"_s, orderBy);
    return q;
}

} // namespace

ClerkClient::CallId ClerkClient::listOrganizations(const OrganizationQuery &query, QObject *context,
                                                   Callback<Page<Organization>> done)
{
    QUrlQuery q = pageQuery(query.limit, query.offset, query.orderBy);
    if (!query.query.isEmpty())
        q.addQueryItem(u"query"_s, query.query);
    if (query.includeMembersCount)
        q.addQueryItem(u"include_members_count"_s, u"true"_s);
    return startParsed<Page<Organization>>(Method::Get, {u"organizations"_s}, q, std::nullopt, context,
                                           std::move(done), &ClerkJson::parseOrganizationPage);
}

ClerkClient::CallId ClerkClient::getOrganization(const QString &idOrSlug, QObject *context, Callback<Organization> done)
{
    // With its member count: the window's seats line needs it (the spec's include_members_count).
    QUrlQuery q;
    q.addQueryItem(u"include_members_count"_s, u"true"_s);
    return startParsed<Organization>(Method::Get, {u"organizations"_s, idOrSlug.trimmed()}, q, std::nullopt,
                                     context, std::move(done), &ClerkJson::parseOrganization);
}

ClerkClient::CallId ClerkClient::listInvitations(const QString &organizationId, const InvitationQuery &query,
                                                 QObject *context, Callback<Page<Invitation>> done)
{
    QUrlQuery q = pageQuery(query.limit, query.offset, query.orderBy);
    if (query.status)
        q.addQueryItem(u"status"_s, invitationStatusKey(*query.status));
    if (!query.emailAddress.isEmpty())
        q.addQueryItem(u"email_address"_s, query.emailAddress);
    return startParsed<Page<Invitation>>(Method::Get, {u"organizations"_s, organizationId, u"invitations"_s}, q,
                                         std::nullopt, context, std::move(done), &ClerkJson::parseInvitationPage);
}

ClerkClient::CallId ClerkClient::listInstanceInvitations(const InstanceInvitationQuery &query, QObject *context,
                                                         Callback<Page<Invitation>> done)
{
    QUrlQuery q = pageQuery(query.limit, query.offset, query.orderBy);
    if (!query.query.isEmpty())
        q.addQueryItem(u"query"_s, query.query);
    if (query.status)
        q.addQueryItem(u"status"_s, invitationStatusKey(*query.status));
    return startParsed<Page<Invitation>>(Method::Get, {u"organization_invitations"_s}, q, std::nullopt, context,
                                         std::move(done), &ClerkJson::parseInvitationPage);
}

ClerkClient::CallId ClerkClient::listApplicationInvitations(const InstanceInvitationQuery &query, QObject *context,
                                                            Callback<Page<Invitation>> done)
{
    QUrlQuery q = pageQuery(query.limit, query.offset, query.orderBy);
    q.addQueryItem(u"paginated"_s, u"true"_s); // {data, total_count}, as every other list; else a bare array
    if (!query.query.isEmpty())
        q.addQueryItem(u"query"_s, query.query);
    if (query.status)
        q.addQueryItem(u"status"_s, invitationStatusKey(*query.status));
    return startParsed<Page<Invitation>>(Method::Get, {u"invitations"_s}, q, std::nullopt, context, std::move(done),
                                         &ClerkJson::parseApplicationInvitationPage);
}

ClerkClient::CallId ClerkClient::getApplicationInvitation(const QString &invitationId, QObject *context,
                                                          Callback<Invitation> done)
{
    // The query matches IDs and addresses alike; only the row with exactly this ID is the answer.
    auto find = [invitationId](const Page<Invitation> &page) -> std::optional<Invitation> {
        for (const Invitation &inv : page.data) {
            if (inv.id == invitationId)
                return inv;
        }
        return std::nullopt;
    };
    InstanceInvitationQuery revoked;
    revoked.query = invitationId;
    revoked.status = InvitationStatus::Revoked; // what a re-read after a revoke mostly finds
    revoked.limit = 10;
    const QPointer<QObject> guard(context);
    return listApplicationInvitations(
        revoked, context, [this, invitationId, guard, find, done = std::move(done)](Result<Page<Invitation>> first) mutable {
            if (!first)
                return done(first.error());
            if (std::optional<Invitation> hit = find(first.value()))
                return done(*hit);
            if (!guard)
                return;
            InstanceInvitationQuery others; // every status but revoked, as Clerk lists them
            others.query = invitationId;
            others.limit = 10;
            listApplicationInvitations(others, guard, [find, done = std::move(done)](Result<Page<Invitation>> second) {
                if (!second)
                    return done(second.error());
                if (std::optional<Invitation> hit = find(second.value()))
                    return done(*hit);
                // Neither list has it: as Clerk answers a read of an ID it does not know.
                done(ClerkError::fromHttp(404, R"({"errors":[{"code":"resource_not_found","message":"not found",)"
                                               R"("long_message":"No application invitation with this ID"}]})"));
            });
        });
}

ClerkClient::CallId ClerkClient::revokeApplicationInvitation(const QString &invitationId, QObject *context,
                                                             Callback<Invitation> done, std::function<void()> beforeSend)
{
    return startParsed<Invitation>(Method::Post, {u"invitations"_s, invitationId, u"revoke"_s}, {}, std::nullopt, context,
                                   std::move(done), &ClerkJson::parseApplicationInvitation, std::move(beforeSend));
}

ClerkClient::CallId ClerkClient::getInvitation(const QString &organizationId, const QString &invitationId,
                                               QObject *context, Callback<Invitation> done)
{
    return startParsed<Invitation>(Method::Get,
                                   {u"organizations"_s, organizationId, u"invitations"_s, invitationId}, {},
                                   std::nullopt, context, std::move(done), &ClerkJson::parseInvitation);
}

ClerkClient::CallId ClerkClient::readInvitation(InvitationKind kind, const QString &organizationId,
                                                const QString &invitationId, QObject *context, Callback<Invitation> done)
{
    return kind == InvitationKind::Application ? getApplicationInvitation(invitationId, context, std::move(done))
                                               : getInvitation(organizationId, invitationId, context, std::move(done));
}

ClerkClient::CallId ClerkClient::revokeInvitation(const QString &organizationId, const QString &invitationId,
                                                  const QString &requestingUserId, QObject *context,
                                                  Callback<Invitation> done, std::function<void()> beforeSend)
{
    // The body is optional; like Clerk's own SDK, send none when there is nothing to say.
    std::optional<QByteArray> body;
    if (!requestingUserId.isEmpty())
        body = QJsonDocument(QJsonObject{{"requesting_user_id"_L1, requestingUserId}}).toJson(QJsonDocument::Compact);
    return startParsed<Invitation>(
        Method::Post, {u"organizations"_s, organizationId, u"invitations"_s, invitationId, u"revoke"_s}, {},
        std::move(body), context, std::move(done), &ClerkJson::parseInvitation, std::move(beforeSend));
}

ClerkClient::CallId ClerkClient::createInvitation(const QString &organizationId, const NewInvitation &invitation,
                                                  QObject *context, Callback<Invitation> done)
{
    QJsonObject o{{"email_address"_L1, invitation.emailAddress}, {"role"_L1, invitation.role}};
    if (!invitation.inviterUserId.isEmpty())
        o.insert("inviter_user_id"_L1, invitation.inviterUserId);
    if (!invitation.publicMetadata.isEmpty())
        o.insert("public_metadata"_L1, invitation.publicMetadata);
    if (!invitation.redirectUrl.isEmpty())
        o.insert("redirect_url"_L1, invitation.redirectUrl);
    if (invitation.expiresInDays)
        o.insert("expires_in_days"_L1, *invitation.expiresInDays);
    if (invitation.notify)
        o.insert("notify"_L1, *invitation.notify);
    return startParsed<Invitation>(Method::Post, {u"organizations"_s, organizationId, u"invitations"_s}, {},
                                   QJsonDocument(o).toJson(QJsonDocument::Compact), context, std::move(done),
                                   &ClerkJson::parseInvitation);
}

ClerkClient::CallId ClerkClient::listRoles(int limit, int offset, QObject *context, Callback<Page<Role>> done)
{
    return startParsed<Page<Role>>(Method::Get, {u"organization_roles"_s}, pageQuery(limit, offset, {}),
                                   std::nullopt, context, std::move(done), &ClerkJson::parseRolePage);
}

} // namespace InviteDesk
