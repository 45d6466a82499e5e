#pragma once

#include <QtCore/QString>

namespace InviteDesk {

/*!
 * Installs a Qt message handler that keeps secrets out of every log line:
 * bearer tokens and anything shaped like a Clerk secret key are replaced
 * before the line is printed. Warnings and errors are always shown; debug
 * and info output only when INVITEDESK_DEBUG is set.
 */
void installMessageFilter();

/*! Replaces "Bearer …" values and sk_live_/sk_test_ keys in \a text. */
QString scrubSecrets(const QString &text);

} // namespace InviteDesk
