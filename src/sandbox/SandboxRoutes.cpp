#include "sandbox/ClerkSandbox.h"

#include "core/util/Durations.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

// The sandbox's routes: Clerk's paths, parameters and JSON shapes. ClerkSandbox.cpp serves them
// (authentication, rate limits, faults, delivery).

namespace InviteDesk::Sandbox {

namespace {

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue timestamp(qint64 ms)
{
    return ms ? QJsonValue(double(ms)) : QJsonValue(QJsonValue::Null);
}
} // namespace

HttpResponse ClerkSandbox::route(const HttpRequest &request, const QString &key, bool *changedState)
{
    const QStringList &s = request.pathSegments;
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    auto notAllowed = [this] {
        return error(405, u"method_not_allowed"_s, u"method not allowed"_s, u"This method is not allowed here."_s);
    };
    auto orgNotFound = [this] {
        return error(404, u"resource_not_found"_s, u"not found"_s, u"Given organization not found."_s);
    };

    if (s.size() == 2 && s[1] == "organizations"_L1)
        return get ? listOrganizations(request) : notAllowed();
    if (s.size() == 2 && s[1] == "organization_invitations"_L1)
        return get ? listInstanceInvitations(request) : notAllowed();
    if (s.size() == 2 && s[1] == "invitations"_L1)
        return get ? listApplicationInvitations(request) : notAllowed();
    if (s.size() == 4 && s[1] == "invitations"_L1 && s[3] == "revoke"_L1) {
        if (!post)
            return notAllowed();
        if (auto bad = checkParameters(request, {}))
            return *bad;
        return revokeApplicationInvitation(s[2], changedState);
    }
    if (s.size() == 2 && s[1] == "organization_roles"_L1)
        return get ? listRoles(request) : notAllowed();
    if (s.size() == 3 && s[1] == "organizations"_L1) {
        if (!get)
            return notAllowed();
        if (auto bad = checkParameters(request, {u"include_members_count"_s,
                                                 u"include_missing_member_with_elevated_permissions"_s}))
            return *bad;
        return getOrganization(request, s[2]);
    }
    if (s.size() >= 4 && s[1] == "organizations"_L1 && s[3] == "invitations"_L1) {
        SandboxOrganization *org = m_store.organization(s[2], false);
        if (s.size() == 4) {
            if (!get && !post)
                return notAllowed();
            if (!org)
                return orgNotFound();
            return get ? listInvitations(request, *org) : createInvitation(request, *org, key, changedState);
        }
        if (s.size() == 5) {
            if (!get)
                return notAllowed();
            if (auto bad = checkParameters(request, {}))
                return *bad;
            return org ? getInvitation(*org, s[4]) : orgNotFound();
        }
        if (s.size() == 6 && s[5] == "revoke"_L1) {
            if (!post)
                return notAllowed();
            if (auto bad = checkParameters(request, {}))
                return *bad;
            return org ? revokeInvitation(request, *org, s[4], changedState) : orgNotFound();
        }
    }
    return error(404, u"resource_not_found"_s, u"not found"_s, u"The requested resource was not found."_s);
}

QJsonObject ClerkSandbox::invitationJson(const SandboxInvitation &inv, const SandboxOrganization *withOrg) const
{
    const QString status = SandboxStore::effectiveStatus(inv, now());
    const SandboxRole *role = m_store.role(inv.role);
    QJsonObject o{
        {"object"_L1, "organization_invitation"_L1},
        {"id"_L1, inv.id},
        {"email_address"_L1, inv.emailAddress},
        {"role"_L1, inv.role},
        {"role_name"_L1, role ? role->name : inv.role},
        {"organization_id"_L1, inv.organizationId},
        {"inviter_id"_L1, nullable(inv.inviterId)},
        {"status"_L1, status},
        {"public_metadata"_L1, inv.publicMetadata},
        {"private_metadata"_L1, inv.privateMetadata},
        {"url"_L1, status == "pending"_L1 ? nullable(inv.url) : QJsonValue(QJsonValue::Null)},
        {"expires_at"_L1, timestamp(inv.expiresAt)},
        {"created_at"_L1, double(inv.createdAt)},
        {"updated_at"_L1, double(inv.updatedAt)},
    };
    const SandboxUser *inviter = inv.inviterId.isEmpty() ? nullptr : m_store.user(inv.inviterId);
    if (inviter) {
        o.insert("public_inviter_data"_L1, QJsonObject{{"user_id"_L1, inviter->id},
                                                       {"first_name"_L1, inviter->firstName},
                                                       {"last_name"_L1, inviter->lastName},
                                                       {"image_url"_L1, inviter->imageUrl},
                                                       {"has_image"_L1, true},
                                                       {"identifier"_L1, inviter->email}});
    } else {
        o.insert("public_inviter_data"_L1, QJsonValue(QJsonValue::Null));
    }
    if (withOrg) {
        o.insert("public_organization_data"_L1,
                 QJsonObject{{"id"_L1, withOrg->id}, {"name"_L1, withOrg->name}, {"slug"_L1, withOrg->slug},
                             {"image_url"_L1, QString(u"https://img.clerk.example/"_s + withOrg->id)}, {"has_image"_L1, false}});
    }
    return o;
}

QJsonObject ClerkSandbox::organizationJson(const SandboxOrganization &org, bool withMembersCount) const
{
    QJsonObject o{
        {"object"_L1, "organization"_L1},
        {"id"_L1, org.id},
        {"name"_L1, org.name},
        {"slug"_L1, org.slug},
        {"image_url"_L1, QString(u"https://img.clerk.example/"_s + org.id)},
        {"has_image"_L1, false},
        {"max_allowed_memberships"_L1, org.maxAllowedMemberships},
        {"admin_delete_enabled"_L1, true},
        {"public_metadata"_L1, org.publicMetadata},
        {"private_metadata"_L1, QJsonObject()},
        {"created_by"_L1, org.createdBy},
        {"created_at"_L1, double(org.createdAt)},
        {"updated_at"_L1, double(org.updatedAt)},
        {"pending_invitations_count"_L1, m_store.countWithStatus(org, u"pending"_s, now())},
    };
    if (withMembersCount)
        o.insert("members_count"_L1, int(org.members.size()));
    return o;
}

HttpResponse ClerkSandbox::listOrganizations(const HttpRequest &request)
{
    if (auto bad = checkParameters(request, {u"query"_s, u"limit"_s, u"offset"_s, u"order_by"_s,
                                             u"include_members_count"_s,
                                             u"include_missing_member_with_elevated_permissions"_s, u"user_id"_s,
                                             u"organization_id"_s}))
        return *bad;
    int limit = 0;
    int offset = 0;
    if (auto bad = readPaging(request, &limit, &offset))
        return *bad;
    QString orderBy = request.hasQuery(u"order_by"_s) ? request.queryValue(u"order_by"_s) : u"-created_at"_s;
    const bool descending = orderBy.startsWith(u'-');
    if (orderBy.startsWith(u'-') || orderBy.startsWith(u'+'))
        orderBy = orderBy.mid(1);
    if (orderBy != "name"_L1 && orderBy != "created_at"_L1 && orderBy != "members_count"_L1)
        return error(422, u"form_param_value_invalid"_s, u"is invalid"_s,
                     u"order_by must be one of name, created_at or members_count, optionally prefixed by + or -."_s,
                     u"order_by"_s);

    const QString query = request.queryValue(u"query"_s).trimmed();
    std::vector<const SandboxOrganization *> matches;
    for (const SandboxOrganization &org : m_store.organizations) {
        if (query.isEmpty() || org.id == query || org.name.contains(query, Qt::CaseInsensitive)
            || org.slug.contains(query, Qt::CaseInsensitive))
            matches.push_back(&org);
    }
    std::stable_sort(matches.begin(), matches.end(), [&](const SandboxOrganization *a, const SandboxOrganization *b) {
        if (orderBy == "name"_L1)
            return descending ? a->name.compare(b->name, Qt::CaseInsensitive) > 0
                              : a->name.compare(b->name, Qt::CaseInsensitive) < 0;
        if (orderBy == "members_count"_L1)
            return descending ? a->members.size() > b->members.size() : a->members.size() < b->members.size();
        return descending ? a->createdAt > b->createdAt : a->createdAt < b->createdAt;
    });
    const bool withCount = request.queryValue(u"include_members_count"_s) == "true"_L1;
    QJsonArray data;
    for (qsizetype i = offset; i < qsizetype(matches.size()) && i < offset + limit; ++i)
        data.append(organizationJson(*matches[i], withCount));
    return json(QJsonObject{{"data"_L1, data}, {"total_count"_L1, qint64(matches.size())}});
}

HttpResponse ClerkSandbox::getOrganization(const HttpRequest &request, const QString &idOrSlug)
{
    SandboxOrganization *org = m_store.organization(idOrSlug, true);
    if (!org)
        return error(404, u"resource_not_found"_s, u"not found"_s, u"Given organization not found."_s);
    return json(organizationJson(*org, request.queryValue(u"include_members_count"_s) == "true"_L1));
}

namespace {
/*! Parses "[+|-]field" for invitation lists; '+' has already become a space if it was not encoded. */
bool parseInvitationOrder(QString orderBy, QString *field, bool *descending)
{
    *descending = orderBy.startsWith(u'-');
    if (orderBy.startsWith(u'-') || orderBy.startsWith(u'+'))
        orderBy = orderBy.mid(1);
    *field = orderBy;
    return orderBy == "created_at"_L1 || orderBy == "email_address"_L1;
}
} // namespace

HttpResponse ClerkSandbox::listInvitations(const HttpRequest &request, SandboxOrganization &org)
{
    if (auto bad = checkParameters(request, {u"status"_s, u"email_address"_s, u"order_by"_s, u"limit"_s, u"offset"_s}))
        return *bad;
    int limit = 0;
    int offset = 0;
    if (auto bad = readPaging(request, &limit, &offset))
        return *bad;
    const QStringList statuses = request.queryValues(u"status"_s);
    for (const QString &status : statuses) {
        if (status != "pending"_L1 && status != "accepted"_L1 && status != "revoked"_L1 && status != "expired"_L1)
            return error(422, u"form_param_value_invalid"_s, u"is invalid"_s,
                         u"status must be one of pending, accepted, revoked or expired."_s, u"status"_s);
    }
    QString field;
    bool descending = true;
    if (request.hasQuery(u"order_by"_s) && !parseInvitationOrder(request.queryValue(u"order_by"_s), &field, &descending))
        return error(422, u"form_param_value_invalid"_s, u"is invalid"_s,
                     u"order_by must be created_at or email_address, optionally prefixed by + or -."_s, u"order_by"_s);
    if (field.isEmpty())
        field = u"created_at"_s;
    const QString email = request.queryValue(u"email_address"_s);

    const qint64 nowMs = now();
    std::vector<const SandboxInvitation *> matches;
    matches.reserve(org.invitations.size());
    for (auto it = org.invitations.crbegin(); it != org.invitations.crend(); ++it) {
        if (!statuses.isEmpty() && !statuses.contains(SandboxStore::effectiveStatus(*it, nowMs)))
            continue;
        if (!email.isEmpty() && it->emailAddress.compare(email, Qt::CaseInsensitive) != 0)
            continue;
        matches.push_back(&*it);
    }
    if (field == "email_address"_L1) {
        std::stable_sort(matches.begin(), matches.end(), [descending](const auto *a, const auto *b) {
            const int c = a->emailAddress.compare(b->emailAddress, Qt::CaseInsensitive);
            return descending ? c > 0 : c < 0;
        });
    } else if (!descending) {
        std::reverse(matches.begin(), matches.end());
    }
    // The page is assembled from each invitation's cached JSON: Clerk answers pages in parallel on many
    // machines, this one thread should not be what a concurrent client waits for.
    QByteArray body = "{\"data\":[";
    for (qsizetype i = offset; i < qsizetype(matches.size()) && i < offset + limit; ++i) {
        if (i > offset)
            body += ',';
        body += cachedInvitationJson(*matches[i], nowMs);
    }
    body += "],\"total_count\":" + QByteArray::number(qint64(matches.size())) + '}';
    return HttpResponse{200, {{"Content-Type", "application/json"}}, body};
}

QByteArray ClerkSandbox::cachedInvitationJson(const SandboxInvitation &invitation, qint64 now,
                                              const SandboxOrganization *withOrg)
{
    const QString status = SandboxStore::effectiveStatus(invitation, now);
    // The organization's ID, name and slug are part of the instance list's JSON; a test may rename it.
    static const QString none;
    const QString &orgId = withOrg ? withOrg->id : none;
    const QString &orgName = withOrg ? withOrg->name : none;
    const QString &orgSlug = withOrg ? withOrg->slug : none;
    CachedJson &cached = (withOrg ? m_instanceJsonCache : m_jsonCache)[invitation.id];
    if (cached.bytes.isEmpty() || cached.status != status || cached.orgId != orgId || cached.orgName != orgName
        || cached.orgSlug != orgSlug || !(cached.source == invitation)) {
        cached.source = invitation;
        cached.status = status;
        cached.orgId = orgId;
        cached.orgName = orgName;
        cached.orgSlug = orgSlug;
        cached.bytes = QJsonDocument(invitationJson(invitation, withOrg)).toJson(QJsonDocument::Compact);
    }
    return cached.bytes;
}

HttpResponse ClerkSandbox::listInstanceInvitations(const HttpRequest &request)
{
    if (auto bad = checkParameters(request, {u"query"_s, u"status"_s, u"order_by"_s, u"limit"_s, u"offset"_s}))
        return *bad;
    int limit = 0;
    int offset = 0;
    if (auto bad = readPaging(request, &limit, &offset))
        return *bad;
    QString status;
    if (auto bad = readStatus(request, &status))
        return *bad;
    QString field = u"created_at"_s;
    bool descending = true;
    if (request.hasQuery(u"order_by"_s) && !parseInvitationOrder(request.queryValue(u"order_by"_s), &field, &descending))
        return error(422, u"form_param_value_invalid"_s, u"is invalid"_s,
                     u"order_by must be created_at or email_address, optionally prefixed by + or -."_s, u"order_by"_s);
    const QString query = request.queryValue(u"query"_s).trimmed();

    const qint64 nowMs = now();
    // Scanned into a kept buffer: a fresh 2 MB vector for every page cost more in page faults than the scan.
    std::vector<InstanceMatch> &matches = m_instanceOrder.scanning;
    matches.clear();
    for (const SandboxOrganization &org : m_store.organizations) {
        for (const SandboxInvitation &inv : org.invitations) {
            if (!query.isEmpty() && !inv.emailAddress.contains(query, Qt::CaseInsensitive))
                continue;
            if (!status.isEmpty() && !SandboxStore::hasStatus(inv, status, nowMs))
                continue;
            matches.push_back({&inv, &org, inv.createdAt});
        }
    }
    // Sorting 100,000 rows for each of 200 pages would make this one thread the bottleneck of a
    // parallel walk that Clerk's many machines are not; the same matches in the same order sort the same
    // (by created_at, which the match records; an address may be edited in place, so that order is not kept).
    const QString orderKey = field + (descending ? u'-' : u'+');
    if (field != "created_at"_L1 || m_instanceOrder.key != orderKey || m_instanceOrder.scanned != matches) {
        m_instanceOrder.key = orderKey;
        m_instanceOrder.scanned = matches;
        m_instanceOrder.sorted = matches;
        std::vector<InstanceMatch> &order = m_instanceOrder.sorted;
        std::stable_sort(order.begin(), order.end(), [&](const InstanceMatch &a, const InstanceMatch &b) {
            if (field == "email_address"_L1) {
                const int c = a.invitation->emailAddress.compare(b.invitation->emailAddress, Qt::CaseInsensitive);
                return descending ? c > 0 : c < 0;
            }
            return descending ? a.createdAt > b.createdAt : a.createdAt < b.createdAt;
        });
    }
    const std::vector<InstanceMatch> &sorted = m_instanceOrder.sorted;
    QByteArray body = "{\"data\":[";
    body.reserve(qsizetype(limit) * 1'400); // an invitation with its organization is ~1.2 KB of JSON
    for (qsizetype i = offset; i < qsizetype(sorted.size()) && i < offset + limit; ++i) {
        if (i > offset)
            body += ',';
        body += cachedInvitationJson(*sorted[i].invitation, nowMs, sorted[i].organization);
    }
    body += "],\"total_count\":" + QByteArray::number(qint64(sorted.size())) + '}';
    return HttpResponse{200, {{"Content-Type", "application/json"}}, body};
}

HttpResponse ClerkSandbox::getInvitation(SandboxOrganization &org, const QString &invitationId)
{
    const SandboxInvitation *inv = m_store.invitation(org.id, invitationId);
    if (!inv)
        return error(404, u"resource_not_found"_s, u"not found"_s, u"Resource not found"_s);
    return json(invitationJson(*inv));
}

HttpResponse ClerkSandbox::revokeInvitation(const HttpRequest &request, SandboxOrganization &org,
                                            const QString &invitationId, bool *changedState)
{
    QString requestingUser;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return error(400, u"request_body_invalid"_s, u"Request body invalid"_s,
                         u"The request body is invalid. Please consult the API documentation for more information."_s);
        const QJsonObject body = doc.object();
        for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
            if (it.key() != "requesting_user_id"_L1)
                return error(422, u"form_param_unknown"_s, u"is unknown"_s,
                             it.key() + u" is not a valid parameter for this request."_s, it.key());
        }
        const QJsonValue value = body.value("requesting_user_id"_L1);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return error(422, u"form_param_format_invalid"_s, u"is invalid"_s,
                         u"requesting_user_id must be a string."_s, u"requesting_user_id"_s);
        requestingUser = value.toString();
    }
    SandboxInvitation *inv = m_store.invitation(org.id, invitationId);
    if (!inv)
        return error(404, u"resource_not_found"_s, u"not found"_s, u"Resource not found"_s);
    if (!requestingUser.isEmpty() && org.members.value(requestingUser) != "org:admin"_L1)
        return error(403, u"not_an_admin_in_organization"_s, u"not an admin"_s,
                     u"The requesting user is not an administrator in the organization."_s, u"requesting_user_id"_s);
    const qint64 nowMs = now();
    if (SandboxStore::effectiveStatus(*inv, nowMs) != "pending"_L1)
        return error(400, u"organization_invitation_not_pending"_s, u"not pending"_s,
                     u"The organization invitation is not in the 'pending' status."_s);
    inv->status = u"revoked"_s;
    inv->updatedAt = nowMs;
    ++inv->revokeCommits;
    *changedState = true;
    return json(invitationJson(*inv));
}

