#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace InviteDesk {

/*!
 * Text that came from Clerk (or from whoever created an invitation) made safe to show: control
 * characters become visible escapes (a tab "\t", a newline "\n", ESC "\e", others "\u{7f}"), and so do
 * the invisible characters that reorder or hide text (bidirectional overrides and isolates, zero-width
 * characters). So an address can never forge a second line in tab-separated output, move a terminal's
 * cursor, or show one address while holding another. Everything else is kept as it is. Use it for every
 * text output meant for people or line-based tools (tables, TSV, the Activity panel); JSON and CSV carry
 * the exact value instead (their own quoting keeps them safe).
 */
QString printable(const QString &text);
/*!
 * An email address made safe to show as printable() does, and with each character that may pass for
 * another escaped too (EmailAddress::revealed(): "\u{212a}"): a look-alike (the Kelvin sign K for "K")
 * never passes for the address it imitates in a table or a revoke line, while an address in one script
 * (zoë.ångström) reads as it is. For addresses only: names and messages keep their letters.
 */
QString printableAddress(const QString &address);


} // namespace InviteDesk
