#include "gui/Application.h"

#include <QtCore/QScopedValueRollback>
#include <QtGui/QKeyEvent>

#include <algorithm>
#include <utility>

namespace InviteDesk {

namespace {
/*! Presses remembered at most; one whose window is gone is forgotten at once (isLateCopy()). */
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

bool Application::isLateCopy(const QObject *window, const QEvent *copy)
{
    if (copy->type() == QEvent::KeyRelease)
        return std::exchange(m_dropNextReleaseCopy, false);
    // The bridge posts a copy to the window the key came to, and none once that window is gone: a press
    // held for a window since closed (a dialog that Alt+R ended) has no copy to wait for.
    m_pressesAwaitingCopies.removeIf([](const HeldPress &press) { return !press.window; });
    const auto held = std::find_if(m_pressesAwaitingCopies.begin(), m_pressesAwaitingCopies.end(),
                                   [window](const HeldPress &press) { return press.window == window; });
    // A copy of no press held back (the application's own Alt) is not late: there was nothing to be late for.
    // Alt+V: the real V opened the View menu before this copy of Alt's press came, and the menu closes on Alt.
    QWidget *popup = QApplication::activePopupWidget();
    m_dropNextReleaseCopy = held != m_pressesAwaitingCopies.end() && (held->released || (popup && popup != held->popup));
    if (held != m_pressesAwaitingCopies.end())
        m_pressesAwaitingCopies.erase(held);
    return m_dropNextReleaseCopy;
}

bool Application::notifyWindowSystemAlt(QObject *window, QEvent *event)
{
    if (event->type() == QEvent::KeyRelease) {
        if (!static_cast<const QKeyEvent *>(event)->isAutoRepeat()) // Alt held down still
            std::for_each(m_pressesAwaitingCopies.begin(), m_pressesAwaitingCopies.end(), [](HeldPress &press) { press.released = true; });
        return QApplication::notify(window, event);
    }
    // The window passes a key on to its widgets unless a filter (the bridge) holds it back: only then does
    // a copy come. Kept per call: a key handled in a nested event loop is one of its own.
    const QScopedValueRollback<const QEvent *> arriving(m_altArriving, event);
    const QScopedValueRollback<bool> passedOn(m_altPassedOn, false);
    const bool result = QApplication::notify(window, event);
    if (!m_altPassedOn) {
        if (m_pressesAwaitingCopies.size() == maxPressesAwaitingCopies)
            m_pressesAwaitingCopies.removeFirst();
        m_pressesAwaitingCopies.append({window, QApplication::activePopupWidget(), false});
    }
    return result;
}

bool Application::notify(QObject *receiver, QEvent *event)
{
    if (event == m_altArriving && receiver->isWidgetType())
        m_altPassedOn = true;
    // A key event reaches the window (QWindow) first, then its widgets; the bridge holds it back at the
    // window and posts its copy there. A late copy is dropped there, before QApplication::notify: within it
    // an armed menu bar's application filter would see it, and the window would pass it on to a menu.
    if (!receiver->isWindowType() || !isBareAlt(event))
        return QApplication::notify(receiver, event);
    if (event->spontaneous())
        return notifyWindowSystemAlt(receiver, event);
    return isLateCopy(receiver, event) || QApplication::notify(receiver, event);
}

} // namespace InviteDesk
