// The real MainWindow against the sandbox, on the offscreen platform: search, load, select, revoke,
// cancel, errors, and the whole flow from the keyboard.

#include "core/ClientConfig.h"
#include "gui/ActivityModel.h"
#include "gui/InvitationFilterModel.h"
#include "gui/InvitationTableModel.h"
#include "gui/InvitationsController.h"
#include "gui/MainWindow.h"
#include "gui/OrganizationSearch.h"
#include "gui/RevokeDialog.h"
#include "gui/Session.h"
#include "support/TestSandbox.h"

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

class TestMainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClerkSandbox> m_sandbox;
    std::unique_ptr<MainWindow> m_window;

    QTableView *table() const { return m_window->findChild<QTableView *>(u"invitationsView"_s); }

    void connectWith(const QString &key)
    {
        ConnectionProfile profile;
        profile.id = u"test"_s;
        profile.name = u"Test instance"_s;
        profile.apiUrl = m_sandbox->apiUrl();
        profile.environment = environmentOfKey(key);
        profile.keyFromEnvironment = true;
        m_window->useTransientProfile(profile, key);
        QTRY_VERIFY(m_window->session()->isOpen());
    }

    QSet<QString> revokedIds(const QString &slug)
    {
        QSet<QString> ids;
        for (const SandboxInvitation &inv : m_sandbox->store().organization(slug)->invitations) {
            if (inv.status == "revoked"_L1)
                ids.insert(inv.id);
        }
        return ids;
    }

    int posts() const
    {
        int n = 0;
        for (const LoggedRequest &r : m_sandbox->requests())
            n += r.method == "POST" ? 1 : 0;
        return n;
    }

    void openAndWait(const QString &slug, int expectedRows)
    {
        m_window->openOrganization(slug);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->invitationModel()->rowCount(), expectedRows, 20'000);
        QTRY_VERIFY(!m_window->invitations()->isLoading());
    }

    QRect rowRect(int row) const { return table()->visualRect(table()->model()->index(row, 0)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(u"InviteDeskTests"_s);
        QApplication::setApplicationName(u"tst_mainwindow"_s);
    }

    void init()
    {
        QSettings().clear();
        QSettings().setValue(u"undo/test"_s, false); // tests of the undo window turn it on themselves
        m_sandbox = startSandbox();
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QApplication::setActiveWindow(m_window.get());
    }

    void cleanup()
    {
        m_window.reset();
        m_sandbox.reset();
    }

    void searchLoadSelectRevoke()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        QLineEdit *search = m_window->organizationEdit();
        search->setFocus();
        QTest::keyClicks(search, u"glob"_s);
        QCompleter *completer = search->completer();
        QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible(), 10'000);
        QCOMPARE(m_window->organizationSearch()->results()->rowCount(), 1);
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);

        // 1,234 pending invitations: three pages, shown as they arrive.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->invitationModel()->rowCount(), 1234, 20'000);
        QTRY_VERIFY(!m_window->invitations()->isLoading());
        QCOMPARE(m_window->invitations()->organization().slug, u"globex"_s);

        // Select two rows with the mouse, the second with Ctrl.
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, rowRect(0).center());
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, Qt::ControlModifier, rowRect(2).center());
        const QStringList chosen = m_window->selectedInvitationIds();
        QCOMPARE(chosen.size(), 2);

        QStringList confirmedEmails;
        m_window->setConfirmationOverride([&confirmedEmails](const QStringList &emails, QString *ticket) {
            confirmedEmails = emails;
            *ticket = u"SUP-77"_s;
            return true;
        });
        const QSet<QString> before = revokedIds(u"globex"_s);
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Delete);
        QCOMPARE(confirmedEmails.size(), 2);

        InvitationTableModel *model = m_window->invitationModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowState(chosen.at(0)) == InvitationTableModel::RowState::Revoked
                                     && model->rowState(chosen.at(1)) == InvitationTableModel::RowState::Revoked,
                                 20'000);
        QCOMPARE(model->index(model->rowOf(chosen.at(0)), InvitationTableModel::Status).data().toString(),
                 u"Revoked"_s);
        // Exactly those two, nothing else.
        QCOMPARE(revokedIds(u"globex"_s) - before, QSet<QString>(chosen.cbegin(), chosen.cend()));
        QCOMPARE(posts(), 2);
    }

    void cancelInTheDialogSendsNothing()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"initech"_s, 41);
        table()->selectRow(0);
        m_window->setConfirmationOverride([](const QStringList &, QString *) { return false; });
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Delete);
        QTest::qWait(300);
        QCOMPARE(posts(), 0);
        QCOMPARE(m_window->invitationModel()->rowState(m_window->selectedInvitationIds().first()),
                 InvitationTableModel::RowState::Idle);
    }

    void liveBulkRevokeNeedsTheSlugTyped()
    {
        Organization org;
        org.id = u"org_1"_s;
        org.name = u"Acme Corporation"_s;
        org.slug = u"acme"_s;
        const QStringList six = {u"a@x"_s, u"b@x"_s, u"c@x"_s, u"d@x"_s, u"e@x"_s, u"f@x"_s};
        RevokeDialog live(Session::Badge::Live, org, six);
        QVERIFY(live.needsTypedConfirmation());
        QVERIFY(!live.revokeButton()->isEnabled());
        auto *confirm = live.findChild<QLineEdit *>(u"confirmEdit"_s);
        QTest::keyClicks(confirm, u"acm"_s);
        QVERIFY(!live.revokeButton()->isEnabled());
        QTest::keyClicks(confirm, u"e"_s);
        QVERIFY(live.revokeButton()->isEnabled());
        QVERIFY(live.findChild<QLabel *>(u"environmentBanner"_s)->text().contains(u"LIVE"_s));
        QVERIFY(!live.revokeButton()->isDefault()); // Cancel is the default button

        RevokeDialog fewLive(Session::Badge::Live, org, six.mid(0, 5));
        QVERIFY(!fewLive.needsTypedConfirmation());
        QVERIFY(fewLive.revokeButton()->isEnabled());
        RevokeDialog development(Session::Badge::Development, org, six);
        QVERIFY(!development.needsTypedConfirmation());
        QVERIFY(development.revokeButton()->isEnabled());
    }

    void wrongKeyOffersToEditTheProfile()
    {
        QString asked;
        m_window->setQuestionOverride([&asked](const QString &text) {
            asked = text;
            return int(QMessageBox::No);
        });
        connectWith(u"sk_live_notTheRightKey"_s);
        m_window->openOrganization(u"acme"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!asked.isEmpty(), 10'000);
        QVERIFY2(asked.contains(u"rejected"_s), qPrintable(asked));
        ActivityModel *activity = m_window->activityModel();
        QVERIFY(activity->messageAt(activity->rowCount() - 1).contains(u"key"_s));
    }

    void droppedConnectionIsReportedAndRetried()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        m_sandbox->addScriptedFault({ScriptedFault::Kind::Drop, "GET", u"/invitations"_s, 1000});
        m_window->openOrganization(u"initech"_s);
        auto *label = m_window->findChild<QLabel *>(u"loadLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(u"failed"_s), 20'000);
        QVERIFY2(label->text().contains(u"closed"_s) || label->text().contains(u"Network"_s), qPrintable(label->text()));
        QVERIFY(label->text().contains(u"F5"_s));
        m_sandbox->clearScriptedFaults();
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->invitationModel()->rowCount(), 41, 20'000);
    }

    void keyboardOnly()
    {
        connectWith(SandboxOptions::defaultDevelopmentKey());
        QTRY_VERIFY(m_window->isActiveWindow());
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), m_window->organizationEdit());
        QTest::keyClicks(QApplication::focusWidget(), u"initech"_s);
        QCompleter *completer = m_window->organizationEdit()->completer();
        QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible(), 10'000);
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->invitationModel()->rowCount(), 41, 20'000);
        QTRY_COMPARE(QApplication::focusWidget(), table()); // the table takes focus once the organization opens

        // Move to the first row, extend the selection by one, and press Delete.
        QTest::keyClick(table(), Qt::Key_Home, Qt::ControlModifier);
        QTest::keyClick(table(), Qt::Key_Down, Qt::ShiftModifier);
        const QStringList chosen = m_window->selectedInvitationIds();
        QCOMPARE(chosen.size(), 2);
        const QSet<QString> before = revokedIds(u"initech"_s);

        // The real dialog: Cancel has focus; Alt+R is the Revoke button's mnemonic.
        bool sawDialog = false;
        bool mnemonicWorked = false;
        QTimer::singleShot(0, this, [&sawDialog, &mnemonicWorked] {
            if (!QTest::qWaitFor([] { return QApplication::activeModalWidget() != nullptr; }))
                return;
            auto *dialog = qobject_cast<RevokeDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            sawDialog = true;
            QApplication::setActiveWindow(dialog);
            QTest::keyClick(dialog, Qt::Key_R, Qt::AltModifier);
            // A mnemonic "animates" the click: the button fires a moment later.
            (void)QTest::qWaitFor([dialog] { return !dialog->isVisible(); }, 3'000);
            mnemonicWorked = dialog->result() == QDialog::Accepted;
            if (dialog->isVisible())
                dialog->reject(); // never leave the test hanging in exec()
        });
        QTest::keyClick(table(), Qt::Key_Delete);
        QVERIFY(sawDialog);
        QVERIFY(mnemonicWorked);
        QTRY_COMPARE_WITH_TIMEOUT(revokedIds(u"initech"_s) - before, QSet<QString>(chosen.cbegin(), chosen.cend()),
                                  20'000);
    }

    void statusFilterReloads()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"initech"_s, 41);
        auto *combo = m_window->findChild<QComboBox *>(u"statusFilterCombo"_s);
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down); // Pending -> Accepted
        QTRY_COMPARE_WITH_TIMEOUT(m_window->invitationModel()->rowCount(), 12, 20'000);
        for (int row = 0; row < m_window->invitationModel()->rowCount(); ++row)
            QCOMPARE(m_window->invitationModel()->invitationAt(row).status, InvitationStatus::Accepted);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
