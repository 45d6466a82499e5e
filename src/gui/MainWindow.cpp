#include "gui/MainWindow.h"

#include "core/audit/AuditLog.h"
#include "core/util/Csv.h"
#include "gui/ActivityModel.h"
#include "gui/ConnectionController.h"
#include "gui/EnvironmentStyle.h"
#include "gui/InvitationFilterModel.h"
#include "gui/InvitationTableModel.h"
#include "gui/InvitationsController.h"
#include "gui/OrganizationSearch.h"
#include "gui/ReinviteDialog.h"
#include "gui/ProgressLater.h"
#include "gui/RevokePanel.h"
#include "gui/RevokeDialog.h"
#include "gui/Session.h"
#include "invitedesk/Version.h"
#include "ui_MainWindow.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QSaveFile>
#include <QtCore/QSet>
#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QClipboard>
#include <QtGui/QCloseEvent>
#include <QtGui/QDesktopServices>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
constexpr int statusAll = -1;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_session(std::make_unique<Session>()),
      m_model(std::make_unique<InvitationTableModel>()), m_proxy(std::make_unique<InvitationFilterModel>()),
      m_activity(std::make_unique<ActivityModel>())
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/invitedesk.svg"_s));
    m_proxy->setSourceModel(m_model.get());
    setupControllers();
    setupToolBar();
    setupTable();
    setupActions();
    // The table gets the room; the activity log starts as a strip along the bottom.
    resizeDocks({m_ui->activityDock}, {140}, Qt::Vertical);
    restoreSettings();
    refreshProfiles();
    onSessionChanged();

    // Relative times ("5 minutes ago") move on.
    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, this, [this] { m_model->setNow(QDateTime::currentMSecsSinceEpoch()); });
    clock->start(60'000);
}

MainWindow::~MainWindow()
{
    // Controllers refer to the session and the models; end them first.
    m_invitations.reset();
    m_search.reset();
    m_connections.reset();
    m_session.reset();
}

