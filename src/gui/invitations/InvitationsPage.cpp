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
#include "gui/invitations/InvitationDetails.h"
#include "gui/invitations/InvitationFilterModel.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "ui_InvitationsPage.h"

#include <QtCore/QDir>
#include <QtCore/QLocale>
#include <QtCore/QSaveFile>
#include <QtCore/QSettings>
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
/*! The N of the quick filter "pending longer than N days", as the agent last chose it. */
constexpr auto staleDaysKey = "filters/staleDays";

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
    m_ui->staleDaysSpin->setValue(QSettings().value(staleDaysKey, 14).toInt()); // clamped by the box
    m_proxy->setStaleDays(m_ui->staleDaysSpin->value());
    connect(m_ui->staleDaysSpin, &QSpinBox::valueChanged, this, [this](int days) {
        m_proxy->setStaleDays(days);
        QSettings().setValue(staleDaysKey, days);
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

void InvitationsPage::setUpActions()
{
    QTableView *view = m_ui->invitationsView;
    for (QAction *action : {m_actions.revoke, m_actions.copyEmail, m_actions.copyId, m_actions.copyLink, m_actions.reinvite}) {
        view->addAction(action);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    }
    auto *separator = new QAction(view);
    separator->setSeparator(true);
    view->addAction(separator);
    // Shift+F10 opens the same menu as the Menu key, which many laptops lack (Qt 6.4 on Linux maps only the
    // Menu key): at the current cell, as the Menu key does.
    auto *menuKey = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10), view);
    menuKey->setContext(Qt::WidgetShortcut);
    connect(menuKey, &QShortcut::activated, view, [view] {
        const QModelIndex current = view->currentIndex();
        if (current.isValid())
            view->scrollTo(current);
        const QPoint at = current.isValid() ? view->visualRect(current).center() : QPoint(0, 0);
        QContextMenuEvent event(QContextMenuEvent::Keyboard, at, view->viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(view, &event);
    });
    // The header cannot take the focus: the context menu (Menu key, Shift+F10) sorts by the current column.
    m_sortAscending = new QAction(view);
    m_sortAscending->setObjectName(u"actionSortAscending"_s);
    m_sortDescending = new QAction(view);
    m_sortDescending->setObjectName(u"actionSortDescending"_s);
    view->addAction(m_sortAscending);
    view->addAction(m_sortDescending);
    auto *separator2 = new QAction(view);
    separator2->setSeparator(true);
    view->addAction(separator2);
    view->addAction(m_actions.refresh);
    connect(m_sortAscending, &QAction::triggered, this, [view] {
        view->sortByColumn(view->currentIndex().isValid() ? view->currentIndex().column() : 0, Qt::AscendingOrder);
        view->scrollTo(view->currentIndex());
    });
    connect(m_sortDescending, &QAction::triggered, this, [view] {
        view->sortByColumn(view->currentIndex().isValid() ? view->currentIndex().column() : 0, Qt::DescendingOrder);
        view->scrollTo(view->currentIndex());
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, &InvitationsPage::updateSortActions);
    view->addAction(m_actions.details);
    connect(m_actions.details, &QAction::toggled, this, [this](bool shown) {
        m_details->setVisible(shown);
        showDetails();
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, &InvitationsPage::showDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const QModelIndex current = m_proxy->mapToSource(m_ui->invitationsView->currentIndex());
        if (current.isValid() && current.row() >= from.row() && current.row() <= to.row())
            showDetails(); // its status moved (a revoke ended)
    });
    updateSortActions();

    connect(m_actions.revoke, &QAction::triggered, this, &InvitationsPage::revokeSelected);
    connect(m_ui->revokeButton, &QPushButton::clicked, this, &InvitationsPage::revokeSelected);
    connect(m_actions.revokeDuplicates, &QAction::triggered, this, &InvitationsPage::revokeOlderDuplicates);
    connect(m_actions.revokeAllForAddress, &QAction::triggered, this, &InvitationsPage::revokeAllForAddress);
    connect(m_actions.reinvite, &QAction::triggered, this, &InvitationsPage::reinviteSelected);
    connect(m_actions.copyEmail, &QAction::triggered, this,
            [this] { copyColumn(InvitationTableModel::EmailRole, tr("email address(es)")); });
    connect(m_actions.copyId, &QAction::triggered, this,
            [this] { copyColumn(InvitationTableModel::InvitationIdRole, tr("invitation ID(s)")); });
    connect(m_actions.copyLink, &QAction::triggered, this,
            [this] { copyColumn(InvitationTableModel::UrlRole, tr("invitation link(s)")); });
    connect(m_actions.copySummary, &QAction::triggered, this, &InvitationsPage::copySummary);
    connect(m_actions.exportCsv, &QAction::triggered, this, &InvitationsPage::exportCsv);
    connect(m_actions.refresh, &QAction::triggered, this, [this] {
        if (!m_invitations->canChangeView())
            return;
        if (m_invitations->hasOrganization())
            Q_EMIT refreshRequested(); // fresh counts, then a fresh load
        else
            m_invitations->reload(); // an address: every organization again, re-invites included
    });
    connect(m_actions.find, &QAction::triggered, this, [this] {
        m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->filterEdit->selectAll();
    });
    updateActions();
}

void InvitationsPage::showDetails()
{
    if (!m_details->isVisible())
        return;
    const QModelIndex current = m_proxy->mapToSource(m_ui->invitationsView->currentIndex());
    if (!current.isValid())
        return m_details->clear();
    const int row = current.row();
    m_details->present(m_model->invitationAt(row), m_model->statusAt(row), m_model->messageAt(row), AuditLog::defaultPath());
}

void InvitationsPage::updateSortActions()
{
    const QTableView *view = m_ui->invitationsView;
    const int column = view->currentIndex().isValid() ? view->currentIndex().column() : 0;
    const QString name = m_proxy->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    m_sortAscending->setText(tr("Sort by %1, &Ascending").arg(name));
    m_sortDescending->setText(tr("Sort by %1, De&scending").arg(name));
}

QStringList InvitationsPage::selectedInvitationIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_ui->invitationsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids << m_proxy->mapToSource(index).data(InvitationTableModel::InvitationIdRole).toString();
    return ids;
}

void InvitationsPage::updateActions()
{
    const QStringList selected = selectedInvitationIds();
    int revocableCount = 0; // what the confirmation will list: the button says the same number
    bool hasLink = false;
    for (const QString &id : selected) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        revocableCount += m_model->isRevocable(row) ? 1 : 0;
        const Invitation &inv = m_model->invitationAt(row);
        hasLink = hasLink || (!inv.url.isEmpty() && inv.status == InvitationStatus::Pending);
    }
    const bool busy = !m_invitations->canChangeView();
    // One row: Re-invite works, or says why it does not (Ctrl+I on a pending row once did nothing, silently).
    const bool reinvitable = selected.size() == 1 && m_model->rowOf(selected.first()) >= 0;
    const bool revocable = revocableCount > 0;
    m_actions.revoke->setEnabled(revocable && !busy);
    m_ui->revokeButton->setEnabled(revocable && !busy);
    m_ui->revokeButton->setText(revocableCount > 1 ? tr("Rev&oke %Ln…", nullptr, revocableCount) : tr("Rev&oke…"));
    m_actions.copyEmail->setEnabled(!selected.isEmpty());
    m_actions.copyId->setEnabled(!selected.isEmpty());
    m_actions.copyLink->setEnabled(hasLink);
    m_actions.reinvite->setEnabled(reinvitable && !busy);
    const ListingScope::Kind shown = m_invitations->scope().kind();
    m_actions.revokeDuplicates->setEnabled(!busy && (shown == ListingScope::Kind::Organization || shown == ListingScope::Kind::Instance));
    m_actions.revokeAllForAddress->setEnabled(!busy && shown == ListingScope::Kind::EmailAddress);
    m_actions.copySummary->setEnabled(!m_invitations->ticketSummary().isEmpty());
    m_actions.refresh->setEnabled(m_invitations->hasView() && !busy);
    m_actions.exportCsv->setEnabled(m_model->rowCount() > 0);
    m_ui->statusFilterCombo->setEnabled(!busy);
}

