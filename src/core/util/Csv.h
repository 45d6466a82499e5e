#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

#include "core/api/ClerkTypes.h"

namespace InviteDesk::Csv {

/*!
 * One CSV field (RFC 4180): quoted when needed. A leading =, +, -, @, tab or
 * carriage return is prefixed with an apostrophe so spreadsheet apps do not
 * run it as a formula. Otherwise the value is kept exactly.
 */
QString field(const QString &value);
/*! A whole line, fields joined by commas, ending in CRLF. */
QString row(const QStringList &fields);

/*! The header of an invitation export (the CLI's `--format csv` and the window's Export). */
QString invitationHeader();
/*! One invitation as a line under invitationHeader(); times in UTC, ISO 8601. */
QString invitationRow(const Invitation &invitation);

} // namespace InviteDesk::Csv