void MainWindow::setupControllers()
{
    m_connections = std::make_unique<ConnectionController>(m_session.get(), this);
    m_search = std::make_unique<OrganizationSearch>(m_session.get());
    m_invitations = std::make_unique<InvitationsController>(m_session.get(), m_model.get(), m_activity.get());

    connect(m_connections.get(), &ConnectionController::profilesChanged, this, &MainWindow::refreshProfiles);
    connect(m_connections.get(), &ConnectionController::notice, this,
            [this](const QString &text) { m_activity->add(ActivityModel::Level::Warning, text); });
    connect(m_session.get(), &Session::opened, this, &MainWindow::onSessionChanged);
    connect(m_session.get(), &Session::closed, this, &MainWindow::onSessionChanged);

    connect(m_search.get(), &OrganizationSearch::organizationResolved, this, &MainWindow::onOrganizationResolved);
    connect(m_search.get(), &OrganizationSearch::notFound, this, [this](const QString &key) {
        m_activity->add(ActivityModel::Level::Warning, tr("No organization with the ID or slug \"%1\".").arg(key));
        statusBar()->showMessage(tr("No organization with the ID or slug \"%1\".").arg(key), 8000);
    });
    connect(m_search.get(), &OrganizationSearch::failed, this, [this](const ClerkError &error) {
        m_activity->addError(tr("Searching organizations"), error);
        statusBar()->showMessage(error.userMessage(), 8000);
        if (error.isUnauthorized())
            Q_EMIT m_invitations->unauthorized(error);
    });

    InvitationsController *inv = m_invitations.get();
    // While pages arrive, rows are appended unsorted in one block per page and the view is sorted once per
    // batch of pages: a sorting proxy would otherwise insert each of 500 rows into the view on its own.
    m_resortTimer.setSingleShot(true);
    m_resortTimer.setInterval(150);
    connect(&m_resortTimer, &QTimer::timeout, this, [this] {
        const QHeaderView *header = m_ui->invitationsView->horizontalHeader();
        m_proxy->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    });
    auto sortAgain = [this] {
        m_resortTimer.stop();
        m_proxy->setDynamicSortFilter(true);
        const QHeaderView *header = m_ui->invitationsView->horizontalHeader();
        m_proxy->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    };
    connect(inv, &InvitationsController::loadFinished, this, sortAgain);
    connect(inv, &InvitationsController::loadFailed, this, sortAgain);
    connect(inv, &InvitationsController::loadCancelled, this, sortAgain);
    connect(inv, &InvitationsController::loadProgress, this, [this] {
        if (!m_proxy->dynamicSortFilter() && !m_resortTimer.isActive())
            m_resortTimer.start();
    });
    connect(inv, &InvitationsController::loadStarted, this, [this] {
        m_proxy->setDynamicSortFilter(false);
        m_ui->loadPanel->show();
        m_ui->loadProgress->setRange(0, 0);
        m_ui->loadLabel->setText(tr("Loading invitations…"));
        m_ui->cancelLoadButton->show();
        updateActions();
    });
    connect(inv, &InvitationsController::loadProgress, this, [this](int loaded, qint64 total) {
        m_ui->loadProgress->setRange(0, int(std::max<qint64>(total, 1)));
        setProgressLater(m_ui->loadProgress, loaded);
        m_ui->loadLabel->setText(tr("Loaded %1 of %2").arg(QLocale().toString(loaded), QLocale().toString(total)));
    });
    connect(inv, &InvitationsController::loadFinished, this, [this](int count) {
        m_ui->loadPanel->hide();
        statusBar()->showMessage(tr("%Ln invitation(s) loaded.", nullptr, count), 5000);
        m_countsTimer.start(); // in its own event: the last page's event already sorts everything
        updateActions();
    });
    connect(inv, &InvitationsController::loadCancelled, this, [this] {
        m_ui->loadProgress->setRange(0, 1);
        m_ui->loadLabel->setText(tr("Loading cancelled: %1 shown. Press F5 to load everything.")
                                     .arg(QLocale().toString(m_model->rowCount())));
        m_ui->cancelLoadButton->hide();
        m_countsTimer.start();
        updateActions();
    });
    connect(inv, &InvitationsController::loadFailed, this, [this](const ClerkError &error) {
        m_ui->loadProgress->setRange(0, 1);
        m_ui->loadLabel->setText(tr("Loading failed: %1 Press F5 to try again.").arg(error.userMessage()));
        m_ui->cancelLoadButton->hide();
        updateActions();
    });
    m_revokePanel = std::make_unique<RevokePanel>(
        RevokePanel::Widgets{m_ui->revokePanel, m_ui->revokeLabel, m_ui->revokeProgress, m_ui->pauseButton,
                             m_ui->cancelRevokeButton, m_ui->retryFailedButton, m_ui->closeRevokePanelButton,
                             m_ui->undoButton, m_ui->sendNowButton, m_ui->copySummaryButton},
        inv);
    connect(m_revokePanel.get(), &RevokePanel::changed, this, &MainWindow::updateActions);
    connect(m_revokePanel.get(), &RevokePanel::finished, this,
            [this](const QString &summary) { statusBar()->showMessage(summary, 10000); });
    connect(inv, &InvitationsController::revokeUndone, this, [this] { m_ui->invitationsView->setFocus(); });
    connect(inv, &InvitationsController::reinvited, this, [this](const Invitation &created) {
        statusBar()->showMessage(tr("New invitation %1 created for %2.").arg(created.id, created.emailAddress), 8000);
    });
    connect(inv, &InvitationsController::reinviteFailed, this, [this](const ClerkError &error) {
        QMessageBox::warning(this, tr("Re-invite failed"), error.oneLine());
    });
    connect(inv, &InvitationsController::rateLimited, this, [this](qint64 waitMs) {
        statusBar()->showMessage(
            tr("Clerk's rate limit was reached; continuing in %n second(s).", nullptr, int((waitMs + 999) / 1000)),
            int(waitMs) + 1000);
    });
    connect(inv, &InvitationsController::unauthorized, this, [this](const ClerkError &error) {
        const int answer = ask(tr("Key rejected"),
                               tr("Clerk rejected the secret key of the profile \"%1\".\n\n%2\n\nEdit the profile now?")
                                   .arg(m_session->profile().name, error.userMessage()),
                               QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes)
            m_connections->editCurrent();
    });
}

void MainWindow::setupToolBar()
{
    QToolBar *bar = m_ui->mainToolBar;
    auto *profileLabel = new QLabel(tr("Pro&file:"), bar);
    m_profileCombo = new QComboBox(bar);
    m_profileCombo->setObjectName(u"profileCombo"_s);
    m_profileCombo->setAccessibleName(tr("Connection profile"));
    m_profileCombo->setMinimumContentsLength(16);
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    profileLabel->setBuddy(m_profileCombo);
    bar->addWidget(profileLabel);
    bar->addWidget(m_profileCombo);

    m_badge = new QLabel(bar);
    m_badge->setObjectName(u"environmentBadge"_s);
    bar->addSeparator();
    bar->addWidget(m_badge);
    bar->addSeparator();

    m_organizationEdit = new QLineEdit(bar);
    m_organizationEdit->setObjectName(u"organizationEdit"_s);
    m_organizationEdit->setPlaceholderText(tr("Organization name, slug or ID — or an email address (Ctrl+L)"));
    m_organizationEdit->setAccessibleName(tr("Find organization"));
    m_organizationEdit->setClearButtonEnabled(true);
    m_organizationEdit->setMinimumWidth(380);
    m_organizationEdit->addAction(QIcon(u":/icons/search.svg"_s), QLineEdit::LeadingPosition);
    bar->addWidget(m_organizationEdit);

    m_completer = new QCompleter(m_search->results(), this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    m_organizationEdit->setCompleter(m_completer);

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_ui->actionRefresh->setIcon(QIcon(u":/icons/refresh.svg"_s));
    m_ui->actionRevoke->setIcon(QIcon(u":/icons/revoke.svg"_s));
    bar->addAction(m_ui->actionRefresh);

    connect(m_profileCombo, &QComboBox::activated, this, [this](int index) {
        const QString id = m_profileCombo->itemData(index).toString();
        if (id == "__new__"_L1) {
            refreshProfiles();
            m_connections->newProfile();
            return;
        }
        m_connections->activate(id);
    });
    connect(m_organizationEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (text.trimmed().isEmpty() || text.contains(u'@'))
            return; // an email address is searched on Enter, across organizations
        m_search->setText(text);
    });
    connect(m_search.get(), &OrganizationSearch::resultsChanged, this, [this] {
        if (m_organizationEdit->hasFocus() && m_search->results()->rowCount() > 0)
            m_completer->complete();
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, [this](const QModelIndex &index) {
        const QString id = index.data(OrganizationSearch::OrganizationIdRole).toString();
        if (!id.isEmpty())
            m_search->resolve(id);
    });
    connect(m_organizationEdit, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_organizationEdit->text().trimmed();
        if (text.contains(u'@')) {
            m_completer->popup()->hide();
            searchEmail(text);
            return;
        }
        if (m_completer->popup()->isVisible())
            return; // the completer handles it
        m_search->resolve(text);
    });
}

