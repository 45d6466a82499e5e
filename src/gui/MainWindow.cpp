#include "gui/MainWindow.h"

#include "gui/teamaudit/TeamActivityPanel.h"
#include "gui/teamaudit/TeamAuditStatus.h"

#include "gui/Accessible.h"
#include "gui/ActivityModel.h"
#include "gui/HelpActions.h"
#include "gui/MessageBar.h"
#include "gui/OrganizationSearch.h"
#include "gui/OrganizationSearchField.h"
#include "gui/DialogPrompts.h"
#include "gui/connection/ConnectionController.h"
#include "gui/session/EnvironmentStyle.h"
#include "gui/connection/ProfileBar.h"
#include "gui/session/Session.h"
#include "gui/session/Settings.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "gui/invitations/InvitationsPage.h"
#include "ui_MainWindow.h"

#include <QtCore/QDateTime>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtGui/QScreen>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

namespace InviteDesk {

MainWindow::MainWindow(Prompts *prompts, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()),
      m_ownPrompts(prompts ? nullptr : std::make_unique<DialogPrompts>()), m_prompts(prompts ? prompts : m_ownPrompts.get()),
      m_session(std::make_unique<Session>()), m_model(std::make_unique<InvitationTableModel>()),
      m_activity(std::make_unique<ActivityModel>())
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/invitedesk.svg"_s));
    m_ui->environmentBanner->setMinimumWidth(fontMetrics().horizontalAdvance(u'x') * 24); // wraps when narrow
    setUpParts();
    setUpToolBar();
    setUpActions();
    // The table gets the room; the activity log starts as a strip along the bottom, a seventh of a short
    // screen (a laptop at 2× has 384 device-independent pixels).
    const int screenHeight = screen() ? screen()->availableGeometry().height() : 900;
    resizeDocks({m_ui->activityDock}, {std::max(m_ui->activityDock->minimumSizeHint().height(), std::min(screenHeight / 7, 140))},
                Qt::Vertical);
    restoreGeometry(Settings::windowGeometry.get());
    restoreState(Settings::windowState.get());
    ungroupClosedTeamActivity();
    fitToScreen();
    Settings::forgetRetired();
    m_ui->tablePage->restoreColumns(Settings::invitationColumns.get());
    onSessionChanged();

    // Relative times ("5 minutes ago") move on.
    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, this, [this] { m_model->setNow(QDateTime::currentMSecsSinceEpoch()); });
    clock->start(60'000);
}

MainWindow::~MainWindow()
{
    // ~QWidget closes the window, hiding the docks and toggling their actions: nothing may reach it then.
    disconnect(m_ui->teamActivityDock->toggleViewAction(), nullptr, this, nullptr);
    for (QDockWidget *dock : {m_ui->activityDock, m_ui->teamActivityDock})
        disconnect(dock, nullptr, this, nullptr);
    // Controllers refer to the session and the models; end them first.
    m_invitations.reset();
    m_search.reset();
    m_connections.reset();
    m_session.reset();
}

