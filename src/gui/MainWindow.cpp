#include "gui/MainWindow.h"

#include "core/AuditLog.h"
#include "core/Csv.h"
#include "gui/ActivityModel.h"
#include "gui/ConnectionController.h"
#include "gui/EnvironmentStyle.h"
#include "gui/InvitationFilterModel.h"
#include "gui/InvitationTableModel.h"
#include "gui/InvitationsController.h"
#include "gui/OrganizationSearch.h"
#include "gui/RevokeDialog.h"
#include "gui/Session.h"
#include "invitedesk/Version.h"
#include "ui_MainWindow.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QSaveFile>
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

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
constexpr int statusAll = -1;
}

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
    connect(inv, &InvitationsController::loadStarted, this, [this] {
        m_ui->loadPanel->show();
        m_ui->loadProgress->setRange(0, 0);
        m_ui->loadLabel->setText(tr("Loading invitations…"));
        m_ui->cancelLoadButton->show();
        updateActions();
    });
    connect(inv, &InvitationsController::loadProgress, this, [this](int loaded, qint64 total) {
        m_ui->loadProgress->setRange(0, int(std::max<qint64>(total, 1)));
        m_ui->loadProgress->setValue(loaded);
        m_ui->loadLabel->setText(tr("Loaded %1 of %2").arg(QLocale().toString(loaded), QLocale().toString(total)));
    });
    connect(inv, &InvitationsController::loadFinished, this, [this](int count) {
        m_ui->loadPanel->hide();
        statusBar()->showMessage(tr("%Ln invitation(s) loaded.", nullptr, count), 5000);
        updateExpiryCounts();
        updateActions();
    });
    connect(inv, &InvitationsController::loadCancelled, this, [this] {
        m_ui->loadProgress->setRange(0, 1);
        m_ui->loadLabel->setText(tr("Loading cancelled: %1 shown. Press F5 to load everything.")
                                     .arg(QLocale().toString(m_model->rowCount())));
        m_ui->cancelLoadButton->hide();
        updateExpiryCounts();
        updateActions();
    });
    connect(inv, &InvitationsController::loadFailed, this, [this](const ClerkError &error) {
        m_ui->loadProgress->setRange(0, 1);
        m_ui->loadLabel->setText(tr("Loading failed: %1 Press F5 to try again.").arg(error.userMessage()));
        m_ui->cancelLoadButton->hide();
        updateActions();
    });
    connect(inv, &InvitationsController::revokeStarted, this, [this](int total) {
        m_ui->revokePanel->show();
        m_ui->revokeProgress->setRange(0, total);
        m_ui->revokeProgress->setValue(0);
        m_ui->pauseButton->setText(tr("&Pause"));
        m_ui->pauseButton->show();
        m_ui->cancelRevokeButton->show();
        m_ui->retryFailedButton->hide();
        m_ui->closeRevokePanelButton->hide();
        updateActions();
    });
    connect(inv, &InvitationsController::revokeProgress, this, [this](int settled, int total, qint64 eta) {
        m_ui->revokeProgress->setValue(settled);
        QString text = tr("Revoked %1 of %2").arg(QLocale().toString(settled), QLocale().toString(total));
        if (eta > 1500)
            text += tr(" — about %n second(s) left", nullptr, int((eta + 999) / 1000));
        m_ui->revokeLabel->setText(text);
    });
    connect(inv, &InvitationsController::revokeStateChanged, this, [this](BulkRevoker::State state) {
        m_ui->pauseButton->setText(state == BulkRevoker::State::Paused ? tr("&Resume") : tr("&Pause"));
        if (state == BulkRevoker::State::Cancelling)
            m_ui->revokeLabel->setText(tr("Stopping: letting requests in flight finish…"));
    });
    connect(inv, &InvitationsController::revokeFinished, this, &MainWindow::onRevokeFinished);
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
    m_organizationEdit->setPlaceholderText(tr("Find organization by name, slug or ID (Ctrl+L)"));
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
        if (text.trimmed().isEmpty())
            return;
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
        if (m_completer->popup()->isVisible())
            return; // the completer handles it
        m_search->resolve(m_organizationEdit->text());
    });
}