void MainWindow::setupTable()
{
    QTableView *view = m_ui->invitationsView;
    view->setModel(m_proxy.get());
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // no per-row size work for 100,000 rows
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    const QFontMetrics fm = view->fontMetrics();
    header->resizeSection(InvitationTableModel::Email, fm.horizontalAdvance(u'x') * 38);
    header->resizeSection(InvitationTableModel::Organization, fm.horizontalAdvance(u'x') * 22);
    header->setSectionHidden(InvitationTableModel::Organization, true);
    header->resizeSection(InvitationTableModel::Role, fm.horizontalAdvance(u'x') * 16);
    header->resizeSection(InvitationTableModel::Status, fm.horizontalAdvance(u'x') * 14);
    header->resizeSection(InvitationTableModel::Invited, fm.horizontalAdvance(u'x') * 15);
    header->resizeSection(InvitationTableModel::Expires, fm.horizontalAdvance(u'x') * 15);
    header->resizeSection(InvitationTableModel::InvitedBy, fm.horizontalAdvance(u'x') * 20);
    header->setSectionResizeMode(InvitationTableModel::InvitationId, QHeaderView::Stretch);
    view->sortByColumn(InvitationTableModel::Invited, Qt::DescendingOrder);
    view->setTabKeyNavigation(false);
    view->setTextElideMode(Qt::ElideMiddle); // keeps both ends of long addresses and IDs readable

    m_ui->activityView->setModel(m_activity.get());
    m_ui->activityView->header()->setStretchLastSection(true);
    m_ui->activityView->header()->resizeSection(ActivityModel::Time, fm.horizontalAdvance(u'x') * 10);
    connect(m_activity.get(), &QAbstractItemModel::rowsInserted, m_ui->activityView, &QTreeView::scrollToBottom);

    m_ui->statusFilterCombo->addItem(tr("Pending"), int(InvitationStatus::Pending));
    m_ui->statusFilterCombo->addItem(tr("Accepted"), int(InvitationStatus::Accepted));
    m_ui->statusFilterCombo->addItem(tr("Revoked"), int(InvitationStatus::Revoked));
    m_ui->statusFilterCombo->addItem(tr("Expired"), int(InvitationStatus::Expired));
    m_ui->statusFilterCombo->addItem(tr("All"), statusAll);
    connect(m_ui->statusFilterCombo, &QComboBox::activated, this, [this](int index) {
        const int value = m_ui->statusFilterCombo->itemData(index).toInt();
        m_invitations->setStatus(value == statusAll ? std::nullopt : std::optional(InvitationStatus(value)));
    });

    m_ui->quickFilterCombo->addItem(tr("No quick filter"), int(InvitationFilterModel::QuickFilter::Any));
    m_ui->quickFilterCombo->addItem(QString(), int(InvitationFilterModel::QuickFilter::Within24Hours));
    m_ui->quickFilterCombo->addItem(QString(), int(InvitationFilterModel::QuickFilter::Within7Days));
    m_ui->quickFilterCombo->addItem(QString(), int(InvitationFilterModel::QuickFilter::Expired));
    m_ui->quickFilterCombo->addItem(QString(), int(InvitationFilterModel::QuickFilter::Duplicates));
    updateQuickFilterCounts();
    connect(m_ui->quickFilterCombo, &QComboBox::activated, this, [this](int index) {
        m_proxy->setQuickFilter(InvitationFilterModel::QuickFilter(m_ui->quickFilterCombo->itemData(index).toInt()));
    });
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_proxy.get(), &InvitationFilterModel::setText);
    // The counts walk every row: refresh them once typing pauses, not on every keystroke.
    m_countsTimer.setSingleShot(true);
    m_countsTimer.setInterval(250);
    connect(&m_countsTimer, &QTimer::timeout, this, &MainWindow::updateQuickFilterCounts);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, &m_countsTimer, qOverload<>(&QTimer::start));

    // Row states change thousands of times during a bulk revoke: look at the actions once per event loop turn.
    m_actionsTimer.setSingleShot(true);
    m_actionsTimer.setInterval(0);
    connect(&m_actionsTimer, &QTimer::timeout, this, &MainWindow::updateActions);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_model.get(), &QAbstractItemModel::dataChanged, &m_actionsTimer, qOverload<>(&QTimer::start));
    connect(m_proxy.get(), &QAbstractItemModel::rowsInserted, this, [this] { updateOrganizationHeader(); });
    connect(m_proxy.get(), &QAbstractItemModel::modelReset, this, [this] { updateOrganizationHeader(); });
    connect(m_proxy.get(), &QAbstractItemModel::rowsRemoved, this, [this] { updateOrganizationHeader(); });

    m_ui->loadPanel->hide();
    m_ui->placeholderLabel->setText(tr("<p style='font-size:large'>Find an organization to see its invitations.</p>"
                                       "<p>Type a name, slug or ID in the search field above (Ctrl+L),<br>"
                                       "or paste an organization ID and press Enter.</p>"));
    m_ui->contentStack->setCurrentWidget(m_ui->placeholderPage);
}