HttpResponse ClerkSandbox::createInvitation(const HttpRequest &request, SandboxOrganization &org, const QString &key,
                                            bool *changedState)
{
    if (auto bad = checkParameters(request, {}))
        return *bad;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return error(400, u"request_body_invalid"_s, u"Request body invalid"_s,
                     u"The request body is invalid. Please consult the API documentation for more information."_s);
    const QJsonObject body = doc.object();
    static const QStringList allowed = {u"email_address"_s,   u"inviter_user_id"_s, u"role"_s,
                                        u"public_metadata"_s, u"private_metadata"_s, u"redirect_url"_s,
                                        u"expires_in_days"_s, u"notify"_s};
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            return error(422, u"form_param_unknown"_s, u"is unknown"_s,
                         it.key() + u" is not a valid parameter for this request."_s, it.key());
    }
    const QString email = body.value("email_address"_L1).toString().trimmed();
    if (email.isEmpty())
        return error(422, u"form_param_missing"_s, u"missing"_s, u"email_address must be included."_s,
                     u"email_address"_s);
    if (!email.contains(u'@') || email.startsWith(u'@') || email.endsWith(u'@'))
        return error(422, u"form_param_format_invalid"_s, u"is invalid"_s,
                     u"email_address must be a valid email address."_s, u"email_address"_s);
    const QString role = body.value("role"_L1).toString();
    if (role.isEmpty())
        return error(422, u"form_param_missing"_s, u"missing"_s, u"role must be included."_s, u"role"_s);
    if (!m_store.role(role))
        return error(422, u"form_param_value_invalid"_s, u"is invalid"_s, u"The role does not exist."_s, u"role"_s);
    int days = 30;
    if (body.contains("expires_in_days"_L1) && !body.value("expires_in_days"_L1).isNull()) {
        const QJsonValue value = body.value("expires_in_days"_L1);
        days = value.toInt(-1);
        if (!value.isDouble() || days < 1 || days > 365)
            return error(422, u"form_param_value_invalid"_s, u"is invalid"_s,
                         u"expires_in_days must be between 1 and 365."_s, u"expires_in_days"_s);
    }
    const QString inviter = body.value("inviter_user_id"_L1).toString();
    if (!inviter.isEmpty() && org.members.value(inviter) != "org:admin"_L1)
        return error(403, u"not_an_admin_in_organization"_s, u"not an admin"_s,
                     u"The inviter is not an administrator in the organization."_s, u"inviter_user_id"_s);
    const qint64 nowMs = now();
    for (const SandboxInvitation &existing : org.invitations) {
        if (existing.emailAddress.compare(email, Qt::CaseInsensitive) == 0
            && SandboxStore::effectiveStatus(existing, nowMs) == "pending"_L1)
            return error(400, u"duplicate_record"_s, u"duplicate invitation"_s,
                         u"Organizations cannot have duplicate pending invitations for an email address."_s,
                         u"email_address"_s);
    }
    if (m_options.rateLimits) {
        if (const std::optional<qint64> wait = admitCreate(key, nowMs)) {
            ++m_rateLimited;
            HttpResponse limited = error(429, u"too_many_requests"_s, u"Too many requests"_s,
                                         u"Too many invitations created, retry later"_s);
            limited.headers.append({"Retry-After", QByteArray::number(std::max<qint64>(1, (*wait + 999) / 1000))});
            return limited;
        }
    }

    SandboxInvitation inv;
    inv.id = m_store.newId(u"orginv"_s);
    inv.emailAddress = email;
    inv.role = role;
    inv.status = u"pending"_s;
    inv.inviterId = inviter;
    inv.publicMetadata = body.value("public_metadata"_L1).toObject();
    inv.privateMetadata = body.value("private_metadata"_L1).toObject();
    inv.createdAt = std::max(nowMs, org.invitations.empty() ? 0 : org.invitations.back().createdAt + 1);
    inv.updatedAt = inv.createdAt;
    inv.expiresAt = inv.createdAt + days * msPerDay;
    inv.url = u"https://accounts."_s + org.slug + u".example/accept-invitation?__clerk_ticket="_s + m_store.newToken(32);
    const SandboxInvitation &stored = m_store.addInvitation(org, std::move(inv));
    *changedState = true;
    return json(invitationJson(stored));
}

