#include "gui/MainWindow.h"

#include "gui/teamaudit/TeamActivityPanel.h"

#include "gui/Accessible.h"
#include "gui/ActivityModel.h"
#include "gui/MessageBar.h"
#include "gui/OrganizationSearch.h"
#include "gui/DialogPrompts.h"
#include "gui/connection/ConnectionController.h"
#include "gui/session/EnvironmentStyle.h"
#include "gui/session/Settings.h"
#include "gui/invitations/InvitationsController.h"
#include "ui_MainWindow.h"

#include <QtGui/QCloseEvent>
#include <QtWidgets/QLineEdit>

using namespace Qt::StringLiterals;

// What the window shows and says as the session, the connection and the agent's choices change: the view, the title, the placeholder, the busy sign, the end.

namespace InviteDesk {

InvitationFilterModel *MainWindow::filterModel() const
{
    return m_ui->tablePage->filterModel();
}

QStringList MainWindow::selectedInvitationIds() const
{
    return m_ui->tablePage->selectedInvitationIds();
}

void MainWindow::showMessage(const QString &text, int timeoutMs)
{
    // What the agent's last action came to (an export, a re-invite, a load): said, not only shown.
    statusBar()->showMessage(text, timeoutMs);
    announce(statusBar(), text);
}

void MainWindow::endOnSignal()
{
    // A logout or `systemctl stop` (SIGTERM, SIGHUP): as the agent's own "stop and quit", without
    // asking — nothing new is sent, the requests in flight settle and are recorded, then the window goes.
    m_endingOnSignal = true;
    if (!m_invitations->isRevoking())
        return void(close());
    connect(m_invitations.get(), &InvitationsController::revokeFinished, this, [this] { close(); });
    m_invitations->cancelRevokes();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_invitations->isRevoking() && m_endingOnSignal) {
        m_invitations->cancelRevokes();
        return event->ignore(); // closed when the run has settled (endOnSignal)
    }
    if (m_invitations->isRevoking()) {
        const auto answer = m_prompts->ask(this, tr("Revoking in progress"),
                                           tr("Invitations are still being revoked. Stop after the requests in flight and quit?"),
                                           QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return event->ignore();
        m_invitations->cancelRevokes();
    }
    Settings::windowGeometry.set(saveGeometry());
    Settings::windowState.set(saveState());
    Settings::invitationColumns.set(m_ui->tablePage->saveColumns());
    event->accept();
}

void MainWindow::useTransientProfile(const ConnectionProfile &profile, const QString &secretKey)
{
    m_connections->addTransient(profile, secretKey);
    m_connections->activate(profile.id);
}

void MainWindow::restoreLastProfile()
{
    const QString last = m_connections->store().lastProfileId();
    if (!last.isEmpty())
        m_connections->activate(last);
}

void MainWindow::openOrganization(const QString &idOrSlug)
{
    if (m_session->isOpen())
        m_search->resolve(idOrSlug);
    else
        m_pendingOrganization = idOrSlug;
}

void MainWindow::onSessionChanged()
{
    m_teamActivity->setTarget(m_session->teamAudit() ? std::optional(m_session->teamAuditTarget()) : std::nullopt);
    const Session::Badge badge = m_session->badge();
    EnvironmentStyle::applyBanner(m_ui->environmentBanner, badge);
    m_ui->environmentBanner->setVisible(badge == Session::Badge::Live);
    if (badge == Session::Badge::Live)
        m_ui->environmentBanner->setText(tr("LIVE · PRODUCTION INSTANCE — changes affect real users"));
    m_organizationEdit->setEnabled(m_session->isOpen());
    m_organizationEdit->clear(); // the last profile's organization is not this one's
    m_ui->contentStack->setCurrentWidget(m_ui->placeholderPage);
    const bool editable = m_session->isOpen() && !m_session->profile().demo && !m_session->profile().keyFromEnvironment;
    m_ui->actionEditProfile->setEnabled(editable);
    m_ui->actionDeleteProfile->setEnabled(editable);
    m_ui->actionTestConnection->setEnabled(m_session->isOpen());
    m_ui->tablePage->updateActions();
    updateTitle();
    updatePlaceholder();
    if (!m_session->isOpen())
        return;
    const QString profileId = m_session->profile().id;
    // The undo window is on by default for production profiles.
    m_ui->actionHoldRevokes->setChecked(m_connections->store().holdsRevokes(profileId, badge == Session::Badge::Live));
    m_invitations->setUndoSeconds(m_ui->actionHoldRevokes->isChecked() ? 5 : 0);
    const QString target = std::exchange(m_pendingOrganization, {});
    if (!target.isEmpty() || !m_connections->store().lastOrganizationId(profileId).isEmpty())
        m_search->resolve(target.isEmpty() ? m_connections->store().lastOrganizationId(profileId) : target);
}

void MainWindow::showRecentOrganizations()
{
    if (!m_session->isOpen())
        return;
    QList<QPair<QString, QString>> recent;
    for (const RecentOrganization &r : m_connections->store().recentOrganizations(m_session->profile().id))
        recent.append({r.id, r.name});
    m_search->showRecent(recent); // "All organizations" first, then the recent ones
}

void MainWindow::onOrganizationResolved(const Organization &organization)
{
    if (!m_invitations->canChangeView())
        return showMessage(m_invitations->whyViewStays(), 6000);
    m_organizationEdit->setText(organization.name);
    m_organizationEdit->clearFocus();
    const bool same = m_invitations->organization().id == organization.id;
    m_ui->contentStack->setCurrentWidget(m_ui->tablePage);
    m_ui->tablePage->show(ListingScope::ofOrganization(organization, m_invitations->status()), same);
    m_connections->store().rememberOrganization(m_session->profile().id, organization);
    if (!same)
        m_activity->add(ActivityModel::Level::Info, tr("Opened %1.").arg(organization.name));
}

void MainWindow::searchEmail(const QString &email)
{
    if (showScope(ListingScope::ofAddress(email), email))
        m_activity->add(ActivityModel::Level::Info, tr("Searching every organization for %1.").arg(email));
}

void MainWindow::onConnectionState()
{
    if (m_connections->state() == ConnectionController::State::Failed) {
        QList<QAction *> actions{m_retryConnection};
        if (m_connections->problemKind() == ConnectionController::Problem::Proxy)
            actions.prepend(m_signInToProxy);
        else if (m_ui->actionEditProfile->isEnabled())
            actions.prepend(m_ui->actionEditProfile);
        m_messageBar->showMessage(MessageBar::Level::Error, m_connections->problem(), actions);
        m_barShowsConnection = true;
    } else if (m_connections->isSlow()) {
        QList<QAction *> actions{m_stopConnecting};
        if (m_ui->actionEditProfile->isEnabled())
            actions.append(m_ui->actionEditProfile);
        m_messageBar->showMessage(MessageBar::Level::Warning, m_connections->slowText(), actions);
        m_barShowsConnection = true;
    } else if (m_barShowsConnection) { // only its own message: not the team store's, nor a failed re-invite
        m_messageBar->hide();
        m_barShowsConnection = false;
    }
    updatePlaceholder();
    m_busyDelay.start();
    updateBusySign();
}

void MainWindow::updatePlaceholder()
{
    // What the empty page says follows the session and the connection: one place decides it.
    QString text;
    if (!m_session->isOpen())
        text = tr("<p style='font-size:large'>Not connected.</p><p>Choose a profile in the toolbar, or create one with "
                  "Connection → New Profile…</p>");
    else if (m_connections->state() == ConnectionController::State::Failed)
        text = tr("<p style='font-size:large'>Not connected.</p><p>The strip above and the Activity panel say why, and what to do.</p>");
    else if (m_connections->state() == ConnectionController::State::Connecting)
        text = tr("<p style='font-size:large'>Connecting to %1…</p>").arg(m_session->profile().apiUrl.toDisplayString().toHtmlEscaped());
    else
        text = tr("<p style='font-size:large'>Find an organization to see its invitations.</p>"
                  "<p>Type a name, slug or ID in the search field above (Ctrl+L),<br>"
                  "or paste an organization ID and press Enter.</p>");
    m_ui->placeholderLabel->setText(text);
}

void MainWindow::updateBusySign()
{
    QString what;
    if (m_connections->state() == ConnectionController::State::Connecting)
        what = tr("Connecting to Clerk…");
    else if (m_search->isBusy())
        what = tr("Searching organizations…");
    // Shown only once the wait has lasted the delay; hidden at once when it ends.
    m_busySign->findChild<QLabel *>(u"busyLabel"_s)->setText(what);
    if (what.isEmpty() || m_busyDelay.isActive()) {
        if (what.isEmpty())
            m_busySign->hide();
        return;
    }
    if (!m_busySign->isVisible())
        announce(m_busySign, what);
    m_busySign->show();
}

void MainWindow::ungroupClosedTeamActivity()
{
    if (!m_ui->teamActivityDock->isHidden())
        return;
    if (tabifiedDockWidgets(m_ui->activityDock).contains(m_ui->teamActivityDock))
        addDockWidget(Qt::BottomDockWidgetArea, m_ui->teamActivityDock); // stays hidden
    // Alone again, the Activity log is in front, and Qt does not say so (no tab changed).
    m_ui->activityDock->widget()->setEnabled(true); // hidden, if closed too: Tab passes it by then anyway
}

void MainWindow::fitToScreen()
{
    const QScreen *here = screen();
    if (!here)
        return;
    const QRect available = here->availableGeometry();
    // Room for the window frame, which is not known before the window is shown.
    const QSize room = available.size() - QSize(16, 32);
    if (width() > room.width() || height() > room.height())
        resize(size().boundedTo(room).expandedTo(minimumSizeHint().boundedTo(room)));
    if (!available.contains(geometry().topLeft()))
        move(available.topLeft());
}

void MainWindow::showInstance()
{
    if (showScope(ListingScope::ofInstance(m_invitations->status()), OrganizationSearch::instanceName()))
        m_activity->add(ActivityModel::Level::Info, tr("Loading the invitations of every organization."));
}

void MainWindow::showApplication()
{
    if (showScope(ListingScope::ofApplication(m_invitations->status()), OrganizationSearch::applicationName()))
        m_activity->add(ActivityModel::Level::Info, tr("Loading the instance's application invitations."));
}

bool MainWindow::showScope(const ListingScope &scope, const QString &fieldText)
{
    if (!m_session->isOpen())
        return false;
    if (!m_invitations->canChangeView()) {
        showMessage(m_invitations->whyViewStays(), 6000);
        return false;
    }
    m_organizationEdit->setText(fieldText);
    if (scope.kind() != ListingScope::Kind::EmailAddress)
        m_organizationEdit->clearFocus();
    m_ui->contentStack->setCurrentWidget(m_ui->tablePage);
    m_ui->tablePage->show(scope);
    return true;
}

void MainWindow::updateTitle()
{
    // Qt adds the application's display name ("… — InviteDesk") where the platform shows titles; a title
    // naming it as well read "Acme — InviteDesk [Production] — InviteDesk".
    const QString shown = m_ui->contentStack->currentWidget() == m_ui->tablePage ? m_ui->tablePage->title() : QString();
    setWindowTitle(shown.isEmpty() ? u"InviteDesk"_s : tr("%1 [%2]").arg(shown, Session::badgeText(m_session->badge())));
}

} // namespace InviteDesk