void MainWindow::setupActions()
{
    QTableView *view = m_ui->invitationsView;
    for (QAction *action : {m_ui->actionRevoke, m_ui->actionCopyEmail, m_ui->actionCopyId, m_ui->actionCopyLink,
                            m_ui->actionRefresh}) {
        view->addAction(action);
        action->setShortcutContext(action == m_ui->actionRefresh ? Qt::WindowShortcut : Qt::WidgetWithChildrenShortcut);
    }
    auto *separator = new QAction(view);
    separator->setSeparator(true);
    view->insertAction(m_ui->actionRefresh, separator);

    m_ui->menuView->addAction(m_ui->activityDock->toggleViewAction());
    m_ui->menuView->addAction(m_ui->mainToolBar->toggleViewAction());

    connect(m_ui->actionRevoke, &QAction::triggered, this, &MainWindow::revokeSelected);
    connect(m_ui->revokeButton, &QPushButton::clicked, this, &MainWindow::revokeSelected);
    connect(m_ui->actionCopyEmail, &QAction::triggered, this,
            [this] { copyColumn(InvitationTableModel::EmailRole, tr("email address(es)")); });
    connect(m_ui->actionCopyId, &QAction::triggered, this,
            [this] { copyColumn(InvitationTableModel::InvitationIdRole, tr("invitation ID(s)")); });
    connect(m_ui->actionCopyLink, &QAction::triggered, this,
            [this] { copyColumn(InvitationTableModel::UrlRole, tr("invitation link(s)")); });
    connect(m_ui->actionRefresh, &QAction::triggered, this, [this] {
        if (m_invitations->hasOrganization() && !m_invitations->isRevoking())
            m_search->resolve(m_invitations->organization().id); // fresh counts, then a fresh load
    });
    connect(m_ui->actionFind, &QAction::triggered, this, [this] {
        m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->filterEdit->selectAll();
    });
    connect(m_ui->actionFindOrganization, &QAction::triggered, this, [this] {
        m_organizationEdit->setFocus(Qt::ShortcutFocusReason);
        m_organizationEdit->selectAll();
    });
    connect(m_ui->actionExportCsv, &QAction::triggered, this, &MainWindow::exportCsv);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionNewProfile, &QAction::triggered, m_connections.get(), &ConnectionController::newProfile);
    connect(m_ui->actionEditProfile, &QAction::triggered, m_connections.get(), &ConnectionController::editCurrent);
    connect(m_ui->actionDeleteProfile, &QAction::triggered, m_connections.get(), &ConnectionController::deleteCurrent);
    connect(m_ui->actionTestConnection, &QAction::triggered, this, [this] {
        if (!m_session->client())
            return;
        OrganizationQuery query;
        query.limit = 1;
        statusBar()->showMessage(tr("Testing the connection…"));
        m_session->client()->listOrganizations(query, this, [this](Result<Page<Organization>> result) {
            if (result) {
                const QString text = tr("Connected: %1, %Ln organization(s).", nullptr, int(result.value().totalCount))
                                         .arg(Session::badgeText(m_session->badge()));
                m_activity->add(ActivityModel::Level::Success, text);
                statusBar()->showMessage(text, 8000);
            } else {
                m_activity->addError(tr("Testing the connection"), result.error());
                statusBar()->showMessage(result.error().userMessage(), 8000);
            }
        });
    });
    connect(m_ui->actionOpenAuditFolder, &QAction::triggered, this, &MainWindow::openAuditFolder);
    connect(m_ui->actionRevokeDuplicates, &QAction::triggered, this, &MainWindow::revokeOlderDuplicates);
    connect(m_ui->actionRevokeAllForAddress, &QAction::triggered, this, &MainWindow::revokeAllForAddress);
    connect(m_ui->actionReinvite, &QAction::triggered, this, &MainWindow::reinviteSelected);
    connect(m_ui->actionFindByEmail, &QAction::triggered, this, [this] {
        m_organizationEdit->setFocus(Qt::ShortcutFocusReason);
        m_organizationEdit->selectAll();
        statusBar()->showMessage(tr("Type an email address and press Enter to see its invitations in every organization."),
                                 6000);
    });
    auto copySummary = [this] {
        const QString text = m_invitations->ticketSummary();
        if (text.isEmpty())
            return;
        QGuiApplication::clipboard()->setText(text);
        statusBar()->showMessage(tr("Summary copied: paste it into the ticket."), 4000);
    };
    connect(m_ui->actionCopySummary, &QAction::triggered, this, copySummary);
    connect(m_ui->copySummaryButton, &QPushButton::clicked, this, copySummary);
    connect(m_ui->actionHoldRevokes, &QAction::toggled, this, [this](bool hold) {
        m_invitations->setUndoSeconds(hold ? 5 : 0);
        if (m_session->isOpen())
            QSettings().setValue(u"undo/"_s + m_session->profile().id, hold);
    });
    for (QAction *action : {m_ui->actionReinvite})
        m_ui->invitationsView->addAction(action);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    connect(m_ui->cancelLoadButton, &QPushButton::clicked, m_invitations.get(), &InvitationsController::cancelLoad);
    updateActions();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    const QByteArray header = settings.value(u"window/tableHeader"_s).toByteArray();
    if (!header.isEmpty())
        m_ui->invitationsView->horizontalHeader()->restoreState(header);
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/tableHeader"_s, m_ui->invitationsView->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_invitations->isRevoking()) {
        const int answer = ask(tr("Revoking in progress"),
                               tr("Invitations are still being revoked. Stop after the requests in flight and quit?"),
                               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_invitations->cancelRevokes();
    }
    saveSettings();
    event->accept();
}