HttpResponse ClerkSandbox::listRoles(const HttpRequest &request)
{
    if (auto bad = checkParameters(request, {u"query"_s, u"order_by"_s, u"limit"_s, u"offset"_s}))
        return *bad;
    int limit = 0;
    int offset = 0;
    if (auto bad = readPaging(request, &limit, &offset))
        return *bad;
    const QString query = request.queryValue(u"query"_s);
    QJsonArray data;
    qint64 total = 0;
    for (const SandboxRole &role : m_store.roles) {
        if (!query.isEmpty() && role.id != query && !role.name.contains(query, Qt::CaseInsensitive)
            && !role.key.contains(query, Qt::CaseInsensitive))
            continue;
        if (total >= offset && total < offset + limit) {
            data.append(QJsonObject{{"object"_L1, "role"_L1},
                                    {"id"_L1, role.id},
                                    {"name"_L1, role.name},
                                    {"key"_L1, role.key},
                                    {"description"_L1, nullable(role.description)},
                                    {"is_creator_eligible"_L1, role.key == "org:admin"_L1},
                                    {"permissions"_L1, QJsonArray()},
                                    {"created_at"_L1, double(role.createdAt)},
                                    {"updated_at"_L1, double(role.createdAt)}});
        }
        ++total;
    }
    return json(QJsonObject{{"data"_L1, data}, {"total_count"_L1, total}});
}

} // namespace InviteDesk::Sandbox
