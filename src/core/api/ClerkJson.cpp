#include "core/api/ClerkJson.h"


#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QSet>

#include <cmath>
#include <memory>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace InviteDesk::ClerkJson {
namespace {

constexpr double maxExactInteger = 9007199254740992.0; // 2^53

ClerkError missing(QLatin1StringView field, QLatin1StringView object)
{
    return ClerkError::payload(
        QCoreApplication::translate("ClerkJson", "the %1 has no valid \"%2\" field").arg(object, field));
}

Result<QJsonObject> documentObject(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return ClerkError::payload(QCoreApplication::translate("ClerkJson", "invalid JSON at byte %1 (%2)")
                                       .arg(error.offset)
                                       .arg(error.errorString()));
    if (!doc.isObject())
        return ClerkError::payload(QCoreApplication::translate("ClerkJson", "expected a JSON object"));
    return doc.object();
}

bool readString(const QJsonObject &o, QLatin1StringView key, QString *out)
{
    const QJsonValue v = o.value(key);
    if (!v.isString())
        return false;
    *out = v.toString();
    return true;
}

QString optionalString(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

/*! Clerk timestamps are ms since the epoch; second-sized values (mocks, old data) are scaled. */
std::optional<qint64> readTimestamp(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0 || d > maxExactInteger)
        return std::nullopt;
    auto ms = static_cast<qint64>(d);
    if (ms > 0 && ms < 100'000'000'000LL)
        ms *= 1000;
    return ms;
}

std::optional<int> readCount(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0 || d > 2147483647.0)
        return std::nullopt;
    return static_cast<int>(d);
}

/*!
 * Strings that repeat across the invitations of a page (roles, statuses, organization and inviter
 * fields) are kept once and shared: for 10,000 invitations that is about a third of the memory. The
 * inviter and organization objects themselves are shared the same way.
 */
class StringPool
{
public:
    QString operator()(QString text)
    {
        if (text.isEmpty())
            return text;
        const auto it = m_strings.constFind(text);
        if (it != m_strings.cend())
            return *it;
        m_strings.insert(text);
        return text;
    }

    /*! The one copy of an inviter (or organization) this page names, so its invitations share it. */
    template <typename T>
    std::shared_ptr<const T> one(T value)
    {
        std::vector<std::shared_ptr<const T>> &seen = std::get<std::vector<std::shared_ptr<const T>>>(m_objects);
        for (const auto &known : seen) { // a page names a handful of inviters and organizations
            if (*known == value)
                return known;
        }
        if (seen.size() >= 64) // a page of all different ones: no point searching further
            return std::make_shared<const T>(std::move(value));
        seen.push_back(std::make_shared<const T>(std::move(value)));
        return seen.back();
    }

private:
    QSet<QString> m_strings;
    std::tuple<std::vector<std::shared_ptr<const InviterData>>, std::vector<std::shared_ptr<const OrganizationRef>>>
        m_objects;
};

Result<Invitation> invitationFromJson(const QJsonObject &o, StringPool *pool);

template <typename T, typename Fn>
Result<Page<T>> parsePage(const QByteArray &body, Fn itemFromJson, QLatin1StringView what)
{
    Result<QJsonObject> root = documentObject(body);
    if (!root)
        return root.error();
    const QJsonValue data = root.value().value("data"_L1);
    if (!data.isArray())
        return missing("data"_L1, what);
    const QJsonValue total = root.value().value("total_count"_L1);
    const std::optional<int> totalCount = readCount(total);
    if (!totalCount)
        return missing("total_count"_L1, what);

    Page<T> page;
    page.totalCount = *totalCount;
    const QJsonArray items = data.toArray();
    page.data.reserve(items.size());
    StringPool pool;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject())
            return ClerkError::payload(
                QCoreApplication::translate("ClerkJson", "item %1 of the list is not an object").arg(i));
        Result<T> item = itemFromJson(items.at(i).toObject(), &pool);
        if (!item) {
            const QString why = QCoreApplication::translate("ClerkJson", "item %1 of the list: %2").arg(i).arg(item.error().detail());
            return item.error().isOverBound() ? ClerkError::overBound(why) : ClerkError::payload(why);
        }
        page.data.append(std::move(item).value());
    }
    return page;
}

} // namespace

Result<Invitation> invitationFromJson(const QJsonObject &o)
{
    return invitationFromJson(o, nullptr);
}

