#include "gui/session/EnvironmentStyle.h"

#include <QtWidgets/QLabel>

using namespace Qt::StringLiterals;

namespace InviteDesk::EnvironmentStyle {

namespace {
QString colours(Session::Badge badge)
{
    // Fixed colours with enough contrast on both light and dark desktops; the text says the same thing.
    switch (badge) {
    case Session::Badge::Live: return u"background-color:#c62828;color:#ffffff;"_s;
    case Session::Badge::Development: return u"background-color:#f9a825;color:#1b1b1b;"_s;
    case Session::Badge::Demo: return u"background-color:#1565c0;color:#ffffff;"_s;
    case Session::Badge::None: break;
    }
    return u"background-color:palette(mid);color:palette(window-text);"_s;
}
} // namespace

void applyBadge(QLabel *label, Session::Badge badge)
{
    label->setText(Session::badgeText(badge));
    label->setStyleSheet(u"QLabel{"_s + colours(badge) + u"font-weight:bold;padding:3px 10px;border-radius:4px;}"_s);
    label->setAccessibleName(Session::tr("Environment: %1").arg(Session::badgeText(badge)));
}

void applyBanner(QLabel *label, Session::Badge badge)
{
    label->setText(Session::badgeText(badge));
    label->setStyleSheet(u"QLabel{"_s + colours(badge) + u"font-weight:bold;padding:6px;border-radius:3px;}"_s);
    label->setVisible(badge != Session::Badge::None);
    label->setAccessibleName(Session::tr("Environment: %1").arg(Session::badgeText(badge)));
}

} // namespace InviteDesk::EnvironmentStyle