void InvitationsPage::ensureCurrentCell()
{
    // The table has the focus from the start: with a current cell, the arrow keys and Space work at once.
    QTableView *view = m_ui->invitationsView;
    if (!view->currentIndex().isValid() && m_proxy->rowCount() > 0)
        view->selectionModel()->setCurrentIndex(m_proxy->index(0, 0), QItemSelectionModel::NoUpdate);
}

void InvitationsPage::updateQuickFilterCounts()
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
    if (const int stale = m_ui->quickFilterCombo->findData(int(QuickFilter::PendingLongerThan)); stale >= 0) {
        m_ui->quickFilterCombo->setItemText(
            stale, tr("Pending longer than %n day(s) (%1)", nullptr, m_proxy->staleDays())
                       .arg(QLocale().toString(m_proxy->countMatching(QuickFilter::PendingLongerThan))));
    }

    // One entry per role the pending invitations hold: a role Clerk will not delete
    // (organization_role_exists_in_invitations) is unblocked by this filter, Select All and Revoke.
    QComboBox *combo = m_ui->quickFilterCombo;
    if (combo->view()->isVisible()) { // never rebuilt under the agent's pointer: after the popup closes
        m_countsTimer.start();
        return;
    }
    for (int i = combo->count() - 1; i >= 0; --i) {
        if (combo->itemData(i).typeId() == QMetaType::QString)
            combo->removeItem(i);
    }
    for (const InvitationFilterModel::RoleCount &role : m_proxy->pendingRoles())
        combo->addItem(tr("Pending with role %1 (%2)").arg(role.name, QLocale().toString(role.pending)), role.key);
    if (!m_proxy->role().isEmpty()) {
        const int index = combo->findData(m_proxy->role());
        if (index >= 0)
            combo->setCurrentIndex(index);
        else
            clearRoleFilter(); // no pending invitation holds it any more: back to all
    }
}

