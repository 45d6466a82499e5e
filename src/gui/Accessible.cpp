#include "gui/Accessible.h"

#include <QtGui/QAccessible>
#include <QtGui/QAction>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QAccessibleWidget>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QToolBar>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {

#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
/*!
 * What a screen reader speaks for a change that moves no focus, before Qt 6.8's announcement event: Qt's
 * Linux bridge drops QAccessible::Alert, and Orca ignores name and description changes of objects that
 * do not have the focus, but speaks an object of role "notification" as it becomes showing. One per
 * window, a pixel in its corner, shown again for every announcement.
 */
class Announcer : public QWidget
{
public:
    explicit Announcer(QWidget *window) : QWidget(window)
    {
        setObjectName(u"announcer"_s);
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setFocusPolicy(Qt::NoFocus);
        setGeometry(0, 0, 1, 1);
        lower();
    }

    void say(const QString &text)
    {
        hide();
        setAccessibleName(text);
        show();
        lower();
    }

    static QAccessibleInterface *interfaceFor(const QString &className, QObject *object)
    {
        Q_UNUSED(className); // "QWidget": the class has no meta-object of its own
        if (auto *announcer = dynamic_cast<Announcer *>(object))
            return new QAccessibleWidget(announcer, QAccessible::Notification);
        return nullptr;
    }

    static Announcer *of(QWidget *window)
    {
        static const bool installed = [] {
            QAccessible::installFactory(&Announcer::interfaceFor);
            return true;
        }();
        Q_UNUSED(installed);
        for (QObject *child : window->children()) {
            if (auto *announcer = dynamic_cast<Announcer *>(child))
                return announcer;
        }
        return new Announcer(window);
    }
};
#endif

} // namespace

void announce(QWidget *source, const QString &text)
{
    // The source's description keeps the last announcement, for a reader that looks again.
    source->setAccessibleDescription(text);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QAccessibleAnnouncementEvent event(source, text);
    QAccessible::updateAccessibility(&event);
#else
    if (QWidget *window = source->window(); window && window->isVisible())
        Announcer::of(window)->say(text);
#endif
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
