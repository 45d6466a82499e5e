// The menu bar by keyboard when a screen reader's bridge holds the keys back (Qt's AT-SPI bridge on Linux):
// it takes each key event as it reaches the window, asks the screen reader, and posts a copy once it has the
// answer. On a busy machine the answer for Alt's press comes after Alt's release. The window's Application
// must keep such late copies from working the menu bar a second time, and deliver copies that come in time.

#include "gui/Application.h"

#include <QtCore/QPointer>
#include <QtGui/QKeyEvent>
#include <QtTest/QTest>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMainWindow>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QStyleFactory>

#include <deque>
#include <memory>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

/*!
 * Does what Qt's AT-SPI bridge does with key events: an application-wide filter installed before the menu
 * bar's (which the menu bar installs when Alt is pressed, and so runs first), holding back every key event
 * the window system sends to a window; answer() posts the copies of the oldest held, as the bridge does when
 * the screen reader has said it does not want them.
 */
class HoldingBridge : public QObject
{
public:
    void answer(qsizetype count = -1)
    {
        for (; count != 0 && !m_held.empty(); --count) {
            auto [target, copy] = std::move(m_held.front());
            m_held.pop_front();
            if (target)
                QCoreApplication::postEvent(target, copy.release());
        }
        QCoreApplication::sendPostedEvents();
    }
    qsizetype held() const { return qsizetype(m_held.size()); }

protected:
    bool eventFilter(QObject *receiver, QEvent *event) override
    {
        if (!event->spontaneous() || !receiver->isWindowType()
            || (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease))
            return false;
        const auto *key = static_cast<const QKeyEvent *>(event);
        m_held.emplace_back(receiver, std::make_unique<QKeyEvent>(key->type(), key->key(), key->modifiers(), key->text()));
        return true;
    }

private:
    std::deque<std::pair<QPointer<QObject>, std::unique_ptr<QKeyEvent>>> m_held;
};

class TestMenuBarKeys : public QObject
{
    Q_OBJECT