void MainWindow::setUpParts()
{
    m_connections = std::make_unique<ConnectionController>(m_session.get(), m_prompts, m_activity.get(), this);
    m_search = std::make_unique<OrganizationSearch>(m_session.get());
    m_invitations = std::make_unique<InvitationsController>(m_session.get(), m_model.get(), m_activity.get());
    InvitationsPage *page = m_ui->tablePage;
    page->setUp(m_session.get(), m_invitations.get(), m_model.get(), m_prompts);
    // The page's actions in the window's menus, among the window's own.
    const InvitationsPage::Actions &pageActions = page->actions();
    m_ui->menuFile->insertAction(m_ui->menuFile->actions().value(0), pageActions.exportCsv);
    m_ui->menuEdit->insertActions(m_ui->menuEdit->actions().value(0),
                                  {pageActions.copyEmail, pageActions.copyId, pageActions.copyLink});
    m_ui->menuEdit->insertAction(m_ui->actionFindOrganization, pageActions.find);
    m_ui->menuEdit->addAction(pageActions.copySummary);
    m_ui->menuInvitations->insertActions(m_ui->menuInvitations->actions().value(0),
                                         {pageActions.revoke, pageActions.revokeDuplicates,
                                          pageActions.revokeAllForAddress, pageActions.reinvite});
    m_ui->menuInvitations->addAction(pageActions.refresh);
    connect(page, &InvitationsPage::statusMessage, this, &MainWindow::showMessage);
    connect(page, &InvitationsPage::titleChanged, this, &MainWindow::updateTitle);
    connect(m_invitations.get(), &InvitationsController::organizationRefreshWanted, this,
            [this](const QString &id) { m_search->resolve(id, true); }); // with current counts

    // Problems that need the agent (a rejected key, an unreachable instance) go here, never into a dialog.
    m_messageBar = new MessageBar(m_ui->centralWidget);
    m_ui->centralLayout->insertWidget(1, m_messageBar);
    // The message bar's buttons carry the actions' icon texts, with letters free in the window.
    m_ui->actionEditProfile->setIconText(tr("&Update Profile"));
    m_retryConnection = new QAction(tr("&Retry"), this);
    m_retryConnection->setIconText(tr("Try Agai&n"));
    m_retryConnection->setToolTip(tr("Try to connect again"));
    connect(m_retryConnection, &QAction::triggered, m_connections.get(), &ConnectionController::testConnection);
    m_stopConnecting = new QAction(tr("&Stop Waiting"), this);
    m_stopConnecting->setIconText(tr("S&top Waiting"));
    m_stopConnecting->setToolTip(tr("Give up this connection attempt"));
    connect(m_stopConnecting, &QAction::triggered, m_connections.get(), &ConnectionController::stopConnecting);
    m_signInToProxy = new QAction(tr("&Sign In to Proxy…"), this);
    m_signInToProxy->setIconText(tr("Sign In to Prox&y"));
    connect(m_signInToProxy, &QAction::triggered, m_connections.get(), &ConnectionController::signInToProxy);
    connect(m_connections.get(), &ConnectionController::stateChanged, this, &MainWindow::onConnectionState);

    // A busy sign for every wait on Clerk that the table does not show itself, once it lasts 300 ms.
    auto *busy = new QWidget(this);
    auto *busyLayout = new QHBoxLayout(busy);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    auto *busyBar = new QProgressBar(busy);
    busyBar->setRange(0, 0);
    busyBar->setMaximumWidth(fontMetrics().horizontalAdvance(u'x') * 12);
    busyBar->setMaximumHeight(fontMetrics().height());
    busyBar->setTextVisible(false);
    busyBar->setAccessibleName(tr("Waiting for Clerk"));
    auto *busyLabel = new QLabel(busy);
    busyLabel->setObjectName(u"busyLabel"_s);
    busyLayout->addWidget(busyLabel);
    busyLayout->addWidget(busyBar);
    statusBar()->addPermanentWidget(busy);
    busy->hide();
    m_busySign = busy;
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(300);
    connect(&m_busyDelay, &QTimer::timeout, this, &MainWindow::updateBusySign);
    connect(m_search.get(), &OrganizationSearch::busyChanged, this, [this] { m_busyDelay.start(); updateBusySign(); });

    m_ui->activityView->setModel(m_activity.get());
    m_ui->activityView->header()->setStretchLastSection(true);
    // As wide as the widest time this locale writes ("12:58:58 PM" clipped its "PM" in ten letters' width).
    int timeWidth = 0;
    for (int hour : {0, 10, 12, 22})
        timeWidth = std::max(timeWidth, m_ui->activityView->fontMetrics().horizontalAdvance(
                                            ActivityModel::timeText(QDateTime(QDate(2026, 12, 28), QTime(hour, 58, 58)))));
    m_ui->activityView->header()->resizeSection(ActivityModel::Time,
                                                timeWidth + 2 * fontMetrics().horizontalAdvance(u'x') + m_ui->activityView->indentation());
    connect(m_activity.get(), &QAbstractItemModel::rowsInserted, m_ui->activityView, &QTreeView::scrollToBottom);
    // The latest line under the header at least, not a scroll area's default of 70 pixels: on a short
    // screen the table needs them more.
    m_ui->activityView->setMinimumHeight(m_ui->activityView->header()->sizeHint().height()
                                         + m_ui->activityView->fontMetrics().lineSpacing() + 4 + 2 * m_ui->activityView->frameWidth());

    connect(m_connections.get(), &ConnectionController::statusMessage, this, &MainWindow::showMessage);
    connect(m_session.get(), &Session::opened, this, &MainWindow::onSessionChanged);
    connect(m_session.get(), &Session::closed, this, &MainWindow::onSessionChanged);
    // Who did what across the team: beside the activity log, shown from the View menu.
    m_teamActivity = new TeamActivityPanel(m_prompts, m_ui->teamActivityContents);
    m_ui->teamActivityLayout->addWidget(m_teamActivity);
    m_ui->teamActivityDock->hide();
    connect(m_teamActivity, &TeamActivityPanel::statusMessage, this, &MainWindow::showMessage);
    // Opened from the View menu: a tab in front of the Activity tab, tall enough to read, ready for typing.
    // Closed, it leaves the tab group: a group of one would keep an empty tab bar that takes room and focus.
    // A dock behind another's tab is not drawn, yet Qt's Tab order still stops in it: what is not shown is
    // not enabled, so Tab (and a screen reader's walk) passes it by. (The dock's toggle action says
    // "closed" before the dock hides; its visibility says it after.)
    for (QDockWidget *dock : {m_ui->activityDock, m_ui->teamActivityDock}) {
        connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
            dock->widget()->setEnabled(visible);
            if (dock == m_ui->teamActivityDock && !visible)
                ungroupClosedTeamActivity();
        });
    }
    connect(m_ui->teamActivityDock->toggleViewAction(), &QAction::triggered, this, [this](bool shown) {
        if (!shown)
            return;
        if (!tabifiedDockWidgets(m_ui->activityDock).contains(m_ui->teamActivityDock) && m_ui->activityDock->isVisible())
            tabifyDockWidget(m_ui->activityDock, m_ui->teamActivityDock);
        m_ui->teamActivityDock->raise();
        m_teamActivity->setFocus(Qt::OtherFocusReason);
        // Once the dock is laid out (resizing it before would be undone by that layout).
        QTimer::singleShot(0, this, [this] {
            if (m_ui->teamActivityDock->height() < height() * 2 / 5)
                resizeDocks({m_ui->teamActivityDock}, {height() * 2 / 5}, Qt::Vertical);
        });
    });
    auto *teamAuditStatus = new TeamAuditStatus(this);
    statusBar()->addPermanentWidget(teamAuditStatus);
    connect(m_session.get(), &Session::teamAuditChanged, teamAuditStatus, &TeamAuditStatus::present);
    connect(teamAuditStatus, &TeamAuditStatus::needsAttention, this,
            [this](const QString &text) {
                m_messageBar->showMessage(MessageBar::Level::Warning, text);
                m_barShowsConnection = false;
            });

    connect(m_search.get(), &OrganizationSearch::organizationResolved, this, &MainWindow::onOrganizationResolved);
    connect(m_search.get(), &OrganizationSearch::notFound, this, [this](const QString &key) {
        m_activity->add(ActivityModel::Level::Warning, tr("No organization with the ID or slug \"%1\".").arg(key));
        showMessage(tr("No organization with the ID or slug \"%1\".").arg(key), 8000);
    });
    connect(m_search.get(), &OrganizationSearch::failed, this, [this](const ClerkError &error) {
        m_activity->addError(tr("Searching organizations"), error);
        showMessage(error.userMessage(), 8000);
        if (error.isUnauthorized())
            Q_EMIT m_invitations->unauthorized(error);
        if (error.needsProxyCredentials())
            Q_EMIT m_invitations->proxyAuthenticationRequired(error);
    });

    InvitationsController *inv = m_invitations.get();
    connect(inv, &InvitationsController::reinvited, this, [this](const Invitation &created) {
        showMessage(tr("New invitation %1 created for %2.").arg(created.id, created.emailAddress), 8000);
    });
    connect(inv, &InvitationsController::listDoubted, this, [this](const QString &text) {
        m_messageBar->showMessage(MessageBar::Level::Warning, text);
        m_barShowsConnection = false;
    });
    connect(inv, &InvitationsController::reinviteFailed, this, [this](const ClerkError &error) {
        // It answers late, while the agent may be typing: said in the window, not in a dialog.
        m_messageBar->showMessage(MessageBar::Level::Error, tr("Re-invite failed: %1").arg(error.oneLine()));
        m_barShowsConnection = false;
    });
    connect(inv, &InvitationsController::rateLimited, this, [this](qint64 waitMs) {
        showMessage(tr("Clerk's rate limit was reached; continuing in %n second(s).", nullptr, int((waitMs + 999) / 1000)),
                    int(waitMs) + 1000);
    });
    connect(inv, &InvitationsController::unauthorized, m_connections.get(), &ConnectionController::keyRejected);
    connect(inv, &InvitationsController::proxyAuthenticationRequired, m_connections.get(),
            &ConnectionController::proxyCredentialsNeeded);
}