QString InvitationsPage::title() const
{
    return m_invitations->scope().title();
}

QString InvitationsPage::seatsSentence(const Organization &organization)
{
    const std::optional<SeatUse> seats = seatUseOf(organization);
    if (!seats)
        return {};
    QString text = tr("%Ln member(s)", nullptr, seats->members) + u" · "_s
                   + tr("%Ln pending invitation(s)", nullptr, seats->pending) + u" · "_s
                   + (seats->hasLimit() ? tr("limit %1").arg(QLocale().toString(seats->limit)) : tr("no membership limit"));
    if (seats->heldByInvitations())
        text += u"<br><b>"_s
                + tr("At its limit because of pending invitations: no one can join until %Ln of them is revoked.",
                     nullptr, seats->revokesForOneSeat())
                + u"</b>"_s;
    else if (seats->atLimit())
        text += u"<br><b>"_s + tr("At its limit with members alone: revoking invitations frees no seat.") + u"</b>"_s;
    return text;
}

void InvitationsPage::updateHeader()
{
    // While a load runs, its panel counts; the header's counts come at its end. Rows arrive in blocks, and
    // each new text of this word-wrapped label lays the whole window out again (~6 ms).
    const bool counting = !m_loading;
    const ListingScope &scope = m_invitations->scope();
    if (scope.isChosen() && !m_invitations->hasOrganization()) {
        QString text = u"<span style='font-size:large;font-weight:bold'>"_s + title().toHtmlEscaped() + u"</span>"_s;
        if (counting) {
            text += u"&nbsp;&nbsp;"_s + countsText();
            if (scope.spansOrganizations())
                text += u" · "_s + tr("in %Ln organization(s)", nullptr, m_model->organizationCount());
            else // an application invitation is to the instance, not to an organization
                text += u" · "_s + tr("invitations to sign up, not to an organization");
            text += extentText();
        }
        m_ui->organizationLabel->setText(text);
    } else if (m_invitations->hasOrganization()) {
        const Organization &org = m_invitations->organization();
        QStringList details;
        if (!org.slug.isEmpty())
            details << org.slug.toHtmlEscaped();
        details << u"<code>"_s + org.id.toHtmlEscaped() + u"</code>"_s;
        if (counting)
            details << countsText();
        QString text = u"<span style='font-size:large;font-weight:bold'>"_s + org.name.toHtmlEscaped()
                       + u"</span>&nbsp;&nbsp;"_s + details.join(u" · "_s);
        if (counting)
            text += extentText();
        if (const QString seats = seatsSentence(org); !seats.isEmpty())
            text += u"<br>"_s + seats;
        m_ui->organizationLabel->setText(text);
    } else {
        m_ui->organizationLabel->setText(tr("No organization selected"));
    }
    Q_EMIT titleChanged();
}

