#pragma once

#include <QtCore/QString>

QT_BEGIN_NAMESPACE
class QDockWidget;
class QLineEdit;
class QToolBar;
class QWidget;
QT_END_NAMESPACE

namespace InviteDesk {

/*! Tells screen readers \a text now, for state changes that move no focus (a run ended, a bar appeared). */
void announce(QWidget *source, const QString &text);

/*!
 * Names the buttons Qt adds without a text of their own, which a screen reader would announce as
 * a bare "button": a line edit's clear button, a toolbar's overflow button, a dock's float and close
 * buttons. Qt gives them object names; nothing else reaches them.
 */
void nameClearButton(QLineEdit *edit);
void nameOverflowButton(QToolBar *bar);
void nameDockButtons(QDockWidget *dock);

} // namespace InviteDesk
