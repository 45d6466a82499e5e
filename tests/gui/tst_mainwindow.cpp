// The real MainWindow against the sandbox, on the offscreen platform: search, load, select, revoke,
// cancel, errors, and the whole flow from the keyboard.

#include "core/audit/AuditLog.h"
#include "core/domain/Seats.h"
#include "core/api/ClientConfig.h"
#include "gui/ActivityModel.h"
#include "gui/invitations/InvitationFilterModel.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "gui/MainWindow.h"
#include "gui/MessageBar.h"
#include "gui/OrganizationSearch.h"
#include "gui/invitations/RevokeDialog.h"
#include "gui/session/Session.h"
#include "gui/teamaudit/TeamActivityPanel.h"
#include "support/ManualClock.h"
#include "support/RealParts.h"
#include "support/OffscreenPopups.h"
#include "support/SandboxProfile.h"
#include "support/ScriptedPrompts.h"
#include "support/TestSandbox.h"
#include "support/WindowFixture.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSettings>
#include <QtGui/QClipboard>
#include <QtWidgets/QPushButton>
#include <QtCore/QStandardPaths>
#include <QtSql/QSqlDatabase>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QCompleter>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTextBrowser>

using namespace Qt::StringLiterals;
using namespace InviteDesk;
using namespace InviteDesk::Sandbox;
using namespace InviteDesk::Testing;

/*! Counts the times a widget is asked to lay itself out again (every changed size hint inside it). */
struct LayoutRequests : QObject
{
    int count = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        count += event->type() == QEvent::LayoutRequest;
        return false;
    }
};

class TestMainWindow : public WindowFixture
{
    Q_OBJECT

    QSet<QString> revokedIds(const QString &slug)
    {
        QSet<QString> ids;
        for (const SandboxInvitation &inv : m_sandbox->store().organization(slug)->invitations) {
            if (inv.status == "revoked"_L1)
                ids.insert(inv.id);
        }
        return ids;
    }

