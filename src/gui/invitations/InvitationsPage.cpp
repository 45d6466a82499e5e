#include "gui/invitations/InvitationsPage.h"

#include "core/audit/AuditLog.h"
#include "core/domain/Confirmation.h"

#include "core/domain/Seats.h"
#include "core/domain/StaleRule.h"

#include "core/util/Csv.h"
#include "gui/Accessible.h"
#include "gui/ActivityModel.h"
#include "gui/OrganizationSearch.h"
#include "gui/ProgressLater.h"
#include "gui/TimeFormat.h"
#include "gui/Prompts.h"
#include "gui/session/Session.h"
#include "gui/session/Settings.h"
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
    nameClearButton(m_ui->filterEdit);
    const int x = fontMetrics().horizontalAdvance(u'x');
    // The header wraps in a narrow window rather than holding it wide (QLabel's own minimum is its longest line).
    m_ui->organizationLabel->setMinimumWidth(x * 24);
    // Counts and role names make the quick filter's entries long. The combo keeps one width (a longer entry
    // is elided in it, whole in the list: ElidingComboBox), down to fourteen characters in a narrow window:
    // a width that followed the counts would lay the whole window out again each time they change, while
    // loading and revoking (~6 ms each time).
    m_ui->quickFilterCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ui->quickFilterCombo->setMinimumContentsLength(30);
    m_ui->quickFilterCombo->setMinimumWidth(x * 14);
    m_ui->quickFilterCombo->view()->setMinimumWidth(x * 40);
}

InvitationsPage::~InvitationsPage() = default;

QTableView *InvitationsPage::view() const
{
    return m_ui->invitationsView;
}

void InvitationsPage::setUp(Session *session, InvitationsController *invitations, InvitationTableModel *model,
                            Prompts *prompts, const Actions &actions)
{
    m_session = session;
    // The header's figures follow the counts on the session's clock.
    connect(session, &Session::opened, this, [this] { m_headerUpdates.setClock(m_session->clock()); });
    m_invitations = invitations;
    m_model = model;
    m_prompts = prompts;
    m_actions = actions;
    m_proxy->setSourceModel(model);
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
    using QuickFilter = InvitationFilterModel::QuickFilter;
    m_ui->quickFilterCombo->addItem(tr("No quick filter"), int(QuickFilter::Any));
    for (QuickFilter filter : {QuickFilter::Within24Hours, QuickFilter::Within7Days, QuickFilter::Expired,
                               QuickFilter::Duplicates, QuickFilter::PendingLongerThan})
        m_ui->quickFilterCombo->addItem(QString(), int(filter));
    // The stale sweep in the window: "pending longer than N days", N the agent's, remembered; then Select All, Revoke.
    m_ui->staleDaysSpin->setSuffix(tr(" days"));
    m_ui->staleDaysSpin->setMaximum(StaleRule::mostDays); // the CLI's --older-than bound
    m_ui->staleDaysSpin->setValue(Settings::staleDays.get()); // clamped by the box
    m_proxy->setStaleDays(m_ui->staleDaysSpin->value());
    connect(m_ui->staleDaysSpin, &QSpinBox::valueChanged, this, [this](int days) {
        m_proxy->setStaleDays(days);
        Settings::staleDays.set(days);
        m_countsTimer.start();
    });
    updateQuickFilterCounts();
    connect(m_ui->quickFilterCombo, &QComboBox::activated, this, [this](int index) {
        // A role entry carries the role's key; the others a QuickFilter.
        const QVariant item = m_ui->quickFilterCombo->itemData(index);
        const bool role = item.typeId() == QMetaType::QString;
        m_proxy->setRole(role ? item.toString() : QString());
        m_proxy->setQuickFilter(role ? QuickFilter::Any : QuickFilter(item.toInt()));
        m_ui->staleDaysSpin->setVisible(m_proxy->quickFilter() == QuickFilter::PendingLongerThan);
    });
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_proxy.get(), &InvitationFilterModel::setText);
    // The counts walk every row: refresh them once typing pauses, not on every keystroke.
    m_countsTimer.setSingleShot(true);
    m_countsTimer.setInterval(250);
    connect(&m_countsTimer, &QTimer::timeout, this, &InvitationsPage::updateQuickFilterCounts);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, &m_countsTimer, qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::dataChanged, &m_countsTimer, qOverload<>(&QTimer::start)); // revokes change them
    connect(m_model, &QAbstractItemModel::modelReset, &m_countsTimer, qOverload<>(&QTimer::start)); // a new load
    connect(m_proxy.get(), &InvitationFilterModel::settled, &m_countsTimer, qOverload<>(&QTimer::start)); // a filter in place
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
        m_ui->cancelLoadButton->hide();
        m_countsTimer.start(); // in its own event: the last page's event already sorts everything
        updateHeader();        // with its counts again
        updateActions();
    };
    InvitationsController *inv = m_invitations;
    m_ui->loadPanel->hide();
    connect(m_ui->cancelLoadButton, &QPushButton::clicked, inv, &InvitationsController::cancelLoad);
    connect(inv, &InvitationsController::loadStarted, this, [this] {
        m_loading = true;
        updateHeader(); // without counts until the end
        m_ui->loadPanel->show();
        m_ui->loadProgress->setRange(0, 0);
        setLoadText(tr("Loading invitations…"));
        m_ui->cancelLoadButton->show();
        updateActions();
    });
    connect(inv, &InvitationsController::seatsChanged, &m_headerUpdates, &Coalescer::request);
    connect(inv, &InvitationsController::revokeFinished, this, &InvitationsPage::updateHeader); // the end's figures, at once
    connect(inv, &InvitationsController::loadProgress, this, [this](int loaded, qint64 total) {
        ensureCurrentCell();
        if (!m_resortTimer.isActive())
            m_resortTimer.start();
        m_ui->loadProgress->setRange(0, int(std::max<qint64>(total, 1)));
        setProgressLater(m_ui->loadProgress, loaded);
        setLoadCount(loaded, total);
    });
    connect(inv, &InvitationsController::loadFinished, this, [this, loadEnded](int count) {
        loadEnded();
        m_ui->loadPanel->hide();
        Q_EMIT statusMessage(tr("%Ln invitation(s) loaded.", nullptr, count), 5000);
    });
    connect(inv, &InvitationsController::loadCancelled, this, [this, loadEnded] {
        loadEnded();
        m_ui->loadProgress->setRange(0, 1);
        setLoadText(tr("Loading cancelled: %1 shown. Press F5 to load everything.")
                        .arg(QLocale().toString(m_model->rowCount())));
    });
    connect(inv, &InvitationsController::loadFailed, this, [this, loadEnded](const ClerkError &error) {
        loadEnded();
        m_ui->loadProgress->setRange(0, 1);
        setLoadText(tr("Loading failed: %1 Press F5 to try again.").arg(error.userMessage()));
    });
}

