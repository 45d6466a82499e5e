#pragma once

#include "gui/session/Session.h"

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace InviteDesk::EnvironmentStyle {

/*! Colours a label as the environment's badge: red for LIVE, amber for development, blue for the demo. */
void applyBadge(QLabel *label, Session::Badge badge);
/*! The same colours as a full-width banner. */
void applyBanner(QLabel *label, Session::Badge badge);

} // namespace InviteDesk::EnvironmentStyle
