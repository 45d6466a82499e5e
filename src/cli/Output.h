#pragma once

#include "cli/Options.h"
#include "core/domain/Revocation.h"

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

/*!
 * What invitedesk-cli prints. Text for people and line-based tools (tables, revoke lines) shows
 * control characters as escapes (printable()); JSON and CSV carry exact values.
 */
namespace InviteDesk::Cli::Output {

/*! Columns padded for a terminal; cells longer than \a maxColumnWidth are cut with an ellipsis. */
QString table(const QStringList &headers, const QList<QStringList> &rows, int maxColumnWidth = 60);

/*! Invitations as JSON (Clerk's own fields), CSV or a table, written to \a out one at a time. */
void invitations(QIODevice *out, Format format, const QList<Invitation> &invitations, bool withOrganization);

/*! Organizations as JSON, CSV or a table. */
QString organizations(Format format, const QList<Organization> &organizations);

/*! The team audit store's records (`audit team`) as JSON, CSV or a table. */
void teamActivity(QIODevice *out, Format format, const QList<TeamActivityRow> &rows);

/*! One tab-separated line for a settled revoke: ID, email, outcome and, for failures, the reason. */
QString revokeLine(const RevokeItem &item, const RevokeResult &result);

} // namespace InviteDesk::Cli::Output
