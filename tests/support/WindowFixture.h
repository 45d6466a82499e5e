#pragma once

// What every test of the whole window starts from: the real MainWindow, a fresh sandbox behind it,
// scripted answers to its questions, no settings and no audit log left by an earlier test. A window test
// class derives from WindowFixture and calls its steps from its own initTestCase(), init() and cleanup()
// (Qt Test runs only the slots a test class declares).

#include "core/audit/AuditLog.h"
#include "gui/MainWindow.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "gui/session/Session.h"
#include "support/ManualClock.h"
#include "support/OffscreenPopups.h"
#include "support/SandboxProfile.h"
#include "support/ScriptedPrompts.h"
#include "support/TestSandbox.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>
#include <QtGui/QAction>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTableView>

#include <memory>

namespace InviteDesk::Testing {

class WindowFixture : public QObject
{
protected:
    std::unique_ptr<Sandbox::ClerkSandbox> m_sandbox;
    ScriptedPrompts m_prompts;
    std::unique_ptr<ManualClock> m_clock; //!< a test's session's clock, when it moves time itself; outlives the window
    std::unique_ptr<MainWindow> m_window;

    /*! For initTestCase(): settings and data folders of the test mode, named after the test \a application. */
    static void useTestFolders(const QString &application)
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("InviteDeskTests"));
        QApplication::setApplicationName(application);
    }

    /*! For init(): no settings, no audit log (an intent an earlier test left open would be re-read), no
     * undo hold (the tests of the undo window turn it on themselves), a fresh sandbox. */
    void startClean()
    {
        QSettings().clear();
        QDir(QFileInfo(AuditLog::defaultPath()).absolutePath()).removeRecursively();
        QSettings().setValue(QStringLiteral("undo/test"), false);
        m_sandbox = startSandbox();
        m_prompts = ScriptedPrompts();
    }

    /*! For cleanup(): the window first (it holds the session), then the clock it ran on, then the sandbox. */
    void finish()
    {
        m_window.reset();
        m_clock.reset();
        m_sandbox.reset();
    }

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(&m_prompts);
        window->setObjectName(QStringLiteral("MainWindow"));
        keepFocusOffCompleterLists(window.get());
        return window;
    }

    /*! Makes the window, shows it at \a size and waits until it is exposed and active. */
    void showWindow(QSize size = {1100, 700})
    {
        m_window = makeWindow();
        m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // Under a window manager the window is active when the manager says so (a busy machine takes its
        // time); keys typed before would find no focus, and the search's suggestions wait for focus.
        m_window->activateWindow();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("invitationsView")); }
    int posts() const { return requestCount(*m_sandbox, "POST"); }

    /*! Triggers the window's action named \a action, as its menu entry or shortcut would. */
    void trigger(const char *action)
    {
        QMetaObject::invokeMethod(m_window->findChild<QAction *>(QString::fromLatin1(action)), &QAction::trigger);
    }

    void connectWith(const QString &key, const QString &teamAuditUrl = {})
    {
        ConnectionProfile profile = sandboxProfile(*m_sandbox, key);
        profile.teamAuditUrl = teamAuditUrl;
        m_window->useTransientProfile(profile, key);
        QTRY_VERIFY(m_window->session()->isOpen());
    }

    void openAndWait(const QString &slug, int expectedRows)
    {
        m_window->openOrganization(slug);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->invitationModel()->rowCount(), expectedRows, 20'000);
        QTRY_VERIFY(!m_window->invitations()->isLoading());
    }
};

} // namespace InviteDesk::Testing