void MainWindow::refreshProfiles()
{
    const QString current = m_session->isOpen() ? m_session->profile().id : QString();
    m_profileCombo->clear();
    for (const ConnectionProfile &p : m_connections->profiles()) {
        QString label = p.name;
        if (p.environment == KeyEnvironment::Production && !p.demo)
            label += tr(" (production)");
        m_profileCombo->addItem(label, p.id);
    }
    m_profileCombo->addItem(tr("New profile…"), u"__new__"_s);
    const int index = m_profileCombo->findData(current);
    m_profileCombo->setCurrentIndex(index >= 0 ? index : -1);
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
    const Session::Badge badge = m_session->badge();
    EnvironmentStyle::applyBadge(m_badge, badge);
    EnvironmentStyle::applyBanner(m_ui->environmentBanner, badge);
    m_ui->environmentBanner->setVisible(badge == Session::Badge::Live);
    if (badge == Session::Badge::Live)
        m_ui->environmentBanner->setText(tr("LIVE · PRODUCTION INSTANCE — changes affect real users"));
    refreshProfiles();
    m_organizationEdit->setEnabled(m_session->isOpen());
    m_ui->contentStack->setCurrentWidget(m_ui->placeholderPage);
    updateOrganizationHeader();
    updateActions();
    if (!m_session->isOpen()) {
        m_ui->placeholderLabel->setText(
            tr("<p style='font-size:large'>Not connected.</p><p>Choose a profile in the toolbar, or create one with "
               "Connection → New Profile…</p>"));
        return;
    }
    m_activity->add(ActivityModel::Level::Info,
                    tr("Connected with profile \"%1\" (%2).").arg(m_session->profile().name, Session::badgeText(badge)));
    // The undo window is on by default for production profiles.
    m_ui->actionHoldRevokes->setChecked(
        QSettings().value(u"undo/"_s + m_session->profile().id, badge == Session::Badge::Live).toBool());
    m_invitations->setUndoSeconds(m_ui->actionHoldRevokes->isChecked() ? 5 : 0);
    m_ui->placeholderLabel->setText(tr("<p style='font-size:large'>Find an organization to see its invitations.</p>"
                                       "<p>Type a name, slug or ID in the search field above (Ctrl+L),<br>"
                                       "or paste an organization ID and press Enter.</p>"));
    QString target = m_pendingOrganization;
    m_pendingOrganization.clear();
    if (target.isEmpty())
        target = QSettings().value(u"lastOrganization/"_s + m_session->profile().id).toString();
    if (!target.isEmpty())
        m_search->resolve(target);
    // Recent organizations show up when the empty search field is focused.
    QList<QPair<QString, QString>> recent;
    for (const RecentOrganization &r : m_connections->store().recentOrganizations(m_session->profile().id))
        recent.append({r.id, r.name});
    if (!recent.isEmpty())
        m_search->showRecent(recent);
}