QString InvitationsPage::countsText() const
{
    // One basis for every number beside the seats line: the rows loaded, and of them the pending ones, which
    // is what "pending" means there too (revoked and accepted rows are loaded, but hold no seat).
    const int shown = m_proxy->rowCount();
    const int loaded = m_model->rowCount();
    const int pending = m_model->pendingCount();
    QStringList parts;
    if (shown != loaded)
        parts << tr("%1 shown").arg(QLocale().toString(shown));
    if (loaded == 0)
        parts << tr("%Ln invitation(s)", nullptr, loaded);
    else if (pending == loaded)
        parts << tr("%Ln pending invitation(s)", nullptr, loaded);
    else
        parts << tr("%1 loaded · %2 pending").arg(QLocale().toString(loaded), QLocale().toString(pending));
    return parts.join(u" · "_s);
}

QString InvitationsPage::extentText() const
{
    // A list cut short looks like a whole one: the header says it is not, until a load reads it all.
    const QString key = m_actions.refresh->shortcut().toString(QKeySequence::NativeText);
    switch (m_invitations->listExtent()) {
    case InvitationListing::Extent::Whole:
        return {};
    case InvitationListing::Extent::Doubted:
        return u" · <b>"_s + tr("may be incomplete — %1 reads it again").arg(key).toHtmlEscaped() + u"</b>"_s;
    case InvitationListing::Extent::Partial:
        break;
    }
    return u" · <b>"_s + tr("incomplete — %1 loads all").arg(key).toHtmlEscaped() + u"</b>"_s;
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

void InvitationsPage::revokeSelected()
{
    QStringList ids;
    for (const QString &id : selectedInvitationIds()) {
        const int row = m_model->rowOf(id);
        if (row >= 0 && m_model->isRevocable(row))
            ids << id;
    }
    const ListingScope &scope = m_invitations->scope();
    confirmAndRevoke(ids, scope.revokeWhere(organizationsOf(ids)), scope.confirmationHandle(int(ids.size())));
}

void InvitationsPage::revokeOlderDuplicates()
{
    QHash<QString, QString> kept;
    const QStringList ids = m_model->olderDuplicateIds(&kept);
    if (ids.isEmpty()) {
        Q_EMIT statusMessage(tr("No address has more than one pending invitation here."), 5000);
        return;
    }
    // Which one goes and which one stays, told apart by date and ID: both may say "2 hours ago".
    auto describe = [this, &kept](const Invitation &older) {
        const Invitation &newest = m_model->invitationAt(m_model->rowOf(kept.value(older.id)));
        return tr("%1 — invited %2, %3; keeps %4 of %5")
            .arg(older.emailAddress, TimeFormat::exact(older.createdAt), older.id, newest.id, TimeFormat::exact(newest.createdAt));
    };
    const ListingScope &scope = m_invitations->scope();
    confirmAndRevoke(ids,
                     tr("%1 — the older duplicates; the newest invitation of each address stays")
                         .arg(scope.revokeWhere(organizationsOf(ids))),
                     scope.confirmationHandle(int(ids.size())), describe);
}

void InvitationsPage::revokeAllForAddress()
{
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->isRevocable(row))
            ids << m_model->invitationAt(row).id;
    }
    if (ids.isEmpty()) {
        Q_EMIT statusMessage(tr("%1 has no pending invitations.").arg(m_invitations->email()), 5000);
        return;
    }
    bool signUp = false; // the address's application invitation is among them: the scope says so
    for (const QString &id : std::as_const(ids))
        signUp = signUp || m_model->invitationAt(m_model->rowOf(id)).kind == InvitationKind::Application;
    confirmAndRevoke(ids,
                     signUp ? tr("of %1, in every organization and to sign up").arg(m_invitations->email())
                            : tr("of %1, in every organization").arg(m_invitations->email()),
                     m_invitations->email());
}

