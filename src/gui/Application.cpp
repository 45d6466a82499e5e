#include "gui/Application.h"

#include <QtGui/QKeyEvent>

namespace InviteDesk {

Application::Application(int &argc, char **argv) : QApplication(argc, argv) {}

bool Application::isRepostedMenuBarKey(const QEvent *event)
{
    if (event->spontaneous() || (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease))
        return false;
    const int key = static_cast<const QKeyEvent *>(event)->key();
    return key == Qt::Key_Alt || key == Qt::Key_Meta;
}

bool Application::notify(QObject *receiver, QEvent *event)
{
    // Before QApplication::notify: for a key press that is not the window system's, it sends the
    // ShortcutOverride that arms the menu bar before any event filter could see the press.
    if (isRepostedMenuBarKey(event))
        return true;
    return QApplication::notify(receiver, event);
}

} // namespace InviteDesk