    /*! Selects the first row, presses Delete, confirms; true once that invitation shows Revoked. */
    bool revokeFirstRowByKeyboard()
    {
        m_prompts.onConfirmRevoke = [](const Prompts::RevokeRequest &) { return Prompts::RevokeAnswer{true, {}}; };
        table()->setFocus();
        table()->selectRow(0);
        const QString id = m_window->selectedInvitationIds().value(0);
        QTest::keyClick(table(), Qt::Key_Delete);
        return QTest::qWaitFor([&] { return m_window->invitationModel()->revokeState(id) == RevokeState::Revoked; }, 20'000);
    }

    QRect rowRect(int row) const { return table()->visualRect(table()->model()->index(row, 0)); }

private Q_SLOTS:
    void initTestCase() { useTestFolders(u"tst_mainwindow"_s); }
    void init()
    {
        startClean();
        showWindow({1200, 700});
    }
    void cleanup() { finish(); }

    void aLiveRunOfAnotherProcessIsLeftAlone()
    {
        // A CLI beside the window is mid-run: its intent is open and its run is alive (held here by an
        // AuditLog of this process, which is what a live run is). The window's start-up check of
        // interrupted revokes must leave it to that run, and say so.
        const QString key = SandboxOptions::defaultProductionKey();
        const QString id = m_sandbox->store().organization(u"initech"_s)->invitations.front().id;
        AuditLog live(m_window->invitations()->auditLogPath());
        live.setContext({u"cli"_s, u"production"_s, keyFingerprint(key), u"127.0.0.1"_s, {}, u"cli-user"_s});
        QString why;
        QVERIFY(live.recordIntent(RevokeItem{m_sandbox->store().organization(u"initech"_s)->id, u"Initech"_s, id, {}, {}},
                                    &why));
        QSignalSpy checked(m_window->invitations(), &InvitationsController::interruptedRevokesSettled);
        connectWith(key);
        QVERIFY(!checked.isEmpty() || checked.wait(10'000)); // it may finish while the session opens
        QCOMPARE(checked.first().first().toInt(), 0);
        QCOMPARE(AuditLog::unsettledIntents(live.filePath()).size(), 1);
        int gets = 0;
        for (const LoggedRequest &r : m_sandbox->requests())
            gets += r.rawPath.contains(id.toLatin1()) ? 1 : 0;
        QCOMPARE(gets, 0); // not even re-read
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
        m_prompts.onConfirmRevoke = [&confirmedEmails](const Prompts::RevokeRequest &request) {
            confirmedEmails = request.lines;
            return Prompts::RevokeAnswer{true, u"SUP-77"_s};
        };
        const QSet<QString> before = revokedIds(u"globex"_s);
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Delete);
        QCOMPARE(confirmedEmails.size(), 2);

        InvitationTableModel *model = m_window->invitationModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->revokeState(chosen.at(0)) == RevokeState::Revoked
                                     && model->revokeState(chosen.at(1)) == RevokeState::Revoked,
                                 20'000);
        QCOMPARE(model->index(model->rowOf(chosen.at(0)), InvitationTableModel::Status).data().toString(),
                 u"Revoked"_s);
        // Exactly those two, nothing else.
        QCOMPARE(revokedIds(u"globex"_s) - before, QSet<QString>(chosen.cbegin(), chosen.cend()));
        QCOMPARE(posts(), 2);
    }

    void aTeamAuditStoreThatIsDownCostsNothingButSaysWhatWaits()
    {
        // Nothing listens on this port: the store is down. Revokes go on; the status bar says how many
        // records wait, and why, and they are safe in the local log.
        connectWith(SandboxOptions::defaultProductionKey(),
                    u"postgresql://agent@127.0.0.1:%1/audit"_s.arg(freePort()));
        QVERIFY(m_window->session()->teamAudit());
        openAndWait(u"initech"_s, 41);
        QVERIFY(revokeFirstRowByKeyboard());

        QLabel *status = nullptr;
        for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>()) {
            if (label->accessibleName() == "Team audit status"_L1)
                status = label;
        }
        QVERIFY(status);
        // (the test loads no translation, so the plural reads "record(s)")
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith("Team audit: 2 record"_L1), qPrintable(status->text()), 15'000);
        QVERIFY(status->isVisible());
        // Why it waits: the refused connection, or in a build whose Qt has no PostgreSQL driver (the MinGW
        // cross build), that plainly.
        const auto why = QSqlDatabase::isDriverAvailable(u"QPSQL"_s) ? "Connection refused"_L1 : "without PostgreSQL support"_L1;
        QVERIFY2(status->toolTip().contains(why, Qt::CaseInsensitive), qPrintable(status->toolTip()));
        QCOMPARE(AuditLog::verify(m_window->session()->auditLogPath()).records, 2);

        // The Team activity panel asks the profile's store (and says it did not answer).
        auto *panel = m_window->findChild<TeamActivityPanel *>();
        QVERIFY(panel);
        panel->search();
        bool said = false;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QLabel *l : panel->findChildren<QLabel *>())
                    said = said || (l->accessibleName() == "Team activity status"_L1 && l->text().contains("did not answer"_L1));
                return said;
            }(),
            15'000);
    }

    void theHeaderSaysWhenPendingInvitationsKeepAnOrganizationFull()
    {
        // The rule first: Clerk counts pending invitations against the limit, and 0 is no limit.
        QVERIFY(!(SeatUse{5, 3, 0}.atLimit()));
        QVERIFY((SeatUse{5, 3, 8}.heldByInvitations()));
        QCOMPARE((SeatUse{5, 4, 8}.revokesForOneSeat()), 2);
        QVERIFY((SeatUse{8, 2, 8}.atLimit()) && !(SeatUse{8, 2, 8}.heldByInvitations()));
        QCOMPARE((SeatUse{8, 2, 8}.revokesForOneSeat()), 0);

        connectWith(SandboxOptions::defaultProductionKey());
        m_window->openOrganization(u"umbrella"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isLoading() && m_window->invitationModel()->rowCount() > 0, 20'000);
        auto *header = m_window->findChild<QLabel *>(u"organizationLabel"_s);
        QVERIFY(header);
        QTRY_VERIFY2(header->text().contains("At its limit because of pending invitations"_L1), qPrintable(header->text()));
        const int limit = m_sandbox->store().organization(u"umbrella"_s)->maxAllowedMemberships;
        QVERIFY2(header->text().contains(u"limit %1"_s.arg(limit)), qPrintable(header->text()));

        // One revoke frees a seat, and the header says so without a reload.
        QVERIFY(revokeFirstRowByKeyboard());
        QTRY_VERIFY2(!header->text().contains("At its limit"_L1), qPrintable(header->text()));
        // Reloading with another status (a new list, the same organization) keeps what this window did.
        auto *status = m_window->findChild<QComboBox *>(u"statusFilterCombo"_s);
        status->setCurrentIndex(status->count() - 1); // All
        Q_EMIT status->activated(status->count() - 1);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isLoading() && m_window->invitationModel()->rowCount() > 22, 20'000);
        QVERIFY2(!header->text().contains("At its limit"_L1), qPrintable(header->text()));
        // Refresh reads the organization again: Clerk's own count agrees.
        const int gets = requestCount(*m_sandbox, "GET", u"/organizations/"_s);
        trigger("actionRefresh");
        QTRY_VERIFY_WITH_TIMEOUT(requestCount(*m_sandbox, "GET", u"/organizations/"_s) > gets, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isLoading(), 20'000);
        QVERIFY2(!header->text().contains("At its limit"_L1), qPrintable(header->text()));
    }

    void cancelInTheDialogSendsNothing()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"initech"_s, 41);
        table()->selectRow(0);
        bool asked = false;
        m_prompts.onConfirmRevoke = [&asked](const Prompts::RevokeRequest &) {
            asked = true;
            return Prompts::RevokeAnswer{false, {}};
        };
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Delete);
        QTRY_VERIFY(asked);
        // Answered Cancel: no run is held or going, so nothing can be sent later either.
        QVERIFY(!m_window->invitations()->isHolding());
        QVERIFY(!m_window->invitations()->isRevoking());
        QCOMPARE(posts(), 0);
        QCOMPARE(m_window->invitationModel()->revokeState(m_window->selectedInvitationIds().first()),
                 RevokeState::Idle);
    }

    void liveBulkRevokeNeedsTheSlugTyped()
    {
        const QStringList six = {u"a@x"_s, u"b@x"_s, u"c@x"_s, u"d@x"_s, u"e@x"_s, u"f@x"_s};
        auto ask = [](Session::Badge badge, const QStringList &lines) {
            return Prompts::RevokeRequest{badge, u"in Acme Corporation (acme)"_s, u"acme"_s, lines, int(lines.size())};
        };
        RevokeDialog live(ask(Session::Badge::Live, six));
        QVERIFY(live.needsTypedConfirmation());
        QVERIFY(!live.revokeButton()->isEnabled());
        auto *confirm = live.findChild<QLineEdit *>(u"confirmEdit"_s);
        QTest::keyClicks(confirm, u"acm"_s);
        QVERIFY(!live.revokeButton()->isEnabled());
        QTest::keyClicks(confirm, u"e"_s);
        QVERIFY(live.revokeButton()->isEnabled());
        QVERIFY(live.findChild<QLabel *>(u"environmentBanner"_s)->text().contains(u"LIVE"_s));
        QVERIFY(!live.revokeButton()->isDefault()); // Cancel is the default button

        RevokeDialog fewLive(ask(Session::Badge::Live, six.mid(0, 5)));
        QVERIFY(!fewLive.needsTypedConfirmation());
        QVERIFY(fewLive.revokeButton()->isEnabled());
        RevokeDialog development(ask(Session::Badge::Development, six));
        QVERIFY(!development.needsTypedConfirmation());
        QVERIFY(development.revokeButton()->isEnabled());
    }

    void wrongKeyIsSaidInTheWindow()
    {
        connectWith(u"sk_live_notTheRightKey"_s);
        m_window->openOrganization(u"acme"_s);
        auto *bar = m_window->findChild<MessageBar *>(u"messageBar"_s);
        QVERIFY(bar);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10'000);
        QVERIFY2(bar->text().contains(u"rejected"_s), qPrintable(bar->text()));
        QVERIFY(m_prompts.asked.isEmpty()); // no question popped up
        ActivityModel *activity = m_window->activityModel();
        QVERIFY(activity->messageAt(activity->rowCount() - 1).contains(u"key"_s));
    }

    void droppedConnectionIsReportedAndRetried()
    {
        m_clock = std::make_unique<ManualClock>(); // the retries' backoff is moved through, not waited out
        m_window->session()->setClock(m_clock.get());
        connectWith(SandboxOptions::defaultProductionKey());
        m_sandbox->addScriptedFault({ScriptedFault::Kind::Drop, "GET", u"/invitations"_s, 1000});
        m_window->openOrganization(u"initech"_s);
        auto *label = m_window->findChild<QLabel *>(u"loadLabel"_s);
        QVERIFY(m_clock->runUntil([label] { return label->text().contains(u"failed"_s); }, 20'000));
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
        m_prompts.realRevokeDialog = true;
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

    void findByEmailAcrossOrganizations()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        const QString contractor = u"sam.contractor@freelance.example"_s;
        QLineEdit *search = m_window->organizationEdit();
        search->setFocus();
        QTest::keyClicks(search, contractor);
        QTest::keyClick(search, Qt::Key_Return);
        // Both kinds: five organizations' invitations, then the address's invitation to sign up at all.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->invitationModel()->rowCount(), 6, 20'000);
        QTRY_VERIFY(!m_window->invitations()->isLoading());
        QCOMPARE(table()->model()->columnCount(), int(InvitationTableModel::ColumnCount)); // the Organization column is there
        QSet<QString> organizations;
        int application = -1;
        for (int row = 0; row < 6; ++row) {
            const Invitation &inv = m_window->invitationModel()->invitationAt(row);
            QCOMPARE(inv.emailAddress, contractor);
            if (inv.kind == InvitationKind::Application) {
                application = row;
                continue;
            }
            QVERIFY(inv.organization != nullptr);
            organizations.insert(inv.organizationId);
        }
        QCOMPARE(organizations.size(), 5);
        QVERIFY(application >= 0);
        const QString signUp = m_window->invitationModel()->index(application, InvitationTableModel::Organization).data().toString();
        QVERIFY2(signUp.contains(u"Sign-up"_s), qPrintable(signUp)); // the row says which kind it is

        Prompts::RevokeRequest confirmed;
        m_prompts.onConfirmRevoke = [&confirmed](const Prompts::RevokeRequest &request) {
            confirmed = request;
            return Prompts::RevokeAnswer{true, {}};
        };
        trigger("actionRevokeAllForAddress");
        QCOMPARE(confirmed.count, 5); // the pending ones of both kinds; the already revoked one is not asked for
        QCOMPARE(confirmed.lines.size(), 10); // grouped: a heading per organization (and the sign-up), then its row
        QVERIFY(confirmed.lines.join(u'\n').contains(u"Sign-up"_s)); // the confirmation names both kinds
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isRevoking() && posts() == 5, 20'000);
        int revoked = 0;
        for (const SandboxOrganization &org : m_sandbox->store().organizations) {
            for (const SandboxInvitation &inv : org.invitations) {
                if (inv.emailAddress == contractor) {
                    QCOMPARE(inv.status, u"revoked"_s);
                    QVERIFY(inv.revokeCommits <= 1);
                    revoked += inv.revokeCommits;
                }
            }
        }
        QCOMPARE(revoked, 4);
        int signUps = 0;
        for (const SandboxInvitation &inv : m_sandbox->store().applicationInvitations) {
            if (inv.emailAddress == contractor) {
                QCOMPARE(inv.status, u"revoked"_s);
                QCOMPARE(inv.revokeCommits, 1);
                ++signUps;
            }
        }
        QCOMPARE(signUps, 1);
    }

    void theInstanceViewListsEveryOrganizationPageByPage()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        QHash<QString, QString> nameOf;
        int pending = 0;
        QSet<QString> withPending;
        for (const SandboxOrganization &org : m_sandbox->store().organizations) {
            nameOf.insert(org.id, org.name);
            for (const SandboxInvitation &inv : org.invitations) {
                if (inv.status == "pending"_L1) {
                    ++pending;
                    withPending.insert(org.id);
                }
            }
        }
        QVERIFY(withPending.size() > 3);
        QVERIFY(pending > 1000); // more than one page of the instance's list
        // From the search field: "All organizations" is the first entry.
        QLineEdit *search = m_window->organizationEdit();
        search->setFocus();
        QTest::keyClicks(search, u"all"_s);
        QCompleter *completer = search->completer();
        QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible(), 10'000);
        QCOMPARE(completer->popup()->model()->index(0, 0).data().toString(), u"All organizations"_s);
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        InvitationTableModel *model = m_window->invitationModel();
        QTRY_VERIFY_WITH_TIMEOUT((m_window->invitations()->scope().kind() == ListingScope::Kind::Instance) && !m_window->invitations()->isLoading()
                                     && model->rowCount() == pending,
                                 30'000);
        QVERIFY(requestCount(*m_sandbox, "GET", u"/organization_invitations"_s) >= 2); // paged
        QCOMPARE(model->organizationCount(), int(withPending.size()));
        QCOMPARE(table()->model()->columnCount(), int(InvitationTableModel::ColumnCount)); // the Organization column is there
        for (int row = 0; row < model->rowCount(); row += 97) {
            const Invitation &inv = model->invitationAt(row);
            QCOMPARE(model->index(row, InvitationTableModel::Organization).data().toString(), nameOf.value(inv.organizationId));
        }
        QVERIFY(m_window->windowTitle().startsWith(u"All organizations"_s));
        // Qt adds " — InviteDesk" (the display name) where titles are shown: the title does not say it twice.
        QVERIFY2(!m_window->windowTitle().contains(u"InviteDesk"_s), qPrintable(m_window->windowTitle()));
        // Quick filters work here too; "invited more than once" counts within one organization only.
        auto *quick = m_window->findChild<QComboBox *>(u"quickFilterCombo"_s);
        QTRY_VERIFY(quick->itemText(quick->findData(int(InvitationFilterModel::QuickFilter::Duplicates))).contains(u"(2)"_s));
    }

    void theApplicationInvitationsViewListsAndRevokesSignUpInvitations()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        int pending = 0;
        for (const SandboxInvitation &inv : m_sandbox->store().applicationInvitations)
            pending += inv.status == "pending"_L1 ? 1 : 0;
        QVERIFY(pending > 10);
        // From the search field: typing "app" offers the view, first.
        QLineEdit *search = m_window->organizationEdit();
        search->setFocus();
        QTest::keyClicks(search, u"app"_s);
        QCompleter *completer = search->completer();
        QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible(), 10'000);
        QCOMPARE(completer->popup()->model()->index(0, 0).data().toString(), OrganizationSearch::applicationName());
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        InvitationTableModel *model = m_window->invitationModel();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->invitations()->scope().kind() == ListingScope::Kind::Application
                                     && !m_window->invitations()->isLoading() && model->rowCount() == pending,
                                 30'000);
        QCOMPARE(requestCount(*m_sandbox, "GET", u"/organization_invitations"_s), 0); // only the application list
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->invitationAt(row).kind, InvitationKind::Application);
        // No Organization column: none of these is to an organization. The status choice applies.
        QCOMPARE(table()->model()->columnCount(), int(InvitationTableModel::ColumnCount) - 1);
        QVERIFY(m_window->findChild<QComboBox *>(u"statusFilterCombo"_s)->isVisible());
        QVERIFY2(m_window->windowTitle().startsWith(OrganizationSearch::applicationName()), qPrintable(m_window->windowTitle()));
        QVERIFY(!m_window->findChild<QAction *>(u"actionRevokeAllForAddress"_s)->isEnabled());
        // The details pane says which kind it is: no organization row could.
        table()->setFocus();
        table()->selectRow(0);
        QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier); // View → Invitation Details
        auto *detailsText = m_window->findChild<QWidget *>(u"invitationDetails"_s)->findChild<QTextBrowser *>(u"detailsText"_s);
        QTRY_VERIFY2(detailsText->toPlainText().contains(u"Application invitation: to sign up"_s), qPrintable(detailsText->toPlainText()));
        QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier);

        const QStringList chosen{model->invitationAt(0).id, model->invitationAt(1).id};
        table()->clearSelection();
        for (const QString &id : chosen)
            table()->selectionModel()->select(m_window->filterModel()->mapFromSource(model->index(model->rowOf(id), 0)),
                                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
        Prompts::RevokeRequest asked;
        m_prompts.onConfirmRevoke = [&asked](const Prompts::RevokeRequest &request) {
            asked = request;
            return Prompts::RevokeAnswer{true, u"SEC-7"_s};
        };
        trigger("actionRevoke");
        QCOMPARE(asked.count, 2);
        QVERIFY2(asked.scope.contains(u"sign up"_s), qPrintable(asked.scope));
        QCOMPARE(asked.confirmationText, u"2"_s); // no organization's slug names these: the count does
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isRevoking() && posts() == 2, 20'000);
        QCOMPARE(requestCount(*m_sandbox, "POST", u"/v1/invitations/"_s), 2);
        for (const SandboxInvitation &inv : m_sandbox->store().applicationInvitations) {
            if (chosen.contains(inv.id)) {
                QCOMPARE(inv.status, u"revoked"_s);
                QCOMPARE(inv.revokeCommits, 1);
            }
        }
        QFile log(m_window->invitations()->auditLogPath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        int outcomes = 0;
        for (const QByteArray &line : log.readAll().split('\n')) {
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            if (record.value("event"_L1).toString() == "outcome"_L1 && chosen.contains(record.value("invitation_id"_L1).toString())) {
                ++outcomes;
                QCOMPARE(record.value("invitation_kind"_L1).toString(), u"application"_s);
                QCOMPARE(record.value("ticket"_L1).toString(), u"SEC-7"_s);
            }
        }
        QCOMPARE(outcomes, 2);
        QVERIFY2(m_window->invitations()->ticketSummary().contains(u"Application (sign-up) invitations"_s),
                 qPrintable(m_window->invitations()->ticketSummary()));
        // Ctrl+Shift+P opens the same view again from another one.
        openAndWait(u"initech"_s, 41);
        // The run's summary is still about the run, not about what is open now.
        QVERIFY2(m_window->invitations()->ticketSummary().contains(u"Application (sign-up) invitations"_s),
                 qPrintable(m_window->invitations()->ticketSummary()));
        QVERIFY(!m_window->invitations()->ticketSummary().contains(u"Initech"_s));
        trigger("actionApplicationInvitations");
        QTRY_VERIFY_WITH_TIMEOUT(m_window->invitations()->scope().kind() == ListingScope::Kind::Application
                                     && !m_window->invitations()->isLoading() && model->rowCount() == pending - 2,
                                 30'000);
    }

    void revokingFromTheInstanceViewIsGroupedByOrganization()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        trigger("actionAllOrganizations");
        InvitationTableModel *model = m_window->invitationModel();
        QTRY_VERIFY_WITH_TIMEOUT((m_window->invitations()->scope().kind() == ListingScope::Kind::Instance) && !m_window->invitations()->isLoading()
                                     && model->rowCount() > 0,
                                 30'000);
        // Two rows of one organization and one of another.
        InvitationFilterModel *shown = m_window->filterModel();
        table()->sortByColumn(InvitationTableModel::Organization, Qt::AscendingOrder);
        QStringList chosen;
        QString firstOrg, secondOrg;
        for (int row = 0; row < shown->rowCount() && chosen.size() < 3; ++row) {
            const Invitation &inv = model->invitationAt(shown->mapToSource(shown->index(row, 0)).row());
            if (firstOrg.isEmpty())
                firstOrg = inv.organizationId;
            if (inv.organizationId == firstOrg && chosen.size() < 2) {
                chosen << inv.id;
            } else if (inv.organizationId != firstOrg && secondOrg.isEmpty()) {
                secondOrg = inv.organizationId;
                chosen << inv.id;
            }
        }
        QCOMPARE(chosen.size(), 3);
        table()->clearSelection();
        for (const QString &id : std::as_const(chosen))
            table()->selectionModel()->select(shown->mapFromSource(model->index(model->rowOf(id), 0)),
                                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
        Prompts::RevokeRequest asked;
        m_prompts.onConfirmRevoke = [&asked](const Prompts::RevokeRequest &request) {
            asked = request;
            return Prompts::RevokeAnswer{true, u"SUP-42"_s};
        };
        trigger("actionRevoke");
        QCOMPARE(asked.count, 3);
        QVERIFY2(asked.scope.contains(u"2 organization"_s), qPrintable(asked.scope));
        QCOMPARE(asked.lines.size(), 5); // two headings, three rows
        QVERIFY2(asked.lines.at(0).contains(u"2 invitation"_s), qPrintable(asked.lines.join(u'\n')));
        QVERIFY(asked.lines.at(1).startsWith(u"    "_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isRevoking() && posts() == 3, 20'000);
        for (const QString &id : std::as_const(chosen))
            QCOMPARE(model->revokeState(id), RevokeState::Revoked);
        // The audit log has each under its own organization.
        QFile log(m_window->invitations()->auditLogPath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        int outcomes = 0;
        for (const QByteArray &line : log.readAll().split('\n')) {
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            if (record.value("event"_L1).toString() != "outcome"_L1)
                continue;
            const QString id = record.value("invitation_id"_L1).toString();
            if (!chosen.contains(id))
                continue;
            ++outcomes;
            QCOMPARE(record.value("organization_id"_L1).toString(), model->invitationAt(model->rowOf(id)).organizationId);
            QCOMPARE(record.value("ticket"_L1).toString(), u"SUP-42"_s);
        }
        QCOMPARE(outcomes, 3);
        QVERIFY(m_window->invitations()->ticketSummary().contains(u"All organizations"_s));
    }

    void olderDuplicatesAreRevokedNewestKept()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"initech"_s, 41);
        QList<SandboxInvitation *> twins;
        QHash<QString, int> perEmail;
        SandboxOrganization *org = m_sandbox->store().organization(u"initech"_s);
        for (SandboxInvitation &inv : org->invitations) {
            if (inv.status == "pending"_L1)
                ++perEmail[inv.emailAddress];
        }
        for (SandboxInvitation &inv : org->invitations) {
            if (inv.status == "pending"_L1 && perEmail.value(inv.emailAddress) > 1)
                twins << &inv;
        }
        QCOMPARE(twins.size(), 2);
        auto *quick = m_window->findChild<QComboBox *>(u"quickFilterCombo"_s);
        const int duplicatesEntry = quick->findData(int(InvitationFilterModel::QuickFilter::Duplicates));
        QTRY_VERIFY(quick->itemText(duplicatesEntry).contains(u"(2)"_s));

        m_prompts.onConfirmRevoke = [](const Prompts::RevokeRequest &request) {
            return Prompts::RevokeAnswer{request.lines.size() == 1, {}};
        };
        trigger("actionRevokeDuplicates");
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isRevoking() && posts() == 1, 20'000);
        SandboxInvitation *older = twins[0]->createdAt < twins[1]->createdAt ? twins[0] : twins[1];
        SandboxInvitation *newer = older == twins[0] ? twins[1] : twins[0];
        QTRY_COMPARE(older->status, u"revoked"_s);
        QCOMPARE(newer->status, u"pending"_s);
    }

    void theStaleSweepIsAQuickFilterThenSelectAllAndRevoke()
    {
        // "Pending longer than N days", N the agent's and remembered: the CLI's sweep rule, in the window.
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"initech"_s, 41);
        auto *quick = m_window->findChild<QComboBox *>(u"quickFilterCombo"_s);
        auto *days = m_window->findChild<QSpinBox *>(u"staleDaysSpin"_s);
        QVERIFY(!days->isVisible()); // only with its filter
        const int entry = quick->findData(int(InvitationFilterModel::QuickFilter::PendingLongerThan));
        QVERIFY(entry >= 0);
        quick->setCurrentIndex(entry);
        Q_EMIT quick->activated(entry);
        QVERIFY(days->isVisible());
        QVERIFY(!days->accessibleName().isEmpty());
        days->setValue(10);
        const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - 10 * 24 * 3600'000LL;
        QStringList stale;
        for (const SandboxInvitation &inv : m_sandbox->store().organization(u"initech"_s)->invitations) {
            if (SandboxStore::effectiveStatus(inv, m_sandbox->now()) == "pending"_L1 && inv.createdAt < cutoff)
                stale << inv.id;
        }
        QVERIFY(stale.size() >= 5 && stale.size() < 41);
        QTRY_COMPARE(table()->model()->rowCount(), stale.size());
        QTRY_VERIFY2(quick->itemText(entry).contains(u"10 day"_s) && quick->itemText(entry).endsWith(u"(%1)"_s.arg(stale.size())),
                     qPrintable(quick->itemText(entry)));
        QCOMPARE(QSettings().value(u"filters/staleDays"_s).toInt(), 10);

        m_prompts.onConfirmRevoke = [](const Prompts::RevokeRequest &) { return Prompts::RevokeAnswer{true, {}}; };
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(table(), Qt::Key_Delete);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isRevoking() && posts() == int(stale.size()), 20'000);
        for (const SandboxInvitation &inv : m_sandbox->store().organization(u"initech"_s)->invitations)
            QCOMPARE(inv.status == "revoked"_L1 && inv.revokeCommits == 1, stale.contains(inv.id));
    }

    void aRoleHeldByPendingInvitationsIsUnblockedInTwoSteps()
    {
        // Clerk will not delete a role while pending invitations hold it: the quick filter lists them
        // per role, and Select All + Revoke clears them.
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"umbrella"_s, 22);
        QStringList viewers;
        for (const SandboxInvitation &inv : m_sandbox->store().organization(u"umbrella"_s)->invitations) {
            if (inv.status == "pending"_L1 && inv.role == "org:viewer"_L1)
                viewers << inv.id;
        }
        QVERIFY(viewers.size() >= 3);
        auto *quick = m_window->findChild<QComboBox *>(u"quickFilterCombo"_s);
        QTRY_VERIFY(quick->findData(u"org:viewer"_s) >= 0); // the counts follow the load, once it ends
        const int entry = quick->findData(u"org:viewer"_s);
        QVERIFY2(quick->itemText(entry).contains(u"Viewer (%1)"_s.arg(viewers.size())), qPrintable(quick->itemText(entry)));
        quick->setCurrentIndex(entry);
        Q_EMIT quick->activated(entry);
        QCOMPARE(table()->model()->rowCount(), viewers.size());

        m_prompts.onConfirmRevoke = [](const Prompts::RevokeRequest &) { return Prompts::RevokeAnswer{true, {}}; };
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(table(), Qt::Key_Delete);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isRevoking() && posts() == int(viewers.size()), 20'000);
        for (const SandboxInvitation &inv : m_sandbox->store().organization(u"umbrella"_s)->invitations)
            QVERIFY(!(inv.role == "org:viewer"_L1 && inv.status == "pending"_L1));
        // No pending invitation holds the role now: its entry goes, and the table shows all again.
        QTRY_VERIFY_WITH_TIMEOUT(quick->findData(u"org:viewer"_s) < 0, 5'000);
        QCOMPARE(quick->currentIndex(), 0);
        QCOMPARE(m_window->invitationModel()->rowCount(), table()->model()->rowCount());
    }

    void undoWindowSendsNothing()
    {
        QSettings().setValue(u"undo/test"_s, true);
        m_clock = std::make_unique<ManualClock>(); // the undo window is moved through, not waited out
        m_window->session()->setClock(m_clock.get());
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"initech"_s, 41);
        QCOMPARE(m_window->invitations()->undoSeconds(), 5); // what the agent gets
        m_prompts.confirmAll();
        table()->selectRow(0);
        const QString id = m_window->selectedInvitationIds().first();
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Delete);
        QVERIFY(m_window->invitations()->isHolding());
        QCOMPARE(m_window->invitationModel()->revokeState(id), RevokeState::Queued);
        auto *undo = m_window->findChild<QPushButton *>(u"undoButton"_s);
        QVERIFY(undo->isVisible());
        QTest::mouseClick(undo, Qt::LeftButton);
        QVERIFY(!m_window->invitations()->isHolding());
        QCOMPARE(m_window->invitationModel()->revokeState(id), RevokeState::Idle);
        m_clock->advance(std::chrono::seconds(10)); // past the window: still nothing starts
        QVERIFY(!m_window->invitations()->isRevoking());
        QCOMPARE(m_window->invitationModel()->revokeState(id), RevokeState::Idle);
        QCOMPARE(posts(), 0);

        // Without Undo, the revoke goes out once the window closes, and not a moment before.
        table()->selectRow(0);
        QTest::keyClick(table(), Qt::Key_Delete);
        QVERIFY(m_window->invitations()->isHolding());
        // The countdown the strip shows is the hold's own time, whole seconds rounded up, moved by its clock.
        auto *label = m_window->findChild<QLabel *>(u"revokeLabel"_s);
        auto *bar = m_window->findChild<QProgressBar *>(u"revokeProgress"_s);
        const auto shows = [&](int seconds) {
            return label->text().contains(u"in %1 s"_s.arg(seconds)) && bar->value() == 5 - seconds;
        };
        QVERIFY2(shows(5), qPrintable(label->text()));
        m_clock->advance(std::chrono::milliseconds(999));
        QVERIFY2(shows(5), qPrintable(label->text()));
        m_clock->advance(std::chrono::milliseconds(1));
        QVERIFY2(shows(4), qPrintable(label->text()));
        m_clock->advance(std::chrono::seconds(3) + std::chrono::milliseconds(500));
        QVERIFY2(shows(1), qPrintable(label->text()));
        m_clock->advance(std::chrono::milliseconds(499));
        QVERIFY(m_window->invitations()->isHolding());
        QVERIFY(!m_window->invitations()->isRevoking());
        m_clock->advance(std::chrono::milliseconds(1));
        QVERIFY(!m_window->invitations()->isHolding());
        QVERIFY(m_clock->runUntil([&] { return m_window->invitationModel()->revokeState(id) == RevokeState::Revoked; },
                                  20'000));
        QCOMPARE(posts(), 1); // the undone one sent nothing
    }

    void reinviteCreatesANewInvitation()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        m_window->openOrganization(u"initech"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->invitationModel()->rowCount() == 41, 20'000);
        QTRY_VERIFY(!m_window->invitations()->isLoading());
        // An earlier revoke run with a ticket: the re-invite must not inherit it.
        m_prompts.confirmAll(u"SUP-EARLIER"_s);
        int single = 0; // a row whose address has no second pending invitation
        while (m_window->invitationModel()->pendingDuplicates(
                   m_window->filterModel()->mapToSource(m_window->filterModel()->index(single, 0)).row())
               > 1)
            ++single;
        table()->selectRow(single);
        const QString revokedNow = m_window->selectedInvitationIds().first();
        trigger("actionRevoke");
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isRevoking() && posts() == 1, 20'000);
        auto *combo = m_window->findChild<QComboBox *>(u"statusFilterCombo"_s);
        combo->setCurrentIndex(combo->findData(int(InvitationStatus::Revoked)));
        QMetaObject::invokeMethod(combo, "activated", Q_ARG(int, combo->currentIndex()));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->invitationModel()->rowCount(), 7, 20'000);
        QTRY_VERIFY(!m_window->invitations()->isLoading());
        // The one just revoked (its address has no other pending invitation, so Clerk accepts a new one).
        const QModelIndex source = m_window->invitationModel()->index(m_window->invitationModel()->rowOf(revokedNow), 0);
        table()->selectRow(m_window->filterModel()->mapFromSource(source).row());
        const Invitation old = m_window->invitationModel()->invitationAt(
            m_window->invitationModel()->rowOf(m_window->selectedInvitationIds().first()));
        m_prompts.onConfirmReinvite = [](const Invitation &) { return Prompts::ReinviteAnswer{true, false, 7}; };
        QVERIFY(m_window->findChild<QAction *>(u"actionReinvite"_s)->isEnabled());
        trigger("actionReinvite");
        SandboxOrganization *org = m_sandbox->store().organization(u"initech"_s);
        QTRY_VERIFY_WITH_TIMEOUT(org->invitations.back().emailAddress == old.emailAddress
                                     && org->invitations.back().status == "pending"_L1,
                                 10'000);
        const SandboxInvitation &created = org->invitations.back();
        QVERIFY(created.id != old.id);
        QCOMPARE(created.role, old.role);
        QCOMPARE(created.publicMetadata, old.publicMetadata);
        const qint64 sevenDays = 7LL * 24 * 3600 * 1000;
        QVERIFY(qAbs(created.expiresAt - created.createdAt - sevenDays) < 1000);
        QCOMPARE(m_sandbox->store().invitation(org->id, old.id)->status, u"revoked"_s); // the old one stays
        QVERIFY(m_sandbox->requests().back().body.contains("\"notify\":false"));

        // Audited like a revoke: an intent before the create, an outcome after, with who and where.
        QJsonObject intent;
        QJsonObject outcome;
        QTRY_VERIFY([&] {
            QFile log(m_window->session()->auditLogPath());
            if (!log.open(QIODevice::ReadOnly))
                return false;
            while (!log.atEnd()) {
                const QJsonObject r = QJsonDocument::fromJson(log.readLine()).object();
                if (r.value("event"_L1) == "reinvite_intent"_L1 && r.value("invitation_id"_L1) == old.id)
                    intent = r;
                if (r.value("event"_L1) == "reinvite_outcome"_L1 && r.value("invitation_id"_L1) == old.id)
                    outcome = r;
            }
            return !outcome.isEmpty();
        }());
        QVERIFY(!intent.isEmpty());
        QVERIFY(intent.value("seq"_L1).toInt() < outcome.value("seq"_L1).toInt());
        QCOMPARE(outcome.value("op"_L1), intent.value("op"_L1));
        QCOMPARE(outcome.value("outcome"_L1).toString(), u"created"_s);
        QCOMPARE(outcome.value("new_invitation_id"_L1).toString(), created.id);
        for (const char *field : {"operator", "environment", "key_fingerprint", "api_host", "organization_id", "email"})
            QVERIFY2(!intent.value(QLatin1StringView(field)).toString().isEmpty(), field);
        QCOMPARE(intent.value("key_fingerprint"_L1).toString(), keyFingerprint(SandboxOptions::defaultProductionKey()));
        QVERIFY(!intent.contains("ticket"_L1) && !outcome.contains("ticket"_L1));
        QVERIFY(AuditLog::verify(m_window->session()->auditLogPath()).ok);
    }

    void aReinviteSentTwiceByQtIsStillReportedCreated()
    {
        // The create is carried out, the connection closes before any answer, Qt sends the POST again
        // and Clerk refuses the second as a duplicate: the first one worked, and that is what is reported.
        connectWith(SandboxOptions::defaultProductionKey());
        m_window->openOrganization(u"initech"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->invitationModel()->rowCount() == 41, 20'000);
        auto *combo = m_window->findChild<QComboBox *>(u"statusFilterCombo"_s);
        combo->setCurrentIndex(combo->findData(int(InvitationStatus::Expired)));
        QMetaObject::invokeMethod(combo, "activated", Q_ARG(int, combo->currentIndex()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->invitationModel()->rowCount() > 0 && !m_window->invitations()->isLoading(), 20'000);
        int row = 0;
        const auto pendingFor = [this](const QString &email) {
            int n = 0;
            for (const SandboxInvitation &inv : m_sandbox->store().organization(u"initech"_s)->invitations)
                n += inv.emailAddress.compare(email, Qt::CaseInsensitive) == 0
                     && SandboxStore::effectiveStatus(inv, m_sandbox->now()) == "pending"_L1;
            return n;
        };
        while (pendingFor(m_window->invitationModel()->invitationAt(
                   m_window->filterModel()->mapToSource(m_window->filterModel()->index(row, 0)).row()).emailAddress) > 0)
            ++row;
        table()->selectRow(row);
        const Invitation old = m_window->invitationModel()->invitationAt(
            m_window->invitationModel()->rowOf(m_window->selectedInvitationIds().first()));
        m_sandbox->addScriptedFault({ScriptedFault::Kind::CarryOutThenDrop, "POST", u"/invitations"_s, 1});
        m_prompts.onConfirmReinvite = [](const Invitation &) { return Prompts::ReinviteAnswer{true, false, 7}; };
        QSignalSpy created(m_window->invitations(), &InvitationsController::reinvited);
        QSignalSpy failed(m_window->invitations(), &InvitationsController::reinviteFailed);
        trigger("actionReinvite");
        QTRY_VERIFY_WITH_TIMEOUT(!created.isEmpty() || !failed.isEmpty(), 20'000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(pendingFor(old.emailAddress), 1);
        QVERIFY(m_prompts.warned.isEmpty());
    }

    void aRowKeepsLittleMetadataAndWhatNeedsMoreReadsItAgain()
    {
        // A server sends ~29 KiB of public metadata with every row (under the 32 KiB a row may carry): at
        // 100,000 rows the window would hold gigabytes. A row keeps at most Invitation::listedMetadataBytes
        // of it; the details pane and a re-invite (which copies it) read the invitation again.
        QJsonObject big;
        for (int i = 0; i < 280; ++i)
            big.insert(u"field%1"_s.arg(i, 3, 10, QChar(u'0')), QString(90, u'x'));
        const qsizetype bigBytes = QJsonDocument(big).toJson(QJsonDocument::Compact).size();
        QVERIFY(bigBytes > 28 * 1024 && bigBytes < 31 * 1024);
        SandboxOrganization *org = m_sandbox->store().organization(u"initech"_s);
        for (SandboxInvitation &inv : org->invitations)
            inv.publicMetadata = big;
        connectWith(SandboxOptions::defaultProductionKey());
        m_window->openOrganization(u"initech"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->invitationModel()->rowCount() == 41, 20'000);
        QTRY_VERIFY(!m_window->invitations()->isLoading());
        auto *combo = m_window->findChild<QComboBox *>(u"statusFilterCombo"_s);
        combo->setCurrentIndex(combo->findData(int(InvitationStatus::Expired)));
        QMetaObject::invokeMethod(combo, "activated", Q_ARG(int, combo->currentIndex()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->invitationModel()->rowCount() > 0 && !m_window->invitations()->isLoading(), 20'000);
        const InvitationTableModel *model = m_window->invitationModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            const Invitation &kept = model->invitationAt(row);
            QVERIFY(QJsonDocument(kept.publicMetadata).toJson(QJsonDocument::Compact).size() <= Invitation::listedMetadataBytes);
            QVERIFY(!kept.privateMetadata);
            QVERIFY(kept.metadataCut);
        }

        // A row whose address has no pending invitation (so Clerk accepts a new one).
        int row = 0;
        const auto pendingFor = [this](const QString &email) {
            int n = 0;
            for (const SandboxInvitation &inv : m_sandbox->store().organization(u"initech"_s)->invitations)
                n += inv.emailAddress.compare(email, Qt::CaseInsensitive) == 0
                     && SandboxStore::effectiveStatus(inv, m_sandbox->now()) == "pending"_L1;
            return n;
        };
        while (pendingFor(model->invitationAt(m_window->filterModel()->mapToSource(m_window->filterModel()->index(row, 0)).row())
                              .emailAddress)
               > 0)
            ++row;
        table()->setFocus();
        table()->selectRow(row);
        const Invitation old = model->invitationAt(model->rowOf(m_window->selectedInvitationIds().first()));

        // The details pane shows the whole metadata, read again.
        QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier); // View → Invitation Details
        auto *details = m_window->findChild<QWidget *>(u"invitationDetails"_s);
        QTRY_VERIFY(details->isVisible());
        auto *text = details->findChild<QTextBrowser *>(u"detailsText"_s);
        QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(u"field279"_s), 10'000);

        // A re-invite copies all of it.
        m_prompts.onConfirmReinvite = [](const Invitation &) { return Prompts::ReinviteAnswer{true, false, 7}; };
        QSignalSpy created(m_window->invitations(), &InvitationsController::reinvited);
        QSignalSpy failed(m_window->invitations(), &InvitationsController::reinviteFailed);
        trigger("actionReinvite");
        QTRY_VERIFY_WITH_TIMEOUT(!created.isEmpty() || !failed.isEmpty(), 20'000);
        QCOMPARE(failed.size(), 0);
        const SandboxInvitation &made = m_sandbox->store().organization(u"initech"_s)->invitations.back();
        QCOMPARE(made.emailAddress, old.emailAddress);
        QVERIFY(made.id != old.id);
        QCOMPARE(made.publicMetadata, big);
    }

    void reloadingDuringALoadIsNotACancel()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        m_sandbox->setFaults({150}); // slow enough to reload in the middle
        QSignalSpy cancelled(m_window->invitations(), &InvitationsController::loadCancelled);
        QSignalSpy finished(m_window->invitations(), &InvitationsController::loadFinished);
        m_window->openOrganization(u"globex"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->invitations()->isLoading(), 10'000);
        m_window->invitations()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
        QCOMPARE(cancelled.size(), 0); // the old load was replaced, not cancelled
        auto *label = m_window->findChild<QLabel *>(u"loadLabel"_s);
        QVERIFY2(!label->text().contains(u"cancelled"_s, Qt::CaseInsensitive), qPrintable(label->text()));
        QCOMPARE(m_window->invitationModel()->rowCount(), 1234);
    }

    void aCancelledLoadKeepsThePagesWaitingForTheTable()
    {
        // Pages go into the table in blocks. One page of globex's three never comes, so the load is still
        // running when the agent cancels; of the two that came, the second still waits for its block.
        connectWith(SandboxOptions::defaultProductionKey());
        m_window->invitations()->setArrivalInterval(std::chrono::seconds(60));
        m_sandbox->addScriptedFault({ScriptedFault::Kind::Stall, "GET", u"/invitations"_s, 1});
        QSignalSpy progress(m_window->invitations(), &InvitationsController::loadProgress);
        QSignalSpy cancelled(m_window->invitations(), &InvitationsController::loadCancelled);
        m_window->openOrganization(u"globex"_s);
        QTRY_COMPARE_WITH_TIMEOUT(progress.size(), 1, 10'000); // the first page that came, at once
        // The second comes, and waits: all three were asked for and only the stalled one is still out.
        ClerkClient *client = m_window->session()->client();
        QTRY_VERIFY_WITH_TIMEOUT(requestCount(*m_sandbox, "GET", u"/invitations"_s) >= 3 && client->callsInFlight() == 1,
                                 10'000);
        QCOMPARE(progress.size(), 1);
        m_window->invitations()->cancelLoad();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, 10'000);
        // 1,234 in pages of 500, 500 and 234: whichever one stalled, both others are shown.
        const int rows = m_window->invitationModel()->rowCount();
        QVERIFY2(rows == 734 || rows == 1000, qPrintable(QString::number(rows)));
        auto *label = m_window->findChild<QLabel *>(u"loadLabel"_s);
        QVERIFY2(label->text().contains(QLocale().toString(rows)), qPrintable(label->text()));
    }

    void theHeaderCountsOnOneBasisAndSaysWhenTheListIsCut()
    {
        // "41 invitations" (a revoked one among them) beside the seats line's "40 pending invitations" read as
        // two counts of one thing, and a load cancelled after 500 rows looked like the whole list.
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"initech"_s, 41);
        auto *header = m_window->findChild<QLabel *>(u"organizationLabel"_s);
        QTRY_VERIFY2(header->text().contains(u"41 pending invitation"_s), qPrintable(header->text()));
        QVERIFY2(!header->text().contains(u"incomplete"_s), qPrintable(header->text()));
        QVERIFY(revokeFirstRowByKeyboard());
        // The revoked row is still loaded, and no longer pending: both numbers, beside the seats line's own.
        QTRY_VERIFY2(header->text().contains(u"41 loaded · 40 pending"_s), qPrintable(header->text()));
        QVERIFY2(header->text().contains(u"40 pending invitation"_s), qPrintable(header->text()));

        // Cancelled midway (one page never answers): the rows shown are not all, and the header says so.
        m_sandbox->addScriptedFault({ScriptedFault::Kind::Stall, "GET", u"/invitations"_s, 1});
        m_window->openOrganization(u"globex"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->invitationModel()->rowCount() >= 500, 10'000);
        auto *cancel = m_window->findChild<QPushButton *>(u"cancelLoadButton"_s);
        QTRY_VERIFY(!cancel->isHidden());
        cancel->click();
        QTRY_VERIFY(!m_window->invitations()->isLoading());
        const int cut = m_window->invitationModel()->rowCount();
        QVERIFY(cut < 1'234);
        QTRY_VERIFY2(header->text().contains(u"incomplete — F5 loads all"_s), qPrintable(header->text()));
        QVERIFY2(header->text().contains(QLocale().toString(cut) + u" pending invitation"_s), qPrintable(header->text()));
        // The next load that reads everything takes the mark away.
        trigger("actionRefresh");
        QTRY_COMPARE_WITH_TIMEOUT(m_window->invitationModel()->rowCount(), 1'234, 20'000);
        QTRY_VERIFY(!m_window->invitations()->isLoading());
        QTRY_VERIFY2(header->text().contains(QLocale().toString(1'234) + u" pending invitation"_s), qPrintable(header->text()));
        QVERIFY2(!header->text().contains(u"incomplete"_s), qPrintable(header->text()));
        QCOMPARE(m_window->invitations()->listExtent(), InvitationListing::Extent::Whole);
    }

    void countsWhileLoadingDoNotLayTheWindowOutAgain()
    {
        // Rows arrive in blocks, and the load panel counts them. A label whose size can change makes Qt lay
        // the whole window out again on every new text (~6 ms with its word-wrapped labels, at every block);
        // the count is shown at a fixed size, and the header keeps its counts for the load's end.
        connectWith(SandboxOptions::defaultProductionKey());
        m_sandbox->addScriptedFault({ScriptedFault::Kind::Stall, "GET", u"/invitations"_s, 1}); // the load stays open
        InvitationsController *invitations = m_window->invitations();
        QSignalSpy progress(invitations, &InvitationsController::loadProgress);
        m_window->openOrganization(u"globex"_s);
        QTRY_VERIFY_WITH_TIMEOUT(progress.size() >= 1, 10'000);
        auto *header = m_window->findChild<QLabel *>(u"organizationLabel"_s);
        QTRY_VERIFY(header->text().contains(u"Globex"_s));
        auto rowsCounted = [&] { // "1,000 pending invitations" (not the seats line's "1,234 pending invitations")
            return header->text().contains(QLocale().toString(m_window->invitationModel()->rowCount()) + u" pending"_s);
        };
        QVERIFY2(!rowsCounted(), qPrintable(header->text())); // counted in the load panel meanwhile
        // 1,234 in pages of 500, 500 and 234, one of them stalled: the other two are in, and nothing more comes.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->invitationModel()->rowCount() == 734
                                     || m_window->invitationModel()->rowCount() == 1'000, 10'000);
        QVERIFY(!rowsCounted());
        // A layout request travels up one parent per delivery: deliver only those (no timer, no late block of
        // rows comes in between) until any the count set off has reached the window.
        const auto layOut = [] {
            for (int parent = 0; parent < 20; ++parent)
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        };
        // The first count sizes the label for the load's largest number, and the window around it.
        Q_EMIT invitations->loadProgress(2'499, 100'000);
        QCoreApplication::processEvents();
        layOut();
        LayoutRequests requests;
        m_window->installEventFilter(&requests);
        for (int loaded = 2; loaded <= 40; ++loaded) {
            Q_EMIT invitations->loadProgress(loaded * 2'499, 100'000); // 4,998 … 99,960: widths of every kind
            layOut();
        }
        m_window->removeEventFilter(&requests);
        QVERIFY2(requests.count == 0, qPrintable(QString::number(requests.count))); // then no count asks again
        auto *label = m_window->findChild<QLabel *>(u"loadLabel"_s);
        QVERIFY2(label->text().contains(QLocale().toString(99'960)), qPrintable(label->text()));
        QVERIFY2(label->width() >= label->sizeHint().width(), "the count fits its label");

        invitations->cancelLoad();
        QTRY_VERIFY2(rowsCounted(), qPrintable(header->text())); // the header's count, at the end
        QVERIFY(label->text().contains(u"cancelled"_s)); // a message gets its own size again
        QVERIFY(label->maximumWidth() > label->width());
    }

    void aBulkRevokeDoesNotLayTheWindowOutForEveryRevoke()
    {
        // Each settled revoke changes the panel's count and the header's seats; a new text of either laid
        // the whole window out again, about eight layouts a revoke (3 s of a 13 s run on the GUI thread).
        // The texts now follow a few times a second, the bar once a frame: on the session's clock, which
        // stands still during the run here, so each runs once at the start and then waits for its interval.
        m_clock = std::make_unique<ManualClock>();
        m_window->session()->setClock(m_clock.get());
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"globex"_s, 1'234);
        m_prompts.confirmAll(u"SUP-1"_s);
        table()->selectRow(0);
        const QModelIndex last = table()->model()->index(149, 0);
        table()->selectionModel()->select(QItemSelection(table()->model()->index(0, 0), last),
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy finished(m_window->invitations(), &InvitationsController::revokeFinished);
        LayoutRequests requests;
        m_window->installEventFilter(&requests);
        trigger("actionRevoke");
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60'000);
        m_window->removeEventFilter(&requests);
        QCOMPARE(finished.first().first().value<BulkSummary>().revoked, 150);
        // The start and the end, and each text once (155 when every revoke laid the window out), however
        // long the run took.
        QVERIFY2(requests.count <= 12, qPrintable(u"%1 layouts"_s.arg(requests.count)));
        // The header has the end's figures at once, and what the panel says at the end is not covered by a
        // count that comes late: the texts' intervals end, and what they owed runs.
        auto *header = m_window->findChild<QLabel *>(u"organizationLabel"_s);
        QVERIFY2(header->text().contains(QLocale().toString(1'234 - 150) + u" pending"_s), qPrintable(header->text()));
        m_clock->advance(std::chrono::seconds(1));
        auto *label = m_window->findChild<QLabel *>(u"revokeLabel"_s);
        QVERIFY2(!label->text().contains(u"Revoking:"_s), qPrintable(label->text()));
    }

    void aLogoutStopsARunAsGracefullyAsStopAndQuit()
    {
        // SIGTERM or SIGHUP mid-run (the app's handler calls endOnSignal): nothing new is sent, what is in
        // flight settles and is recorded, and the window closes without asking.
        FaultSettings slow;
        slow.latencyMs = 40;
        m_sandbox->setFaults(slow);
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"globex"_s, 1'234);
        m_prompts.confirmAll(u"SUP-1"_s);
        table()->selectionModel()->select(QItemSelection(table()->model()->index(0, 0), table()->model()->index(299, 0)),
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy finished(m_window->invitations(), &InvitationsController::revokeFinished);
        trigger("actionRevoke");
        QTRY_VERIFY_WITH_TIMEOUT(requestCount(*m_sandbox, "POST") >= 6, 20'000);
        m_window->endOnSignal();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 30'000);
        QCOMPARE(finished.size(), 1);
        const BulkSummary summary = finished.first().first().value<BulkSummary>();
        QVERIFY2(summary.cancelled > 0, qPrintable(summary.describe()));
        QCOMPARE(requestCount(*m_sandbox, "POST"), summary.total - summary.cancelled); // nothing sent after
        QVERIFY(m_prompts.asked.isEmpty()); // no "stop and quit?" question
        QVERIFY(AuditLog::unsettledIntents(AuditLog::defaultPath()).isEmpty()); // every intent settled
    }

    void theQuickFilterKeepsItsWidthWhenItsCountsChange()
    {
        // Its entries carry counts that change while loading and revoking; a width that followed them would
        // lay the window out again each time.
        auto *quick = m_window->findChild<QComboBox *>(u"quickFilterCombo"_s);
        const int before = quick->sizeHint().width();
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"globex"_s, 1'234);
        QTRY_VERIFY(quick->count() > 5); // counted, and an entry per role
        QVERIFY2(quick->itemText(1).contains(u'('), qPrintable(quick->itemText(1)));
        QCOMPARE(quick->sizeHint().width(), before);
    }

    void ticketSummaryIsRedacted()
    {
        connectWith(SandboxOptions::defaultProductionKey());
        openAndWait(u"initech"_s, 41);
        m_sandbox->addScriptedFault({ScriptedFault::Kind::RawAnswer, "POST", u"/revoke"_s, 1, 403, 1,
                                     R"({"errors":[{"code":"not_an_admin_in_organization","message":"m","long_message":"The requesting user is not an administrator."}],"clerk_trace_id":"trace-for-the-ticket"})"});
        m_prompts.confirmAll(u"SUP-5150"_s);
        table()->selectRow(0);
        table()->selectionModel()->select(table()->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        trigger("actionRevoke");
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->invitations()->isRevoking() && posts() >= 2, 20'000);
        QTRY_VERIFY(m_window->findChild<QAction *>(u"actionCopySummary"_s)->isEnabled());
        trigger("actionCopySummary");
        const QString text = QGuiApplication::clipboard()->text();
        QVERIFY2(text.contains(u"Initech"_s), qPrintable(text));
        QVERIFY(text.contains(u"SUP-5150"_s));
        QVERIFY(text.contains(u"trace-for-the-ticket"_s));
        QVERIFY(text.contains(u"1 revoked"_s));
        QVERIFY(!text.contains(u"sk_"_s));
        QVERIFY(!text.contains(u"accept-invitation"_s));
        QVERIFY(!text.contains(u"__clerk_ticket"_s));
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