void MainWindow::setupTable()
{
    QTableView *view = m_ui->invitationsView;
    view->setModel(m_proxy.get());
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    const QFontMetrics fm = view->fontMetrics();
    header->resizeSection(InvitationTableModel::Email, fm.horizontalAdvance(u'x') * 38);
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

    m_ui->expiryFilterCombo->addItem(tr("Any expiry"), int(InvitationFilterModel::Expiry::Any));
    m_ui->expiryFilterCombo->addItem(QString(), int(InvitationFilterModel::Expiry::Within24Hours));
    m_ui->expiryFilterCombo->addItem(QString(), int(InvitationFilterModel::Expiry::Within7Days));
    m_ui->expiryFilterCombo->addItem(QString(), int(InvitationFilterModel::Expiry::Expired));
    updateExpiryCounts();
    connect(m_ui->expiryFilterCombo, &QComboBox::activated, this, [this](int index) {
        m_proxy->setExpiry(InvitationFilterModel::Expiry(m_ui->expiryFilterCombo->itemData(index).toInt()));
    });
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_proxy.get(), &InvitationFilterModel::setText);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &MainWindow::updateExpiryCounts);

    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_model.get(), &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_proxy.get(), &QAbstractItemModel::rowsInserted, this, [this] { updateOrganizationHeader(); });
    connect(m_proxy.get(), &QAbstractItemModel::modelReset, this, [this] { updateOrganizationHeader(); });
    connect(m_proxy.get(), &QAbstractItemModel::rowsRemoved, this, [this] { updateOrganizationHeader(); });

    m_ui->loadPanel->hide();
    m_ui->revokePanel->hide();
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
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    connect(m_ui->cancelLoadButton, &QPushButton::clicked, m_invitations.get(), &InvitationsController::cancelLoad);
    connect(m_ui->pauseButton, &QPushButton::clicked, this, [this] {
        if (m_invitations->revokeState() == BulkRevoker::State::Paused)
            m_invitations->resumeRevokes();
        else
            m_invitations->pauseRevokes();
    });
    connect(m_ui->cancelRevokeButton, &QPushButton::clicked, m_invitations.get(), &InvitationsController::cancelRevokes);
    connect(m_ui->retryFailedButton, &QPushButton::clicked, m_invitations.get(), &InvitationsController::retryFailed);
    connect(m_ui->closeRevokePanelButton, &QPushButton::clicked, m_ui->revokePanel, &QWidget::hide);
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
        m_ui->revokePanel->hide();
    }
    m_ui->contentStack->setCurrentWidget(m_ui->tablePage);
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

void MainWindow::updateExpiryCounts()
{
    using Expiry = InvitationFilterModel::Expiry;
    auto label = [this](Expiry e, const QString &text) {
        const int index = m_ui->expiryFilterCombo->findData(int(e));
        if (index >= 0)
            m_ui->expiryFilterCombo->setItemText(index, text.arg(QLocale().toString(m_proxy->countMatching(e))));
    };
    label(Expiry::Within24Hours, tr("Expires within 24 h (%1)"));
    label(Expiry::Within7Days, tr("Expires within 7 days (%1)"));
    label(Expiry::Expired, tr("Expired (%1)"));
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
    if (m_invitations->isRevoking())
        return;
    QStringList ids;
    QStringList emails;
    for (const QString &id : selectedInvitationIds()) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const Invitation &inv = m_model->invitationAt(row);
        const auto state = m_model->rowState(id);
        if (inv.status != InvitationStatus::Pending || state == InvitationTableModel::RowState::Revoked)
            continue;
        ids << id;
        emails << inv.emailAddress;
    }
    if (ids.isEmpty())
        return;
    QString ticket;
    bool confirmed = false;
    if (m_confirmOverride) {
        confirmed = m_confirmOverride(emails, &ticket);
    } else {
        RevokeDialog dialog(m_session->badge(), m_invitations->organization(), emails, this);
        confirmed = dialog.exec() == QDialog::Accepted;
        ticket = dialog.ticket();
    }
    if (!confirmed) {
        statusBar()->showMessage(tr("Nothing was revoked."), 4000);
        return;
    }
    m_invitations->revoke(ids, ticket);
}

void MainWindow::onRevokeFinished(const BulkSummary &summary)
{
    m_ui->revokeProgress->setValue(summary.total);
    const QStringList failed = m_invitations->failedIds();
    QString text = summary.describe();
    if (!failed.isEmpty())
        text += tr(" — see the rows marked Failed and the Activity panel");
    m_ui->revokeLabel->setText(text);
    m_ui->pauseButton->hide();
    m_ui->cancelRevokeButton->hide();
    m_ui->retryFailedButton->setVisible(!failed.isEmpty());
    m_ui->retryFailedButton->setText(tr("Retry %Ln &Failed", nullptr, int(failed.size())));
    m_ui->closeRevokePanelButton->show();
    statusBar()->showMessage(text, 10000);
    updateActions();
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
