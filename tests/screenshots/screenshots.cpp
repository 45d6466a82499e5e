// Renders the main views in demo mode to PNG files (QWidget::grab), for the README and for review.
// Run it under Xvfb for real fonts: tests/screenshots/take.sh

#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "gui/MainWindow.h"
#include "support/ScriptedPrompts.h"
#include "gui/invitations/InvitationFilterModel.h"
#include "gui/connection/ProfileDialog.h"
#include "gui/invitations/ReinviteDialog.h"
#include "gui/invitations/RevokeDialog.h"
#include "gui/session/Session.h"
#include "gui/Translations.h"
#include "sandbox/ClerkSandbox.h"

#include <QtCore/QDir>
#include <QtCore/QStandardPaths>
#include <QtCore/QTimer>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTextBrowser>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

namespace {
bool save(QWidget *widget, const QString &path)
{
    QApplication::processEvents();
    const bool ok = widget->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}
} // namespace

int main(int argc, char *argv[])
{
    QStandardPaths::setTestModeEnabled(true); // keep the real settings and audit log untouched
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"InviteDeskScreenshots"_s);
    installTranslations();
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : u"docs/screenshots"_s;
    QDir().mkpath(out);

    Sandbox::ClerkSandbox sandbox;
    sandbox.listen();

    Testing::ScriptedPrompts prompts;
    MainWindow window{&prompts};
    window.resize(1280, 760);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    ConnectionProfile demo;
    demo.id = u"demo"_s;
    demo.name = u"Demo sandbox"_s;
    demo.apiUrl = sandbox.apiUrl();
    demo.demo = true;
    window.openOrganization(u"acme"_s);
    window.useTransientProfile(demo, Sandbox::SandboxOptions::defaultProductionKey());
    if (!QTest::qWaitFor([&] { return window.invitationModel()->rowCount() == 10'000 && !window.invitations()->isLoading(); },
                         30'000))
        return 2;

    // A revoke of four rows where one is refused, so the summary and a failed row show.
    auto *table = window.findChild<QTableView *>(u"invitationsView"_s);
    table->selectRow(1);
    for (int row : {2, 4, 5})
        table->selectionModel()->select(table->model()->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    sandbox.addScriptedFault({Sandbox::ScriptedFault::Kind::RawAnswer, "POST", u"/revoke"_s, 1, 403, 1,
                              R"({"errors":[{"code":"not_an_admin_in_organization","message":"not an admin","long_message":"The requesting user is not an administrator in the organization."}],"clerk_trace_id":"7f3a9c2e41b84d0f"})"});
    prompts.confirmAll(u"SUP-1042"_s);
    QMetaObject::invokeMethod(window.findChild<QAction *>(u"actionRevoke"_s), &QAction::trigger);
    if (!QTest::qWaitFor([&] { return !window.invitations()->isRevoking(); }, 30'000))
        return 3;
    table->clearSelection();
    table->scrollToTop();
    bool ok = save(&window, out + u"/main-window.png"_s);

    // The details of the refused row: its reason with Clerk's trace ID, and its history in the audit log.
    table->setCurrentIndex(table->model()->index(1, 0));
    auto *details = window.findChild<QAction *>(u"actionShowDetails"_s);
    details->setChecked(true);
    auto *detailsText = window.findChild<QTextBrowser *>(u"detailsText"_s);
    if (!QTest::qWaitFor([&] { return detailsText && detailsText->toPlainText().contains(u"SUP-1042"_s); }, 10'000))
        return 11;
    ok = save(&window, out + u"/details-pane.png"_s) && ok;
    details->setChecked(false);

    // The undo window: three confirmed revokes held for five seconds.
    window.invitations()->setUndoSeconds(5);
    table->selectRow(8);
    for (int row : {9, 11})
        table->selectionModel()->select(table->model()->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QMetaObject::invokeMethod(window.findChild<QAction *>(u"actionRevoke"_s), &QAction::trigger);
    auto *countdown = window.findChild<QProgressBar *>(u"revokeProgress"_s); // its first second gone
    if (!countdown || !QTest::qWaitFor([&] { return window.invitations()->isHolding() && countdown->value() >= 1; }, 10'000))
        return 12;
    table->clearSelection();
    ok = save(&window, out + u"/undo-window.png"_s) && ok;
    window.invitations()->undoHeldRevokes();
    window.invitations()->setUndoSeconds(0);

    Organization acme = window.invitations()->organization();
    QStringList emails;
    for (int row = 10; row < 18; ++row)
        emails << window.invitationModel()->invitationAt(row).emailAddress;
    RevokeDialog live(Prompts::RevokeRequest{Session::Badge::Live, u"in %1 (%2)"_s.arg(acme.name, acme.slug), acme.slug, emails,
                                             int(emails.size())},
                      &window);
    live.show();
    ok = save(&live, out + u"/revoke-dialog-live.png"_s) && ok;
    live.hide();

    // Duplicates in Initech, with the quick filter on.
    window.openOrganization(u"initech"_s);
    if (!QTest::qWaitFor([&] { return window.invitations()->organization().slug == "initech"_L1
                                      && !window.invitations()->isLoading() && window.invitationModel()->rowCount() > 0; },
                         30'000))
        return 5;
    auto *quick = window.findChild<QComboBox *>(u"quickFilterCombo"_s);
    auto *rows = qobject_cast<InvitationFilterModel *>(table->model());
    if (!rows)
        return 13;
    // The quick filter's entries are rebuilt a moment after a load: wait until they tell this list's counts
    // (until then they tell the list before's).
    const auto entriesCounted = [&] {
        using QuickFilter = InvitationFilterModel::QuickFilter;
        const auto tells = [&](int index, int count) {
            return index >= 0 && quick->itemText(index).endsWith(u"(%1)"_s.arg(QLocale().toString(count)));
        };
        for (QuickFilter filter : {QuickFilter::Within24Hours, QuickFilter::Within7Days, QuickFilter::Expired,
                                   QuickFilter::Duplicates, QuickFilter::PendingLongerThan}) {
            if (!tells(quick->findData(int(filter)), rows->countMatching(filter)))
                return false;
        }
        const QList<InvitationFilterModel::RoleCount> roles = rows->pendingRoles();
        int roleEntries = 0;
        for (int i = 0; i < quick->count(); ++i)
            roleEntries += quick->itemData(i).typeId() == QMetaType::QString ? 1 : 0; // a role's carries its key
        if (roleEntries != roles.size())
            return false;
        return std::all_of(roles.begin(), roles.end(),
                           [&](const auto &role) { return tells(quick->findData(role.key), role.pending); });
    };
    if (!QTest::qWaitFor([&] { return entriesCounted() && rows->countMatching(InvitationFilterModel::QuickFilter::Duplicates) > 0; },
                         10'000))
        return 14;
    quick->setCurrentIndex(quick->findData(int(InvitationFilterModel::QuickFilter::Duplicates)));
    Q_EMIT quick->activated(quick->currentIndex());
    ok = save(&window, out + u"/duplicates.png"_s) && ok;
    quick->setCurrentIndex(0);
    Q_EMIT quick->activated(0);

    // Every invitation of one address across the instance: five organizations' and its sign-up invitation.
    window.searchEmail(u"sam.contractor@freelance.example"_s);
    if (!QTest::qWaitFor([&] { return !window.invitations()->isLoading() && window.invitationModel()->rowCount() == 6; },
                         30'000))
        return 6;
    ok = save(&window, out + u"/email-search.png"_s) && ok;

    // The whole instance: every pending invitation, with its organization, sorted by organization.
    window.showInstance();
    if (!QTest::qWaitFor([&] { return (window.invitations()->scope().kind() == ListingScope::Kind::Instance) && !window.invitations()->isLoading()
                                      && window.invitationModel()->rowCount() > 0; },
                         120'000))
        return 9;
    table->sortByColumn(InvitationTableModel::Organization, Qt::DescendingOrder);
    if (!QTest::qWaitFor([&] { return !rows->isWorking(); }, 30'000)) // a large list sorts on a worker thread
        return 15;
    ok = save(&window, out + u"/instance-view.png"_s) && ok;

    // An organization at its membership limit because of pending invitations, with the role quick filter on.
    window.openOrganization(u"umbrella"_s);
    if (!QTest::qWaitFor([&] { return window.invitations()->organization().slug == "umbrella"_L1
                                      && !window.invitations()->isLoading() && window.invitationModel()->rowCount() > 0; },
                         30'000))
        return 10;
    if (!QTest::qWaitFor([&] { return entriesCounted() && !rows->pendingRoles().isEmpty(); }, 10'000))
        return 16;
    const int role = quick->findData(rows->pendingRoles().constFirst().key);
    quick->setCurrentIndex(role);
    Q_EMIT quick->activated(role);
    if (!QTest::qWaitFor([&] { return !rows->role().isEmpty() && !rows->isWorking(); }, 10'000))
        return 17;
    ok = save(&window, out + u"/seats-and-role-filter.png"_s) && ok;
    quick->setCurrentIndex(0);
    Q_EMIT quick->activated(0);

    const Invitation revoked = [&] {
        for (int row = 0; row < window.invitationModel()->rowCount(); ++row) {
            if (window.invitationModel()->invitationAt(row).status == InvitationStatus::Revoked)
                return window.invitationModel()->invitationAt(row);
        }
        return window.invitationModel()->invitationAt(0);
    }();
    ReinviteDialog reinvite(Session::Badge::Live, revoked,
                            revoked.organization ? revoked.organization->name : QString(), &window);
    reinvite.show();
    ok = save(&reinvite, out + u"/reinvite-dialog.png"_s) && ok;
    reinvite.hide();

    ConnectionProfile production;
    production.name = u"Acme production"_s;
    production.actingUserId = u"user_2xK9mQ4pLr7TzW1nB8cV3sD6fGh"_s;
    ProfileDialog profileDialog(production, SecretStore::Kept::InKeychain, &window);
    profileDialog.show();
    ok = save(&profileDialog, out + u"/profile-dialog.png"_s) && ok;
    return ok ? 0 : 4;
}
