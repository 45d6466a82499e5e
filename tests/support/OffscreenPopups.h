#pragma once

#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QWidget>

namespace InviteDesk::Testing {

/*!
 * The offscreen platform gives the focus to every window it shows, a completer's list included, and leaves
 * it with the list once the list hides. xcb, Windows and macOS never focus a popup: keys keep going to the
 * field, and the window keeps its focus. Under offscreen, this gives \a window the focus back whenever one
 * of its completers' lists shows or hides, so that the tests meet the window as an agent does. Elsewhere it
 * does nothing: tst_usability_wm runs the same picking tests under a real window manager.
 */
inline void keepFocusOffCompleterLists(QWidget *window)
{
    if (QGuiApplication::platformName() != u"offscreen")
        return;
    struct Refocus : QObject
    {
        QPointer<QWidget> window;
        using QObject::QObject;
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Show || event->type() == QEvent::Hide) {
                // Queued: the platform's own focus change for the list is queued too, and comes first.
                QTimer::singleShot(0, window, [w = window] {
                    if (w)
                        w->activateWindow();
                });
            }
            return QObject::eventFilter(watched, event);
        }
    };
    for (QCompleter *completer : window->findChildren<QCompleter *>()) {
        auto *refocus = new Refocus(completer);
        refocus->window = window;
        completer->popup()->installEventFilter(refocus);
    }
}

} // namespace InviteDesk::Testing
