#pragma once

#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtWidgets/QApplication>

namespace InviteDesk {

/*!
 * The window's QApplication. It differs from Qt's in one thing: a late copy of a bare Alt (or Meta) key
 * event is not delivered.
 *
 * Why: with a screen reader on Linux, Qt's AT-SPI bridge holds every key event back, asks the screen
 * reader whether it wants it, and posts a copy once it answers. QMenuBar acts on the real event (it
 * watches Alt before the bridge does); everything else, an open menu included, acts on the copy. On a busy
 * machine the answer for Alt's press comes after Alt's release, and the late copies worked the menu bar a
 * second time: one Alt opened the menu bar and its copies (press, then release) closed it again; after
 * Alt+V the copy of Alt's press closed the View menu, so the agent's Escape then did nothing
 * (tst_screenreader, 3 in 16 runs beside `stress-ng --cpu 4`). The answer can also come after the next key
 * and before Alt's release: Alt+V opened the View menu on the real V (a shortcut), and the copy of Alt's
 * press closed it. So a copy is late when Alt was released before it came, or when a popup (a menu) opened
 * since the press. Any other copy is delivered as Qt would: it is how Alt closes a menu that was open.
 */
class Application : public QApplication
{
    Q_OBJECT

public:
    Application(int &argc, char **argv);

    bool notify(QObject *receiver, QEvent *event) override;

private:
    /*! A press of Alt or Meta that a filter (the bridge) held back at \a window, its copy still to come. */
    struct HeldPress
    {
        QPointer<QObject> window;
        QPointer<QWidget> popup; //!< the popup open at the press, if any: one opened since makes the copy late
        bool released = false; //!< the window system has sent its release since: the copy, when it comes, is late
    };

    /*!
     * Whether \a copy, a bare Alt or Meta press or release that the window system did not send, posted to
     * \a window, is the copy of a press that was released, or since which a popup opened, before it came;
     * called once per copy.
     */
    bool isLateCopy(const QObject *window, const QEvent *copy);
    /*! The window system's bare Alt or Meta, at the window: held back (a copy will come), or passed on. */
    bool notifyWindowSystemAlt(QObject *window, QEvent *event);

    QList<HeldPress> m_pressesAwaitingCopies; //!< oldest first
    bool m_dropNextReleaseCopy = false;
    const QEvent *m_altArriving = nullptr;
    bool m_altPassedOn = false;
};

} // namespace InviteDesk
