#pragma once

#include "core/domain/ListingScope.h"

#include <QtCore/QTimer>
#include <QtWidgets/QMainWindow>

#include <memory>

QT_BEGIN_NAMESPACE
class QLineEdit;
namespace Ui {
class MainWindow;
}
QT_END_NAMESPACE

namespace InviteDesk {

class ActivityModel;
class MessageBar;
class ConnectionController;
class InvitationFilterModel;
class InvitationTableModel;
class InvitationsController;
class OrganizationSearch;
class Prompts;
class Session;
class TeamActivityPanel;
struct ConnectionProfile;
struct Organization;

/*!
 * The console's window: it builds the parts and wires them together. The invitations page
 * (gui/invitations) shows and acts on invitations, the connection controller (gui/connection) owns
 * profiles and keys, the organization search finds organizations; every question to the agent goes
 * through Prompts.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /*! \a prompts (not owned) asks the agent; null for the real dialogs. */
    explicit MainWindow(Prompts *prompts = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    /*! Adds the built-in sandbox (or CLERK_SECRET_KEY) as a profile and connects to it. */
    void useTransientProfile(const ConnectionProfile &profile, const QString &secretKey);
    /*! SIGTERM or SIGHUP: stops a run as "stop and quit" does, without asking, and closes once it settled. */
    void endOnSignal();
    /*! Connects to the last used profile, if any. */
    void restoreLastProfile();
    void openOrganization(const QString &idOrSlug);
    /*! Shows every invitation of \a email across the instance's organizations. */
    void searchEmail(const QString &email);
    /*! Shows every invitation of the instance, across organizations. */
    void showInstance();
    /*! Shows the instance's application invitations (to sign up, not to an organization). */
    void showApplication();

    // For tests and the screenshot script.
    Session *session() const { return m_session.get(); }
    InvitationsController *invitations() const { return m_invitations.get(); }
    InvitationTableModel *invitationModel() const { return m_model.get(); }
    InvitationFilterModel *filterModel() const;
    ActivityModel *activityModel() const { return m_activity.get(); }
    OrganizationSearch *organizationSearch() const { return m_search.get(); }
    ConnectionController *connections() const { return m_connections.get(); }
    QLineEdit *organizationEdit() const { return m_organizationEdit; }
    QStringList selectedInvitationIds() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpToolBar();
    void setUpParts();
    void setUpActions();
    void onSessionChanged();
    void onOrganizationResolved(const Organization &organization);
    /*! Shows \a scope unless a run keeps the view; \a fieldText goes into the search field. */
    bool showScope(const ListingScope &scope, const QString &fieldText);
    /*! The search field's list when it is focused or emptied: the whole instance, then recent organizations. */
    void showRecentOrganizations();
    void updateTitle();
    void showMessage(const QString &text, int timeoutMs);
    void onConnectionState();
    void updatePlaceholder();
    void updateBusySign();
    /*! A first window, or one restored from a larger screen, fits the screen it is on. */
    void fitToScreen();
    void ungroupClosedTeamActivity();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<Prompts> m_ownPrompts;
    Prompts *m_prompts;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<InvitationTableModel> m_model;
    std::unique_ptr<ActivityModel> m_activity;
    std::unique_ptr<ConnectionController> m_connections;
    std::unique_ptr<OrganizationSearch> m_search;
    std::unique_ptr<InvitationsController> m_invitations;
    QLineEdit *m_organizationEdit = nullptr;
    TeamActivityPanel *m_teamActivity = nullptr;
    bool m_endingOnSignal = false;
    bool m_barShowsConnection = false; //!< the message bar says the connection's problem (which a reconnect clears)
    MessageBar *m_messageBar = nullptr;
    QWidget *m_busySign = nullptr;
    QAction *m_retryConnection = nullptr;
    QAction *m_stopConnecting = nullptr;
    QAction *m_signInToProxy = nullptr;
    QTimer m_busyDelay;
    QString m_pendingOrganization;
};

} // namespace InviteDesk