namespace {
Result<Invitation> invitationFromJson(const QJsonObject &o, StringPool *pool)
{
    StringPool local;
    StringPool &shared = pool ? *pool : local;
    static constexpr auto what = "invitation"_L1;
    Invitation inv;
    if (!readString(o, "id"_L1, &inv.id) || inv.id.isEmpty())
        return missing("id"_L1, what);
    if (!readString(o, "email_address"_L1, &inv.emailAddress))
        return missing("email_address"_L1, what);
    const std::optional<qint64> created = readTimestamp(o.value("created_at"_L1));
    if (!created)
        return missing("created_at"_L1, what);
    inv.createdAt = *created;
    inv.updatedAt = readTimestamp(o.value("updated_at"_L1)).value_or(inv.createdAt);
    inv.expiresAt = readTimestamp(o.value("expires_at"_L1));
    inv.role = shared(optionalString(o, "role"_L1));
    inv.roleName = shared(optionalString(o, "role_name"_L1));
    inv.organizationId = shared(optionalString(o, "organization_id"_L1));
    inv.inviterId = shared(optionalString(o, "inviter_id"_L1));
    inv.statusText = shared(optionalString(o, "status"_L1));
    inv.status = invitationStatusFromString(inv.statusText);
    inv.url = optionalString(o, "url"_L1).toUtf8();
    inv.url.squeeze(); // toUtf8() reserves three bytes a character; the row keeps this for its lifetime
    inv.publicMetadata = o.value("public_metadata"_L1).toObject();
    if (o.value("private_metadata"_L1).isObject())
        inv.privateMetadata = o.value("private_metadata"_L1).toObject();
    // Kept with every row of a list of 100,000: a server that sends more per row than anyone stores is
    // refused with a message, not followed until memory runs out.
    qsizetype metadataBytes = 0;
    for (const QJsonObject *metadata : {&inv.publicMetadata, inv.privateMetadata ? &*inv.privateMetadata : nullptr}) {
        if (metadata && !metadata->isEmpty())
            metadataBytes += QJsonDocument(*metadata).toJson(QJsonDocument::Compact).size();
    }
    if (metadataBytes > ClerkJson::maxMetadataBytes)
        return ClerkError::overBound(QCoreApplication::translate("ClerkJson", "invitation %1 carries %2 KiB of metadata; "
                                                                            "InviteDesk reads at most %3 KiB a row")
                                       .arg(inv.id)
                                       .arg(metadataBytes / 1024)
                                       .arg(ClerkJson::maxMetadataBytes / 1024));

    const QJsonValue inviter = o.value("public_inviter_data"_L1);
    if (inviter.isObject()) {
        const QJsonObject io = inviter.toObject();
        InviterData data;
        data.userId = shared(optionalString(io, "user_id"_L1));
        data.firstName = shared(optionalString(io, "first_name"_L1));
        data.lastName = shared(optionalString(io, "last_name"_L1));
        data.imageUrl = shared(optionalString(io, "image_url"_L1));
        data.identifier = shared(optionalString(io, "identifier"_L1));
        data.hasImage = io.value("has_image"_L1).toBool();
        inv.inviter = shared.one(std::move(data));
    }
    const QJsonValue org = o.value("public_organization_data"_L1);
    if (org.isObject()) {
        const QJsonObject oo = org.toObject();
        inv.organization = shared.one(OrganizationRef{shared(optionalString(oo, "id"_L1)),
                                                      shared(optionalString(oo, "name"_L1)),
                                                      shared(optionalString(oo, "slug"_L1))});
        if (inv.organizationId.isEmpty())
            inv.organizationId = inv.organization->id;
    }
    return inv;
}
} // namespace

Result<Organization> organizationFromJson(const QJsonObject &o)
{
    static constexpr auto what = "organization"_L1;
    Organization org;
    if (!readString(o, "id"_L1, &org.id) || org.id.isEmpty())
        return missing("id"_L1, what);
    if (!readString(o, "name"_L1, &org.name))
        return missing("name"_L1, what);
    org.slug = optionalString(o, "slug"_L1);
    org.imageUrl = optionalString(o, "image_url"_L1);
    org.hasImage = o.value("has_image"_L1).toBool();
    org.membersCount = readCount(o.value("members_count"_L1));
    org.pendingInvitationsCount = readCount(o.value("pending_invitations_count"_L1));
    org.maxAllowedMemberships = readCount(o.value("max_allowed_memberships"_L1));
    org.createdAt = readTimestamp(o.value("created_at"_L1)).value_or(0);
    org.updatedAt = readTimestamp(o.value("updated_at"_L1)).value_or(org.createdAt);
    return org;
}

Result<Role> roleFromJson(const QJsonObject &o)
{
    static constexpr auto what = "role"_L1;
    Role role;
    if (!readString(o, "key"_L1, &role.key) || role.key.isEmpty())
        return missing("key"_L1, what);
    role.id = optionalString(o, "id"_L1);
    role.name = optionalString(o, "name"_L1);
    role.description = optionalString(o, "description"_L1);
    role.createdAt = readTimestamp(o.value("created_at"_L1)).value_or(0);
    return role;
}

Result<Invitation> parseInvitation(const QByteArray &body)
{
    Result<QJsonObject> root = documentObject(body);
    if (!root)
        return root.error();
    return invitationFromJson(root.value());
}

Result<Page<Invitation>> parseInvitationPage(const QByteArray &body)
{
    return parsePage<Invitation>(
        body, [](const QJsonObject &o, StringPool *pool) { return invitationFromJson(o, pool); }, "invitation list"_L1);
}

