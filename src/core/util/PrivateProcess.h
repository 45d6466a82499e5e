#pragma once

#include <QtCore/QString>

namespace InviteDesk::PrivateProcess {

/*!
 * What both front ends do first, before any file is written or the key is read:
 * - files and folders they create are this account's alone (umask 077 on POSIX: 0600 and 0700),
 *   whatever the session's umask; the settings, the audit log and its side files hold addresses,
 *   tickets and organization names;
 * - on Linux the process is marked non-dumpable (prctl PR_SET_DUMPABLE 0): no core file, and no
 *   other process of the same account may attach to it, so the secret key in its memory goes nowhere.
 *   INVITEDESK_ALLOW_CORE_DUMPS=1 keeps it dumpable, for debugging a crash.
 * On Windows, files in the user's profile are private by its ACLs, and crash dumps are the system's.
 */
void apply();

/*!
 * Makes an existing file (0600) or folder (0700) private again, as created before apply() existed or
 * under another umask; nothing happens to what is already so, or on Windows.
 */
void makePrivate(const QString &path);

} // namespace InviteDesk::PrivateProcess
