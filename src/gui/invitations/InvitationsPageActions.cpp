#include "gui/invitations/InvitationsPage.h"

#include "gui/invitations/InvitationDetails.h"
#include "gui/invitations/InvitationFilterModel.h"
#include "gui/invitations/InvitationTableModel.h"
#include "gui/invitations/InvitationsController.h"
#include "ui_InvitationsPage.h"

#include <QtGui/QContextMenuEvent>
#include <QtGui/QShortcut>

using namespace Qt::StringLiterals;

// The page's actions: made and wired, enabled as the selection allows, the context menu's sorting.

namespace InviteDesk {

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
    connect(m_actions.refresh, &QAction::triggered, m_invitations, &InvitationsController::refresh);
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

} // namespace InviteDesk
