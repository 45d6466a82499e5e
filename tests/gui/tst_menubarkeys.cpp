// The menu bar by keyboard when key events come twice: once from the window system, then again as copies a
// screen reader's bridge posts once the screen reader has declined them (Qt's AT-SPI bridge on Linux). On a busy
// machine the copies of Alt's press and release come after the real release; the window's Application must
// keep them from working the menu bar a second time.

#include "gui/Application.h"

#include <QtGui/QKeyEvent>
#include <QtTest/QTest>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMainWindow>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QStyleFactory>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

class TestMenuBarKeys : public QObject
{
    Q_OBJECT

    /*! A window as the console's: a menu bar with File and View, and a field where the agent works. */
    struct Window
    {
        QMainWindow window;
        QLineEdit *field = new QLineEdit;
        QMenu *view = nullptr;

        Window()
        {
            window.menuBar()->addMenu(u"&File"_s)->addAction(u"&Quit"_s);
            view = window.menuBar()->addMenu(u"&View"_s);
            view->addAction(u"&Activity"_s);
            window.setCentralWidget(field);
            window.show();
            window.activateWindow();
        }
        bool ready()
        {
            if (!QTest::qWaitForWindowActive(&window))
                return false;
            field->setFocus();
            return QTest::qWaitFor([this] { return field->hasFocus(); });
        }
    };

    /*!
     * What the bridge posts for a key it held back: a copy, to the window the key came to (the bridge sees it
     * there first), which Qt then delivers as not spontaneous: to the focused widget, or to an open menu.
     */
    static void postCopy(QWidget *window, QEvent::Type type, int key, Qt::KeyboardModifiers modifiers)
    {
        QCoreApplication::postEvent(window->windowHandle(), new QKeyEvent(type, key, modifiers));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Alt works the menu bar where the style says so (Fusion, Windows); not in every platform style.
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QVERIFY(QApplication::style()->styleHint(QStyle::SH_MenuBar_AltKeyNavigation));
    }

    void oneAltStaysOneAltWhenItsCopiesComeLate()
    {
        Window w;
        QVERIFY(w.ready());
        QMenuBar *bar = w.window.menuBar();

        // The real press and release: the menu bar takes the focus, File highlighted.
        QTest::keyPress(w.field, Qt::Key_Alt, Qt::AltModifier);
        QTest::keyRelease(w.field, Qt::Key_Alt, Qt::AltModifier);
        QVERIFY(bar->hasFocus());
        QVERIFY(bar->activeAction());

        // The copies, late: without the rule they arm the menu bar again and toggle it back to the field.
        postCopy(&w.window, QEvent::KeyPress, Qt::Key_Alt, Qt::AltModifier);
        postCopy(&w.window, QEvent::KeyRelease, Qt::Key_Alt, Qt::AltModifier);
        QCoreApplication::sendPostedEvents();
        QVERIFY2(bar->hasFocus(), "one Alt opened the menu bar and its late copies closed it");
        QVERIFY(bar->activeAction());

        // The next real Alt gives the focus back to where the agent was.
        QTest::keyPress(bar, Qt::Key_Alt, Qt::AltModifier);
        QTest::keyRelease(bar, Qt::Key_Alt, Qt::AltModifier);
        QVERIFY(w.field->hasFocus());
        QVERIFY(!bar->activeAction());
    }

    void aMenuOpenedByItsLetterStillClosesWithEscape()
    {
        Window w;
        QVERIFY(w.ready());

        // Alt+V as the window system sends it, then the copies of Alt's press and release, late.
        QTest::keyPress(w.field, Qt::Key_Alt, Qt::AltModifier);
        QTest::keyClick(w.field, Qt::Key_V, Qt::AltModifier);
        QTRY_VERIFY(w.view->isVisible());
        QTest::keyRelease(QApplication::activePopupWidget(), Qt::Key_Alt, Qt::AltModifier);
        postCopy(&w.window, QEvent::KeyPress, Qt::Key_Alt, Qt::AltModifier);
        postCopy(&w.window, QEvent::KeyRelease, Qt::Key_Alt, Qt::AltModifier);
        QCoreApplication::sendPostedEvents();
        QVERIFY2(w.view->isVisible(), "the late copy of Alt's press closed the menu before Escape");

        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!w.view->isVisible());
    }

    void copiesOfOtherKeysArrive()
    {
        // Only Alt and Meta are held back: every other key the bridge returns is the agent's typing.
        Window w;
        QVERIFY(w.ready());
        QCoreApplication::postEvent(w.window.windowHandle(), new QKeyEvent(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, u"a"_s));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(w.field->text(), u"a"_s);
    }

    void theRuleHoldsOnlyAltAndMetaPressesAndReleases()
    {
        QKeyEvent copy(QEvent::KeyPress, Qt::Key_Alt, Qt::AltModifier);
        QVERIFY(Application::isRepostedMenuBarKey(&copy));
        QKeyEvent meta(QEvent::KeyRelease, Qt::Key_Meta, Qt::NoModifier);
        QVERIFY(Application::isRepostedMenuBarKey(&meta));
        QKeyEvent other(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        QVERIFY(!Application::isRepostedMenuBarKey(&other));
        QKeyEvent shortcut(QEvent::ShortcutOverride, Qt::Key_Alt, Qt::AltModifier);
        QVERIFY(!Application::isRepostedMenuBarKey(&shortcut));
    }
};

int main(int argc, char *argv[])
{
    Application app(argc, argv);
    TestMenuBarKeys test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_menubarkeys.moc"
