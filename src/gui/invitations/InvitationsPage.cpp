#include "gui/invitations/InvitationsPage.h"

#include "core/audit/AuditLog.h"
#include "core/domain/Confirmation.h"


#include "core/util/Csv.h"
#include "gui/Accessible.h"
#include "gui/ActivityModel.h"
#include "gui/OrganizationSearch.h"
#include "gui/TimeFormat.h"
#include "gui/Prompts.h"
#include "gui/session/Session.h"
#include "gui/invitations/InvitationDetails.h"
#include "gui/invitations/InvitationFilterModel.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "ui_InvitationsPage.h"

#include <QtCore/QDir>
#include <QtCore/QLocale>
#include <QtCore/QSaveFile>
#include <QtCore/QSet>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QContextMenuEvent>
#include <QtGui/QShortcut>
#include <QtGui/QGuiApplication>
#include <QtGui/QFontDatabase>
#include <QtGui/QPainter>
#include <QtCore/QSignalBlocker>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QStyle>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStyledItemDelegate>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
constexpr int statusAll = -1;

/*!
 * Draws the current cell's marker as a solid two-pixel frame in the text colour: the style's dotted
 * focus rectangle is about 1.1:1 against a white row, which keyboard users cannot find.
 */
class FocusFrameDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem plain(option);
        plain.state &= ~QStyle::State_HasFocus;
        QStyledItemDelegate::paint(painter, plain, index);
        if (!(option.state & QStyle::State_HasFocus))
            return;
        const bool selected = option.state & QStyle::State_Selected;
        const QColor frame = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        painter->save();
        painter->setPen(QPen(frame, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1));
        painter->restore();
    }
};
} // namespace

InvitationsPage::InvitationsPage(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::InvitationsPage>()), m_proxy(std::make_unique<InvitationFilterModel>())
{
    m_ui->setupUi(this);
    m_actions = {m_ui->actionRevoke,   m_ui->actionRevokeDuplicates, m_ui->actionRevokeAllForAddress,
                 m_ui->actionReinvite, m_ui->actionCopyEmail,        m_ui->actionCopyId,
                 m_ui->actionCopyLink, m_ui->actionCopySummary,      m_ui->actionExportCsv,
                 m_ui->actionRefresh,  m_ui->actionFind,             m_ui->actionShowDetails};
    m_actions.refresh->setIcon(QIcon(u":/icons/refresh.svg"_s));
    m_actions.revoke->setIcon(QIcon(u":/icons/revoke.svg"_s));
    m_actions.refresh->setShortcutContext(Qt::WindowShortcut);
    nameClearButton(m_ui->filterEdit);
    setUpTabOrder();
}

void InvitationsPage::setUpTabOrder()
{
    // Designer's tab stops cannot name the strips' own controls: the order is said here, whole. (The days box
    // beside the quick filter comes after Cancel, where the page's first layout put it.)
    QWidget *const order[] = {m_ui->statusFilterCombo, m_ui->quickFilterBar->combo(), m_ui->filterEdit,
                              m_ui->revokeButton,      m_ui->invitationsView,          m_ui->loadPanel->cancelButton(),
                              m_ui->revokePanel};
    for (size_t i = 1; i < std::size(order); ++i)
        QWidget::setTabOrder(order[i - 1], order[i]);
}

QString InvitationsPage::title() const
{
    return m_invitations->scope().title();
}

InvitationsPage::~InvitationsPage() = default;

QTableView *InvitationsPage::view() const
{
    return m_ui->invitationsView;
}

