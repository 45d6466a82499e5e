#pragma once

namespace InviteDesk {

/*!
 * Installs InviteDesk's translations for the system's language, on top of
 * English plural forms ("1 day", "2 days"), plus Qt's own. Call once, after
 * the application object exists.
 */
void installTranslations();

} // namespace InviteDesk
