#include "sandbox/ClerkSandbox.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

// Application invitations (an invitation to sign up to the instance at all): GET /invitations and
// POST /invitations/{id}/revoke, as the spec of 2026-05-12 describes them.

namespace InviteDesk::Sandbox {

QJsonObject ClerkSandbox::applicationInvitationJson(const SandboxInvitation &inv) const
{
    const QString status = SandboxStore::effectiveStatus(inv, now());
    return QJsonObject{
        {"object"_L1, "invitation"_L1},
        {"id"_L1, inv.id},
        {"email_address"_L1, inv.emailAddress},
        {"public_metadata"_L1, inv.publicMetadata},
        {"revoked"_L1, status == "revoked"_L1},
        {"status"_L1, status},
        {"url"_L1, status == "pending"_L1 && !inv.url.isEmpty() ? QJsonValue(inv.url) : QJsonValue(QJsonValue::Null)},
        {"expires_at"_L1, inv.expiresAt ? QJsonValue(double(inv.expiresAt)) : QJsonValue(QJsonValue::Null)},
        {"created_at"_L1, double(inv.createdAt)},
        {"updated_at"_L1, double(inv.updatedAt)},
    };
}

HttpResponse ClerkSandbox::listApplicationInvitations(const HttpRequest &request)
{
    if (auto bad = checkParameters(request, {u"query"_s, u"status"_s, u"order_by"_s, u"limit"_s, u"offset"_s,
                                             u"paginated"_s}))
        return *bad;
    int limit = 0;
    int offset = 0;
    if (auto bad = readPaging(request, &limit, &offset))
        return *bad;
    QString status;
    if (auto bad = readStatus(request, &status))
        return *bad;
    const QString paginated = request.queryValue(u"paginated"_s);
    if (request.hasQuery(u"paginated"_s) && paginated != "true"_L1 && paginated != "false"_L1)
        return error(422, u"form_param_value_invalid"_s, u"is invalid"_s, u"paginated must be true or false."_s,
                     u"paginated"_s);
    // "[+|-]field": created_at, email_address or expires_at ('+' may arrive as a space when not encoded).
    QString orderBy = request.hasQuery(u"order_by"_s) ? request.queryValue(u"order_by"_s).trimmed() : u"-created_at"_s;
    const bool descending = orderBy.startsWith(u'-');
    if (orderBy.startsWith(u'-') || orderBy.startsWith(u'+'))
        orderBy = orderBy.mid(1);
    if (orderBy != "created_at"_L1 && orderBy != "email_address"_L1 && orderBy != "expires_at"_L1)
        return error(422, u"form_param_value_invalid"_s, u"is invalid"_s,
                     u"order_by must be created_at, email_address or expires_at, optionally prefixed by + or -."_s,
                     u"order_by"_s);
    const QString query = request.queryValue(u"query"_s).trimmed();

    const qint64 nowMs = now();
    std::vector<const SandboxInvitation *> matches;
    for (const SandboxInvitation &inv : m_store.applicationInvitations) {
        // The query matches the address (in part) or the ID (exactly).
        if (!query.isEmpty() && inv.id != query && !inv.emailAddress.contains(query, Qt::CaseInsensitive))
            continue;
        if (!status.isEmpty() && !SandboxStore::hasStatus(inv, status, nowMs))
            continue;
        // As Clerk's: without a status, every invitation but the revoked ones.
        if (status.isEmpty() && SandboxStore::hasStatus(inv, u"revoked"_s, nowMs))
            continue;
        matches.push_back(&inv);
    }
    std::stable_sort(matches.begin(), matches.end(), [&](const SandboxInvitation *a, const SandboxInvitation *b) {
        if (orderBy == "email_address"_L1) {
            const int c = a->emailAddress.compare(b->emailAddress, Qt::CaseInsensitive);
            return descending ? c > 0 : c < 0;
        }
        const qint64 x = orderBy == "expires_at"_L1 ? a->expiresAt : a->createdAt;
        const qint64 y = orderBy == "expires_at"_L1 ? b->expiresAt : b->createdAt;
        return descending ? x > y : x < y;
    });
    QJsonArray data;
    for (qsizetype i = offset; i < qsizetype(matches.size()) && i < offset + limit; ++i)
        data.append(applicationInvitationJson(*matches[i]));
    // Without paginated=true Clerk answers a bare array.
    const QByteArray body = paginated == "true"_L1
                                ? QJsonDocument(QJsonObject{{"data"_L1, data}, {"total_count"_L1, qint64(matches.size())}})
                                      .toJson(QJsonDocument::Compact)
                                : QJsonDocument(data).toJson(QJsonDocument::Compact);
    return HttpResponse{200, {{"Content-Type", "application/json"}}, body};
}

HttpResponse ClerkSandbox::revokeApplicationInvitation(const QString &invitationId, bool *changedState)
{
    SandboxInvitation *inv = m_store.applicationInvitation(invitationId);
    if (!inv)
        return error(404, u"resource_not_found"_s, u"not found"_s, u"Resource not found"_s);
    const qint64 nowMs = now();
    // Only a pending one; the spec names a 400 and not its code.
    if (SandboxStore::effectiveStatus(*inv, nowMs) != "pending"_L1)
        return error(400, u"invitation_not_pending"_s, u"not pending"_s, u"Only pending invitations can be revoked."_s);
    inv->status = u"revoked"_s;
    inv->updatedAt = nowMs;
    ++inv->revokeCommits;
    *changedState = true;
    return json(applicationInvitationJson(*inv));
}

} // namespace InviteDesk::Sandbox