void InvitationsPage::setUp(Session *session, InvitationsController *invitations, InvitationTableModel *model,
                            Prompts *prompts)
{
    m_session = session;
    // The header's figures follow the counts on the session's clock.
    connect(session, &Session::opened, this, [this] { m_headerUpdates.setClock(m_session->clock()); });
    m_invitations = invitations;
    m_model = model;
    m_prompts = prompts;
    m_proxy->setSourceModel(model);
    m_ui->organizationLabel->setUp(invitations, model, m_proxy.get(), m_actions.refresh);
    m_ui->revokePanel->setController(invitations);
    m_ui->revokePanel->setFocusHome(m_ui->invitationsView);
    connect(m_ui->revokePanel, &RevokePanel::changed, this, &InvitationsPage::updateActions);
    connect(m_ui->revokePanel, &RevokePanel::finished, this, [this](const QString &text) { Q_EMIT statusMessage(text, 10'000); });
    connect(m_ui->revokePanel, &RevokePanel::copySummaryRequested, this, &InvitationsPage::copySummary);
    setUpTable();
    setUpFilters();
    setUpLoading();
    setUpActions();
}

void InvitationsPage::setUpTable()
{
    QTableView *view = m_ui->invitationsView;
    view->setModel(m_proxy.get());
    view->setItemDelegate(new FocusFrameDelegate(view));
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // no per-row size work for 100,000 rows
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    // A strip that comes and goes (loading, a run, its summary) takes its room from the table, down to one
    // row, instead of growing the window past a short screen.
    view->setMinimumHeight(view->horizontalHeader()->sizeHint().height() + view->verticalHeader()->defaultSectionSize()
                           + 2 * view->frameWidth());
    // The details pane shares the table's place, to its right, when the agent asks for it (View menu, Ctrl+D).
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(u"detailsSplitter"_s);
    split->setChildrenCollapsible(false);
    delete m_ui->pageLayout->replaceWidget(view, split); // the table's old layout item, now the splitter's
    split->addWidget(view);
    m_details = new InvitationDetails(split);
    m_details->setObjectName(u"invitationDetails"_s);
    m_details->hide();
    connect(m_details, &InvitationDetails::wholeInvitationWanted, this, [this](const Invitation &invitation) {
        m_invitations->readAgain(invitation, m_details, [details = m_details, id = invitation.id](Result<Invitation> read) {
            details->presentRead(id, read);
        });
    });
    split->addWidget(m_details);
    // Tab goes from the table to the pane beside it (made last, it came after the docks in the focus chain).
    // The pane takes no focus itself (setTabOrder() ignores it): its text, its focus proxy, does.
    QWidget::setTabOrder(view, m_details->focusProxy());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    m_ui->pageLayout->setStretchFactor(split, 1); // the table takes the page's height, as it did alone
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    const int x = view->fontMetrics().horizontalAdvance(u'x');
    const std::pair<int, int> widths[] = {{InvitationTableModel::Email, 38},    {InvitationTableModel::Role, 16},
                                          {InvitationTableModel::Status, 14},   {InvitationTableModel::Invited, 15},
                                          {InvitationTableModel::Expires, 15},  {InvitationTableModel::InvitedBy, 20}};
    for (const auto &[column, chars] : widths)
        header->resizeSection(column, x * chars);
    // The Status column fits its longest word in this language, icon included ("Fehlgeschlagen" was cut).
    int statusWidth = 0;
    for (const QString &text : InvitationTableModel::statusTexts())
        statusWidth = std::max(statusWidth, view->fontMetrics().horizontalAdvance(text));
    const int icon = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
    header->resizeSection(InvitationTableModel::Status,
                          std::max(header->sectionSize(InvitationTableModel::Status), statusWidth + icon + 3 * x));
    // The Organization column comes and goes with the view (InvitationFilterModel): second, when it is there.
    connect(m_proxy.get(), &QAbstractItemModel::columnsInserted, header, [header, x] {
        header->moveSection(header->visualIndex(InvitationTableModel::Organization), 1);
        header->resizeSection(InvitationTableModel::Organization, x * 22);
    });
    // An ID is copied and compared whole: its column is as wide as one (Clerk's are 34 characters), and a
    // narrow window scrolls sideways rather than eliding it; where there is room, it takes the rest.
    const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    header->resizeSection(InvitationTableModel::InvitationId, fixed.horizontalAdvance(QString(34, u'0')) + 2 * x);
    header->setStretchLastSection(true);
    view->sortByColumn(InvitationTableModel::Invited, Qt::DescendingOrder);
    view->setTabKeyNavigation(false);
    view->setTextElideMode(Qt::ElideMiddle); // keeps both ends of long addresses and IDs readable

    // Row states change thousands of times during a bulk revoke: look at the actions once per event loop turn.
    m_actionsTimer.setSingleShot(true);
    m_actionsTimer.setInterval(0);
    connect(&m_actionsTimer, &QTimer::timeout, this, &InvitationsPage::updateActions);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InvitationsPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, &m_actionsTimer, qOverload<>(&QTimer::start));
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy.get(), signal, &m_headerUpdates, &Coalescer::request);
    connect(m_proxy.get(), &QAbstractItemModel::modelReset, this, &InvitationsPage::updateHeader);
    // A filter worked out on the worker lands later: the header's count, the actions and the current cell follow.
    connect(m_proxy.get(), &InvitationFilterModel::settled, this, [this] {
        updateHeader();
        ensureCurrentCell();
        updateActions();
    });
    // A row added outside a load (a re-invite) takes its place in the order, not the bottom of the list.
    connect(m_proxy.get(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_invitations->isLoading() && !m_resortTimer.isActive())
            m_resortTimer.start();
    });
}

void InvitationsPage::setUpFilters()
{
    m_ui->statusFilterCombo->addItem(tr("Pending"), int(InvitationStatus::Pending));
    m_ui->statusFilterCombo->addItem(tr("Accepted"), int(InvitationStatus::Accepted));
    m_ui->statusFilterCombo->addItem(tr("Revoked"), int(InvitationStatus::Revoked));
    m_ui->statusFilterCombo->addItem(tr("Expired"), int(InvitationStatus::Expired));
    m_ui->statusFilterCombo->addItem(tr("All"), statusAll);
    connect(m_ui->statusFilterCombo, &QComboBox::activated, this, [this](int index) {
        const int value = m_ui->statusFilterCombo->itemData(index).toInt();
        m_invitations->setStatus(value == statusAll ? std::nullopt : std::optional(InvitationStatus(value)));
    });
    m_ui->quickFilterBar->setModel(m_proxy.get());
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_proxy.get(), &InvitationFilterModel::setText);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_ui->quickFilterBar, &QuickFilterBar::recount);
}

