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
/*!
 * Whether the character \a c of an address may pass for another: one that Unicode's compatibility
 * normalization (NFKC) turns into something else (the Kelvin sign K into "K", fullwidth letters), or
 * a letter of another script in an address that also holds Latin letters (a Cyrillic "а" in "pаypal").
 * An address in one script, accents and all (zoë.ångström, иван@почта.рф), has none.
 */
bool mayImitate(char32_t c, bool hasLatinLetters);
/*!
 * Whether \a address holds a character that may pass for another (mayImitate()), an invisible one (a
 * format character such as a soft hyphen or a word joiner, a variation selector), or a combining mark that
 * builds a letter another address spells with one character ("e" + U+0308 for "ë").
 */
bool mayImitate(const QString &address);
/*! \a address with each such character written as an escape ("\\u{212a}"). */
QString revealed(const QString &address);

} // namespace InviteDesk::EmailAddress