void MainWindow::onOrganizationResolved(const Organization &organization)
{
    if (m_invitations->isRevoking()) {
        statusBar()->showMessage(tr("Wait for the revokes to finish before switching organizations."), 6000);
        return;
    }
    m_organizationEdit->setText(organization.name);
    m_organizationEdit->clearFocus();
    const bool same = m_invitations->organization().id == organization.id;
    if (!same) {
        m_ui->filterEdit->clear();
        m_revokePanel->hide();
    }
    m_ui->contentStack->setCurrentWidget(m_ui->tablePage);
    setEmailMode(false);
    m_invitations->setOrganization(organization);
    QSettings().setValue(u"lastOrganization/"_s + m_session->profile().id, organization.id);
    m_connections->store().rememberOrganization(m_session->profile().id, organization);
    if (!same)
        m_activity->add(ActivityModel::Level::Info, tr("Opened %1.").arg(organization.name));
    updateOrganizationHeader();
    m_ui->invitationsView->setFocus(Qt::OtherFocusReason);
}

void MainWindow::updateOrganizationHeader()
{
    const Session::Badge badge = m_session->badge();
    if (!m_invitations->email().isEmpty()) {
        QSet<QString> organizations;
        for (int row = 0; row < m_model->rowCount(); ++row)
            organizations.insert(m_model->invitationAt(row).organizationId);
        m_ui->organizationLabel->setText(
            u"<span style='font-size:large;font-weight:bold'>"_s + m_invitations->email().toHtmlEscaped()
            + u"</span>&nbsp;&nbsp;"_s
            + tr("%Ln invitation(s)", nullptr, m_model->rowCount()) + u" · "_s
            + tr("in %Ln organization(s)", nullptr, int(organizations.size())));
        setWindowTitle(tr("%1 — InviteDesk [%2]").arg(m_invitations->email(), Session::badgeText(badge)));
        return;
    }
    if (!m_invitations->hasOrganization()) {
        m_ui->organizationLabel->setText(m_session->isOpen() ? tr("No organization selected") : QString());
        setWindowTitle(u"InviteDesk"_s);
        return;
    }
    const Organization &org = m_invitations->organization();
    QStringList details;
    if (!org.slug.isEmpty())
        details << org.slug.toHtmlEscaped();
    details << u"<code>"_s + org.id.toHtmlEscaped() + u"</code>"_s;
    const int shown = m_proxy->rowCount();
    const int loaded = m_model->rowCount();
    details << (shown == loaded ? tr("%Ln invitation(s)", nullptr, loaded)
                                : tr("%1 of %2 shown").arg(QLocale().toString(shown), QLocale().toString(loaded)));
    m_ui->organizationLabel->setText(u"<span style='font-size:large;font-weight:bold'>"_s + org.name.toHtmlEscaped()
                                     + u"</span>&nbsp;&nbsp;"_s + details.join(u" · "_s));
    setWindowTitle(tr("%1 — InviteDesk [%2]").arg(org.name, Session::badgeText(badge)));
}

void MainWindow::updateQuickFilterCounts()
{
    using QuickFilter = InvitationFilterModel::QuickFilter;
    auto label = [this](QuickFilter e, const QString &text) {
        const int index = m_ui->quickFilterCombo->findData(int(e));
        if (index >= 0)
            m_ui->quickFilterCombo->setItemText(index, text.arg(QLocale().toString(m_proxy->countMatching(e))));
    };
    label(QuickFilter::Within24Hours, tr("Expires within 24 h (%1)"));
    label(QuickFilter::Within7Days, tr("Expires within 7 days (%1)"));
    label(QuickFilter::Expired, tr("Expired (%1)"));
    label(QuickFilter::Duplicates, tr("Invited more than once (%1)"));
}

QStringList MainWindow::selectedInvitationIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_ui->invitationsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids << m_proxy->mapToSource(index).data(InvitationTableModel::InvitationIdRole).toString();
    return ids;
}

