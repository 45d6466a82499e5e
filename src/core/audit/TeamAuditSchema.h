#pragma once

#include "core/audit/PgConnection.h"

#include <QtCore/QString>

namespace InviteDesk::TeamAuditSchema {

/*! The schema this InviteDesk writes; a store at an older one is migrated by its owner's first use. */
inline constexpr int version = 2;

/*!
 * Makes sure the store has InviteDesk's tables at this version: creates them on the owner's first
 * use, migrates an older version (the owner's use again), refuses a newer one. Agents may do neither,
 * and are told who must (docs/TEAM-AUDIT.md). \a done says what was created or migrated, if anything.
 *
 * Version 2 lets the database itself keep the rows truthful: a trigger derives every searchable
 * column (seq, hash, prev, time, event, operator, organization, invitation, e-mail, outcome, ticket)
 * from the record, stamps the sending role, and refuses a record that does not follow its chain's last
 * one, or that another role tries to add to a chain it did not start (no squatting on an agent's next
 * number); rows can be neither updated nor deleted without disabling a trigger; every insert notifies
 * "invitedesk_audit" (LISTEN), so the window's Team Activity updates without polling.
 */
bool ensure(PgConnection &connection, TeamAuditProblem *problem, QString *error, QString *done = nullptr);

/*!
 * What the sending role could do beyond adding and reading records (own the table, update, delete,
 * truncate, be a superuser), said as one warning; empty when it holds only what an agent needs.
 */
QString excessRights(PgConnection &connection);

} // namespace InviteDesk::TeamAuditSchema
