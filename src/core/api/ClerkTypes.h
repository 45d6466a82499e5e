#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <memory>
#include <optional>

namespace InviteDesk {

/*! Statuses Clerk documents for organization invitations; anything else is Unknown. */
enum class InvitationStatus { Pending, Accepted, Revoked, Expired, Unknown };

InvitationStatus invitationStatusFromString(QStringView text);
/*! The wire name ("pending", …); empty for Unknown. */
QString invitationStatusKey(InvitationStatus status);

/*! `public_inviter_data` of an invitation. */
struct InviterData
{
    QString userId;
    QString firstName;
    QString lastName;
    QString imageUrl;
    QString identifier;
    bool hasImage = false;

    /*! "First Last", else the identifier, else the user ID. */
    QString displayName() const;
    bool operator==(const InviterData &) const = default;
};

/*! `public_organization_data`, present on the instance-wide invitation list. */
struct OrganizationRef
{
    QString id;
    QString name;
    QString slug;
    bool operator==(const OrganizationRef &) const = default;
};

/*!
 * Clerk's two kinds of invitation: to join an organization (`organization_invitation`, /v1/organizations/…),
 * or to sign up to the instance at all (an application invitation, `invitation`, /v1/invitations), which
 * belongs to no organization and has no role.
 */
enum class InvitationKind { Organization, Application };
/*! "organization" or "application": what outputs and audit records call the kind. */
QString kindKey(InvitationKind kind);

/*!
 * Clerk's `organization_invitation` object, or its `invitation` object (kind Application: no organization, no
 * role). Timestamps are ms since the epoch.
 */
struct Invitation
{
    QString id;
    InvitationKind kind = InvitationKind::Organization;
    QString emailAddress;
    QString role;
    QString roleName;
    QString organizationId;
    QString inviterId;
    /*!
     * Shared, not held: the invitations of one page that name the same inviter (or organization) point at
     * one copy, which at 100,000 rows is tens of megabytes less than a copy in each.
     */
    std::shared_ptr<const InviterData> inviter;
    InvitationStatus status = InvitationStatus::Unknown;
    QString statusText; //!< as sent, so unknown statuses can still be shown
    QJsonObject publicMetadata;
    std::optional<QJsonObject> privateMetadata;
    /*!
     * The public metadata was larger than a kept list holds (keepListedMetadataOnly()): publicMetadata is
     * empty, and whoever needs it (the details pane, a re-invite) reads the invitation again.
     */
    bool metadataCut = false;
    /*! For lists whose output shows no metadata: a row then holds only what is shown. */
    void dropMetadata()
    {
        publicMetadata = {};
        privateMetadata.reset();
    }
    /*!
     * The most public metadata, as compact JSON, that a row of a list held whole (the window's) keeps.
     * Typical metadata is tens of bytes; a server sending the 32 KiB a row may carry
     * (ClerkJson::maxMetadataBytes) in every row of 100,000 would otherwise make the window hold gigabytes.
     */
    static constexpr qsizetype listedMetadataBytes = 1024;
    /*!
     * What a row of a list held whole keeps: no private metadata (nothing there shows it), and public
     * metadata only up to listedMetadataBytes; larger metadata is dropped and metadataCut set.
     */
    void keepListedMetadataOnly();
    /*!
     * The link the invitee follows, as UTF-8: the longest field of every row (a ticket URL), so at
     * 100,000 rows its UTF-16 copy would be ~12 MB more. QString::fromUtf8() where it is shown.
     */
    QByteArray url;
    std::optional<qint64> expiresAt;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    std::shared_ptr<const OrganizationRef> organization;

    /*! The inviter's name, or an empty string when Clerk sent none. */
    QString inviterDisplay() const;
};

/*! Clerk's `organization` object (the fields the console uses). */
struct Organization
{
    QString id;
    QString name;
    QString slug;
    QString imageUrl;
    bool hasImage = false;
    std::optional<int> membersCount;
    std::optional<int> pendingInvitationsCount;
    std::optional<int> maxAllowedMemberships;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

/*! Clerk's organization `role` object. */
struct Role
{
    QString id;
    QString key;
    QString name;
    QString description;
    qint64 createdAt = 0;
};

/*! One page of a `{data, total_count}` list. */
template <typename T>
struct Page
{
    QList<T> data;
    qint64 totalCount = 0;
};

} // namespace InviteDesk

Q_DECLARE_METATYPE(InviteDesk::Invitation)
Q_DECLARE_METATYPE(InviteDesk::Organization)
