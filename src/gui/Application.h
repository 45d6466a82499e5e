#pragma once

#include <QtWidgets/QApplication>

namespace InviteDesk {

/*!
 * The window's QApplication. It differs from Qt's in one thing: a bare Alt (or Meta) key event that the
 * window system did not send is not delivered (isRepostedMenuBarKey()).
 *
 * Why: with a screen reader on Linux, Qt's AT-SPI bridge holds every key event back, asks the screen
 * reader whether it wants it, and posts a copy once it answers. QMenuBar has already acted on the real
 * event (it watches Alt before the bridge does); on a busy machine the answer for Alt's press comes after
 * Alt's release, and the late copies work the menu bar a second time: one Alt opened the menu bar and the
 * copies (press, then release) closed it again; after Alt+V the copy of Alt's press closed the View menu, so
 * the agent's Escape then did nothing (tst_screenreader, 3 in 16 runs beside `stress-ng --cpu 4`).
 * Nothing in the window needs those copies: Alt does nothing but work the menu bar.
 */
class Application : public QApplication
{
    Q_OBJECT

public:
    Application(int &argc, char **argv);

    bool notify(QObject *receiver, QEvent *event) override;

    /*! Whether \a event is a bare Alt or Meta key press or release that did not come from the window system. */
    static bool isRepostedMenuBarKey(const QEvent *event);
};

} // namespace InviteDesk
