#pragma once

#include "core/api/ClerkTypes.h"

#include <QtCore/QString>

namespace InviteDesk {

/*!
 * What an agent must do to confirm a revoke, decided once for both front ends: on a production
 * instance, more than typedConfirmationThreshold invitations need the organization's handle typed
 * (a y/N or a click is too easy to give by habit); fewer, or a development or demo instance, need a
 * plain yes. Scripts that say --yes have decided beforehand.
 */
namespace Confirmation {

inline constexpr int typedConfirmationThreshold = 5;

/*! Whether confirming \a count revokes on \a production must be done by typing handleFor(). */
bool needsTypedHandle(bool production, int count);
/*! What is typed: the organization's slug, or its ID where it has none. */
QString handleFor(const Organization &organization);
/*! What is typed for \a count revokes across organizations (no one handle names them): the number. */
QString handleForCount(int count);
/*! Whether \a typed confirms (\a expected exactly, spaces around it aside). */
bool confirms(const QString &typed, const QString &expected);

} // namespace Confirmation
} // namespace InviteDesk
