#include "gui/Application.h"

#include <QtGui/QKeyEvent>

#include <algorithm>
#include <utility>

namespace InviteDesk {

namespace {
/*! Presses remembered at most: a copy that never comes (a screen reader that keeps Alt) is forgotten. */
constexpr qsizetype maxPressesAwaitingCopies = 8;

bool isBareAlt(const QEvent *event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease)
        return false;
    const int key = static_cast<const QKeyEvent *>(event)->key();
    return key == Qt::Key_Alt || key == Qt::Key_Meta;
}
} // namespace

Application::Application(int &argc, char **argv) : QApplication(argc, argv) {}

bool Application::isLateCopy(const QEvent *copy)
{
    if (copy->type() == QEvent::KeyRelease)
        return std::exchange(m_dropNextReleaseCopy, false);
    // A copy of no press held back (the application's own Alt) is not late: there was nothing to be late for.
    m_dropNextReleaseCopy = !m_pressesAwaitingCopies.isEmpty() && m_pressesAwaitingCopies.dequeue();
    return m_dropNextReleaseCopy;
}

bool Application::notifyWindowSystemAlt(QObject *window, QEvent *event)
{
    if (event->type() == QEvent::KeyRelease) {
        std::fill(m_pressesAwaitingCopies.begin(), m_pressesAwaitingCopies.end(), true);
        return QApplication::notify(window, event);
    }
    // The window passes a key on to its widgets unless a filter (the bridge) holds it back: only then does
    // a copy come.
    m_altArriving = event;
    m_altPassedOn = false;
    const bool result = QApplication::notify(window, event);
    m_altArriving = nullptr;
    if (!m_altPassedOn) {
        if (m_pressesAwaitingCopies.size() == maxPressesAwaitingCopies)
            m_pressesAwaitingCopies.dequeue();
        m_pressesAwaitingCopies.enqueue(false);
    }
    return result;
}

bool Application::notify(QObject *receiver, QEvent *event)
{
    if (event == m_altArriving && receiver->isWidgetType())
        m_altPassedOn = true;
    // A key event reaches the window (QWindow) first, then its widgets; the bridge holds it back at the
    // window and posts its copy there. Judged there, before QApplication::notify: for a key press that is
    // not the window system's, it sends the ShortcutOverride that arms the menu bar before any filter runs.
    if (!receiver->isWindowType() || !isBareAlt(event))
        return QApplication::notify(receiver, event);
    if (event->spontaneous())
        return notifyWindowSystemAlt(receiver, event);
    return isLateCopy(event) || QApplication::notify(receiver, event);
}

} // namespace InviteDesk
