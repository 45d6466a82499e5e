#pragma once

#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QString>

#include <vector>

namespace InviteDesk::Sandbox {

struct SandboxUser
{
    QString id;
    QString firstName;
    QString lastName;
    QString email;
    QString imageUrl;
};

struct SandboxInvitation
{
    QString id;
    QString emailAddress;
    QString role;
    QString organizationId;
    QString inviterId; //!< empty: created without an inviter
    QString status;    //!< as stored; a pending one past expiresAt reads as "expired"
    QJsonObject publicMetadata;
    QJsonObject privateMetadata;
    QString url;
    qint64 expiresAt = 0; //!< 0: never expires
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int revokeCommits = 0; //!< how many revoke requests changed this invitation (must stay <= 1)
    bool operator==(const SandboxInvitation &) const = default;
};

struct SandboxOrganization
{
    QString id;
    QString name;
    QString slug;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int maxAllowedMemberships = 0;
    QJsonObject publicMetadata;
    QHash<QString, QString> members; //!< user ID -> role key
    std::vector<SandboxInvitation> invitations; //!< oldest first
};

struct SandboxRole
{
    QString id;
    QString key;
    QString name;
    QString description;
    qint64 createdAt = 0;
};

/*! What the seeder creates; the defaults are the demo's data. */
struct SeedOptions
{
    quint32 seed = 20261126;
    qint64 now = 0; //!< ms since epoch; 0 for the current time
    int largeOrgPending = 10'000;
    int largeOrgAccepted = 1'200;
    int largeOrgRevoked = 800;
    int largeOrgExpired = 500;
    int fillerOrganizations = 60;
    int fillerPendingMax = 24; //!< each filler organization holds 0 to this many pending invitations
    /*! Application invitations (to the instance, /v1/invitations); some share an address with an organization's. */
    int applicationInvitations = 120;
};

/*!
 * The sandbox's data: organizations, their invitations and members, users
 * and roles. Plain data plus lookups; ClerkSandbox puts Clerk's rules on top.
 */
class SandboxStore
{
public:
    SandboxStore();
    explicit SandboxStore(const SeedOptions &options);

    std::vector<SandboxOrganization> organizations; //!< oldest first
    /*! The instance's application invitations (no organization, no role), oldest first. */
    std::vector<SandboxInvitation> applicationInvitations;
    std::vector<SandboxUser> users;
    std::vector<SandboxRole> roles;

    /*! Rebuilds the lookup tables; call after adding organizations or invitations by hand. */
    void reindex();

    SandboxOrganization *organization(const QString &idOrSlug, bool allowSlug = true);
    SandboxInvitation *invitation(const QString &organizationId, const QString &invitationId);
    SandboxInvitation *applicationInvitation(const QString &invitationId);
    const SandboxUser *user(const QString &id) const;
    const SandboxRole *role(const QString &key) const;

    /*! The status Clerk would report now. */
    static QString effectiveStatus(const SandboxInvitation &invitation, qint64 now);
    /*! effectiveStatus(invitation, now) == status, without building the string. */
    static bool hasStatus(const SandboxInvitation &invitation, QStringView status, qint64 now);
    int countWithStatus(const SandboxOrganization &organization, const QString &status, qint64 now) const;

    /*! Adds an invitation to an organization (newest) and indexes it. */
    SandboxInvitation &addInvitation(SandboxOrganization &organization, SandboxInvitation invitation);

    /*! A Clerk-looking ID: prefix, '_' and 27 base-62 characters. */
    QString newId(const QString &prefix);
    QString newToken(int length);
    QRandomGenerator &random() { return m_random; }

private:
    void seed(const SeedOptions &options);
    /*! With a generator of their own: the organizations' data stays what it was for a seed. */
    void seedApplicationInvitations(const SeedOptions &options);

    QHash<QString, int> m_orgById;
    QHash<QString, int> m_orgBySlug;
    QHash<QString, int> m_userById;
    QHash<QString, qsizetype> m_invitationIndex; //!< invitation ID -> index in its organization
    QRandomGenerator m_random;
};

} // namespace InviteDesk::Sandbox
