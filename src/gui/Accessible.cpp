#include "gui/Accessible.h"

#include <QtGui/QAccessible>
#include <QtGui/QAction>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QToolBar>

using namespace Qt::StringLiterals;

namespace InviteDesk {

void announce(QWidget *source, const QString &text)
{
    // The source's description keeps the last announcement, for a reader that looks again.
    source->setAccessibleDescription(text);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QAccessibleAnnouncementEvent event(source, text);
#else
    QAccessibleEvent event(source, QAccessible::Alert); // no announcement event before Qt 6.8: an alert carrying it
#endif
    QAccessible::updateAccessibility(&event);
}

void nameClearButton(QLineEdit *edit)
{
    // The clear action exists once setClearButtonEnabled(true) was called; its button takes the action's text.
    if (auto *clear = edit->findChild<QAction *>(u"_q_qlineeditclearaction"_s)) {
        clear->setText(QLineEdit::tr("Clear"));
        clear->setToolTip(QLineEdit::tr("Clear"));
    }
    for (QAbstractButton *button : edit->findChildren<QAbstractButton *>()) {
        if (button->accessibleName().isEmpty() && button->text().isEmpty())
            button->setAccessibleName(QLineEdit::tr("Clear"));
    }
}

void nameOverflowButton(QToolBar *bar)
{
    if (auto *more = bar->findChild<QAbstractButton *>(u"qt_toolbar_ext_button"_s))
        more->setAccessibleName(QToolBar::tr("More toolbar items"));
}

void nameDockButtons(QDockWidget *dock)
{
    if (auto *close = dock->findChild<QAbstractButton *>(u"qt_dockwidget_closebutton"_s))
        close->setAccessibleName(QDockWidget::tr("Close %1").arg(dock->windowTitle()));
    if (auto *floating = dock->findChild<QAbstractButton *>(u"qt_dockwidget_floatbutton"_s))
        floating->setAccessibleName(QDockWidget::tr("Detach %1").arg(dock->windowTitle()));
}

} // namespace InviteDesk