void MainWindow::updateActions()
{
    const QStringList selected = selectedInvitationIds();
    bool revocable = false;
    bool hasLink = false;
    for (const QString &id : selected) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const Invitation &inv = m_model->invitationAt(row);
        const auto state = m_model->rowState(id);
        if (inv.status == InvitationStatus::Pending && state != InvitationTableModel::RowState::Revoked
            && state != InvitationTableModel::RowState::Revoking && state != InvitationTableModel::RowState::Queued)
            revocable = true;
        hasLink = hasLink || (!inv.url.isEmpty() && inv.status == InvitationStatus::Pending);
    }
    const bool busy = m_invitations->isRevoking();
    m_ui->actionRevoke->setEnabled(revocable && !busy);
    m_ui->revokeButton->setEnabled(revocable && !busy);
    m_ui->revokeButton->setText(selected.size() > 1 ? tr("Revoke %Ln…", nullptr, int(selected.size())) : tr("Revoke…"));
    m_ui->actionCopyEmail->setEnabled(!selected.isEmpty());
    m_ui->actionCopyId->setEnabled(!selected.isEmpty());
    m_ui->actionCopyLink->setEnabled(hasLink);
    bool reinvitable = false;
    if (selected.size() == 1) {
        const int row = m_model->rowOf(selected.first());
        if (row >= 0) {
            const Invitation &inv = m_model->invitationAt(row);
            reinvitable = inv.status == InvitationStatus::Revoked || inv.status == InvitationStatus::Expired
                          || m_model->rowState(inv.id) == InvitationTableModel::RowState::Revoked;
        }
    }
    const bool holding = m_invitations->isHolding();
    m_ui->actionReinvite->setEnabled(reinvitable && !busy && !holding);
    m_ui->actionRevokeDuplicates->setEnabled(!busy && !holding && m_invitations->hasOrganization());
    m_ui->actionRevokeAllForAddress->setEnabled(!busy && !holding && !m_invitations->email().isEmpty());
    m_ui->actionCopySummary->setEnabled(!m_invitations->ticketSummary().isEmpty());
    m_ui->actionRevoke->setEnabled(revocable && !busy && !holding);
    m_ui->revokeButton->setEnabled(revocable && !busy && !holding);
    m_ui->actionRefresh->setEnabled(m_invitations->hasOrganization() && !busy);
    m_ui->actionExportCsv->setEnabled(m_model->rowCount() > 0);
    m_ui->actionTestConnection->setEnabled(m_session->isOpen());
    const bool editable = m_session->isOpen() && !m_session->profile().demo && !m_session->profile().keyFromEnvironment;
    m_ui->actionEditProfile->setEnabled(editable);
    m_ui->actionDeleteProfile->setEnabled(editable);
    m_ui->statusFilterCombo->setEnabled(!busy);
}

void MainWindow::setConfirmationOverride(std::function<bool(const QStringList &, QString *)> confirm)
{
    m_confirmOverride = std::move(confirm);
}

void MainWindow::setQuestionOverride(std::function<int(const QString &)> answer)
{
    m_questionOverride = std::move(answer);
}

int MainWindow::ask(const QString &title, const QString &text, int buttons, int defaultButton)
{
    if (m_questionOverride)
        return m_questionOverride(text);
    return QMessageBox::question(this, title, text, QMessageBox::StandardButtons(buttons),
                                 QMessageBox::StandardButton(defaultButton));
}

void MainWindow::revokeSelected()
{
    QStringList ids;
    for (const QString &id : selectedInvitationIds()) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const auto state = m_model->rowState(id);
        if (m_model->invitationAt(row).status == InvitationStatus::Pending && state == InvitationTableModel::RowState::Idle)
            ids << id;
        else if (state == InvitationTableModel::RowState::Failed)
            ids << id; // trying again
    }
    if (m_invitations->email().isEmpty()) {
        const Organization &org = m_invitations->organization();
        confirmAndRevoke(ids, tr("in %1").arg(org.slug.isEmpty() ? org.name : u"%1 (%2)"_s.arg(org.name, org.slug)),
                         org.slug.isEmpty() ? org.id : org.slug);
    } else {
        confirmAndRevoke(ids, tr("of %1").arg(m_invitations->email()), m_invitations->email());
    }
}

void MainWindow::confirmAndRevoke(const QStringList &ids, const QString &scope, const QString &confirmationText)
{
    if (m_invitations->isRevoking() || m_invitations->isHolding() || ids.isEmpty())
        return;
    QStringList emails;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const Invitation &inv = m_model->invitationAt(row);
        emails << (inv.organization ? u"%1  (%2)"_s.arg(inv.emailAddress, inv.organization->name) : inv.emailAddress);
    }
    QString ticket;
    bool confirmed = false;
    if (m_confirmOverride) {
        confirmed = m_confirmOverride(emails, &ticket);
    } else {
        RevokeDialog dialog(m_session->badge(), scope, confirmationText, emails, this);
        confirmed = dialog.exec() == QDialog::Accepted;
        ticket = dialog.ticket();
    }
    if (!confirmed) {
        statusBar()->showMessage(tr("Nothing was revoked."), 4000);
        return;
    }
    m_invitations->revoke(ids, ticket);
}

void MainWindow::revokeOlderDuplicates()
{
    const QStringList ids = m_model->olderDuplicateIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("No address has more than one pending invitation here."), 5000);
        return;
    }
    const Organization &org = m_invitations->organization();
    confirmAndRevoke(ids, tr("in %1 — the older duplicates; the newest invitation of each address stays").arg(org.name),
                     org.slug.isEmpty() ? org.id : org.slug);
}

void MainWindow::revokeAllForAddress()
{
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Invitation &inv = m_model->invitationAt(row);
        if (inv.status == InvitationStatus::Pending && m_model->rowState(inv.id) == InvitationTableModel::RowState::Idle)
            ids << inv.id;
    }
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("%1 has no pending invitations.").arg(m_invitations->email()), 5000);
        return;
    }
    confirmAndRevoke(ids, tr("of %1, in every organization").arg(m_invitations->email()), m_invitations->email());
}