void InvitationsPage::confirmAndRevoke(const QStringList &ids, const QString &scope, const QString &confirmationText,
                                       const std::function<QString(const Invitation &)> &describe)
{
    if (m_invitations->isRevoking() || m_invitations->isHolding() || ids.isEmpty())
        return;
    Prompts::RevokeRequest request{m_session->badge(), scope, confirmationText, {}, int(ids.size()), m_invitations->undoSeconds()};
    if (m_invitations->spansOrganizations()) {
        // Grouped by organization: a heading with its count, then its rows; organizations by name.
        QMap<QString, QStringList> groups; // folded name, name, ID → lines
        for (const QString &id : ids) {
            const Invitation &inv = m_model->invitationAt(m_model->rowOf(id));
            // Application invitations are a group of their own, named as the table names them.
            const QString name = InvitationTableModel::organizationText(inv);
            groups[name.toCaseFolded() + u'\x1f' + name + u'\x1f' + inv.organizationId]
                << u"    "_s + (describe ? describe(inv) : inv.emailAddress);
        }
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            request.lines << tr("%1 — %Ln invitation(s)", nullptr, int(it->size())).arg(it.key().section(u'\x1f', 1, 1));
            request.lines << *it;
        }
    } else {
        for (const QString &id : ids)
            request.lines << (describe ? describe(m_model->invitationAt(m_model->rowOf(id)))
                                       : m_model->invitationAt(m_model->rowOf(id)).emailAddress);
    }
    const Prompts::RevokeAnswer answer = m_prompts->confirmRevoke(window(), request);
    if (!answer.confirmed) {
        Q_EMIT statusMessage(tr("Nothing was revoked."), 4000);
        return;
    }
    m_invitations->revoke(ids, answer.ticket);
}

int InvitationsPage::organizationsOf(const QStringList &ids) const
{
    QSet<QString> organizations;
    for (const QString &id : ids)
        organizations.insert(m_model->invitationAt(m_model->rowOf(id)).organizationId);
    return int(organizations.size());
}

void InvitationsPage::reinviteSelected()
{
    const QStringList ids = selectedInvitationIds();
    const int row = ids.size() == 1 ? m_model->rowOf(ids.first()) : -1;
    if (row < 0)
        return;
    if (!m_model->isReinvitable(row)) {
        Q_EMIT statusMessage(tr("Re-invite is for a revoked or expired invitation; this one is %1.")
                                 .arg(m_model->statusAt(row).toLower()),
                             8000);
        return;
    }
    const Invitation inv = m_model->invitationAt(row);
    if (inv.kind == InvitationKind::Application) {
        Q_EMIT statusMessage(tr("Re-invite is for organization invitations; invite this address to sign up again in "
                                "Clerk's Dashboard."),
                             8000);
        return;
    }
    const QString orgName = inv.organization ? inv.organization->name : m_invitations->organization().name;
    const Prompts::ReinviteAnswer answer = m_prompts->confirmReinvite(window(), m_session->badge(), inv, orgName);
    if (answer.confirmed)
        m_invitations->reinvite(inv.id, answer.notify, answer.expiresInDays);
}

void InvitationsPage::copyColumn(int role, const QString &what)
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
    Q_EMIT statusMessage(tr("Copied %1 %2.").arg(values.size()).arg(what), 3000);
}

void InvitationsPage::copySummary()
{
    const QString text = m_invitations->ticketSummary();
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("Summary copied: paste it into the ticket."), 4000);
}

void InvitationsPage::exportCsv()
{
    const QString suggested = QDir::home().filePath(
        u"%1-invitations-%2.csv"_s.arg(m_invitations->scope().fileStem(), QDate::currentDate().toString(Qt::ISODate)));
    const QString path = m_prompts->saveFileName(window(), tr("Export invitations"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    // What the table shows, in its order: the same columns as `invitedesk-cli list --format csv`.
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(Csv::invitationHeader().toUtf8());
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            file.write(Csv::invitationRow(m_model->invitationAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row())).toUtf8());
    }
    if (!file.commit()) {
        m_prompts->warn(window(), tr("Export failed"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    Q_EMIT statusMessage(tr("Exported %Ln invitation(s) to %1.", nullptr, m_proxy->rowCount()).arg(QDir::toNativeSeparators(path)),
                         8000);
}

} // namespace InviteDesk
