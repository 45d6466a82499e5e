#pragma once

#include "core/ClerkTypes.h"

#include <QtCore/QByteArrayView>

#include <optional>

/*!
 * The fast path for the answers that carry thousands of invitations: reads Clerk's bytes straight
 * into Invitation values, without building a QJsonDocument first (that tree and the lookups in it
 * were two thirds of the parse time of a 10,000-invitation load).
 *
 * It reads the JSON Clerk sends and declines — returns std::nullopt — anything unusual: escaped
 * keys, surrogate or unknown escapes, control characters, non-characters, deep nesting, a field
 * given twice, numbers that are not plain integers where a number is needed, missing required
 * fields. ClerkJson then hands the same bytes to its general QJsonDocument parser, which gives the
 * value or the error. So this reader never decides an error, and whatever it accepts, the general
 * parser accepts too and reads to the same Invitation (checked by tst_clerkjson and a fuzz target).
 */
namespace InviteDesk::InvitationReader {

std::optional<Page<Invitation>> readPage(QByteArrayView json);
std::optional<Invitation> readOne(QByteArrayView json);

} // namespace InviteDesk::InvitationReader
