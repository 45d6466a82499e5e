#pragma once

#include <QtWidgets/QProgressBar>

namespace InviteDesk {

/*!
 * QProgressBar::setValue() repaints at once, synchronously, and with it the window and a table of
 * thousands of rows: with a page or a revoke finishing every few milliseconds that froze the window.
 * This sets the value with updates off and lets the next regular paint show it.
 */
inline void setProgressLater(QProgressBar *bar, int value)
{
    bar->setUpdatesEnabled(false);
    bar->setValue(value);
    bar->setUpdatesEnabled(true);
    bar->update();
}

} // namespace InviteDesk
