#pragma once

#include "core/api/ClerkTypes.h"
#include "core/api/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>

/*!
 * Parsing of Clerk's JSON answers into domain types, and back to Clerk's
 * field names for output. Every parser accepts any bytes: malformed input
 * gives a Payload error, never a crash. Unknown fields are ignored and
 * unknown status values are kept as InvitationStatus::Unknown.
 */
namespace InviteDesk::ClerkJson {

/*!
 * The most public and private metadata one invitation may carry, together, as compact JSON; a row with
 * more is refused with a message. What a list keeps of it is less: a table or CSV keeps none, the window
 * at most Invitation::listedMetadataBytes a row (a re-invite of a row with more reads it again).
 */
inline constexpr qsizetype maxMetadataBytes = 32 * 1024;

Result<Invitation> parseInvitation(const QByteArray &body);
Result<Page<Invitation>> parseInvitationPage(const QByteArray &body);
/*! The same for /v1/invitations: every row is an application invitation (the endpoint decides the kind). */
Result<Invitation> parseApplicationInvitation(const QByteArray &body);
Result<Page<Invitation>> parseApplicationInvitationPage(const QByteArray &body);
Result<Organization> parseOrganization(const QByteArray &body);

Result<Page<Organization>> parseOrganizationPage(const QByteArray &body);
Result<Page<Role>> parseRolePage(const QByteArray &body);

Result<Invitation> invitationFromJson(const QJsonObject &object);
Result<Organization> organizationFromJson(const QJsonObject &object);
Result<Role> roleFromJson(const QJsonObject &object);

/*! Clerk's own field names; what `invitedesk-cli list --format json` prints. */
QJsonObject toJson(const Invitation &invitation);
QJsonObject toJson(const Organization &organization);

} // namespace InviteDesk::ClerkJson