Result<Invitation> parseApplicationInvitation(const QByteArray &body)
{
    Result<Invitation> inv = parseInvitation(body);
    if (inv)
        inv.value().kind = InvitationKind::Application; // what the endpoint serves, whatever `object` says
    return inv;
}

Result<Page<Invitation>> parseApplicationInvitationPage(const QByteArray &body)
{
    Result<Page<Invitation>> page = parseInvitationPage(body);
    if (page) {
        for (Invitation &inv : page.value().data)
            inv.kind = InvitationKind::Application;
    }
    return page;
}

Result<Organization> parseOrganization(const QByteArray &body)
{
    Result<QJsonObject> root = documentObject(body);
    if (!root)
        return root.error();
    return organizationFromJson(root.value());
}

Result<Page<Organization>> parseOrganizationPage(const QByteArray &body)
{
    return parsePage<Organization>(
        body, [](const QJsonObject &o, StringPool *) { return organizationFromJson(o); }, "organization list"_L1);
}

Result<Page<Role>> parseRolePage(const QByteArray &body)
{
    return parsePage<Role>(body, [](const QJsonObject &o, StringPool *) { return roleFromJson(o); }, "role list"_L1);
}

QJsonObject toJson(const Invitation &inv)
{
    if (inv.kind == InvitationKind::Application) {
        // Clerk's `invitation`: no organization, no role, no inviter.
        QJsonObject o{
            {"object"_L1, "invitation"_L1},
            {"id"_L1, inv.id},
            {"email_address"_L1, inv.emailAddress},
            {"status"_L1, inv.statusText},
            {"revoked"_L1, inv.status == InvitationStatus::Revoked},
            {"public_metadata"_L1, inv.publicMetadata},
            {"url"_L1, inv.url.isEmpty() ? QJsonValue() : QJsonValue(QString::fromUtf8(inv.url))},
            {"expires_at"_L1, inv.expiresAt ? QJsonValue(double(*inv.expiresAt)) : QJsonValue()},
            {"created_at"_L1, double(inv.createdAt)},
            {"updated_at"_L1, double(inv.updatedAt)},
        };
        return o;
    }
    QJsonObject o{
        {"object"_L1, "organization_invitation"_L1},
        {"id"_L1, inv.id},
        {"email_address"_L1, inv.emailAddress},
        {"role"_L1, inv.role},
        {"role_name"_L1, inv.roleName},
        {"organization_id"_L1, inv.organizationId},
        {"inviter_id"_L1, inv.inviterId.isEmpty() ? QJsonValue() : QJsonValue(inv.inviterId)},
        {"status"_L1, inv.statusText},
        {"public_metadata"_L1, inv.publicMetadata},
        {"url"_L1, inv.url.isEmpty() ? QJsonValue() : QJsonValue(QString::fromUtf8(inv.url))},
        {"expires_at"_L1, inv.expiresAt ? QJsonValue(double(*inv.expiresAt)) : QJsonValue()},
        {"created_at"_L1, double(inv.createdAt)},
        {"updated_at"_L1, double(inv.updatedAt)},
    };
    if (inv.privateMetadata)
        o.insert("private_metadata"_L1, *inv.privateMetadata);
    if (inv.inviter) {
        o.insert("public_inviter_data"_L1,
                 QJsonObject{{"user_id"_L1, inv.inviter->userId},
                             {"first_name"_L1, inv.inviter->firstName.isEmpty() ? QJsonValue()
                                                                                : QJsonValue(inv.inviter->firstName)},
                             {"last_name"_L1, inv.inviter->lastName.isEmpty() ? QJsonValue()
                                                                              : QJsonValue(inv.inviter->lastName)},
                             {"image_url"_L1, inv.inviter->imageUrl},
                             {"has_image"_L1, inv.inviter->hasImage},
                             {"identifier"_L1, inv.inviter->identifier}});
    } else {
        o.insert("public_inviter_data"_L1, QJsonValue());
    }
    if (inv.organization) {
        o.insert("public_organization_data"_L1, QJsonObject{{"id"_L1, inv.organization->id},
                                                            {"name"_L1, inv.organization->name},
                                                            {"slug"_L1, inv.organization->slug}});
    }
    return o;
}

QJsonObject toJson(const Organization &org)
{
    QJsonObject o{
        {"object"_L1, "organization"_L1},
        {"id"_L1, org.id},
        {"name"_L1, org.name},
        {"slug"_L1, org.slug},
        {"image_url"_L1, org.imageUrl},
        {"has_image"_L1, org.hasImage},
        {"created_at"_L1, double(org.createdAt)},
        {"updated_at"_L1, double(org.updatedAt)},
    };
    if (org.membersCount)
        o.insert("members_count"_L1, *org.membersCount);
    if (org.pendingInvitationsCount)
        o.insert("pending_invitations_count"_L1, *org.pendingInvitationsCount);
    if (org.maxAllowedMemberships)
        o.insert("max_allowed_memberships"_L1, *org.maxAllowedMemberships);
    return o;
}

} // namespace InviteDesk::ClerkJson