void MainWindow::setUpToolBar()
{
    QToolBar *bar = m_ui->mainToolBar;
    bar->addWidget(new ProfileBar(m_session.get(), m_connections.get(), bar));
    bar->addSeparator();
    auto *search = new OrganizationSearchField(m_search.get(), bar);
    connect(search, &OrganizationSearchField::emailEntered, this, &MainWindow::searchEmail);
    connect(search, &OrganizationSearchField::instanceChosen, this, &MainWindow::showInstance);
    connect(search, &OrganizationSearchField::applicationChosen, this, &MainWindow::showApplication);
    connect(search, &OrganizationSearchField::recentWanted, this, &MainWindow::showRecentOrganizations);
    bar->addWidget(search);
    m_organizationEdit = search;
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_ui->tablePage->actions().refresh);
}

void MainWindow::setUpActions()
{
    // The toggles take their text from the titles; in the menu they need their own mnemonics.
    const std::pair<QAction *, QString> toggles[] = {{m_ui->activityDock->toggleViewAction(), tr("&Activity")},
                                                     {m_ui->teamActivityDock->toggleViewAction(), tr("&Team Activity")},
                                                     {m_ui->mainToolBar->toggleViewAction(), tr("&Main Toolbar")}};
    for (const auto &[toggle, text] : toggles) {
        toggle->setText(text);
        m_ui->menuView->addAction(toggle);
    }
    m_ui->menuView->addAction(m_ui->tablePage->actions().details);
    // Buttons Qt adds without a text: a screen reader needs a name for each.
    nameOverflowButton(m_ui->mainToolBar);
    nameDockButtons(m_ui->activityDock);
    nameDockButtons(m_ui->teamActivityDock);
    nameClearButton(m_organizationEdit);
    auto focusSearch = [this](const QString &hint) {
        m_ui->mainToolBar->show(); // the field lives there: a hidden toolbar would swallow the shortcut
        m_organizationEdit->setFocus(Qt::ShortcutFocusReason);
        m_organizationEdit->selectAll();
        if (!hint.isEmpty())
            showMessage(hint, 6000);
    };
    connect(m_ui->actionFindOrganization, &QAction::triggered, this, [focusSearch] { focusSearch({}); });
    connect(m_ui->actionFindByEmail, &QAction::triggered, this, [focusSearch] {
        focusSearch(tr("Type an email address and press Enter to see its invitations in every organization."));
    });
    connect(m_ui->actionAllOrganizations, &QAction::triggered, this, &MainWindow::showInstance);
    connect(m_ui->actionApplicationInvitations, &QAction::triggered, this, &MainWindow::showApplication);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionNewProfile, &QAction::triggered, m_connections.get(), &ConnectionController::newProfile);
    connect(m_ui->actionEditProfile, &QAction::triggered, m_connections.get(), &ConnectionController::editCurrent);
    connect(m_ui->actionDeleteProfile, &QAction::triggered, m_connections.get(), &ConnectionController::deleteCurrent);
    connect(m_ui->actionTestConnection, &QAction::triggered, m_connections.get(), &ConnectionController::testConnection);
    connect(m_ui->actionOpenAuditFolder, &QAction::triggered, this,
            [this] { HelpActions::openAuditFolder(this, m_prompts, m_session->auditLogPath()); });
    connect(m_ui->actionHoldRevokes, &QAction::toggled, this, [this](bool hold) {
        m_invitations->setUndoSeconds(hold ? 5 : 0);
        if (m_session->isOpen())
            m_connections->store().setHoldsRevokes(m_session->profile().id, hold);
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] { HelpActions::showAbout(this, m_session->auditLogPath()); });
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

} // namespace InviteDesk
