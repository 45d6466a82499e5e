#pragma once

#include <QtCore/QString>

/*!
 * The one rule for "the same address", for both front ends and every workflow: ASCII letters are
 * compared without case, every other character exactly. Unicode case folding would make look-alikes
 * one address (the Kelvin sign K, U+212A, folds to "k"): a search would list another person's
 * invitations as the one asked about, and "older duplicates" would revoke one person's invitation
 * because a look-alike of their address was invited later.
 */
namespace InviteDesk::EmailAddress {

bool same(QStringView a, QStringView b);
/*! Equal for two addresses exactly when same() says they are one: for hashes and sets. */
QString key(const QString &address);
/*! Whether \a address holds a character outside ASCII, where a look-alike may hide. */
bool hasNonAscii(QStringView address);

} // namespace InviteDesk::EmailAddress