void InvitationsPage::setLoadText(const QString &text)
{
    QLabel *label = m_ui->loadLabel;
    label->setMinimumSize(0, 0);
    label->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    label->setText(text);
}

void InvitationsPage::setLoadCount(int loaded, qint64 total)
{
    // The count changes with every block of rows. A label whose size can change asks the whole window for
    // a new layout on each setText() (~6 ms with its word-wrapped labels); at a fixed size it only repaints.
    QLabel *label = m_ui->loadLabel;
    const QString pattern = tr("Loaded %1 of %2");
    const QFontMetrics metrics = label->fontMetrics();
    // The widest this load's numbers can get: every digit of the larger one as the font's widest digit.
    QString widestDigit;
    for (int d = 0; d <= 9; ++d) {
        const QString digit = QLocale().toString(d);
        if (metrics.horizontalAdvance(digit) > metrics.horizontalAdvance(widestDigit))
            widestDigit = digit;
    }
    QString widest;
    for (const QChar c : QLocale().toString(std::max<qint64>(loaded, total)))
        widest += c.isDigit() ? widestDigit : QString(c);
    label->setText(pattern.arg(QLocale().toString(loaded), QLocale().toString(total)));
    const QMargins margins = label->contentsMargins() + label->margin();
    label->setFixedSize(metrics.horizontalAdvance(pattern.arg(widest, widest)) + margins.left() + margins.right() + 1,
                        label->sizeHint().height()); // the same each time: only the first call lays out
}

void InvitationsPage::show(const ListingScope &scope, bool sameAsBefore)
{
    if (!sameAsBefore) {
        m_ui->filterEdit->clear();
        m_ui->revokePanel->hide();
        clearRoleFilter(); // another organization has other roles
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

void InvitationsPage::clearRoleFilter()
{
    if (m_proxy->role().isEmpty())
        return;
    m_proxy->setRole({});
    m_ui->quickFilterCombo->setCurrentIndex(0);
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
