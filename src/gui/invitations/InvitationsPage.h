#pragma once

#include "core/api/ClerkTypes.h"
#include "core/domain/ListingScope.h"
#include "gui/Coalescer.h"

#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QTableView;
namespace Ui {
class InvitationsPage;
}
QT_END_NAMESPACE

namespace InviteDesk {

class InvitationDetails;

class InvitationFilterModel;
class InvitationTableModel;
class InvitationsController;
class Prompts;
class Session;

/*!
 * The invitations page: the header (organization or address: InvitationsHeader), the status filter,
 * the quick filters (QuickFilterBar), the filter box, the table with its load strip (LoadStrip) and
 * revoke strip (RevokePanel); the layout is ui/InvitationsPage.ui, each strip has its own.
 *
 * It turns the agent's selection into invitation IDs in one place, asks through Prompts, and hands
 * every decision to InvitationsController; whether a row may be revoked is the table model's answer.
 * It owns the actions that work on it (revoke, copy, export, refresh, filter, details): made in its .ui,
 * enabled and triggered here, placed in the window's menus and toolbar by the window.
 */
class InvitationsPage : public QWidget
{
    Q_OBJECT

public:
    struct Actions
    {
        QAction *revoke = nullptr;
        QAction *revokeDuplicates = nullptr;
        QAction *revokeAllForAddress = nullptr;
        QAction *reinvite = nullptr;
        QAction *copyEmail = nullptr;
        QAction *copyId = nullptr;
        QAction *copyLink = nullptr;
        QAction *copySummary = nullptr;
        QAction *exportCsv = nullptr;
        QAction *refresh = nullptr;
        QAction *find = nullptr;
        QAction *details = nullptr; //!< checkable: the details pane beside the table
    };

    explicit InvitationsPage(QWidget *parent = nullptr);
    ~InvitationsPage() override;

    void setUp(Session *session, InvitationsController *invitations, InvitationTableModel *model, Prompts *prompts);
    /*! The page's actions (ui/InvitationsPage.ui), which it enables and triggers; the window puts them in its menus. */
    const Actions &actions() const { return m_actions; }

    InvitationFilterModel *filterModel() const { return m_proxy.get(); }
    QTableView *view() const;
    /*! The columns' order and widths as the agent left them, for one organization's view. */
    QByteArray saveColumns();
    void restoreColumns(const QByteArray &state);
    /*! The selected rows' invitation IDs, in the table's order. */
    QStringList selectedInvitationIds() const;
    /*! For the window title: what is shown (ListingScope::title()); empty when nothing is. */
    QString title() const;

    /*!
     * Shows \a scope (a new load): an organization's invitations, an address's across the instance (with
     * the Organization column), the instance's, or its application invitations. \a sameAsBefore: a
     * refresh of what is shown, which keeps the agent's filters.
     */
    void show(const ListingScope &scope, bool sameAsBefore = false);
    void updateHeader();
    void updateActions();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);
    void titleChanged();

private:
    void setUpTable();
    void setUpFilters();
    void setUpLoading();
    /*! The keyboard's order through the page and its strips. */
    void setUpTabOrder();
    void setUpActions();
    /*! The details pane shows the current row (when it is shown at all). */
    void showDetails();
    /*! Names the context menu's sort actions after the current cell's column. */
    void updateSortActions();
    void ensureCurrentCell();
    void revokeSelected();
    void revokeOlderDuplicates();
    void revokeAllForAddress();
    /*! \a describe, if given, makes each line of the confirmation (default: the address and its organization). */
    void confirmAndRevoke(const QStringList &ids, const QString &scope, const QString &confirmationText,
                          const std::function<QString(const Invitation &)> &describe = {});
    void reinviteSelected();
    void copyColumn(int role, const QString &what);
    void copySummary();
    void exportCsv();
    int organizationsOf(const QStringList &ids) const;

    std::unique_ptr<Ui::InvitationsPage> m_ui;
    std::unique_ptr<InvitationFilterModel> m_proxy;
    InvitationDetails *m_details = nullptr;
    QAction *m_sortAscending = nullptr;  //!< by the current cell's column: sorting without a mouse
    QAction *m_sortDescending = nullptr;
    Session *m_session = nullptr;
    InvitationsController *m_invitations = nullptr;
    InvitationTableModel *m_model = nullptr;
    Prompts *m_prompts = nullptr;
    Actions m_actions;
    QTimer m_resortTimer;
    /*! What changes the header's counts comes with every revoke and block of rows: ~4 new texts a second. */
    Coalescer m_headerUpdates{std::chrono::milliseconds(250), [this] { updateHeader(); }};
    bool m_loading = false; //!< between loadStarted and the load's end: the header leaves its counts to the load strip
    QTimer m_actionsTimer;
};

} // namespace InviteDesk