void InvitationsPage::setUpLoading()
{
    // While pages arrive, rows are appended at the end in one block per page and the view is sorted once per
    // batch of pages (on a worker thread when there are many), then once more when the load ends.
    m_resortTimer.setSingleShot(true);
    m_resortTimer.setInterval(150);
    auto sortNow = [this] {
        const QHeaderView *header = m_ui->invitationsView->horizontalHeader();
        m_proxy->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    };
    connect(&m_resortTimer, &QTimer::timeout, this, sortNow);
    auto loadEnded = [this, sortNow] {
        m_loading = false;
        m_resortTimer.stop();
        sortNow();
        ensureCurrentCell();
        m_ui->quickFilterBar->recount(); // in its own event: the last page's event already sorts everything
        updateHeader();                  // with its counts again
        updateActions();
    };
    InvitationsController *inv = m_invitations;
    m_ui->loadPanel->setController(inv, m_model);
    connect(inv, &InvitationsController::loadStarted, this, [this] {
        m_loading = true;
        updateHeader(); // without counts until the end
        updateActions();
    });
    connect(inv, &InvitationsController::seatsChanged, &m_headerUpdates, &Coalescer::request);
    connect(inv, &InvitationsController::revokeFinished, this, &InvitationsPage::updateHeader); // the end's figures, at once
    connect(inv, &InvitationsController::loadProgress, this, [this] {
        ensureCurrentCell();
        if (!m_resortTimer.isActive())
            m_resortTimer.start();
    });
    connect(inv, &InvitationsController::loadFinished, this, [this, loadEnded](int count) {
        loadEnded();
        Q_EMIT statusMessage(tr("%Ln invitation(s) loaded.", nullptr, count), 5000);
    });
    connect(inv, &InvitationsController::loadCancelled, this, loadEnded);
    connect(inv, &InvitationsController::loadFailed, this, loadEnded);
}

void InvitationsPage::show(const ListingScope &scope, bool sameAsBefore)
{
    if (!sameAsBefore) {
        m_ui->filterEdit->clear();
        m_ui->revokePanel->hide();
        m_ui->quickFilterBar->clearRoleFilter(); // another organization has other roles
    }
    // The Organization column matters only when rows come from several organizations. An address's
    // invitations are shown with every status, the others with the status chosen.
    if (!scope.spansOrganizations() && m_proxy->sortColumn() == InvitationTableModel::Organization)
        m_ui->invitationsView->sortByColumn(InvitationTableModel::Invited, Qt::DescendingOrder);
    m_proxy->setOrganizationShown(scope.spansOrganizations());
    m_ui->statusFilterCombo->setVisible(scope.takesStatus());
    m_ui->statusFilterLabel->setVisible(scope.takesStatus());
    m_invitations->show(scope);
    updateHeader();
    m_ui->invitationsView->setFocus(Qt::OtherFocusReason);
}

void InvitationsPage::updateHeader()
{
    m_ui->organizationLabel->present(m_loading);
    Q_EMIT titleChanged();
}

QByteArray InvitationsPage::saveColumns()
{
    // Always without the Organization column, so that the state fits the view it is restored into. Sorted
    // by that column, the state says the next window's default order (removing a column sorted by clears the
    // header's sort column, and a table sorted by none stays in arrival order).
    QHeaderView *header = m_ui->invitationsView->horizontalHeader();
    const int sortColumn = header->sortIndicatorSection();
    const Qt::SortOrder sortOrder = header->sortIndicatorOrder();
    const QSignalBlocker quiet(header);
    if (sortColumn == InvitationTableModel::Organization)
        header->setSortIndicator(InvitationTableModel::Invited, Qt::DescendingOrder);
    const bool shown = m_proxy->isOrganizationShown();
    m_proxy->setOrganizationShown(false);
    const QByteArray state = header->saveState();
    m_proxy->setOrganizationShown(shown);
    header->setSortIndicator(sortColumn, sortOrder);
    return state;
}

void InvitationsPage::restoreColumns(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    const bool shown = m_proxy->isOrganizationShown();
    m_proxy->setOrganizationShown(false);
    QHeaderView *header = m_ui->invitationsView->horizontalHeader();
    header->restoreState(state);
    m_proxy->setOrganizationShown(shown);
    if (header->sortIndicatorSection() < 0 || header->sortIndicatorSection() >= m_proxy->columnCount())
        m_ui->invitationsView->sortByColumn(InvitationTableModel::Invited, Qt::DescendingOrder); // an older state
}

} // namespace InviteDesk
