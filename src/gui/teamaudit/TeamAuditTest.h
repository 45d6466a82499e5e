#pragma once

#include "core/audit/TeamAuditTarget.h"

#include <QtCore/QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QObject;
QT_END_NAMESPACE

namespace InviteDesk {

/*! What Test Connection learned of the team audit store, as the window says it. */
struct TeamAuditTestAnswer
{
    bool usable = false; //!< it answers, its tables are there and this role may use them
    bool warned = false; //!< usable, but the role could change the team's history
    QString text;        //!< one or two sentences: the answer, and the warning if any
};

/*!
 * Test Connection's question to the team audit store (TeamAuditStore::probe), asked off the GUI thread: a
 * store that does not answer costs its connection deadline, never a frozen window. \a done gets the answer
 * on \a context's thread, and never once \a context is gone. Both Test Connections (the profile dialog's
 * and the Connection menu's) ask through here.
 */
void testTeamAudit(const TeamAuditTarget &target, QObject *context, std::function<void(const TeamAuditTestAnswer &)> done);

} // namespace InviteDesk