void MainWindow::setReinviteOverride(std::function<bool(const Invitation &, bool *, int *)> reinvite)
{
    m_reinviteOverride = std::move(reinvite);
}

void MainWindow::reinviteSelected()
{
    const QStringList ids = selectedInvitationIds();
    if (ids.size() != 1)
        return;
    const int row = m_model->rowOf(ids.first());
    if (row < 0)
        return;
    const Invitation inv = m_model->invitationAt(row);
    bool notify = true;
    int days = 30;
    bool confirmed = false;
    if (m_reinviteOverride) {
        confirmed = m_reinviteOverride(inv, &notify, &days);
    } else {
        const QString orgName = inv.organization ? inv.organization->name : m_invitations->organization().name;
        ReinviteDialog dialog(m_session->badge(), inv, orgName, this);
        confirmed = dialog.exec() == QDialog::Accepted;
        notify = dialog.notify();
        days = dialog.expiresInDays();
    }
    if (confirmed)
        m_invitations->reinvite(inv.id, notify, days);
}

void MainWindow::searchEmail(const QString &email)
{
    if (!m_session->isOpen() || m_invitations->isRevoking() || m_invitations->isHolding())
        return;
    m_organizationEdit->setText(email);
    m_ui->filterEdit->clear();
    m_revokePanel->hide();
    m_ui->contentStack->setCurrentWidget(m_ui->tablePage);
    setEmailMode(true);
    m_invitations->loadByEmail(email);
    m_activity->add(ActivityModel::Level::Info, tr("Searching every organization for %1.").arg(email));
    updateOrganizationHeader();
    m_ui->invitationsView->setFocus(Qt::OtherFocusReason);
}

void MainWindow::setEmailMode(bool emailMode)
{
    // The organization column matters only when rows come from several organizations; every status is shown then.
    m_ui->invitationsView->horizontalHeader()->setSectionHidden(InvitationTableModel::Organization, !emailMode);
    m_ui->statusFilterCombo->setVisible(!emailMode);
    m_ui->statusFilterLabel->setVisible(!emailMode);
}

void MainWindow::copyColumn(int role, const QString &what)
{
    QStringList values;
    const QModelIndexList rows = m_ui->invitationsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const QString value = m_proxy->mapToSource(index).data(role).toString();
        if (!value.isEmpty())
            values << value;
    }
    if (values.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(values.join(u'\n'));
    statusBar()->showMessage(tr("Copied %1 %2.").arg(values.size()).arg(what), 3000);
}

void MainWindow::exportCsv()
{
    const Organization &org = m_invitations->organization();
    const QString suggested = QDir::home().filePath(
        u"%1-invitations-%2.csv"_s.arg(org.slug.isEmpty() ? org.id : org.slug,
                                       QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export invitations"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("Export failed"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    file.write(Csv::row({u"id"_s, u"email_address"_s, u"role"_s, u"status"_s, u"created_at"_s, u"expires_at"_s,
                         u"inviter"_s, u"organization_id"_s})
                   .toUtf8());
    auto iso = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate); };
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const Invitation &inv = m_model->invitationAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
        file.write(Csv::row({inv.id, inv.emailAddress, inv.role, inv.statusText, iso(inv.createdAt),
                             inv.expiresAt ? iso(*inv.expiresAt) : QString(), inv.inviterDisplay(), inv.organizationId})
                       .toUtf8());
    }
    if (!file.commit()) {
        QMessageBox::warning(this, tr("Export failed"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    m_activity->add(ActivityModel::Level::Success,
                    tr("Exported %Ln invitation(s) to %1.", nullptr, m_proxy->rowCount()).arg(QDir::toNativeSeparators(path)));
}

void MainWindow::openAuditFolder()
{
    const QString folder = QFileInfo(m_invitations->auditLogPath()).absolutePath();
    QDir().mkpath(folder);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        QMessageBox::information(this, tr("Audit log"),
                                 tr("The audit log is in:\n%1").arg(QDir::toNativeSeparators(folder)));
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About InviteDesk"),
        tr("<h3>InviteDesk %1</h3>"
           "<p>A console for revoking Clerk organization invitations safely.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>"
           "<p><b>Licences of the parts it uses</b><br>"
           "Qt 6 — GNU LGPL v3 (The Qt Company)<br>"
           "QtKeychain — BSD 3-Clause (Frank Osterfeld and contributors)<br>"
           "Clerk Backend API specification — MIT (Clerk, Inc.), used as reference only</p>"
           "<p>Audit log: %4</p>")
            .arg(QStringLiteral(INVITEDESK_VERSION), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
                 QDir::toNativeSeparators(m_invitations->auditLogPath()).toHtmlEscaped()));
}

} // namespace InviteDesk