    HoldingBridge m_bridge;

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
        QWindow *handle() { return window.windowHandle(); }
        QMenuBar *bar() { return window.menuBar(); }
    };

    /*! Alt pressed and released as the window system sends them (to the window, spontaneous). */
    static void alt(QWindow *window, QTest::KeyAction action)
    {
        QTest::sendKeyEvent(action, window, Qt::Key_Alt, QString(), action == QTest::Press ? Qt::AltModifier : Qt::NoModifier);
    }

    /*! Opens the View menu, then Alt with each copy given back before the next key: whether the menu closed. */
    bool altClosesTheViewMenuWhenItsCopiesComeInTime(Window &w)
    {
        w.bar()->setActiveAction(w.view->menuAction());
        if (!QTest::qWaitFor([&w] { return w.view->isVisible(); }))
            return false;
        QWindow *menu = w.view->windowHandle();
        alt(menu, QTest::Press);
        m_bridge.answer();
        alt(menu, QTest::Release);
        m_bridge.answer();
        return QTest::qWaitFor([&w] { return !w.view->isVisible(); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Alt works the menu bar where the style says so (Fusion, Windows); not in every platform style.
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QVERIFY(QApplication::style()->styleHint(QStyle::SH_MenuBar_AltKeyNavigation));
        qApp->installEventFilter(&m_bridge);
    }

    void cleanup()
    {
        m_bridge.answer(); // nothing held over into the next test
    }

    void oneAltStaysOneAltWhenItsCopiesComeLate()
    {
        Window w;
        QVERIFY(w.ready());

        // Pressed and released before the screen reader answers: the menu bar acts on the real keys.
        alt(w.handle(), QTest::Press);
        alt(w.handle(), QTest::Release);
        QVERIFY(w.bar()->hasFocus());
        QVERIFY(w.bar()->activeAction());
        QVERIFY(m_bridge.held() >= 2); // QTest presses Alt once bare, then with its modifier

        // The copies, late: without the rule they arm the menu bar again and toggle it back to the field.
        m_bridge.answer();
        QVERIFY2(w.bar()->hasFocus(), "one Alt opened the menu bar and its late copies closed it");
        QVERIFY(w.bar()->activeAction());

        // The next Alt, its copies in time, gives the focus back to where the agent was.
        alt(w.handle(), QTest::Press);
        m_bridge.answer();
        alt(w.handle(), QTest::Release);
        m_bridge.answer();
        QVERIFY(w.field->hasFocus());
        QVERIFY(!w.bar()->activeAction());
    }

    void aMenuOpenedByItsLetterStillClosesWithEscape()
    {
        Window w;
        QVERIFY(w.ready());

        // Alt+V as the window system sends it (Alt down, V down and up, Alt up), all before any answer.
        QTest::keyClick(w.handle(), Qt::Key_V, Qt::AltModifier);
        QTRY_VERIFY(w.view->isVisible());
        m_bridge.answer();
        QVERIFY2(w.view->isVisible(), "the late copy of Alt's press closed the menu before Escape");

        QWindow *menu = w.view->windowHandle();
        QTest::keyClick(menu, Qt::Key_Escape);
        m_bridge.answer();
        QTRY_VERIFY(!w.view->isVisible());
    }

    void aMenuOpenedByItsLetterStaysOpenWhenAltsCopyComesBeforeItsRelease()
    {
        // Alt down, V down: the real V opens the View menu (a shortcut). The screen reader answers for Alt's
        // press now, after V and before Alt's release: that copy must not reach the menu, which closes on Alt.
        Window w;
        QVERIFY(w.ready());
        alt(w.handle(), QTest::Press);
        QTest::sendKeyEvent(QTest::Press, w.handle(), Qt::Key_V, u"v"_s, Qt::AltModifier);
        QTRY_VERIFY(w.view->isVisible());
        m_bridge.answer(1);
        QVERIFY2(w.view->isVisible(), "the copy of Alt's press, come after V, closed the menu that Alt+V opened");

        QTest::sendKeyEvent(QTest::Release, w.handle(), Qt::Key_V, u"v"_s, Qt::AltModifier);
        alt(w.handle(), QTest::Release);
        m_bridge.answer();
        QVERIFY(w.view->isVisible());
        QTest::keyClick(w.view->windowHandle(), Qt::Key_Escape);
        m_bridge.answer();
        QTRY_VERIFY(!w.view->isVisible());
    }

    void altClosesAnOpenMenuThoughAnotherKeyFollowsBeforeItsCopy()
    {
        // The menu was open before Alt: a key pressed after Alt (Ctrl, an agent's chord) opens no popup, and
        // the copy of Alt's press, which comes after it, still closes the menu as Qt alone would.
        Window w;
        QVERIFY(w.ready());
        w.bar()->setActiveAction(w.view->menuAction());
        QTRY_VERIFY(w.view->isVisible());
        QWindow *menu = w.view->windowHandle();
        alt(menu, QTest::Press);
        QTest::sendKeyEvent(QTest::Press, menu, Qt::Key_Control, QString(), Qt::AltModifier | Qt::ControlModifier);
        m_bridge.answer();
        QTRY_VERIFY2(!w.view->isVisible(), "Alt no longer closes an open menu when another key follows it quickly");
        QTest::sendKeyEvent(QTest::Release, menu, Qt::Key_Control, QString(), Qt::AltModifier);
        alt(menu, QTest::Release);
        m_bridge.answer();
    }

    void tabThenAltOpensTheMenuBar_data()
    {
        QTest::addColumn<bool>("tabReleaseLate");
        QTest::newRow("copies in time") << false;
        QTest::newRow("Tab's release late") << true;
    }

    void tabThenAltOpensTheMenuBar()
    {
        // Tab, then Alt at once. When the copy of Tab's release comes while Alt is down, the menu bar, armed
        // by Alt's real press, is disarmed by it (any key event it sees before Alt's real release), though
        // that key came before Alt in truth: one Alt does nothing (tst_screenreader under ASan and load,
        // "Alt: the menu bar"). Known and not fixed: keeping such copies until Alt was up (9a06fec, reverted)
        // sent keys typed just before Alt to the menu bar, which had the focus by then.
        QFETCH(bool, tabReleaseLate);
        Window w;
        QVERIFY(w.ready());
        QTest::sendKeyEvent(QTest::Press, w.handle(), Qt::Key_Tab, QString(), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, w.handle(), Qt::Key_Tab, QString(), Qt::NoModifier);
        m_bridge.answer(tabReleaseLate ? 1 : -1); // Tab's press, or both
        alt(w.handle(), QTest::Press);
        m_bridge.answer(tabReleaseLate ? 1 : 0); // Tab's release, late
        alt(w.handle(), QTest::Release);
        if (tabReleaseLate)
            QEXPECT_FAIL("", "a late copy of another key disarms the menu bar's Alt (BENCHMARKS, round five)", Continue);
        QVERIFY2(w.bar()->activeAction(), "Alt did nothing");
    }

    void altClosesAnOpenMenuWhenItsCopyComesInTime()
    {
        // The menu acts on the copy: it must come through, as it does when the machine is not busy.
        Window w;
        QVERIFY(w.ready());
        QVERIFY2(altClosesTheViewMenuWhenItsCopiesComeInTime(w), "Alt no longer closes an open menu under a screen reader");
    }

    void copiesOfOtherKeysArriveLateOrNot()
    {
        // Only Alt and Meta are judged: every other key the bridge gives back is the agent's typing.
        Window w;
        QVERIFY(w.ready());
        QTest::keyClick(w.handle(), Qt::Key_A);
        QTest::keyClick(w.handle(), Qt::Key_B);
        QCOMPARE(w.field->text(), QString());
        m_bridge.answer();
        QCOMPARE(w.field->text(), u"ab"_s);
    }

    void aCopyOfNoPressHeldBackIsDelivered()
    {
        // The application's own Alt, posted with no press held back: there was nothing for it to be late for.
        Window w;
        QVERIFY(w.ready());
        w.bar()->setActiveAction(w.view->menuAction());
        QTRY_VERIFY(w.view->isVisible());
        QCoreApplication::postEvent(w.view->windowHandle(), new QKeyEvent(QEvent::KeyPress, Qt::Key_Alt, Qt::AltModifier));
        QTRY_VERIFY(!w.view->isVisible());
    }

    void aWindowClosedWithAltHeldLeavesNothingStale()
    {
        // Alt held back for a window that closes before its copy comes (a dialog that Alt+R ended): the bridge
        // posts no copy, and the next Alt's copy, in time, must not be taken for it.
        Window w;
        QVERIFY(w.ready());
        {
            QWidget dialog;
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            alt(dialog.windowHandle(), QTest::Press);
            alt(dialog.windowHandle(), QTest::Release);
        }
        m_bridge.answer(); // nothing to post to: the window is gone
        QVERIFY2(altClosesTheViewMenuWhenItsCopiesComeInTime(w), "a press held for a closed window made a copy look late");
    }

    void aScreenReaderStartedLaterFindsNothingStale()
    {
        // Alt pressed while no bridge holds keys back (no screen reader yet): passed on, no copy to wait for.
        Window w;
        QVERIFY(w.ready());
        qApp->removeEventFilter(&m_bridge);
        for (int i = 0; i < 3; ++i) {
            alt(w.handle(), QTest::Press);
            alt(w.handle(), QTest::Release);
        }
        qApp->installEventFilter(&m_bridge);
        QVERIFY(w.field->hasFocus() || w.bar()->hasFocus());

        // Then the screen reader: an open menu closes on Alt whose copy comes in time.
        QVERIFY2(altClosesTheViewMenuWhenItsCopiesComeInTime(w), "a press from before the screen reader made a copy look late");
    }
};

int main(int argc, char *argv[])
{
    Application app(argc, argv);
    TestMenuBarKeys test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_menubarkeys.moc"
