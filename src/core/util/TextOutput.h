#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QStringList>

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
 * Invitation IDs from a file or standard input, one per line: the first field of each line (fields are
 * separated by spaces, tabs, commas or semicolons, so a spreadsheet's CSV export works), blank lines and
 * lines starting with '#' skipped, a UTF-8 byte order mark ignored, repeats dropped in order.
 */
QStringList readInvitationIds(const QByteArray &content);

} // namespace InviteDesk
